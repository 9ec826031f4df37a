// mesh incident list [NAME] [--status S] [--as P] [--json] | show ID [--json] |
// ack ID --as P [--note N] | close ID --as P [--note N]: the incidents that SLA breaches open
// (docs/sla.md "Incidents"). Only members of the product's owning team acknowledge and close.
// Exit codes: 0 done, 1 refused (not an owner, or a move the incident cannot make), 2 usage
// error or unknown incident.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/sla_context.h"
#include "cli/verb.h"
#include "sla/sla_actions.h"
#include "sla/sla_json.h"

namespace mesh::cli {
namespace {

using sla::IncidentJson;
using sla::Json;

struct IncidentOptions {
  std::string product;
  std::string status = "active";
  std::string person;
  std::string note;
  int64_t id = 0;
  bool json = false;
  StoreOptions stores;
};

void PrintIncident(const Incident& incident) {
  std::cout << "#" << incident.id << "  " << incident.product << "  "
            << BreachKindName(incident.kind) << "  " << IncidentStatusName(incident.status)
            << "  breach " << FormatTimestamp(incident.breach_at) << "\n  " << incident.summary
            << "\n";
}

void PrintIncidentDetails(const Incident& incident) {
  PrintIncident(incident);
  std::cout << "  opened " << FormatTimestamp(incident.opened_at) << "\n";
  if (incident.acknowledged_at) {
    std::cout << "  acknowledged by " << incident.acknowledged_by << " at "
              << FormatTimestamp(*incident.acknowledged_at) << "\n";
  }
  if (incident.closed_at) {
    std::cout << "  closed by " << incident.closed_by << " at "
              << FormatTimestamp(*incident.closed_at) << "\n";
  }
  if (!incident.note.empty()) std::cout << "  note: " << incident.note << "\n";
}

Result<IncidentFilter> MakeFilter(const SlaContext& context, const IncidentOptions& options) {
  IncidentFilter filter;
  if (!options.product.empty()) filter.product = options.product;
  if (options.status != "active" && options.status != "all") {
    filter.status = ParseIncidentStatus(options.status);
    if (!filter.status) {
      return Status::InvalidArgument("--status '" + options.status +
                                     "': use open, acknowledged, closed, active or all");
    }
  }
  if (options.person.empty()) return filter;
  RETURN_NOT_OK(RequirePerson(context, options.person));
  // Only the products the person's teams own or consume.
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products, context.catalog->ListProducts({}));
  std::vector<std::string> teams = context.org.TeamsOf(options.person);
  for (const ProductRecord& product : products) {
    ASSIGN_OR_RAISE(std::vector<std::string> concerned, TeamsOfProduct(*context.catalog, product));
    for (const std::string& team : teams) {
      if (std::find(concerned.begin(), concerned.end(), team) != concerned.end()) {
        filter.products.push_back(product.name);
        break;
      }
    }
  }
  if (filter.products.empty()) filter.products.push_back("\n");  // matches nothing
  return filter;
}

int RunList(const GlobalOptions& global, const IncidentOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("incident list", context.status());
  Result<IncidentFilter> filter = MakeFilter(*context, options);
  if (!filter.ok()) return FailWith("incident list", filter.status());
  Result<std::vector<Incident>> incidents = context->catalog->ListIncidents(*filter);
  if (!incidents.ok()) return FailWith("incident list", incidents.status());
  if (options.status == "active") {
    std::erase_if(*incidents,
                  [](const Incident& i) { return i.status == IncidentStatus::kClosed; });
  }
  if (options.json) {
    Json json = Json::array();
    for (const Incident& incident : *incidents) json.push_back(IncidentJson(incident));
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const Incident& incident : *incidents) PrintIncident(incident);
  if (incidents->empty()) std::cout << "no incidents\n";
  return kExitOk;
}

int RunShow(const GlobalOptions& global, const IncidentOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("incident show", context.status());
  Result<Incident> incident = context->catalog->GetIncident(options.id);
  if (!incident.ok()) return FailWith("incident show", incident.status());
  if (options.json) {
    std::cout << IncidentJson(*incident).dump(2) << "\n";
  } else {
    PrintIncidentDetails(*incident);
  }
  return kExitOk;
}

Result<Incident> Transition(SlaContext& context, const IncidentOptions& options,
                            IncidentStatus to) {
  std::string verb = to == IncidentStatus::kClosed ? "close" : "acknowledge";
  sla::ActionContext action{context.catalog.get(), &context.org, context.clock->Now()};
  return sla::ChangeIncident(
      action, options.id, to, options.person, options.note, [&](const ProductRecord& product) {
        return RequireOwner(context, product, options.person,
                            verb + " incident " + std::to_string(options.id));
      });
}

int RunTransition(const GlobalOptions& global, const IncidentOptions& options, IncidentStatus to) {
  std::string verb = to == IncidentStatus::kClosed ? "incident close" : "incident ack";
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith(verb, context.status());
  Result<Incident> incident = Transition(*context, options, to);
  if (!incident.ok()) return FailWith(verb, incident.status());
  DeliverWebhooksNow(*context);
  if (options.json) {
    std::cout << IncidentJson(*incident).dump(2) << "\n";
  } else {
    std::cout << "incident #" << incident->id << " " << IncidentStatusName(incident->status)
              << " by " << options.person << "\n";
  }
  return kExitOk;
}

void AddChange(CLI::App* command, const std::shared_ptr<IncidentOptions>& options) {
  command->add_option("id", options->id, "The incident's id (from mesh incident list)")->required();
  command->add_option("--as", options->person, "Who you are (a member of the owning team)")
      ->required();
  command->add_option("--note", options->note, "Why, in words (kept on the incident)");
  command->add_flag("--json", options->json, "Print the changed incident");
  AddStoreOptions(command, &options->stores);
}

void SetupIncident(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command =
      app.add_subcommand("incident", "Incidents opened by SLA breaches: list, show, ack, close");
  command->require_subcommand(1);
  auto options = std::make_shared<IncidentOptions>();

  CLI::App* list = command->add_subcommand("list", "List incidents, newest first");
  list->add_option("product", options->product, "Only this product's incidents");
  list->add_option("--status", options->status,
                   "open, acknowledged, closed, active (open or acknowledged; default) or all");
  list->add_option("--as", options->person, "Only products this person's teams own or consume");
  list->add_flag("--json", options->json, "Print [{id, product, kind, status, ...}]");
  AddStoreOptions(list, &options->stores);
  list->callback([&global, options, exit_code] { *exit_code = RunList(global, *options); });

  CLI::App* show = command->add_subcommand("show", "Show one incident");
  show->add_option("id", options->id, "The incident's id")->required();
  show->add_flag("--json", options->json, "Print the incident");
  AddStoreOptions(show, &options->stores);
  show->callback([&global, options, exit_code] { *exit_code = RunShow(global, *options); });

  CLI::App* ack = command->add_subcommand("ack", "Acknowledge an open incident (owners)");
  AddChange(ack, options);
  ack->callback([&global, options, exit_code] {
    *exit_code = RunTransition(global, *options, IncidentStatus::kAcknowledged);
  });
  CLI::App* close = command->add_subcommand(
      "close", "Close an incident (owners); tells the owner and consumer teams");
  AddChange(close, options);
  close->callback([&global, options, exit_code] {
    *exit_code = RunTransition(global, *options, IncidentStatus::kClosed);
  });
  command->footer(
      "Exit codes: 0 done, 1 refused (not an owner; already acknowledged or closed), 2 usage "
      "error or no such incident.");
}

}  // namespace

MESH_REGISTER_VERB("incident", 71, SetupIncident);

}  // namespace mesh::cli
