// mesh quarantine list [NAME] [--json] | mesh quarantine show ID [--json] (each with --catalog
// URI or --server URL): the publishes that were rejected for quality, with their reasons,
// reports and the key of the rejected data.
// Exit codes: 0 shown, 2 usage error or unknown entry.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/catalog_option.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "server/api_json.h"

namespace mesh::cli {
namespace {

struct QuarantineOptions {
  std::string product;
  int64_t id = 0;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
};

void PrintEntry(const QuarantineEntry& entry) {
  std::cout << "#" << entry.id << "  " << entry.product << "@"
            << FormatSchemaVersion(entry.attempted_version) << "  " << FormatTimestamp(entry.at)
            << "  " << entry.person << "\n  " << entry.reason << "\n";
}

Result<std::unique_ptr<Catalog>> Open(const GlobalOptions& global,
                                      const QuarantineOptions& options) {
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  return OpenVerbCatalog(options.stores, workspace);
}

int Fail(const Status& status, int code = kExitUsage) {
  std::cerr << "mesh quarantine: " << status.message() << "\n";
  return code;
}

// The entries of `options.product` (all when empty), from the server or the local catalog.
Result<std::vector<QuarantineEntry>> ListEntries(const GlobalOptions& global,
                                                 const QuarantineOptions& options,
                                                 const std::optional<std::string>& server) {
  if (server) {
    ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(*server));
    return client->ListQuarantine(options.product);
  }
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, Open(global, options));
  return catalog->ListQuarantine(options.product);
}

Result<QuarantineEntry> GetEntry(const GlobalOptions& global, const QuarantineOptions& options,
                                 const std::optional<std::string>& server) {
  if (server) {
    ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(*server));
    return client->GetQuarantine(options.id);
  }
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, Open(global, options));
  return catalog->GetQuarantine(options.id);
}

int RunList(const GlobalOptions& global, const QuarantineOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  Result<std::vector<QuarantineEntry>> entries = ListEntries(global, options, *server);
  if (!entries.ok()) {
    return Fail(entries.status(), *server ? RemoteFailureExitCode(entries.status()) : kExitUsage);
  }
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const QuarantineEntry& entry : *entries)
      json.push_back(server::QuarantineJson(entry, false));
    std::cout << json.dump(2) << "\n";
  } else {
    for (const QuarantineEntry& entry : *entries) PrintEntry(entry);
    if (entries->empty()) std::cout << "no quarantined publishes\n";
  }
  return kExitOk;
}

int RunShow(const GlobalOptions& global, const QuarantineOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  Result<QuarantineEntry> entry = GetEntry(global, options, *server);
  if (!entry.ok()) {
    return Fail(entry.status(), *server ? RemoteFailureExitCode(entry.status()) : kExitUsage);
  }
  if (options.json) {
    std::cout << server::QuarantineJson(*entry, true).dump(2) << "\n";
  } else {
    PrintEntry(*entry);
    std::cout << "  data: " << entry->object_key << "\n";
  }
  return kExitOk;
}

void SetupQuarantine(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "quarantine",
      "List and show publishes rejected for quality (their data is kept in the lake)");
  command->require_subcommand(1);
  auto options = std::make_shared<QuarantineOptions>();
  CLI::App* list = command->add_subcommand("list", "List quarantined publishes, newest first");
  list->add_option("product", options->product, "Only this product's entries");
  list->add_flag("--json", options->json,
                 "Print [{id, product, attempted_version, person, at, reason, object_key}]");
  AddStoreOptions(list, &options->stores);
  AddServerOption(list, &options->remote);
  list->callback([&global, options, exit_code] { *exit_code = RunList(global, *options); });
  CLI::App* show = command->add_subcommand("show", "Show one entry with its quality report");
  show->add_option("id", options->id, "The entry's id (from mesh quarantine list)")->required();
  show->add_flag("--json", options->json, "Print the entry with its full report");
  AddStoreOptions(show, &options->stores);
  AddServerOption(show, &options->remote);
  show->callback([&global, options, exit_code] { *exit_code = RunShow(global, *options); });
  command->footer("Exit codes: 0 shown, 2 usage error, no workspace, or no such entry.");
}

}  // namespace

MESH_REGISTER_VERB("quarantine", 60, SetupQuarantine);

}  // namespace mesh::cli
