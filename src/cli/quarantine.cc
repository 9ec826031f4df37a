// mesh quarantine list [NAME] [--json] | mesh quarantine show ID [--json]: the publishes that
// were rejected for quality, with their reasons, reports and the key of the rejected data.
// Exit codes: 0 shown, 2 usage error or unknown entry.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/catalog_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"

namespace mesh::cli {
namespace {

struct QuarantineOptions {
  std::string product;
  int64_t id = 0;
  bool json = false;
  StoreOptions stores;
};

nlohmann::ordered_json EntryJson(const QuarantineEntry& entry, bool with_report) {
  nlohmann::ordered_json json;
  json["id"] = entry.id;
  json["product"] = entry.product;
  json["attempted_version"] = FormatSchemaVersion(entry.attempted_version);
  json["person"] = entry.person;
  json["at"] = FormatTimestamp(entry.at);
  json["reason"] = entry.reason;
  json["object_key"] = entry.object_key;
  if (with_report && !entry.report_json.empty()) {
    json["report"] = nlohmann::ordered_json::parse(entry.report_json, nullptr, false);
  }
  return json;
}

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

int Fail(const Status& status) {
  std::cerr << "mesh quarantine: " << status.message() << "\n";
  return kExitUsage;
}

int RunList(const GlobalOptions& global, const QuarantineOptions& options) {
  Result<std::unique_ptr<Catalog>> catalog = Open(global, options);
  if (!catalog.ok()) return Fail(catalog.status());
  Result<std::vector<QuarantineEntry>> entries = (*catalog)->ListQuarantine(options.product);
  if (!entries.ok()) return Fail(entries.status());
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const QuarantineEntry& entry : *entries) json.push_back(EntryJson(entry, false));
    std::cout << json.dump(2) << "\n";
  } else {
    for (const QuarantineEntry& entry : *entries) PrintEntry(entry);
    if (entries->empty()) std::cout << "no quarantined publishes\n";
  }
  return kExitOk;
}

int RunShow(const GlobalOptions& global, const QuarantineOptions& options) {
  Result<std::unique_ptr<Catalog>> catalog = Open(global, options);
  if (!catalog.ok()) return Fail(catalog.status());
  Result<QuarantineEntry> entry = (*catalog)->GetQuarantine(options.id);
  if (!entry.ok()) return Fail(entry.status());
  if (options.json) {
    std::cout << EntryJson(*entry, true).dump(2) << "\n";
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
  list->callback([&global, options, exit_code] { *exit_code = RunList(global, *options); });
  CLI::App* show = command->add_subcommand("show", "Show one entry with its quality report");
  show->add_option("id", options->id, "The entry's id (from mesh quarantine list)")->required();
  show->add_flag("--json", options->json, "Print the entry with its full report");
  AddStoreOptions(show, &options->stores);
  show->callback([&global, options, exit_code] { *exit_code = RunShow(global, *options); });
  command->footer("Exit codes: 0 shown, 2 usage error, no workspace, or no such entry.");
}

}  // namespace

MESH_REGISTER_VERB("quarantine", 60, SetupQuarantine);

}  // namespace mesh::cli
