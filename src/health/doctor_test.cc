#include "health/doctor.h"

#include <gtest/gtest.h>

#include "health/health_test_support.h"
#include "usage/usage_test_support.h"

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::health {
namespace {

using usage::At;
using usage::CatalogFixture;

constexpr const char* kNow = "2026-11-29T00:00:00Z";

std::vector<Diagnosis> RunDoctor(Catalog& catalog) {
  Organisation organisation = FourDomainOrg();
  auto activity = GatherActivity(catalog, At("2026-11-01T00:00:00Z"), At(kNow));
  EXPECT_TRUE(activity.ok()) << activity.status();
  DoctorInput input;
  input.organisation = &organisation;
  input.activity = &*activity;
  input.now = At(kNow);
  input.product_domains = {{"drafts", "people"}};
  return Diagnose(input);
}

std::vector<std::string> Kinds(const std::vector<Diagnosis>& diagnoses) {
  std::vector<std::string> out;
  for (const Diagnosis& diagnosis : diagnoses)
    out.push_back(diagnosis.kind + " " + diagnosis.subject);
  return out;
}

// A product doctor has nothing to say about.
void PublishHealthy(CatalogFixture& fixture, const std::string& product, const std::string& at) {
  fixture.Publish({.product = product,
                   .domain = "sales",
                   .owner = "team-sales",
                   .publisher = "sam",
                   .at = at,
                   .descriptor_yaml = CompleteDescriptor(product, "sales", "team-sales"),
                   .lag_hours = 1.0});
}

TEST(HealthDoctor, AHealthyMeshHasNoFindings) {
  CatalogFixture fixture;
  PublishHealthy(fixture, "orders", "2026-11-10T00:00:00Z");
  PublishHealthy(fixture, "orders", "2026-11-20T00:00:00Z");
  EXPECT_TRUE(RunDoctor(fixture.catalog()).empty())
      << ::testing::PrintToString(Kinds(RunDoctor(fixture.catalog())));
  EXPECT_EQ(RenderDiagnoses({}), "no findings: the mesh looks healthy\n");
}

TEST(HealthDoctor, RisingFailureRateIsFoundWithBothWindowsAsEvidence) {
  CatalogFixture fixture;
  // Previous window (Nov 1..15): 4 publishes, 0 rejected. Recent (Nov 15..29): 2 published,
  // 2 rejected (one for a product never published, known from the workspace).
  for (const char* at : {"2026-11-02T00:00:00Z", "2026-11-05T00:00:00Z", "2026-11-08T00:00:00Z",
                         "2026-11-11T00:00:00Z"}) {
    fixture.Publish({.product = "staff",
                     .domain = "people",
                     .owner = "team-people",
                     .publisher = "pia",
                     .at = at,
                     .descriptor_yaml = CompleteDescriptor("staff", "people", "team-people")});
  }
  for (const char* at : {"2026-11-20T00:00:00Z", "2026-11-22T00:00:00Z"}) {
    fixture.Publish({.product = "staff",
                     .domain = "people",
                     .owner = "team-people",
                     .publisher = "pia",
                     .at = at,
                     .descriptor_yaml = CompleteDescriptor("staff", "people", "team-people")});
  }
  fixture.Quarantine("staff", "2026-11-24T00:00:00Z");
  fixture.Quarantine("drafts", "2026-11-25T00:00:00Z");
  std::vector<Diagnosis> diagnoses = RunDoctor(fixture.catalog());
  // Fewer good publishes also means staff met its daily availability less often (periods are
  // counted from its first publish: 4 of 13 before, 2 of 14 now).
  ASSERT_EQ(Kinds(diagnoses), (std::vector<std::string>{"failure_rate_rising people",
                                                        "sla_compliance_falling staff"}))
      << RenderDiagnoses(diagnoses);
  EXPECT_EQ(diagnoses[0].evidence,
            "checks failed on 2 of 4 publish attempts (50%) in the last 14 days, against 0 of 4 "
            "(0%) in the 14 days before");
  EXPECT_EQ(diagnoses[0].measures["recent_rejected"], 2);
  EXPECT_NE(diagnoses[0].action.find("mesh quarantine list"), std::string::npos);
}

TEST(HealthDoctor, FewAttemptsOrASteadyRateAreNotAFinding) {
  CatalogFixture fixture;
  fixture.Publish({.product = "staff",
                   .domain = "people",
                   .owner = "team-people",
                   .publisher = "pia",
                   .at = "2026-11-20T00:00:00Z",
                   .descriptor_yaml = CompleteDescriptor("staff", "people", "team-people")});
  fixture.Quarantine("staff", "2026-11-24T00:00:00Z");  // 1 of 2: too few attempts
  EXPECT_TRUE(RunDoctor(fixture.catalog()).empty());
}

TEST(HealthDoctor, ProductsWithoutOwnerDocsOrSlaAreNamed) {
  CatalogFixture fixture;
  fixture.Publish({.product = "bare",
                   .domain = "finance",
                   .owner = "team-finance",
                   .publisher = "fay",
                   .at = "2026-11-20T00:00:00Z",
                   .descriptor_yaml = "name: bare\ndomain: finance\nowner: team-finance\n"
                                      "schema_version: 1.0.0\noutput_format: csv\n"
                                      "schema:\n  fields:\n    - name: x\n      type: int64\n"});
  fixture.Publish({.product = "orphan",
                   .domain = "finance",
                   .owner = "ghosts",
                   .publisher = "fay",
                   .at = "2026-11-20T00:00:00Z",
                   .descriptor_yaml = CompleteDescriptor("orphan", "finance", "ghosts")});
  fixture.Publish({.product = "stray",
                   .domain = "finance",
                   .owner = "analytics",
                   .publisher = "fay",
                   .at = "2026-11-20T00:00:00Z",
                   .descriptor_yaml = CompleteDescriptor("stray", "finance", "analytics")});
  std::vector<Diagnosis> diagnoses = RunDoctor(fixture.catalog());
  EXPECT_EQ(Kinds(diagnoses),
            (std::vector<std::string>{"product_without_docs bare", "product_without_owner orphan",
                                      "product_without_owner stray", "product_without_sla bare"}));
  EXPECT_EQ(diagnoses[0].evidence, "bare is published without description and documentation_url");
  EXPECT_NE(diagnoses[1].evidence.find("'ghosts' has no members"), std::string::npos);
  EXPECT_NE(diagnoses[2].evidence.find("does not own the domain 'finance'"), std::string::npos);
}

TEST(HealthDoctor, LatePublishesInTheRecentWindowAreCounted) {
  CatalogFixture fixture;
  auto publish = [&](const char* at, double lag) {
    fixture.Publish({.product = "orders",
                     .domain = "sales",
                     .owner = "team-sales",
                     .publisher = "sam",
                     .at = at,
                     .descriptor_yaml = CompleteDescriptor("orders", "sales", "team-sales", 4),
                     .lag_hours = lag});
  };
  publish("2026-11-05T00:00:00Z", 30);  // late, but before the recent window
  publish("2026-11-20T00:00:00Z", 2);
  publish("2026-11-21T00:00:00Z", 6.5);
  publish("2026-11-22T00:00:00Z", 9);
  std::vector<Diagnosis> diagnoses = RunDoctor(fixture.catalog());
  ASSERT_EQ(Kinds(diagnoses), (std::vector<std::string>{"late_publishes orders"}));
  EXPECT_EQ(diagnoses[0].evidence,
            "2 of 3 versions of orders published in the last 14 days were later than the sla "
            "allows (worst lag 9.0 h, allowed 4.0 h)");
  nlohmann::ordered_json json = DiagnosesToJson(diagnoses, At(kNow), 14);
  EXPECT_EQ(json["findings"][0]["measures"]["late_versions"], 2);
}

TEST(HealthDoctor, OpenConsumerReportsPilingUpAreNamedWithTheOldest) {
  CatalogFixture fixture;
  PublishHealthy(fixture, "orders", "2026-11-20T00:00:00Z");
  auto open = [&](const char* at) {
    ConsumerReport report;
    report.product = "orders";
    report.title = "totals look wrong";
    report.opened_by = "carol";
    report.opened_at = At(at);
    AuditEntry audit{0, report.opened_at, "carol", "report.open", "", "ok", "", "", ""};
    auto opened = fixture.catalog().OpenConsumerReport(report, {}, audit);
    EXPECT_TRUE(opened.ok()) << opened.status();
    return opened.ValueOr(ConsumerReport{}).id;
  };
  open("2026-11-01T00:00:00Z");
  open("2026-11-20T00:00:00Z");
  EXPECT_TRUE(RunDoctor(fixture.catalog()).empty()) << "two open reports are not a pile";
  int64_t third = open("2026-11-25T00:00:00Z");
  std::vector<Diagnosis> diagnoses = RunDoctor(fixture.catalog());
  ASSERT_EQ(Kinds(diagnoses), (std::vector<std::string>{"reports_piling_up orders"}));
  EXPECT_EQ(diagnoses[0].evidence,
            "3 consumer reports are open on orders (2 opened in the last 14 days; the oldest has "
            "waited 28 days since 2026-11-01T00:00:00Z)");
  AuditEntry audit{0, At("2026-11-26T00:00:00Z"), "sam", "report.resolve", "", "ok", "", "", ""};
  ASSERT_TRUE(fixture.catalog()
                  .ResolveConsumerReport(third, "sam", At("2026-11-26T00:00:00Z"), {}, audit)
                  .ok());
  EXPECT_TRUE(RunDoctor(fixture.catalog()).empty());
}

TEST(HealthDoctor, FallingAvailabilityComplianceComparesBothWindows) {
  CatalogFixture fixture;
  // "08:00 daily": every day of the previous window is met, every other day of the recent one.
  for (int day = 1; day <= 28; ++day) {
    if (day >= 15 && day % 2 == 0) continue;
    char at[32];
    std::snprintf(at, sizeof(at), "2026-11-%02dT07:00:00Z", day);
    PublishHealthy(fixture, "orders", at);
  }
  std::vector<Diagnosis> diagnoses = RunDoctor(fixture.catalog());
  ASSERT_EQ(Kinds(diagnoses), (std::vector<std::string>{"sla_compliance_falling orders"}));
  EXPECT_EQ(diagnoses[0].evidence,
            "orders met its availability in 7 of 14 periods (50%) in the last 14 days, against "
            "14 of 14 (100%) in the 14 days before");
  EXPECT_EQ(diagnoses[0].measures["recent_met"], 7);
}

}  // namespace
}  // namespace mesh::health
