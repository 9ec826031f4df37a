// mesh versions NAME [--json] [--catalog URI | --server URL]: every published snapshot of a
// product, newest first, with its status, publisher, time, rows and completeness.
// Exit codes: 0 listed, 2 usage error or unknown product.
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

struct VersionsOptions {
  std::string name;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
};

Result<std::vector<VersionRecord>> LocalVersions(const GlobalOptions& global,
                                                 const VersionsOptions& options) {
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, OpenVerbCatalog(options.stores, workspace));
  return catalog->ListVersions(options.name);
}

Result<std::vector<VersionRecord>> RemoteVersions(const std::string& server,
                                                  const VersionsOptions& options) {
  ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(server));
  return client->ListVersions(options.name);
}

int RunVersions(const GlobalOptions& global, const VersionsOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) {
    std::cerr << "mesh versions: " << server.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::vector<VersionRecord>> versions =
      *server ? RemoteVersions(**server, options) : LocalVersions(global, options);
  if (!versions.ok()) {
    std::cerr << "mesh versions: " << versions.status().message() << "\n";
    return *server ? RemoteFailureExitCode(versions.status()) : kExitUsage;
  }
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const VersionRecord& version : *versions) json.push_back(server::VersionJson(version));
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const VersionRecord& version : *versions) {
    std::cout << version.Ref() << "  " << VersionStatusName(version.status) << "  "
              << FormatTimestamp(version.published_at) << "  " << version.publisher << "  "
              << version.row_count << " rows  completeness " << version.completeness << "\n";
  }
  if (versions->empty()) std::cout << options.name << " has no published version\n";
  return kExitOk;
}

void SetupVersions(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command =
      app.add_subcommand("versions", "List every published snapshot of a product, newest first");
  auto options = std::make_shared<VersionsOptions>();
  command->add_option("name", options->name, "The product's name")->required();
  command->add_flag("--json", options->json,
                    "Print [{ref, version, snapshot, status, publisher, published_at, rows, "
                    "bytes, completeness, lag_hours, object_key, output_format}]");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "Output: one line per snapshot: name@version#snapshot, status (current, superseded, "
      "retired), time, publisher, rows, completeness.\n"
      "Exit codes: 0 listed, 2 usage error, no workspace, unreadable catalog or unknown product.");
  command->callback([&global, options, exit_code] { *exit_code = RunVersions(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("versions", 55, SetupVersions);

}  // namespace mesh::cli
