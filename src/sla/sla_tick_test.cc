#include "sla/sla_tick.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"
#include "sla/sla_test_support.h"
#include "sla/webhook_receiver_test.h"

namespace mesh::sla {
namespace {

Timestamp At(const char* text) { return *ParseTimestamp(text); }

class SlaTickTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    auto catalog = SqliteCatalog::Open(scratch_ + "/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    catalog_ = std::move(*catalog);
    org_.teams = {Team{"team-operations", {"alice"}, {}, owners_.Url(), {}, {}, {}},
                  Team{"analytics", {"carol"}, {}, consumers_.Url(), {}, {}, {}},
                  Team{"finance", {"erin"}, {}, std::nullopt, {}, {}, {}}};
    consumers_.failing = true;
  }
  void TearDown() override {
    catalog_.reset();
    std::filesystem::remove_all(scratch_);
  }

  void Publish(int64_t snapshot, const char* at, double lag_hours) {
    CommitVersionRequest request = MakeCommitRequest("orders", "1.0.0", snapshot - 1);
    request.version = Snapshot(snapshot, at, lag_hours, DescriptorWithSla("08:00 daily", "UTC"));
    request.audit.at = request.version.published_at;
    request.consumer_teams = {"analytics", "finance"};
    auto committed = catalog_->CommitVersion(request);
    ASSERT_TRUE(committed.ok()) << committed.status();
  }

  TickReport Tick(const char* now) {
    FixedClock clock(At(now));
    auto sender = MakeHttpWebhookSender();
    auto report = RunSlaTick({catalog_.get(), &org_, &clock, sender.get(), std::nullopt});
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : TickReport{};
  }

  std::string scratch_;
  std::unique_ptr<SqliteCatalog> catalog_;
  HookServer owners_;
  HookServer consumers_;
  Organisation org_;
};

TEST_F(SlaTickTest, OpensOneIncidentPerBreachAndNotifiesOwnersAndConsumers) {
  Publish(1, "2026-11-01T07:00:00Z", 1);
  Publish(2, "2026-11-02T07:00:00Z", 6);  // lag breach
  // 11-03 missed; 11-04 met.
  Publish(3, "2026-11-04T07:00:00Z", 1);

  TickReport first = Tick("2026-11-04T12:00:00Z");
  ASSERT_EQ(first.products.size(), 1u);
  EXPECT_EQ(first.products[0].periods_recorded, 4);
  EXPECT_EQ(first.products[0].periods_missed, 1);
  ASSERT_EQ(first.products[0].opened.size(), 2u);  // lag of #2, late for 11-03

  auto incidents = catalog_->ListIncidents({});
  ASSERT_TRUE(incidents.ok());
  ASSERT_EQ(incidents->size(), 2u);

  auto owner_notes = catalog_->ListNotifications({{"team-operations"}, 100});
  auto finance_notes = catalog_->ListNotifications({{"finance"}, 100});
  ASSERT_TRUE(owner_notes.ok() && finance_notes.ok());
  EXPECT_EQ(owner_notes->size(), 2u);
  EXPECT_EQ(finance_notes->size(), 2u);
  EXPECT_FALSE((*finance_notes)[0].webhook.has_value());  // finance has no webhook

  // The owners' webhook got both; the consumers' one failed and stays pending.
  EXPECT_EQ(owners_.Bodies().size(), 2u);
  EXPECT_NE(owners_.Bodies()[0].find("\"event\":\"incident_opened\""), std::string::npos);
  EXPECT_NE(owners_.Bodies()[0].find("\"product\":\"orders\""), std::string::npos);
  EXPECT_EQ(first.deliveries.attempted, 4);
  EXPECT_EQ(first.deliveries.delivered, 2);
  EXPECT_EQ(first.deliveries.failures.size(), 2u);
  EXPECT_NE(first.deliveries.failures[0].find("HTTP 500"), std::string::npos);

  // The same tick again opens nothing and records nothing, and retries the failures.
  TickReport again = Tick("2026-11-04T12:00:00Z");
  EXPECT_TRUE(again.products.empty());
  EXPECT_EQ(again.deliveries.attempted, 2);
  EXPECT_EQ(again.deliveries.delivered, 0);
  auto pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].attempts, 2);

  // Once the consumers' endpoint works, the next tick delivers what was kept.
  consumers_.failing = false;
  TickReport later = Tick("2026-11-05T12:00:00Z");
  ASSERT_EQ(later.products.size(), 1u);
  EXPECT_EQ(later.products[0].periods_recorded, 1);  // 11-05, missed
  ASSERT_EQ(later.products[0].opened.size(), 1u);
  EXPECT_EQ(later.products[0].opened[0].kind, BreachKind::kLate);
  EXPECT_EQ(later.deliveries.delivered, 4);  // two retried, two new
  EXPECT_EQ(consumers_.Bodies().size(), 3u);
  pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
  incidents = catalog_->ListIncidents({});
  ASSERT_TRUE(incidents.ok());
  EXPECT_EQ(incidents->size(), 3u);
}

