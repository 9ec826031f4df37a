// LineageGraph: the mesh's lineage as a directed graph, upstream → downstream, built from the
// catalog's edges or from descriptors' `lineage` lists. Nodes are product names and sources
// outside the mesh (`source:<system>/<object>`). Answers upstream, downstream and impact queries
// (every product and consumer team downstream, transitively, each with the path that reaches
// it), with an optional depth limit; cycles are tolerated. A plain value: thread-compatible
// (const queries may run concurrently).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/descriptor.h"

namespace mesh {

// A node reached by a query: how far, and the shortest path from the queried node to it
// (both ends included; for upstream queries the path runs from the queried node upwards).
struct LineageReach {
  std::string node;
  int depth = 0;
  std::vector<std::string> path;
  bool is_source = false;  // a `source:` node outside the mesh
};

// A consumer team told about a change: the product it consumes and the path to that product.
struct TeamReach {
  std::string team;
  std::string product;
  std::vector<std::string> path;  // from the queried node to `product`
};

struct LineageImpact {
  std::vector<LineageReach> products;  // downstream of the queried node, nearest first
  std::vector<TeamReach> teams;        // consumers of the node itself and of every product
};

enum class LineageDirection { kUpstream, kDownstream };

class LineageGraph {
 public:
  static LineageGraph FromEdges(const std::vector<LineageEdge>& edges);
  // Each descriptor's `lineage` becomes edges into it; its consumer_teams its consumers.
  static LineageGraph FromDescriptors(const std::vector<Descriptor>& descriptors);

  void AddEdge(const std::string& upstream, const std::string& downstream);
  void AddNode(const std::string& node);
  void AddConsumers(const std::string& product, const std::vector<std::string>& teams);

  bool Contains(std::string_view node) const { return nodes_.count(std::string(node)) > 0; }
  const std::set<std::string>& nodes() const { return nodes_; }
  std::vector<LineageEdge> Edges() const;

  // Nodes reachable from `node` in `direction`, nearest first (then by name), without `node`
  // itself. `max_depth` <= 0 means no limit.
  std::vector<LineageReach> Reach(std::string_view node, LineageDirection direction,
                                  int max_depth = 0) const;
  LineageImpact Impact(std::string_view node, int max_depth = 0) const;

 private:
  std::set<std::string> nodes_;
  std::map<std::string, std::set<std::string>, std::less<>> downstream_;
  std::map<std::string, std::set<std::string>, std::less<>> upstream_;
  std::map<std::string, std::set<std::string>, std::less<>> consumers_;
};

bool IsSourceNode(std::string_view node);

// Loads every edge and every product's consumers from the catalog.
Result<LineageGraph> LoadLineageGraph(Catalog* catalog);

// Graphviz DOT of `node` and what the query reached: the edges among them, sources drawn as
// boxes, the queried node bold, consumer teams (for impact) as notes.
std::string LineageToDot(const LineageGraph& graph, std::string_view node,
                         const std::vector<LineageReach>& reached,
                         const std::vector<TeamReach>& teams = {});

// JSON: {"node", "direction", "nodes": [{"name", "kind", "depth", "path"}], "teams": [...]}.
std::string LineageToJson(std::string_view node, std::string_view direction,
                          const std::vector<LineageReach>& reached,
                          const std::vector<TeamReach>& teams = {});

}  // namespace mesh
