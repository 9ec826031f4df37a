#include "governance/sarif_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mesh::governance {
namespace {

TEST(SarifReportTest, WritesSarif210WithRulesResultsAndRegions) {
  std::vector<Finding> findings(2);
  findings[0] = {"naming.field", Severity::kWarn, "products/ops/a.yaml", 14, 9, "rename it"};
  findings[1] = {"policy.syntax", Severity::kError, "governance/global.yaml", 0, 0, "unreadable"};
  nlohmann::json log = nlohmann::json::parse(SarifReport(findings, [](std::string_view rule) {
    return GovernanceRuleSummary(rule);
  }));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "mesh");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], "naming.field");
  EXPECT_FALSE(run["tool"]["driver"]["rules"][0]["shortDescription"]["text"].get<std::string>().empty());
  const auto& first = run["results"][0];
  EXPECT_EQ(first["ruleId"], "naming.field");
  EXPECT_EQ(first["level"], "warning");
  EXPECT_EQ(first["message"]["text"], "rename it");
  const auto& location = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "products/ops/a.yaml");
  EXPECT_EQ(location["region"]["startLine"], 14);
  EXPECT_EQ(location["region"]["startColumn"], 9);
  EXPECT_EQ(run["results"][1]["level"], "error");
  EXPECT_FALSE(run["results"][1]["locations"][0]["physicalLocation"].contains("region"));
}

TEST(SarifReportTest, AnEmptyRunStillHasTheTool) {
  nlohmann::json log = nlohmann::json::parse(SarifReport({}));
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["name"], "mesh");
}

}  // namespace
}  // namespace mesh::governance
