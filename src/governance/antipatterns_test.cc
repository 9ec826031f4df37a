#include "governance/antipatterns.h"

#include <gtest/gtest.h>

#include "governance/governance.h"
#include "governance/test_products.h"

namespace mesh::governance {
namespace {

using testing::AddLineage;
using testing::MakeOrg;
using testing::MakeProduct;

class AntiPatternTest : public ::testing::Test {
 protected:
  std::vector<Finding> Run(std::string_view rule) {
    GovernanceInput input;
    input.org = &org_;
    for (const Descriptor& product : products_) input.products.push_back(&product);
    input.now = ParseTimestamp("2026-11-20T08:00:00Z").value();
    std::vector<Finding> out;
    for (Finding& finding : Govern(input)) {
      if (finding.rule == rule) out.push_back(std::move(finding));
    }
    return out;
  }

  // A product that is only a table: no description, docs, SLA or checks.
  static Descriptor RawTable(std::string name, std::string domain) {
    Descriptor d = MakeProduct(std::move(name), std::move(domain),
                               {{"record_id", "int64"}, {"payload", "string"}});
    d.description.reset();
    d.documentation_url.reset();
    d.sla.reset();
    d.schema.primary_key.clear();
    return d;
  }

  Organisation org_ = MakeOrg({"operations", "logistics", "personnel"});
  std::vector<Descriptor> products_;
};

TEST_F(AntiPatternTest, RawTableIsAWarningAndAnErrorWhenOtherDomainsConsumeIt) {
  products_.push_back(RawTable("ops_dump", "operations"));
  auto local = Run("antipattern.raw_table");
  ASSERT_EQ(local.size(), 1u);
  EXPECT_EQ(local[0].severity, Severity::kWarn);
  EXPECT_NE(local[0].message.find("no description, no documentation_url, no sla, no checks"),
            std::string::npos);

  Descriptor consumer = MakeProduct("fuel_forecast", "logistics");
  AddLineage(&consumer, "ops_dump");
  products_.push_back(consumer);
  products_[0].consumer_teams = {"analytics"};
  auto consumed = Run("antipattern.raw_table");
  ASSERT_EQ(consumed.size(), 1u);
  EXPECT_EQ(consumed[0].severity, Severity::kError);
  EXPECT_NE(consumed[0].message.find("product fuel_forecast (domain logistics)"),
            std::string::npos);
  EXPECT_NE(consumed[0].message.find("team analytics"), std::string::npos);
}

TEST_F(AntiPatternTest, RawTableNearMissOneGapOnly) {
  Descriptor d = MakeProduct("mission_rate", "operations");
  d.documentation_url.reset();  // a required.documentation_url finding, not a raw table
  products_.push_back(d);
  Descriptor unchecked = MakeProduct("mission_days", "operations");
  unchecked.schema.primary_key.clear();  // no checks, but described, documented, with an SLA
  products_.push_back(unchecked);
  EXPECT_TRUE(Run("antipattern.raw_table").empty());
}

TEST_F(AntiPatternTest, MicroProductsSharingOneKey) {
  products_.push_back(
      MakeProduct("soldier_rank", "personnel", {{"soldier_id", "int64"}, {"rank", "string"}}));
  products_.push_back(
      MakeProduct("soldier_unit", "personnel", {{"soldier_id", "int64"}, {"unit", "string"}}));
  products_.push_back(
      MakeProduct("soldier_birth", "personnel",
                  {{"soldier_id", "int64"}, {"birth_date", "date"}, {"born_in", "string"}}));
  for (Descriptor& product : products_)
    product.event_time.reset(), product.sla->max_lag_hours.reset();
  auto findings = Run("antipattern.micro_products");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_NE(findings[0].message.find("soldier_birth, soldier_rank, soldier_unit"),
            std::string::npos);
  EXPECT_NE(findings[0].message.find("keyed by (soldier_id)"), std::string::npos);
  EXPECT_EQ(findings[0].line, 18);

  // Near miss: one of them carries three fields besides the key.
  products_[2].schema.fields.push_back(testing::MakeField("blood_type", "string", 40));
  EXPECT_TRUE(Run("antipattern.micro_products").empty());
}

TEST_F(AntiPatternTest, SameFieldNameWithDifferentTypesAcrossDomains) {
  products_.push_back(
      MakeProduct("mission_status", "operations", {{"day", "date"}, {"status", "string"}}));
  products_.push_back(
      MakeProduct("convoy_status", "logistics", {{"day", "date"}, {"status", "int32"}}));
  products_.push_back(
      MakeProduct("leave_status", "personnel", {{"day", "date"}, {"status", "string"}}));
  auto findings = Run("antipattern.domain_isolation");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "products/logistics/convoy_status.yaml");
  EXPECT_EQ(findings[0].line, 25);
  EXPECT_NE(findings[0].message.find("string in domain operations (mission_status)"),
            std::string::npos);

