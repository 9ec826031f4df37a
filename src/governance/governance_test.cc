// Governance rules, mesh rules, waivers and severities over meshes built in code.
#include "governance/governance.h"

#include <gtest/gtest.h>

#include "governance/test_products.h"

namespace mesh::governance {
namespace {

using testing::AddLineage;
using testing::MakeField;
using testing::MakeOrg;
using testing::MakeProduct;
using testing::ParsePolicyText;

class GovernTest : public ::testing::Test {
 protected:
  std::vector<Finding> Run(const std::string& global_text = "") {
    std::optional<Policy> global;
    if (!global_text.empty()) global = ParsePolicyText(global_text);
    GovernanceInput input;
    input.org = &org_;
    for (const Descriptor& product : products_) input.products.push_back(&product);
    input.global_policy = global ? &*global : nullptr;
    input.domain_policies = domain_policies_;
    input.now = ParseTimestamp(now_).value();
    input.anti_patterns = anti_patterns_;
    return Govern(input);
  }

  static std::vector<Finding> Of(const std::vector<Finding>& findings, std::string_view rule) {
    std::vector<Finding> out;
    for (const Finding& finding : findings) {
      if (finding.rule == rule) out.push_back(finding);
    }
    return out;
  }

  Organisation org_ = MakeOrg({"operations", "logistics"});
  std::vector<Descriptor> products_;
  std::vector<Policy> domain_policies_;
  std::string now_ = "2026-11-20T08:00:00Z";
  bool anti_patterns_ = false;
};

TEST_F(GovernTest, ACompleteProductPassesTheDefaultPolicy) {
  products_.push_back(MakeProduct("mission_completion_rate", "operations"));
  std::vector<Finding> findings = Run();
  EXPECT_TRUE(findings.empty()) << findings.front().ToString();
}

TEST_F(GovernTest, NamingRulesPointAtTheName) {
  products_.push_back(MakeProduct("MissionRate", "operations", {{"Day", "date"}, {"ok", "int32"}}));
  products_.push_back(MakeProduct("ab", "operations"));
  org_.domains[1].id = "Logistics_Unit";
  std::vector<Finding> findings = Run();
  auto product = Of(findings, "naming.product");
  ASSERT_EQ(product.size(), 1u);
  EXPECT_EQ(product[0].file, "products/operations/MissionRate.yaml");
  EXPECT_EQ(product[0].line, 1);
  EXPECT_EQ(product[0].column, 7);
  EXPECT_NE(product[0].message.find("rename it to 'mission_rate'"), std::string::npos);
  auto field = Of(findings, "naming.field");
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(field[0].line, 20);
  EXPECT_EQ(field[0].column, 13);
  EXPECT_NE(field[0].message.find("'day'"), std::string::npos);
  auto domain = Of(findings, "naming.domain");
  ASSERT_EQ(domain.size(), 1u);
  EXPECT_EQ(domain[0].file, "mesh.yaml");
  EXPECT_NE(domain[0].message.find("logistics-unit"), std::string::npos);
  EXPECT_EQ(Of(findings, "naming.min_length").size(), 1u);  // "ab"
}

TEST_F(GovernTest, MaxLengthCountsCharacters) {
  products_.push_back(MakeProduct("a_product_name_that_is_long", "operations"));
  EXPECT_TRUE(Of(Run("naming:\n  max_length: 27\n"), "naming.max_length").empty());
  EXPECT_EQ(Of(Run("naming:\n  max_length: 26\n"), "naming.max_length").size(), 1u);
}

TEST_F(GovernTest, RequiredKeysAndFormats) {
  Descriptor product = MakeProduct("mission_rate", "operations");
  product.documentation_url.reset();
  product.output_format_text = "csv";
  products_.push_back(product);
  std::vector<Finding> findings = Run("allowed_formats: [parquet, jsonl]\n");
  ASSERT_EQ(Of(findings, "required.documentation_url").size(), 1u);
  EXPECT_EQ(Of(findings, "required.documentation_url")[0].line, 1);
  auto format = Of(findings, "format.not_allowed");
  ASSERT_EQ(format.size(), 1u);
  EXPECT_EQ(format[0].line, 5);
  EXPECT_EQ(format[0].column, 16);
  EXPECT_TRUE(
      Of(Run("allowed_formats: [csv]\nrequired: [description]\n"), "format.not_allowed").empty());
}

TEST_F(GovernTest, ClassificationRules) {
  Descriptor product = MakeProduct(
      "personnel_roster", "operations",
      {{"person_id", "int64"}, {"email", "string"}, {"rank", "string"}, {"nickname", "string"}});
  product.classification = "confidential";
  product.schema.fields[1].tags = {"pii"};
  product.schema.fields[2].classification = "internal";  // below the product
  product.schema.fields[2].value_marks["classification"] = {30, 23};
  product.schema.fields[3].classification = "secret";  // unknown
  products_.push_back(product);
  std::vector<Finding> findings = Run("classification:\n  pii_min_level: restricted\n");
  EXPECT_EQ(Of(findings, "classification.pii").size(), 1u);
  auto below = Of(findings, "classification.field_below_product");
  ASSERT_EQ(below.size(), 1u);
  EXPECT_EQ(below[0].line, 30);
  EXPECT_EQ(Of(findings, "classification.unknown_level").size(), 1u);
  // Near miss: pii at confidential passes the default pii_min_level.
  products_[0].schema.fields[2].classification.reset();
  products_[0].schema.fields[3].classification.reset();
  EXPECT_TRUE(Run().empty()) << Run().front().ToString();
}

TEST_F(GovernTest, SlaFloorsAndEventTime) {
  Descriptor product = MakeProduct("mission_rate", "operations");
  product.sla->min_completeness = 0.8;
  product.sla->max_lag_hours = 72;
  product.event_time.reset();
  products_.push_back(product);
  std::vector<Finding> findings = Run("sla:\n  min_completeness: 0.9\n  max_lag_hours: 48\n");
  auto completeness = Of(findings, "sla.min_completeness");
  ASSERT_EQ(completeness.size(), 1u);
  EXPECT_EQ(completeness[0].line, 10);
  EXPECT_EQ(completeness[0].column, 21);
  auto lag = Of(findings, "sla.max_lag_hours");
  ASSERT_EQ(lag.size(), 1u);
  EXPECT_EQ(lag[0].line, 9);
  EXPECT_EQ(Of(findings, "sla.lag_without_event_time").size(), 1u);
  // Exactly at the bounds passes.
  products_[0].sla->min_completeness = 0.9;
  products_[0].sla->max_lag_hours = 48;
  products_[0].event_time = "day";
  EXPECT_TRUE(Run("sla:\n  min_completeness: 0.9\n  max_lag_hours: 48\n").empty());
}

TEST_F(GovernTest, TimeFieldsMustBeTyped) {
  products_.push_back(MakeProduct(
      "mission_log", "operations",
      {{"mission_id", "int64"}, {"started_at", "string"}, {"day", "date"}, {"updated", "string"}}));
  products_[0].event_time = "day";
  auto findings = Of(Run(), "standards.time_fields_typed");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 25);  // the type of started_at
  EXPECT_TRUE(
      Of(Run("standards:\n  time_fields_typed: false\n"), "standards.time_fields_typed").empty());
}

TEST_F(GovernTest, LineageUnknownAndCycles) {
  Descriptor a = MakeProduct("alpha_report", "operations");
  Descriptor b = MakeProduct("beta_report", "operations");
  Descriptor c = MakeProduct("gamma_report", "logistics");
  AddLineage(&a, "beta_report");
  AddLineage(&b, "gamma_report");
  AddLineage(&c, "alpha_report");
  AddLineage(&c, "source:erp/orders");
  AddLineage(&c, "alpha_reprot");
  products_ = {a, b, c};
  std::vector<Finding> findings = Run();
  auto unknown = Of(findings, "lineage.unknown_product");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0].message.find("did you mean 'alpha_report'"), std::string::npos);
  EXPECT_EQ(unknown[0].column, 31);
  auto cycle = Of(findings, "lineage.cycle");
  ASSERT_EQ(cycle.size(), 1u);
  EXPECT_NE(cycle[0].message.find("alpha_report -> beta_report -> gamma_report -> alpha_report"),
            std::string::npos);
  EXPECT_EQ(cycle[0].file, "products/logistics/gamma_report.yaml");
  // Near miss: a diamond is not a cycle.
  products_[2].lineage = {"source:erp/orders"};
  AddLineage(&products_[0], "gamma_report");
  EXPECT_TRUE(Of(Run(), "lineage.cycle").empty());
}

