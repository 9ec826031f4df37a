#include "health/maturity.h"

#include <gtest/gtest.h>

#include "health/health_test_support.h"
#include "usage/usage_test_support.h"

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::health {
namespace {

using usage::At;
using usage::CatalogFixture;

constexpr const char* kNow = "2026-11-30T00:00:00Z";

MaturityVerdict Assess(Catalog& catalog, int64_t governed = 4, int64_t clean = 4) {
  Organisation organisation = FourDomainOrg();
  auto activity = GatherActivity(catalog, At("2026-10-31T00:00:00Z"), At(kNow));
  EXPECT_TRUE(activity.ok()) << activity.status();
  MaturityInput input;
  input.organisation = &organisation;
  input.activity = &*activity;
  input.now = At(kNow);
  input.governed_products = governed;
  input.clean_products = clean;
  return AssessMaturity(input);
}

const Criterion* FindCriterion(const MaturityVerdict& verdict, std::string_view id) {
  for (const PhaseAssessment& phase : verdict.phases) {
    for (const Criterion& criterion : phase.criteria) {
      if (criterion.id == id) return &criterion;
    }
  }
  return nullptr;
}

void PublishIn(CatalogFixture& fixture, const std::string& product, const std::string& domain,
               const std::string& team, const std::string& person, const std::string& at) {
  fixture.Publish(
      {.product = product, .domain = domain, .owner = team, .publisher = person, .at = at});
}

TEST(HealthMaturity, NothingPublishedIsCentralised) {
  CatalogFixture fixture;
  MaturityVerdict verdict = Assess(fixture.catalog());
  EXPECT_EQ(verdict.phase, 1);
  EXPECT_EQ(verdict.name, "centralised");
  nlohmann::ordered_json json = MaturityToJson(verdict);
  EXPECT_EQ(json["next"]["phase"], 2);
  EXPECT_EQ(json["next"]["against"][0]["id"], "products.published");
}

TEST(HealthMaturity, OneDomainPublishingIsFirstProducts) {
  CatalogFixture fixture;
  PublishIn(fixture, "orders", "sales", "team-sales", "sam", "2026-11-20T00:00:00Z");
  MaturityVerdict verdict = Assess(fixture.catalog());
  EXPECT_EQ(verdict.phase, 2);
  const Criterion* active = FindCriterion(verdict, "domains.active");
  ASSERT_NE(active, nullptr);
  EXPECT_EQ(active->value, 1);
  EXPECT_FALSE(active->met);
}

TEST(HealthMaturity, PublishesOutsideTheWindowOrByOutsidersDoNotMakeDomainsActive) {
  CatalogFixture fixture;
  PublishIn(fixture, "orders", "sales", "team-sales", "sam", "2026-09-01T00:00:00Z");
  // carol is not in team-finance: not the domain publishing on its own.
  PublishIn(fixture, "ledger", "finance", "team-finance", "carol", "2026-11-20T00:00:00Z");
  MaturityVerdict verdict = Assess(fixture.catalog());
  EXPECT_EQ(verdict.metrics.active_domains, 0);
  EXPECT_EQ(verdict.phase, 2);
}

TEST(HealthMaturity, TwoOfFourDomainsPublishingOnTheirOwnIsPhaseThree) {
  CatalogFixture fixture;
  PublishIn(fixture, "orders", "sales", "team-sales", "sam", "2026-11-20T00:00:00Z");
  PublishIn(fixture, "missions", "operations", "team-operations", "alice", "2026-11-21T00:00:00Z");
  MaturityVerdict verdict = Assess(fixture.catalog());
  EXPECT_EQ(verdict.phase, 3);
  EXPECT_EQ(verdict.metrics.publishing_teams, 2);
  nlohmann::ordered_json json = MaturityToJson(verdict);
  EXPECT_EQ(json["next"]["phase"], 4);
  // 2 of 4 domains have products: below 75%; no reads by other teams.
  std::vector<std::string> against;
  for (const auto& criterion : json["next"]["against"]) against.push_back(criterion["id"]);
  EXPECT_EQ(against, (std::vector<std::string>{"domains.with_products", "consumers.reach"}));
}

TEST(HealthMaturity, MostDomainsCleanAndReadByOthersIsMeshOperation) {
  CatalogFixture fixture;
  PublishIn(fixture, "orders", "sales", "team-sales", "sam", "2026-11-20T00:00:00Z");
  PublishIn(fixture, "missions", "operations", "team-operations", "alice", "2026-11-21T00:00:00Z");
  PublishIn(fixture, "ledger", "finance", "team-finance", "fay", "2026-11-22T00:00:00Z");
  fixture.Read("orders", "analytics", 10, "2026-11-25T00:00:00Z");
  fixture.Read("missions", "team-sales", 10, "2026-11-25T00:00:00Z", "sam");
  fixture.Read("ledger", "team-finance", 10, "2026-11-25T00:00:00Z", "fay");  // its owner
  MaturityVerdict verdict = Assess(fixture.catalog(), 3, 3);
  EXPECT_EQ(verdict.metrics.products_read_by_others, 2);
  EXPECT_EQ(verdict.metrics.reads_by_others, 2);
  EXPECT_EQ(verdict.phase, 4);
  EXPECT_TRUE(MaturityToJson(verdict)["next"].is_null());
  // The same mesh with governance errors in two of three products stays at phase 3.
  MaturityVerdict unclean = Assess(fixture.catalog(), 3, 1);
  EXPECT_EQ(unclean.phase, 3);
  EXPECT_FALSE(FindCriterion(unclean, "governance.clean_rate")->met);
  EXPECT_NE(RenderMaturity(unclean).find("[against] 1 of 3 (33%) products pass mesh lint"),
            std::string::npos)
      << RenderMaturity(unclean);
}

}  // namespace
}  // namespace mesh::health
