#include "lineage/lineage_graph.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"
#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

using Path = std::vector<std::string>;

// source:erp/orders → missions_raw → mission_rate → {ops_dashboard, finance_report};
// team_assignments → mission_rate; a ⇄ b (a cycle).
LineageGraph Sample() {
  LineageGraph graph = LineageGraph::FromEdges({{"source:erp/orders", "missions_raw"},
                                                {"missions_raw", "mission_rate"},
                                                {"team_assignments", "mission_rate"},
                                                {"mission_rate", "ops_dashboard"},
                                                {"mission_rate", "finance_report"},
                                                {"a", "b"},
                                                {"b", "a"}});
  graph.AddConsumers("mission_rate", {"analytics"});
  graph.AddConsumers("ops_dashboard", {"performance-dashboard", "analytics"});
  graph.AddConsumers("finance_report", {"finance"});
  return graph;
}

std::vector<std::string> Names(const std::vector<LineageReach>& reached) {
  std::vector<std::string> out;
  for (const LineageReach& reach : reached) out.push_back(reach.node);
  return out;
}

TEST(LineageGraphTest, DownstreamIsTransitiveNearestFirstWithPaths) {
  auto reached = Sample().Reach("source:erp/orders", LineageDirection::kDownstream);
  EXPECT_EQ(Names(reached),
            (Path{"missions_raw", "mission_rate", "finance_report", "ops_dashboard"}));
  EXPECT_EQ(reached[0].depth, 1);
  EXPECT_EQ(reached[3].depth, 3);
  EXPECT_EQ(reached[3].path,
            (Path{"source:erp/orders", "missions_raw", "mission_rate", "ops_dashboard"}));
  EXPECT_FALSE(reached[0].is_source);
}

TEST(LineageGraphTest, UpstreamIncludesSourcesOutsideTheMesh) {
  auto reached = Sample().Reach("ops_dashboard", LineageDirection::kUpstream);
  EXPECT_EQ(Names(reached),
            (Path{"mission_rate", "missions_raw", "team_assignments", "source:erp/orders"}));
  EXPECT_TRUE(reached[3].is_source);
  EXPECT_EQ(reached[3].path,
            (Path{"ops_dashboard", "mission_rate", "missions_raw", "source:erp/orders"}));
}

TEST(LineageGraphTest, DepthLimitStopsTheWalk) {
  auto reached = Sample().Reach("source:erp/orders", LineageDirection::kDownstream, 2);
  EXPECT_EQ(Names(reached), (Path{"missions_raw", "mission_rate"}));
  EXPECT_EQ(Names(Sample().Reach("ops_dashboard", LineageDirection::kUpstream, 1)),
            (Path{"mission_rate"}));
}

TEST(LineageGraphTest, CyclesAndUnknownNodesTerminate) {
  EXPECT_EQ(Names(Sample().Reach("a", LineageDirection::kDownstream)), (Path{"b"}));
  EXPECT_TRUE(Sample().Reach("nowhere", LineageDirection::kDownstream).empty());
  EXPECT_FALSE(Sample().Contains("nowhere"));
  EXPECT_TRUE(Sample().Contains("source:erp/orders"));
}

TEST(LineageGraphTest, ImpactNamesEveryDownstreamProductAndTeamOnceWithItsPath) {
  LineageImpact impact = Sample().Impact("missions_raw");
  EXPECT_EQ(Names(impact.products), (Path{"mission_rate", "finance_report", "ops_dashboard"}));
  ASSERT_EQ(impact.teams.size(), 3u);
  EXPECT_EQ(impact.teams[0].team, "analytics");
  EXPECT_EQ(impact.teams[0].product, "mission_rate");
  EXPECT_EQ(impact.teams[0].path, (Path{"missions_raw", "mission_rate"}));
  EXPECT_EQ(impact.teams[1].team, "finance");
  EXPECT_EQ(impact.teams[2].team, "performance-dashboard");
  EXPECT_EQ(impact.teams[2].path, (Path{"missions_raw", "mission_rate", "ops_dashboard"}));
  // The queried product's own consumers are affected too.
  LineageImpact own = Sample().Impact("ops_dashboard");
  EXPECT_TRUE(own.products.empty());
  ASSERT_EQ(own.teams.size(), 2u);
  EXPECT_EQ(own.teams[0].path, (Path{"ops_dashboard"}));
}

TEST(LineageGraphTest, BuildsFromDescriptors) {
  Descriptor product = testing::ParseClean(testing::kSpecExample);
  LineageGraph graph = LineageGraph::FromDescriptors({product});
  EXPECT_EQ(Names(graph.Reach("mission_completion_rate", LineageDirection::kUpstream)),
            (Path{"missions_raw", "source:erp/orders", "team_assignments"}));
  EXPECT_EQ(graph.Impact("team_assignments").teams.size(), 2u);
}