  // Near miss: int32 and int64 are one family (a widening, not another encoding).
  products_[0].schema.fields[1].type = FieldType::Parse("int64").value();
  products_[2].schema.fields[1].type = FieldType::Parse("int64").value();
  EXPECT_TRUE(Run("antipattern.domain_isolation").empty());
}

TEST_F(AntiPatternTest, TimeValuesKeptAsStrings) {
  products_.push_back(
      MakeProduct("mission_days", "operations", {{"day", "date"}, {"mission_date", "date"}}));
  products_.push_back(MakeProduct("convoy_days", "logistics",
                                  {{"convoy_id", "int64"}, {"mission_date", "string"}}));
  products_[1].event_time.reset();
  products_[1].sla->max_lag_hours.reset();
  auto findings = Run("antipattern.domain_isolation");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.find("time values kept as strings"), std::string::npos);

  // A string with a date pattern is a time kept as text too.
  products_[1].schema.fields[1].name = "reported";
  products_[1].schema.fields[1].pattern = "\\d{4}-\\d{2}-\\d{2}";
  findings = Run("antipattern.domain_isolation");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.find("its pattern accepts ISO dates"), std::string::npos);

  // Near miss: a string with another pattern.
  products_[1].schema.fields[1].pattern = "[A-Z]{3}-\\d+";
  EXPECT_TRUE(Run("antipattern.domain_isolation").empty());
}

TEST_F(AntiPatternTest, MixedNamingStylesAcrossDomains) {
  products_.push_back(MakeProduct("mission_log", "operations",
                                  {{"mission_id", "int64"}, {"started_at", "timestamp"}}));
  products_.push_back(
      MakeProduct("fuel_log", "logistics", {{"fuel_id", "int64"}, {"filled_at", "timestamp"}}));
  products_.push_back(MakeProduct("leave_log", "personnel",
                                  {{"missionId", "int64"}, {"leaveStartedAt", "timestamp"}}));
  products_[2].event_time = "leaveStartedAt";
  auto findings = Run("antipattern.domain_isolation");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "products/personnel/leave_log.yaml");
  EXPECT_NE(findings[0].message.find("'missionId' is 'mission_id' in mission_log"),
            std::string::npos);
  EXPECT_NE(findings[0].message.find("leaveStartedAt -> leave_started_at"), std::string::npos);
}

TEST_F(AntiPatternTest, OneEntityKeyedByTwoIdentifiersAcrossALineageEdge) {
  products_.push_back(MakeProduct(
      "personnel", "personnel",
      {{"personnel_id", "int64"}, {"rank", "string"}, {"unit", "string"}, {"joined_on", "date"}}));
  products_.push_back(MakeProduct("soldier_fitness", "operations",
                                  {{"soldier_id", "int64"},
                                   {"rank", "string"},
                                   {"unit", "string"},
                                   {"fitness_score", "double"}}));
  AddLineage(&products_[1], "personnel");
  for (Descriptor& product : products_)
    product.event_time.reset(), product.sla->max_lag_hours.reset();
  auto findings = Run("antipattern.domain_isolation");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "products/operations/soldier_fitness.yaml");
  EXPECT_NE(findings[0].message.find("keyed by soldier_id"), std::string::npos);
  EXPECT_NE(findings[0].message.find("rank, unit"), std::string::npos);

  // Near miss: a product about another entity (missions) built from personnel.
  products_[1] = MakeProduct("mission_roster", "operations",
                             {{"mission_id", "int64"},
                              {"region", "string"},
                              {"rank", "string"},
                              {"objective", "string"},
                              {"outcome", "string"}});
  AddLineage(&products_[1], "personnel");
  for (Descriptor& product : products_)
    product.event_time.reset(), product.sla->max_lag_hours.reset();
  EXPECT_TRUE(Run("antipattern.domain_isolation").empty());
}

}  // namespace
}  // namespace mesh::governance
