// mesh show NAME[@VERSION][#SNAPSHOT] [--json] [--catalog URI | --server URL]: one published
// snapshot of a
// product: its product record, figures, status and stored descriptor.
// Exit codes: 0 shown, 2 usage error or unknown product/version.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "catalog/product_ref.h"
#include "cli/catalog_option.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "server/api_json.h"

namespace mesh::cli {
namespace {

struct ShowOptions {
  std::string ref;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
};

int Fail(const Status& status, int code = kExitUsage) {
  std::cerr << "mesh show: " << status.message() << "\n";
  return code;
}

using Shown = std::pair<ProductRecord, VersionRecord>;

Result<Shown> LocalShow(const GlobalOptions& global, const ShowOptions& options,
                        const ProductRef& ref) {
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, OpenVerbCatalog(options.stores, workspace));
  ASSIGN_OR_RAISE(ProductRecord product, catalog->GetProduct(ref.name));
  ASSIGN_OR_RAISE(VersionRecord version, catalog->GetVersion(ref.name, ref.selector));
  return Shown{std::move(product), std::move(version)};
}

Result<Shown> RemoteShow(const std::string& server, const ProductRef& ref) {
  ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(server));
  return client->Show(ref.name, ref.selector);
}

int RunShow(const GlobalOptions& global, const ShowOptions& options) {
  Result<ProductRef> ref = ParseProductRef(options.ref);
  if (!ref.ok()) return Fail(ref.status());
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  Result<Shown> shown = *server ? RemoteShow(**server, *ref) : LocalShow(global, options, *ref);
  if (!shown.ok()) {
    return Fail(shown.status(), *server ? RemoteFailureExitCode(shown.status()) : kExitUsage);
  }
  const ProductRecord* product = &shown->first;
  const VersionRecord* version = &shown->second;
  if (options.json) {
    std::cout << server::ShowJson(*product, *version).dump(2) << "\n";
    return kExitOk;
  }
  std::cout << version->Ref() << " (" << VersionStatusName(version->status) << ")\n"
            << "  domain:       " << product->domain << "\n"
            << "  owner:        " << product->owner << "\n"
            << "  description:  " << product->description << "\n"
            << "  published:    " << FormatTimestamp(version->published_at) << " by "
            << version->publisher << "\n"
            << "  data:         " << version->row_count << " rows, " << version->bytes << " bytes, "
            << version->output_format << ", " << version->object_key << "\n"
            << "  completeness: " << version->completeness << "\n";
  if (version->lag_hours) std::cout << "  lag:          " << *version->lag_hours << " h\n";
  if (version->readable_until) {
    std::cout << "  readable until " << FormatTimestamp(*version->readable_until) << "\n";
  }
  return kExitOk;
}

void SetupShow(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "show", "Show a published snapshot of a product: metadata, figures, stored descriptor");
  auto options = std::make_shared<ShowOptions>();
  command
      ->add_option("ref", options->ref,
                   "NAME (current), NAME@VERSION (its newest snapshot), NAME#SNAPSHOT or "
                   "NAME@VERSION#SNAPSHOT")
      ->required();
  command->add_flag("--json", options->json,
                    "Print {ref, name, domain, owner, description, tags, version, snapshot, "
                    "status, publisher, published_at, rows, bytes, completeness, lag_hours, "
                    "output_format, object_key, content_hash, readable_until, descriptor}");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "Exit codes: 0 shown, 2 usage error, a malformed reference, no workspace, or no such "
      "product or version.");
  command->callback([&global, options, exit_code] { *exit_code = RunShow(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("show", 56, SetupShow);

}  // namespace mesh::cli
