#include "usage/usage_meter.h"

#include <gtest/gtest.h>

#include "usage/usage_test_support.h"

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::usage {
namespace {

constexpr Wide kDay = kMicrosPerDay;

UsageLedger Meter(Catalog& catalog, const std::string& from, const std::string& to,
                  const std::string& now) {
  MeterRequest request;
  request.catalog = &catalog;
  request.window = UsageWindow::Parse(from, to).ValueOr(UsageWindow{});
  request.now = At(now);
  request.known_product_domains = {{"rejected_only", "finance"}};
  request.known_domains = {"operations", "finance", "idle"};
  auto ledger = MeterUsage(request);
  EXPECT_TRUE(ledger.ok()) << ledger.status();
  return ledger.ValueOr(UsageLedger{});
}

TEST(UsageMeter, StorageCountsFromPublishAndSplitsIntoDays) {
  CatalogFixture fixture;
  fixture.Publish({.product = "orders", .at = "2026-11-02T12:00:00Z", .bytes = 1000});
  UsageLedger ledger = Meter(fixture.catalog(), "2026-11-01", "2026-11-03", "2026-11-30T00:00:00Z");
  const DomainUsage* operations = ledger.FindDomain("operations");
  ASSERT_NE(operations, nullptr);
  // Half of the 2nd and all of the 3rd.
  EXPECT_EQ(WideToString(operations->storage_byte_micros), WideToString(Wide{1000} * kDay * 3 / 2));
  ASSERT_EQ(ledger.daily.size(), 2u);
  EXPECT_EQ(FormatDate(ledger.daily[0].day), "2026-11-02");
  EXPECT_EQ(ledger.daily[0].AverageBytes(), 500);
  EXPECT_EQ(ledger.daily[1].AverageBytes(), 1000);
  EXPECT_EQ(operations->publishes, 1);
  // Every known domain has a row, used or not.
  ASSERT_NE(ledger.FindDomain("idle"), nullptr);
  EXPECT_EQ(ledger.FindDomain("idle")->storage_byte_micros, 0);
}

TEST(UsageMeter, SharedContentCountsOnceAndMeteringStopsAtNow) {
  CatalogFixture fixture;
  // Two snapshots of the same bytes (an unchanged re-publish) hold one object.
  fixture.Publish({.product = "orders",
                   .at = "2026-11-01T00:00:00Z",
                   .bytes = 800,
                   .object_key = "sha256/same"});
  fixture.Publish({.product = "orders",
                   .at = "2026-11-01T12:00:00Z",
                   .bytes = 800,
                   .object_key = "sha256/same"});
  UsageLedger ledger = Meter(fixture.catalog(), "2026-11-01", "2026-11-30", "2026-11-02T00:00:00Z");
  EXPECT_EQ(ledger.measured_until, At("2026-11-02T00:00:00Z"));
  EXPECT_EQ(WideToString(ledger.FindDomain("operations")->storage_byte_micros),
            WideToString(Wide{800} * kDay));
  EXPECT_EQ(ledger.FindDomain("operations")->publishes, 2);
}

TEST(UsageMeter, RetiredMajorStopsCountingAtItsRetirement) {
  CatalogFixture fixture;
  fixture.Publish(
      {.product = "orders", .version = "1.0.0", .at = "2026-11-01T00:00:00Z", .bytes = 100});
  fixture.Publish(
      {.product = "orders", .version = "2.0.0", .at = "2026-11-02T00:00:00Z", .bytes = 10});
  AuditEntry retire{0, At("2026-11-03T00:00:00Z"), "system", "retire", "orders@1", "ok", "", "",
                    ""};
  ASSERT_TRUE(fixture.catalog().RetireMajor("orders", 1, retire).ok());
  UsageLedger ledger = Meter(fixture.catalog(), "2026-11-01", "2026-11-04", "2026-12-01T00:00:00Z");
  // v1: 100 bytes for 2 days; v2: 10 bytes for 3 days.
  EXPECT_EQ(WideToString(ledger.FindDomain("operations")->storage_byte_micros),
            WideToString(Wide{100} * 2 * kDay + Wide{10} * 3 * kDay));
  EXPECT_TRUE(ledger.warnings.empty());
}

TEST(UsageMeter, CheckTimeComesFromReportsOfPublishesAndRejectionsInTheWindow) {
  CatalogFixture fixture;
  fixture.Publish({.product = "orders",
                   .at = "2026-11-05T00:00:00Z",
                   .report_json = ReportWithSeconds(1.5, 0.25)});
  fixture.Publish({.product = "orders",
                   .at = "2026-10-31T23:59:59Z",
                   .report_json = ReportWithSeconds(100, 100)});  // before the window
  fixture.Quarantine("orders", "2026-11-06T00:00:00Z", ReportWithSeconds(0.000001, 2));
  fixture.Quarantine("rejected_only", "2026-11-06T00:00:00Z", ReportWithSeconds(3, 0));
  fixture.Quarantine("nobody_knows", "2026-11-06T00:00:00Z", ReportWithSeconds(1, 0));
  fixture.Quarantine("orders", "2026-11-07T00:00:00Z", "not json");
  UsageLedger ledger = Meter(fixture.catalog(), "2026-11-01", "2026-11-30", "2026-12-01T00:00:00Z");
  EXPECT_EQ(ledger.FindDomain("operations")->check_micros, 1'750'000 + 2'000'001);
  EXPECT_EQ(ledger.FindDomain("operations")->rejections, 2);
  EXPECT_EQ(ledger.FindDomain("finance")->check_micros, 3'000'000);
  ASSERT_NE(ledger.FindDomain(kUnknownDomain), nullptr);
  EXPECT_EQ(ledger.FindDomain(kUnknownDomain)->check_micros, 1'000'000);
  ASSERT_EQ(ledger.warnings.size(), 1u);
  EXPECT_NE(ledger.warnings[0].find("quarantine entry"), std::string::npos);
}

TEST(UsageMeter, ReadsAreGroupedByProductAndTeamWithinTheWindow) {
  CatalogFixture fixture;
  fixture.Publish({.product = "orders", .at = "2026-11-01T00:00:00Z"});
  fixture.Read("orders", "analytics", 10, "2026-11-02T00:00:00Z");
  fixture.Read("orders", "analytics", 15, "2026-11-03T00:00:00Z");
  fixture.Read("orders", "finance", 1, "2026-11-03T00:00:00Z");
  fixture.Read("orders", "finance", 99, "2026-12-01T00:00:00Z");  // after the window
  UsageLedger ledger = Meter(fixture.catalog(), "2026-11-01", "2026-11-30", "2026-12-05T00:00:00Z");
  ASSERT_EQ(ledger.reads.size(), 2u);
  EXPECT_EQ(ledger.reads[0].team, "analytics");
  EXPECT_EQ(ledger.reads[0].reads, 2);
  EXPECT_EQ(ledger.reads[0].bytes, 25);
  EXPECT_EQ(ledger.reads[0].domain, "operations");
  EXPECT_EQ(ledger.reads[1].team, "finance");
  EXPECT_EQ(ledger.FindDomain("operations")->reads, 3);
  EXPECT_EQ(ledger.FindDomain("operations")->read_bytes, 26);
}

}  // namespace
}  // namespace mesh::usage
