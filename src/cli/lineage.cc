// mesh lineage NAME [--upstream | --downstream | --impact] [--depth N] [--json | --dot]
// [--catalog URI]: what a published product is built from, what is built from it, and which
// products and consumer teams a change to it reaches (from the catalog's lineage edges).
// Exit codes: 0 shown, 2 usage error or a node the catalog does not know.
#include <iostream>
#include <memory>

#include "cli/catalog_option.h"
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
};

int Fail(const std::string& message) {
  std::cerr << "mesh lineage: " << message << "\n";
  return kExitUsage;
}

void PrintReach(const std::vector<LineageReach>& reached) {
  for (const LineageReach& reach : reached) {
    std::cout << std::string(static_cast<size_t>(reach.depth) * 2, ' ') << reach.node
              << (reach.is_source ? "  (source)" : "") << "\n";
  }
}

int RunLineage(const GlobalOptions& global, const LineageOptions& options) {
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
  std::vector<LineageReach> reached;
  std::vector<TeamReach> teams;
  std::string direction;
  if (options.impact) {
    LineageImpact impact = graph->Impact(options.node, options.depth);
    reached = std::move(impact.products);
    teams = std::move(impact.teams);
    direction = "impact";
  } else if (options.downstream) {
    reached = graph->Reach(options.node, LineageDirection::kDownstream, options.depth);
    direction = "downstream";
  } else {
    reached = graph->Reach(options.node, LineageDirection::kUpstream, options.depth);
    direction = "upstream";
  }
  if (options.json) {
    std::cout << LineageToJson(options.node, direction, reached, teams) << "\n";
  } else if (options.dot) {
    std::cout << LineageToDot(*graph, options.node, reached, teams);
  } else {
    std::cout << options.node << " (" << direction << ")\n";
    PrintReach(reached);
    for (const TeamReach& team : teams) {
      std::cout << "team " << team.team << " consumes " << team.product << "\n";
    }
  }
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
  command->footer(
      "Output: the node, then one line per reached node indented by depth ('(source)' for "
      "systems outside the mesh); --impact adds 'team T consumes P' lines.\n"
      "Exit codes: 0 shown, 2 usage error, no workspace, or a node the catalog does not know.");
  command->callback([&global, options, exit_code] { *exit_code = RunLineage(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("lineage", 58, SetupLineage);

}  // namespace mesh::cli