TEST_F(GovernTest, ConsumerTeamsMustExist) {
  products_.push_back(MakeProduct("mission_rate", "operations"));
  products_[0].consumer_teams = {"analytics", "analytcs"};
  products_[0].value_marks["consumer_teams[1]"] = {14, 30};
  auto findings = Of(Run(), "consumers.unknown_team");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 14);
  EXPECT_NE(findings[0].message.find("did you mean 'analytics'"), std::string::npos);
}

constexpr char kWaiverPolicy[] = R"(sla:
  max_lag_hours: 48
waivers:
  - rule: sla.max_lag_hours
    product: legacy_battle_reports
    reason: weekly upstream
    expires: 2027-03-31
)";

TEST_F(GovernTest, WaiverSilencesOneRuleForOneProductUntilItExpires) {
  products_.push_back(MakeProduct("legacy_battle_reports", "operations"));
  products_.push_back(MakeProduct("other_battle_reports", "operations"));
  for (Descriptor& product : products_) product.sla->max_lag_hours = 168;
  now_ = "2027-03-31T12:00:00Z";
  std::vector<Finding> before = Run(kWaiverPolicy);
  ASSERT_EQ(Of(before, "sla.max_lag_hours").size(), 1u);
  EXPECT_EQ(Of(before, "sla.max_lag_hours")[0].file,
            "products/operations/other_battle_reports.yaml");
  EXPECT_TRUE(Of(before, "waiver.expired").empty());

  now_ = "2027-04-01T00:00:00Z";
  std::vector<Finding> after = Run(kWaiverPolicy);
  EXPECT_EQ(Of(after, "sla.max_lag_hours").size(), 2u);
  auto expired = Of(after, "waiver.expired");
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].severity, Severity::kWarn);
  EXPECT_EQ(expired[0].file, "governance/global.yaml");
  EXPECT_EQ(expired[0].line, 7);
  EXPECT_EQ(expired[0].column, 14);
}