TEST_F(SlaTickTest, UnreachableWebhookIsRecordedAndRetriedNeverLost) {
  org_.teams[0].webhook_url = "http://127.0.0.1:1/nothing-listens-here";
  Publish(1, "2026-11-01T07:00:00Z", 1);
  TickReport first = Tick("2026-11-02T12:00:00Z");  // 11-02 missed
  ASSERT_EQ(first.products.size(), 1u);
  EXPECT_EQ(first.deliveries.attempted, 2);  // owners (unreachable) and consumers (500)
  EXPECT_EQ(first.deliveries.delivered, 0);
  auto pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_FALSE((*pending)[0].last_error.empty());
  auto audit = catalog_->ListAudit({});
  ASSERT_TRUE(audit.ok());
  int failed_attempts = 0;
  for (const AuditEntry& entry : *audit) {
    failed_attempts += entry.action == "webhook.deliver" && entry.outcome == "failed";
  }
  EXPECT_EQ(failed_attempts, 2);
}

TEST_F(SlaTickTest, CompletenessRejectionsOpenIncidentsToo) {
  Publish(1, "2026-11-01T07:00:00Z", 1);
  QuarantineEntry entry = Rejection(0, "2026-11-01T07:30:00Z",
                                    "completeness 0.800000 is below sla.min_completeness 0.950000");
  AuditEntry audit;
  audit.at = entry.at;
  audit.actor = "bob";
  audit.action = "quarantine";
  audit.outcome = "rejected";
  auto id = catalog_->AddQuarantine(entry, audit);
  ASSERT_TRUE(id.ok());
  TickReport report = Tick("2026-11-01T07:45:00Z");
  ASSERT_EQ(report.products.size(), 1u);
  ASSERT_EQ(report.products[0].opened.size(), 1u);
  EXPECT_EQ(report.products[0].opened[0].kind, BreachKind::kCompleteness);
  EXPECT_EQ(report.products[0].opened[0].breach_key, "completeness:" + std::to_string(*id));
}

TEST(WebhookUrlTest, SplitsOriginAndTarget) {
  auto url = ParseWebhookUrl("https://hooks.example.org:8443/mesh/ops?token=x");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->origin, "https://hooks.example.org:8443");
  EXPECT_EQ(url->target, "/mesh/ops?token=x");
  EXPECT_EQ(ParseWebhookUrl("http://localhost")->target, "/");
  EXPECT_FALSE(ParseWebhookUrl("ftp://example.org/x").ok());
  EXPECT_FALSE(ParseWebhookUrl("http:///x").ok());
  EXPECT_FALSE(ParseWebhookUrl("http://user:pw@example.org/").ok());
}

}  // namespace
}  // namespace mesh::sla
