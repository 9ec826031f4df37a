// mesh search QUERY [--domain D] [--tag T] [--limit N] [--json] [--catalog URI | --server URL]:
// ranked
// full-text search over published products (names, descriptions, fields, tags, domains).
// Exit codes: 0 searched (also with no hits), 2 usage error or a query without words.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/catalog_option.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"

namespace mesh::cli {
namespace {

struct SearchOptions {
  std::vector<std::string> words;
  std::string domain;
  std::string tag;
  int limit = 20;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
};

int Fail(const Status& status, int code = kExitUsage) {
  std::cerr << "mesh search: " << status.message() << "\n";
  return code;
}

Result<std::vector<SearchHit>> LocalSearch(const GlobalOptions& global,
                                           const SearchOptions& options, const SearchQuery& query) {
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, OpenVerbCatalog(options.stores, workspace));
  return catalog->Search(query);
}

Result<std::vector<SearchHit>> RemoteSearch(const std::string& server, const SearchQuery& query) {
  ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(server));
  return client->Search(query);
}

int RunSearch(const GlobalOptions& global, const SearchOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  SearchQuery query;
  for (const std::string& word : options.words)
    query.text += (query.text.empty() ? "" : " ") + word;
  if (!options.domain.empty()) query.domain = options.domain;
  if (!options.tag.empty()) query.tag = options.tag;
  query.limit = options.limit;
  Result<std::vector<SearchHit>> hits =
      *server ? RemoteSearch(**server, query) : LocalSearch(global, options, query);
  if (!hits.ok()) {
    return Fail(hits.status(), *server ? RemoteFailureExitCode(hits.status()) : kExitUsage);
  }
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const SearchHit& hit : *hits) {
      json.push_back({{"product", hit.product},
                      {"domain", hit.domain},
                      {"description", hit.description},
                      {"score", hit.score}});
    }
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const SearchHit& hit : *hits) {
    std::cout << hit.product << "  (" << hit.domain << ")  " << hit.description << "\n";
  }
  if (hits->empty()) std::cout << "no published product matches '" << query.text << "'\n";
  return kExitOk;
}

void SetupSearch(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "search", "Search published products by name, description, fields, tags and domain");
  auto options = std::make_shared<SearchOptions>();
  command->add_option("query", options->words, "Words; each must match (as a prefix)")->required();
  command->add_option("--domain", options->domain, "Only products of this domain");
  command->add_option("--tag", options->tag, "Only products with this tag");
  command->add_option("--limit", options->limit, "At most this many hits (default 20)");
  command->add_flag("--json", options->json, "Print [{product, domain, description, score}]");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "Output: one line per hit, best first: 'name  (domain)  description'.\n"
      "Exit codes: 0 searched (also with no hits), 2 usage error, a query without words, no "
      "workspace.");
  command->callback([&global, options, exit_code] { *exit_code = RunSearch(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("search", 57, SetupSearch);

}  // namespace mesh::cli
