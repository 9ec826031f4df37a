#include <gtest/gtest.h>

#include "governance/effective_policy.h"
#include "governance/test_products.h"

namespace mesh::governance {
namespace {

using testing::ParsePolicyText;

constexpr char kGlobal[] = R"(naming:
  product: snake_case
  field: snake_case
  domain: kebab-case
  max_length: 64
required: [description, documentation_url, sla, support, classification]
allowed_formats: [parquet, csv, jsonl]
classification:
  levels: [public, internal, confidential, restricted]
  pii_min_level: confidential
sla:
  min_completeness: 0.90
  max_lag_hours: 48
standards:
  time_fields_typed: true
versions:
  deprecation_days: 90
severity:
  naming.field: warn
waivers:
  - rule: sla.max_lag_hours
    product: legacy_battle_reports
    reason: upstream system delivers weekly until its migration
    expires: 2027-03-31
)";

std::vector<std::string> Rules(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const Finding& finding : findings) rules.push_back(finding.rule);
  return rules;
}

TEST(PolicyParserTest, ReadsEveryKeyOfTheSpecExample) {
  std::vector<Finding> findings;
  Policy policy = ParsePolicyText(kGlobal, "", &findings);
  EXPECT_TRUE(findings.empty()) << findings.front().ToString();
  EXPECT_EQ(policy.naming_product->text(), "snake_case");
  EXPECT_EQ(policy.naming_domain->text(), "kebab-case");
  EXPECT_EQ(policy.naming_max_length, 64);
  EXPECT_EQ(policy.required->size(), 5u);
  EXPECT_EQ(policy.allowed_formats->size(), 3u);
  EXPECT_EQ(policy.classification_levels->back(), "restricted");
  EXPECT_EQ(policy.pii_min_level, "confidential");
  EXPECT_DOUBLE_EQ(*policy.sla_min_completeness, 0.90);
  EXPECT_DOUBLE_EQ(*policy.sla_max_lag_hours, 48);
  EXPECT_EQ(policy.time_fields_typed, true);
  EXPECT_EQ(policy.deprecation_days, 90);
  ASSERT_EQ(policy.severity.size(), 1u);
  EXPECT_EQ(policy.severity[0].rule, "naming.field");
  EXPECT_EQ(policy.severity[0].severity, Severity::kWarn);
  ASSERT_EQ(policy.waivers.size(), 1u);
  EXPECT_EQ(policy.waivers[0].product, "legacy_battle_reports");
  EXPECT_EQ(policy.waivers[0].expires_text, "2027-03-31");
  yaml::Mark lag = policy.ValueMarkOf("sla.max_lag_hours");
  EXPECT_EQ(lag.line, 13);
  EXPECT_EQ(lag.column, 18);
}

TEST(PolicyParserTest, ReportsBadValuesWithTheirPlace) {
  std::vector<Finding> findings;
  ParsePolicyText(R"(naming:
  product: SCREAMING
  field: "regex:([a-z"
required: [descriptionn]
allowed_formats: [parquet, xml]
sla:
  min_completeness: 1.5
severity:
  naming.nonsense: warn
  naming.field: maybe
waivers:
  - rule: sla.max_lag_hours
    product: p
    expires: 2027-02-30
  - rule: sla.max_lag_hours
    product: p
    reason: r
    expires: 2027-02-30
colour: blue
)",
                  "", &findings);
  std::vector<std::string> rules = Rules(findings);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "policy.invalid"), 8)
      << ::testing::PrintToString(rules);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "policy.unknown_rule"), 1);
  EXPECT_EQ(std::count(rules.begin(), rules.end(), "policy.unknown_key"), 1);
  auto style = std::find_if(findings.begin(), findings.end(), [](const Finding& finding) {
    return finding.message.find("SCREAMING") != std::string::npos;
  });
  ASSERT_NE(style, findings.end());
  EXPECT_EQ(style->line, 2);
  EXPECT_EQ(style->column, 12);
}

EffectivePolicy DomainPolicy(const std::string& domain_text, std::vector<Finding>* findings) {
  Policy global = ParsePolicyText(kGlobal);
  Policy domain = ParsePolicyText(domain_text, "operations");
  EffectivePolicy effective = ResolveGlobalPolicy(&global);
  FindingSink sink(domain.file);
  EffectivePolicy tightened = TightenForDomain(effective, domain, &sink);
  *findings = sink.Take();
  return tightened;
}

