// mesh lineage NAME [--upstream | --downstream | --impact] [--depth N] [--json | --dot]
// [--catalog URI | --server URL]: what a published product is built from, what is built from it,
// and which products and consumer teams a change to it reaches (from the catalog's lineage edges).
// Exit codes: 0 shown, 2 usage error or a node the catalog does not know.
#include <iostream>
#include <memory>

#include "cli/catalog_option.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "lineage/lineage_graph.h"

namespace mesh::cli {
namespace {

struct LineageOptions {
  std::string node;
  bool upstream = false;
  bool downstream = false;
  bool impact = false;
  int depth = 0;
  bool json = false;
  bool dot = false;
  StoreOptions stores;
  RemoteOptions remote;
};

int Fail(const std::string& message, int code = kExitUsage) {
  std::cerr << "mesh lineage: " << message << "\n";
  return code;
}

void PrintReach(const std::vector<LineageReach>& reached) {
  for (const LineageReach& reach : reached) {
    std::cout << std::string(static_cast<size_t>(reach.depth) * 2, ' ') << reach.node
              << (reach.is_source ? "  (source)" : "") << "\n";
  }
}

std::string Direction(const LineageOptions& options) {
  if (options.impact) return "impact";
  return options.downstream ? "downstream" : "upstream";
}

void Print(const LineageOptions& options, const client::LineageAnswer& answer,
           const LineageGraph* graph) {
  if (options.json) {
    std::cout << LineageToJson(options.node, answer.direction, answer.reached, answer.teams)
              << "\n";
  } else if (options.dot) {
    std::cout << LineageToDot(*graph, options.node, answer.reached, answer.teams);
  } else {
    std::cout << options.node << " (" << answer.direction << ")\n";
    PrintReach(answer.reached);
    for (const TeamReach& team : answer.teams) {
      std::cout << "team " << team.team << " consumes " << team.product << "\n";
    }
  }
}

int RunRemote(const std::string& server, const LineageOptions& options) {
  if (options.dot) {
    return Fail(
        "--dot draws the edges among the reached nodes, which the server's answer does "
        "not carry: use --json with --server, or --dot on the catalog itself");
  }
  Result<std::unique_ptr<client::MeshClient>> client = OpenVerbClient(server);
  if (!client.ok()) return Fail(client.status().message());
  Result<client::LineageAnswer> answer =
      (*client)->Lineage(options.node, Direction(options), options.depth);
  if (!answer.ok()) {
    return Fail(answer.status().message(), RemoteFailureExitCode(answer.status()));
  }
  Print(options, *answer, nullptr);
  return kExitOk;
}

int RunLineage(const GlobalOptions& global, const LineageOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status().message());
  if (*server) return RunRemote(**server, options);
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) return Fail(workspace.status().message());
  Result<std::unique_ptr<Catalog>> catalog = OpenVerbCatalog(options.stores, *workspace);
  if (!catalog.ok()) return Fail(catalog.status().message());
  Result<LineageGraph> graph = LoadLineageGraph(catalog->get());
  if (!graph.ok()) return Fail(graph.status().message());
  if (!graph->Contains(options.node)) {
    return Fail("'" + options.node +
                "' is not in the catalog's lineage (publish it first, or check the name with "
                "'mesh search')");
  }
  client::LineageAnswer answer;
  answer.node = options.node;
  answer.direction = Direction(options);
  if (options.impact) {
    LineageImpact impact = graph->Impact(options.node, options.depth);
    answer.reached = std::move(impact.products);
    answer.teams = std::move(impact.teams);
  } else {
    answer.reached = graph->Reach(
        options.node,
        options.downstream ? LineageDirection::kDownstream : LineageDirection::kUpstream,
        options.depth);
  }
  Print(options, answer, &*graph);
  return kExitOk;
}

void SetupLineage(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "lineage",
      "Show what a published product is built from, what uses it, or what a change "
      "to it reaches");
  auto options = std::make_shared<LineageOptions>();
  command->add_option("name", options->node, "A product name or source:<system>/<object>")
      ->required();
  CLI::Option* up = command->add_flag("--upstream", options->upstream,
                                      "What it is built from, transitively (the default)");
  CLI::Option* down =
      command->add_flag("--downstream", options->downstream, "What is built from it");
  CLI::Option* impact = command->add_flag("--impact", options->impact,
                                          "Every product and consumer team downstream, with paths");
  up->excludes(down)->excludes(impact);
  down->excludes(impact);
  command->add_option("--depth", options->depth, "At most this many steps (default: no limit)");
  CLI::Option* json = command->add_flag(
      "--json", options->json,
      "Print {node, direction, nodes: [{name, kind, depth, path}], teams: [...]}");
  CLI::Option* dot = command->add_flag("--dot", options->dot, "Print a Graphviz DOT graph");
  json->excludes(dot);
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "Output: the node, then one line per reached node indented by depth ('(source)' for "
      "systems outside the mesh); --impact adds 'team T consumes P' lines.\n"
      "Exit codes: 0 shown, 2 usage error, no workspace, or a node the catalog does not know.");
  command->callback([&global, options, exit_code] { *exit_code = RunLineage(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("lineage", 58, SetupLineage);

}  // namespace mesh::cli
