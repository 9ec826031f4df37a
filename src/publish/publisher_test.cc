#include "publish/publisher.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "publish/publish_fixture_test.h"
#include "sla/evaluator.h"
#include "sla/sla_tick.h"

namespace mesh {
namespace {

using testing::kCustomerEmailField;
using testing::kOrders;

class PublisherTest : public testing::PublishFixture {};

TEST_F(PublisherTest, GoodPublishCommitsVersionObjectAuditAndOpenLineageEvent) {
  auto outcome = Run("good.csv");
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  ASSERT_EQ(outcome->result, PublishResult::kPublished) << outcome->reasons.size();
  ASSERT_TRUE(outcome->version);
  EXPECT_EQ(outcome->version->Ref(), "orders@1.2.0#1");
  EXPECT_EQ(outcome->version->row_count, 2);
  EXPECT_EQ(outcome->version->publisher, "alice");
  EXPECT_DOUBLE_EQ(outcome->version->completeness, 1.0);
  ASSERT_TRUE(outcome->version->lag_hours);
  EXPECT_DOUBLE_EQ(*outcome->version->lag_hours, 1.0);
  EXPECT_EQ(outcome->version->output_format, "parquet");

  // The stored object is Parquet, addressed by its hash, and its size is recorded.
  auto stored = memory_->Get(outcome->version->object_key);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->substr(0, 4), "PAR1");
  EXPECT_EQ(static_cast<int64_t>(stored->size()), outcome->version->bytes);
  EXPECT_TRUE(memory_->Verify(outcome->version->object_key).ok());

  auto current = catalog_->GetVersion("orders", {});
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->snapshot, 1);
  EXPECT_NE(current->descriptor_yaml.find("name: orders"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(current->report_json)["rows"], 2);

  auto audit = catalog_->ListAudit({});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "publish");
  EXPECT_EQ((*audit)[0].actor, "alice");

  auto event = fs_->ReadFile(outcome->openlineage_path);
  ASSERT_TRUE(event.ok()) << outcome->openlineage_path;
  EXPECT_EQ(outcome->openlineage_path, JoinPath(root_, ".mesh/openlineage/orders-1.json"));
  EXPECT_EQ(nlohmann::json::parse(*event)["eventType"], "COMPLETE");
}

TEST_F(PublisherTest, SameVersionAgainIsTheNextSnapshot) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  clock_.Advance(kMicrosPerHour);
  auto second = Run("good.csv");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_EQ(second->result, PublishResult::kPublished);
  EXPECT_EQ(second->version->Ref(), "orders@1.2.0#2");
  EXPECT_EQ(CurrentSnapshot(), 2);
  auto versions = catalog_->ListVersions("orders");
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->size(), 2u);
}

TEST_F(PublisherTest, FailedErrorCheckQuarantinesAndKeepsThePreviousVersion) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto rejected = Run("bad.csv");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  ASSERT_EQ(rejected->result, PublishResult::kRejected);
  ASSERT_FALSE(rejected->reasons.empty());
  EXPECT_NE(rejected->reasons[0].find("field.amount"), std::string::npos) << rejected->reasons[0];
  ASSERT_TRUE(rejected->quarantine_id);
  EXPECT_EQ(CurrentSnapshot(), 1);

  auto entry = catalog_->GetQuarantine(*rejected->quarantine_id);
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->product, "orders");
  EXPECT_EQ(entry->person, "alice");
  EXPECT_FALSE(entry->report_json.empty());
  auto exists = memory_->Exists(entry->object_key);  // the rejected data is kept for review
  ASSERT_TRUE(exists.ok());
  EXPECT_TRUE(*exists);
}