TEST(LineageGraphTest, LoadsEdgesAndConsumersFromTheCatalog) {
  std::string scratch = MakeCatalogScratchDir();
  ASSERT_FALSE(scratch.empty());
  {
    auto catalog = SqliteCatalog::Open(scratch + "/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    auto raw = MakeCommitRequest("missions_raw", "1.0.0", 0);
    raw.lineage = {"source:erp/orders"};
    auto rate = MakeCommitRequest("mission_rate", "1.0.0", 0);
    rate.lineage = {"missions_raw"};
    rate.consumer_teams = {"analytics"};
    ASSERT_TRUE((*catalog)->CommitVersion(raw).ok());
    ASSERT_TRUE((*catalog)->CommitVersion(rate).ok());
    auto graph = LoadLineageGraph(catalog->get());
    ASSERT_TRUE(graph.ok()) << graph.status();
    LineageImpact impact = graph->Impact("source:erp/orders");
    EXPECT_EQ(Names(impact.products), (Path{"missions_raw", "mission_rate"}));
    ASSERT_EQ(impact.teams.size(), 1u);
    EXPECT_EQ(impact.teams[0].path, (Path{"source:erp/orders", "missions_raw", "mission_rate"}));
  }
  std::filesystem::remove_all(scratch);
}

TEST(LineageGraphTest, DotRendersReachedNodesEdgesSourcesAndTeams) {
  LineageGraph graph = Sample();
  LineageImpact impact = graph.Impact("mission_rate", 1);
  std::string dot = LineageToDot(graph, "mission_rate", impact.products, impact.teams);
  EXPECT_EQ(dot,
            "digraph lineage {\n"
            "  rankdir=LR;\n"
            "  node [shape=ellipse];\n"
            "  \"finance_report\";\n"
            "  \"mission_rate\" [style=bold];\n"
            "  \"ops_dashboard\";\n"
            "  \"mission_rate\" -> \"finance_report\";\n"
            "  \"mission_rate\" -> \"ops_dashboard\";\n"
            "  \"team:analytics\" [shape=note, label=\"analytics\"];\n"
            "  \"mission_rate\" -> \"team:analytics\" [style=dashed];\n"
            "  \"team:finance\" [shape=note, label=\"finance\"];\n"
            "  \"finance_report\" -> \"team:finance\" [style=dashed];\n"
            "  \"team:performance-dashboard\" [shape=note, label=\"performance-dashboard\"];\n"
            "  \"ops_dashboard\" -> \"team:performance-dashboard\" [style=dashed];\n"
            "}\n");
  std::string upstream =
      LineageToDot(graph, "missions_raw", graph.Reach("missions_raw", LineageDirection::kUpstream));
  EXPECT_NE(upstream.find("\"source:erp/orders\" [shape=box];"), std::string::npos) << upstream;
  EXPECT_NE(upstream.find("\"source:erp/orders\" -> \"missions_raw\";"), std::string::npos);
}

TEST(LineageGraphTest, DotEscapesQuotes) {
  LineageGraph graph = LineageGraph::FromEdges({{"source:x/\"odd\"", "p"}});
  std::string dot = LineageToDot(graph, "p", graph.Reach("p", LineageDirection::kUpstream));
  EXPECT_NE(dot.find("\"source:x/\\\"odd\\\"\" -> \"p\";"), std::string::npos) << dot;
}

TEST(LineageGraphTest, JsonListsNodesWithKindDepthAndPath) {
  LineageGraph graph = Sample();
  LineageImpact impact = graph.Impact("missions_raw");
  auto json =
      nlohmann::json::parse(LineageToJson("missions_raw", "impact", impact.products, impact.teams));
  EXPECT_EQ(json["node"], "missions_raw");
  EXPECT_EQ(json["direction"], "impact");
  ASSERT_EQ(json["nodes"].size(), 3u);
  EXPECT_EQ(json["nodes"][0]["name"], "mission_rate");
  EXPECT_EQ(json["nodes"][0]["kind"], "product");
  EXPECT_EQ(json["nodes"][0]["depth"], 1);
  EXPECT_EQ(json["nodes"][2]["path"].size(), 3u);
  ASSERT_EQ(json["teams"].size(), 3u);
  EXPECT_EQ(json["teams"][1]["team"], "finance");
  auto up = nlohmann::json::parse(LineageToJson(
      "missions_raw", "upstream", graph.Reach("missions_raw", LineageDirection::kUpstream)));
  EXPECT_EQ(up["nodes"][0]["kind"], "source");
  EXPECT_FALSE(up.contains("teams"));
}

}  // namespace
}  // namespace mesh
