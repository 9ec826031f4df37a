// mesh notifications --as PERSON [--limit N] [--json]: what the person's teams were told about
// incidents and consumer reports, newest first, with each webhook delivery's state.
// Exit codes: 0 shown, 2 usage error or unknown person.
#include <iostream>
#include <memory>

#include "cli/sla_context.h"
#include "cli/verb.h"
#include "sla/sla_json.h"

namespace mesh::cli {
namespace {

using sla::Json;
using sla::NotificationJson;

struct NotificationOptions {
  std::string person;
  int limit = 50;
  bool json = false;
  StoreOptions stores;
};

void Print(const Notification& notification) {
  std::cout << FormatTimestamp(notification.at) << "  " << notification.team << "  "
            << notification.event << "  " << notification.subject << " #" << notification.subject_id
            << "\n  " << notification.message << "\n";
  if (notification.webhook) {
    std::cout << "  webhook: " << DeliveryStatusName(*notification.webhook) << " after "
              << notification.webhook_attempts << " attempt(s)"
              << (notification.webhook_error.empty() ? "" : ": " + notification.webhook_error)
              << "\n";
  }
}

int Run(const GlobalOptions& global, const NotificationOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("notifications", context.status());
  Status person = RequirePerson(*context, options.person);
  if (!person.ok()) return FailWith("notifications", person);
  NotificationFilter filter{context->org.TeamsOf(options.person), options.limit};
  Result<std::vector<Notification>> notifications = context->catalog->ListNotifications(filter);
  if (!notifications.ok()) return FailWith("notifications", notifications.status());
  if (options.json) {
    Json json = Json::array();
    for (const Notification& notification : *notifications) {
      json.push_back(NotificationJson(notification));
    }
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const Notification& notification : *notifications) Print(notification);
  if (notifications->empty()) std::cout << "no notifications for " << options.person << "\n";
  return kExitOk;
}

void SetupNotifications(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "notifications", "What your teams were told about incidents and consumer reports");
  auto options = std::make_shared<NotificationOptions>();
  command->add_option("--as", options->person, "Who you are (a person of mesh.yaml)")->required();
  command->add_option("--limit", options->limit, "At most this many, newest first (default 50)");
  command->add_flag("--json", options->json, "Print [{id, team, product, event, message, ...}]");
  AddStoreOptions(command, &options->stores);
  command->callback([&global, options, exit_code] { *exit_code = Run(global, *options); });
  command->footer("Exit codes: 0 shown, 2 usage error or unknown person.");
}

}  // namespace

MESH_REGISTER_VERB("notifications", 72, SetupNotifications);

}  // namespace mesh::cli