// orders is stored as Parquet, whose order_id column is REQUIRED: data with a null there cannot
// be converted, fails its checks, and is quarantined as delivered (not an input error).
TEST_F(PublisherTest, DataTheOutputFormatCannotHoldIsQuarantinedAsDelivered) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  const std::string delivered =
      "order_id,ordered_at,amount,customer_email\n"
      ",2026-11-20T06:00:00Z,1.00,a@example.org\n"
      "2,2026-11-20T07:00:00Z,2.00,b@example.org\n";
  Write("null_id.csv", delivered);
  auto rejected = Run("null_id.csv");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  ASSERT_EQ(rejected->result, PublishResult::kRejected);
  ASSERT_FALSE(rejected->reasons.empty());
  EXPECT_NE(rejected->reasons.back().find("cannot be stored as parquet"), std::string::npos)
      << rejected->reasons.back();
  EXPECT_NE(rejected->reasons.back().find("quarantined as delivered"), std::string::npos);
  EXPECT_EQ(CurrentSnapshot(), 1);
  auto entry = catalog_->GetQuarantine(*rejected->quarantine_id);
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  auto kept = memory_->Get(entry->object_key);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(*kept, delivered);
}

// data-product.md "Service levels": a version that misses max_lag_hours is published and counted
// as an SLA breach (the data is late, not wrong); only completeness rejects.
TEST_F(PublisherTest, LateDataIsPublishedAndCountedAsALagBreach) {
  clock_.Advance(30 * kMicrosPerHour);  // newest event 07:00 on the 20th: 31 h > 24 h promised
  auto late = Run("good.csv");
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  ASSERT_EQ(late->result, PublishResult::kPublished) << late->reasons.size();
  ASSERT_TRUE(late->version->lag_hours);
  EXPECT_DOUBLE_EQ(*late->version->lag_hours, 31.0);
  EXPECT_EQ(CurrentSnapshot(), 1);
  EXPECT_TRUE(catalog_->ListQuarantine("orders")->empty());
  auto report = nlohmann::json::parse(catalog_->GetVersion("orders", {})->report_json);
  EXPECT_EQ(report["checks"]["sla.max_lag_hours"]["passed"], false);
  EXPECT_EQ(report["checks"]["sla.max_lag_hours"]["severity"], "error");
  EXPECT_TRUE(late->reasons.empty());

  auto product = catalog_->GetProduct("orders");
  ASSERT_TRUE(product.ok());
  auto subject = sla::LoadSlaSubject(*catalog_, *product);
  ASSERT_TRUE(subject.ok()) << subject.status().ToString();
  std::vector<sla::Breach> breaches =
      sla::VersionBreaches(subject->history, subject->quarantine, Timestamp{0}, clock_.Now());
  ASSERT_EQ(breaches.size(), 1u);
  EXPECT_EQ(breaches[0].kind, BreachKind::kLag);
  EXPECT_EQ(breaches[0].key, "lag:1");
  EXPECT_EQ(breaches[0].subject, "orders@1.2.0#1");
}

TEST_F(PublisherTest, RejectedAndRefusedPublishesWriteAFailRunEvent) {
  auto rejected = Run("bad.csv");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  ASSERT_EQ(rejected->result, PublishResult::kRejected);
  EXPECT_EQ(rejected->openlineage_path,
            JoinPath(root_, ".mesh/openlineage/orders-failed-" +
                                std::to_string(clock_.Now().micros) + "-1.json"));
  auto event = nlohmann::json::parse(fs_->ReadFile(rejected->openlineage_path).ValueOr("{}"));
  EXPECT_EQ(event["eventType"], "FAIL");
  EXPECT_EQ(event["job"]["namespace"], "meshwork://scenario-mesh");
  EXPECT_NE(
      event["run"]["facets"]["errorMessage"]["message"].get<std::string>().find("field.amount"),
      std::string::npos);

  EditOrders("schema_version: 1.2.0", "schema_version: 1.2.0\nbogus_key: 1");
  auto refused = Run("good.csv");
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  ASSERT_EQ(refused->result, PublishResult::kRefused);
  EXPECT_EQ(refused->openlineage_path,
            JoinPath(root_, ".mesh/openlineage/orders-failed-" +
                                std::to_string(clock_.Now().micros) + "-2.json"));
  auto refusal = nlohmann::json::parse(fs_->ReadFile(refused->openlineage_path).ValueOr("{}"));
  EXPECT_EQ(refusal["eventType"], "FAIL");
  EXPECT_NE(
      refusal["run"]["facets"]["errorMessage"]["message"].get<std::string>().find("bogus_key"),
      std::string::npos);
}