TEST_F(GovernTest, WaiverForAnUnknownProductIsReported) {
  products_.push_back(MakeProduct("mission_rate", "operations"));
  auto findings = Of(Run(kWaiverPolicy), "waiver.unknown_product");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 5);
}

TEST_F(GovernTest, SeverityOverridesTurnErrorsIntoWarningsAndBack) {
  products_.push_back(MakeProduct("mission_rate", "operations", {{"Day", "date"}}));
  EXPECT_EQ(Of(Run(), "naming.field")[0].severity, Severity::kError);
  EXPECT_EQ(Of(Run("severity:\n  naming.field: warn\n"), "naming.field")[0].severity,
            Severity::kWarn);
  domain_policies_.push_back(ParsePolicyText("severity:\n  naming.field: error\n", "operations"));
  EXPECT_EQ(Of(Run("severity:\n  naming.field: warn\n"), "naming.field")[0].severity,
            Severity::kError);
}

TEST_F(GovernTest, DomainPolicyTightensOnlyItsOwnProducts) {
  products_.push_back(MakeProduct("mission_rate", "operations"));
  products_.push_back(MakeProduct("fuel_stock", "logistics"));
  for (Descriptor& product : products_) product.sla->max_lag_hours = 24;
  domain_policies_.push_back(ParsePolicyText("sla:\n  max_lag_hours: 12\n", "operations"));
  auto findings = Of(Run(), "sla.max_lag_hours");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "products/operations/mission_rate.yaml");
}

TEST_F(GovernTest, DomainPolicyForAnUnknownDomainIsReported) {
  domain_policies_.push_back(ParsePolicyText("sla:\n  max_lag_hours: 12\n", "intel"));
  auto findings = Of(Run(), "policy.unknown_domain");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "governance/domains/intel.yaml");
}

}  // namespace
}  // namespace mesh::governance