TEST(EffectivePolicyTest, DomainTightensEveryKey) {
  std::vector<Finding> findings;
  EffectivePolicy policy = DomainPolicy(R"(naming:
  product: "regex:ops_[a-z_]+"
  max_length: 40
required: [lineage]
allowed_formats: [parquet]
classification:
  pii_min_level: restricted
sla:
  min_completeness: 0.99
  max_lag_hours: 12
versions:
  deprecation_days: 180
severity:
  naming.field: error
)",
                                        &findings);
  EXPECT_TRUE(findings.empty()) << findings.front().ToString();
  EXPECT_EQ(policy.naming_product.size(), 2u);
  EXPECT_EQ(policy.naming_max_length, 40);
  EXPECT_EQ(policy.required.back(), "lineage");
  EXPECT_EQ(policy.required.size(), 6u);
  EXPECT_EQ(policy.allowed_formats, std::vector<std::string>{"parquet"});
  EXPECT_EQ(policy.pii_min_level, "restricted");
  EXPECT_DOUBLE_EQ(*policy.sla_min_completeness, 0.99);
  EXPECT_DOUBLE_EQ(*policy.sla_max_lag_hours, 12);
  EXPECT_EQ(policy.deprecation_days, 180);
  EXPECT_EQ(policy.SeverityOf("naming.field", Severity::kError), Severity::kError);
}

TEST(EffectivePolicyTest, LooseningIsReportedWithBothValuesAndIgnored) {
  std::vector<Finding> findings;
  EffectivePolicy policy = DomainPolicy(R"(naming:
  product: camelCase
  max_length: 100
allowed_formats: [parquet, avro_like]
classification:
  pii_min_level: internal
sla:
  min_completeness: 0.80
  max_lag_hours: 72
standards:
  time_fields_typed: false
versions:
  deprecation_days: 30
severity:
  sla.max_lag_hours: warn
waivers:
  - rule: sla.max_lag_hours
    product: x
    reason: r
    expires: 2030-01-01
)",
                                        &findings);
  std::vector<std::string> messages;
  for (const Finding& finding : findings) {
    if (finding.rule == "policy.loosens") messages.push_back(finding.message);
  }
  ASSERT_EQ(messages.size(), 9u) << ::testing::PrintToString(messages);
  EXPECT_NE(
      messages[0].find("operations loosens naming.product: global snake_case, domain camelCase"),
      std::string::npos);
  bool completeness = false;
  for (const std::string& message : messages) {
    completeness |=
        message.rfind("operations loosens sla.min_completeness: global 0.9, domain 0.8", 0) == 0;
  }
  EXPECT_TRUE(completeness);
  EXPECT_EQ(policy.naming_product.size(), 1u);
  EXPECT_EQ(policy.naming_max_length, 64);
  EXPECT_DOUBLE_EQ(*policy.sla_min_completeness, 0.90);
  EXPECT_DOUBLE_EQ(*policy.sla_max_lag_hours, 48);
  EXPECT_TRUE(policy.time_fields_typed);
  EXPECT_EQ(policy.deprecation_days, 90);
  EXPECT_EQ(policy.SeverityOf("sla.max_lag_hours", Severity::kError), Severity::kError);
  EXPECT_TRUE(policy.waivers.size() == 1);  // the global one only
}

TEST(EffectivePolicyTest, SeverityOverridesUseTheMostSpecificEntry) {
  EffectivePolicy policy = DefaultEffectivePolicy();
  policy.severity["required.*"] = Severity::kWarn;
  policy.severity["required.sla"] = Severity::kError;
  EXPECT_EQ(policy.SeverityOf("required.support", Severity::kError), Severity::kWarn);
  EXPECT_EQ(policy.SeverityOf("required.sla", Severity::kError), Severity::kError);
  EXPECT_EQ(policy.SeverityOf("naming.field", Severity::kError), Severity::kError);
}

TEST(WaiverTest, AppliesThroughItsExpiryDayOnly) {
  Policy global = ParsePolicyText(kGlobal);
  const Waiver& waiver = global.waivers[0];
  EXPECT_FALSE(waiver.IsExpired(ParseTimestamp("2027-03-31T23:59:59Z").value()));
  EXPECT_TRUE(waiver.IsExpired(ParseTimestamp("2027-04-01T00:00:00Z").value()));
}

}  // namespace
}  // namespace mesh::governance