TEST_F(PublisherTest, RemovingAFieldWithoutAMajorBumpIsRefused) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  EditOrders(kCustomerEmailField, "");
  EditOrders("schema_version: 1.2.0", "schema_version: 1.3.0");
  Write("narrow.csv", "order_id,ordered_at,amount\n1,2026-11-20T06:00:00Z,1.00\n");
  auto refused = Run("narrow.csv");
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  ASSERT_EQ(refused->result, PublishResult::kRefused);
  ASSERT_FALSE(refused->findings.empty());
  EXPECT_EQ(refused->findings[0].rule, "version.bump_required");
  EXPECT_EQ(CurrentSnapshot(), 1);

  EditOrders("schema_version: 1.3.0", "schema_version: 2.0.0");
  auto published = Run("narrow.csv");
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  ASSERT_EQ(published->result, PublishResult::kPublished);
  EXPECT_EQ(published->version->Ref(), "orders@2.0.0#2");

  // The consumers of orders (analytics) are told of the new major and of how long 1.x stays
  // readable; the first publish and the refused one told nobody.
  auto told = catalog_->ListNotifications({{"analytics", "team-sales"}, 10});
  ASSERT_TRUE(told.ok()) << told.status();
  ASSERT_EQ(told->size(), 1u);
  const Notification& notification = (*told)[0];
  EXPECT_EQ(notification.team, "analytics");
  EXPECT_EQ(notification.event, "major_released");
  EXPECT_EQ(notification.subject, "version");
  EXPECT_EQ(notification.subject_id, 2);
  EXPECT_NE(notification.message.find("orders 2.0.0 is a new major version (1 breaking change)"),
            std::string::npos)
      << notification.message;
  EXPECT_NE(notification.message.find("orders@1.x stays readable until"), std::string::npos)
      << notification.message;
}

TEST_F(PublisherTest, LoweringTheVersionIsRefused) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  EditOrders("schema_version: 1.2.0", "schema_version: 1.1.0");
  auto refused = Run("good.csv");
  ASSERT_TRUE(refused.ok());
  ASSERT_EQ(refused->result, PublishResult::kRefused);
  EXPECT_EQ(refused->findings[0].rule, "version.lowered");
}

TEST_F(PublisherTest, GovernanceErrorsRefuse) {
  EditOrders("classification: internal\n", "");
  auto refused = Run("good.csv");
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  ASSERT_EQ(refused->result, PublishResult::kRefused);
  ASSERT_FALSE(refused->findings.empty());
  EXPECT_EQ(refused->findings[0].file, kOrders);
  EXPECT_EQ(CurrentSnapshot(), 0);
  auto audit = catalog_->ListAudit({}).ValueOr({});
  ASSERT_EQ(audit.size(), 1u) << "a refusal is audited";
  EXPECT_EQ(audit[0].action, "publish");
  EXPECT_EQ(audit[0].target, "orders");
  EXPECT_EQ(audit[0].outcome, "refused");
  EXPECT_NE(audit[0].details.find("required.classification"), std::string::npos)
      << audit[0].details;
}

TEST_F(PublisherTest, OnlyMembersOfTheOwningTeamMayPublish) {
  auto denied = Run("good.csv", "carol");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(denied.status().message().find("team-sales"), std::string::npos);
  EXPECT_EQ(CurrentSnapshot(), 0);
  auto audit = catalog_->ListAudit({}).ValueOr({});
  ASSERT_EQ(audit.size(), 1u) << "a denial is audited";
  EXPECT_EQ(audit[0].actor, "carol");
  EXPECT_EQ(audit[0].outcome, "denied");
}

