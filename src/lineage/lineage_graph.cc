#include "lineage/lineage_graph.h"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>

namespace mesh {

bool IsSourceNode(std::string_view node) { return node.substr(0, 7) == "source:"; }

LineageGraph LineageGraph::FromEdges(const std::vector<LineageEdge>& edges) {
  LineageGraph graph;
  for (const LineageEdge& edge : edges) graph.AddEdge(edge.upstream, edge.downstream);
  return graph;
}

LineageGraph LineageGraph::FromDescriptors(const std::vector<Descriptor>& descriptors) {
  LineageGraph graph;
  for (const Descriptor& descriptor : descriptors) {
    graph.AddNode(descriptor.name);
    for (const std::string& input : descriptor.lineage) graph.AddEdge(input, descriptor.name);
    graph.AddConsumers(descriptor.name, descriptor.consumer_teams);
  }
  return graph;
}

void LineageGraph::AddNode(const std::string& node) { nodes_.insert(node); }

void LineageGraph::AddEdge(const std::string& upstream, const std::string& downstream) {
  nodes_.insert(upstream);
  nodes_.insert(downstream);
  downstream_[upstream].insert(downstream);
  upstream_[downstream].insert(upstream);
}

void LineageGraph::AddConsumers(const std::string& product, const std::vector<std::string>& teams) {
  nodes_.insert(product);
  consumers_[product].insert(teams.begin(), teams.end());
}

std::vector<LineageEdge> LineageGraph::Edges() const {
  std::vector<LineageEdge> out;
  for (const auto& [upstream, targets] : downstream_) {
    for (const std::string& downstream : targets) out.push_back({upstream, downstream});
  }
  return out;
}

// Breadth-first, so each node is reached first by a shortest path; neighbours are visited in
// name order, so the path chosen among equally short ones is deterministic.
std::vector<LineageReach> LineageGraph::Reach(std::string_view node, LineageDirection direction,
                                              int max_depth) const {
  const auto& adjacency = direction == LineageDirection::kDownstream ? downstream_ : upstream_;
  std::map<std::string, std::vector<std::string>, std::less<>> paths;
  paths[std::string(node)] = {std::string(node)};
  std::deque<std::string> queue{std::string(node)};
  std::vector<LineageReach> out;
  while (!queue.empty()) {
    std::string current = std::move(queue.front());
    queue.pop_front();
    const std::vector<std::string> path = paths[current];
    int depth = static_cast<int>(path.size()) - 1;
    if (max_depth > 0 && depth >= max_depth) continue;
    auto neighbours = adjacency.find(current);
    if (neighbours == adjacency.end()) continue;
    for (const std::string& next : neighbours->second) {
      if (paths.count(next)) continue;
      std::vector<std::string> next_path = path;
      next_path.push_back(next);
      paths[next] = next_path;
      out.push_back({next, depth + 1, next_path, IsSourceNode(next)});
      queue.push_back(next);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const LineageReach& a, const LineageReach& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.node < b.node;
  });
  return out;
}

LineageImpact LineageGraph::Impact(std::string_view node, int max_depth) const {
  LineageImpact impact;
  impact.products = Reach(node, LineageDirection::kDownstream, max_depth);
  std::vector<LineageReach> affected;
  affected.push_back({std::string(node), 0, {std::string(node)}, IsSourceNode(node)});
  affected.insert(affected.end(), impact.products.begin(), impact.products.end());
  std::set<std::string> told;
  for (const LineageReach& product : affected) {
    auto teams = consumers_.find(product.node);
    if (teams == consumers_.end()) continue;
    for (const std::string& team : teams->second) {
      if (told.insert(team).second) impact.teams.push_back({team, product.node, product.path});
    }
  }
  return impact;
}

Result<LineageGraph> LoadLineageGraph(Catalog* catalog) {
  ASSIGN_OR_RAISE(std::vector<LineageEdge> edges, catalog->ListLineageEdges());
  LineageGraph graph = LineageGraph::FromEdges(edges);
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products, catalog->ListProducts({}));
  for (const ProductRecord& product : products) {
    ASSIGN_OR_RAISE(std::vector<std::string> teams, catalog->ListConsumers(product.name));
    graph.AddConsumers(product.name, teams);
  }
  return graph;
}

namespace {

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

}  // namespace

std::string LineageToDot(const LineageGraph& graph, std::string_view node,
                         const std::vector<LineageReach>& reached,
                         const std::vector<TeamReach>& teams) {
  std::set<std::string> shown{std::string(node)};
  for (const LineageReach& reach : reached) shown.insert(reach.node);
  std::string out = "digraph lineage {\n  rankdir=LR;\n  node [shape=ellipse];\n";
  for (const std::string& name : shown) {
    std::string style = IsSourceNode(name) ? "shape=box" : "";
    if (name == node) style += std::string(style.empty() ? "" : ", ") + "style=bold";
    out += "  " + DotQuote(name) + (style.empty() ? "" : " [" + style + "]") + ";\n";
  }
  for (const LineageEdge& edge : graph.Edges()) {
    if (shown.count(edge.upstream) && shown.count(edge.downstream)) {
      out += "  " + DotQuote(edge.upstream) + " -> " + DotQuote(edge.downstream) + ";\n";
    }
  }
  for (const TeamReach& team : teams) {
    std::string id = DotQuote("team:" + team.team);
    out += "  " + id + " [shape=note, label=" + DotQuote(team.team) + "];\n";
    out += "  " + DotQuote(team.product) + " -> " + id + " [style=dashed];\n";
  }
  return out + "}\n";
}

std::string LineageToJson(std::string_view node, std::string_view direction,
                          const std::vector<LineageReach>& reached,
                          const std::vector<TeamReach>& teams) {
  nlohmann::ordered_json json;
  json["node"] = std::string(node);
  json["direction"] = std::string(direction);
  json["nodes"] = nlohmann::ordered_json::array();
  for (const LineageReach& reach : reached) {
    json["nodes"].push_back({{"name", reach.node},
                             {"kind", reach.is_source ? "source" : "product"},
                             {"depth", reach.depth},
                             {"path", reach.path}});
  }
  if (!teams.empty() || direction == "impact") {
    json["teams"] = nlohmann::ordered_json::array();
    for (const TeamReach& team : teams) {
      json["teams"].push_back(
          {{"team", team.team}, {"product", team.product}, {"path", team.path}});
    }
  }
  return json.dump(2) + "\n";
}

}  // namespace mesh