TEST_F(PublisherTest, LakeFailureAtAnyStepLeavesTheCatalogUnchanged) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  for (ObjectOp op : {ObjectOp::kNewWriter, ObjectOp::kAppend, ObjectOp::kCommit}) {
    lake_->FailNth(op, 1);
    auto failed = Run("good.csv");
    EXPECT_FALSE(failed.ok()) << static_cast<int>(op);
    lake_->Reset();
    EXPECT_EQ(CurrentSnapshot(), 1) << static_cast<int>(op);
    auto versions = catalog_->ListVersions("orders");
    ASSERT_TRUE(versions.ok());
    EXPECT_EQ(versions->size(), 1u);
    auto quarantine = catalog_->ListQuarantine("orders");
    ASSERT_TRUE(quarantine.ok());
    EXPECT_TRUE(quarantine->empty());
    auto audit = catalog_->ListAudit({});
    ASSERT_TRUE(audit.ok());
    EXPECT_EQ(audit->size(), 1u);
  }
}

TEST_F(PublisherTest, UnreadableDataIsAnErrorAndPublishesNothing) {
  Write("wrong.csv", "order_id,when\n1,2026-11-20T06:00:00Z\n");
  auto failed = Run("wrong.csv");
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("wrong.csv"), std::string::npos)
      << failed.status().message();
  EXPECT_EQ(CurrentSnapshot(), 0);
}

TEST_F(PublisherTest, ReferentialChecksReadTheReferencedProductFromTheLake) {
  EditOrders("output_format: parquet", "output_format: csv");  // Parquet reading is optional
  Write("products/sales/refunds.yaml",
        "name: refunds\ndomain: sales\nowner: team-sales\ndescription: One row per refund\n"
        "schema_version: 1.0.0\noutput_format: csv\n"
        "documentation_url: https://wiki.example.org/refunds\n"
        "sla:\n  availability: \"06:00 daily\"\n  max_lag_hours: 24\n  min_completeness: 0.9\n"
        "lineage: [orders]\nclassification: internal\nsupport:\n  email: s@example.org\n"
        "event_time: refunded_at\nschema:\n  primary_key: [refund_id]\n  fields:\n"
        "    - {name: refund_id, type: int64, required: true}\n"
        "    - {name: refunded_at, type: timestamp, required: true}\n"
        "    - {name: order_id, type: int64, required: true}\n"
        "quality:\n  - check: referential\n    column: order_id\n"
        "    references: orders.order_id\n");
  Write("refunds_ok.csv", "refund_id,refunded_at,order_id\n1,2026-11-20T07:30:00Z,2\n");
  Write("refunds_bad.csv", "refund_id,refunded_at,order_id\n1,2026-11-20T07:30:00Z,9\n");
  auto workspace = Workspace::Open(fs_, root_);
  ASSERT_TRUE(workspace.ok());
  auto publish_refunds = [&](const std::string& data) {
    PublishRequest request;
    request.workspace = &*workspace;
    request.descriptor_file = "products/sales/refunds.yaml";
    request.data_path = JoinPath(root_, data);
    request.person = "bob";
    request.catalog = catalog_.get();
    request.lake = lake_.get();
    request.clock = &clock_;
    return Publish(request);
  };
  auto unpublished = publish_refunds("refunds_ok.csv");
  ASSERT_FALSE(unpublished.ok());
  EXPECT_NE(unpublished.status().message().find("orders has no published version"),
            std::string::npos)
      << unpublished.status().message();

  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto bad = publish_refunds("refunds_bad.csv");
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  EXPECT_EQ(bad->result, PublishResult::kRejected);
  auto good = publish_refunds("refunds_ok.csv");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  ASSERT_EQ(good->result, PublishResult::kPublished)
      << (good->findings.empty() ? "" : good->findings[0].ToString());
  auto upstream = catalog_->Upstream("refunds");
  ASSERT_TRUE(upstream.ok());
  ASSERT_EQ(upstream->size(), 1u);
  EXPECT_EQ((*upstream)[0].upstream, "orders");
}

}  // namespace
}  // namespace mesh
