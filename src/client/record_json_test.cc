#include "client/record_json.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "server/api_json.h"

namespace mesh::client {
namespace {

VersionRecord SampleVersion() {
  VersionRecord version;
  version.product = "orders";
  version.version = *SchemaVersion::Parse("1.2.0");
  version.snapshot = 3;
  version.descriptor_yaml = "name: orders\n";
  version.content_hash = "ab12";
  version.object_key = "sha256/ab12";
  version.output_format = "parquet";
  version.row_count = 2;
  version.bytes = 1088;
  version.lag_hours = 1.5;
  version.completeness = 0.975;
  version.publisher = "alice";
  version.published_at = *ParseTimestamp("2026-11-20T08:00:00.123456Z");
  version.status = VersionStatus::kSuperseded;
  version.readable_until = *ParseTimestamp("2027-02-18T08:00:00Z");
  return version;
}

// What the server sends is read back into the record it was made from.
TEST(RecordJsonTest, ShowRoundTripsThroughTheServersJson) {
  ProductRecord product;
  product.name = "orders";
  product.domain = "sales";
  product.owner = "team-sales";
  product.description = "One row per order";
  product.tags = {"core", "finance"};
  const VersionRecord version = SampleVersion();
  Result<std::pair<ProductRecord, VersionRecord>> read =
      ShowFromJson(server::ShowJson(product, version));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(server::ShowJson(read->first, read->second), server::ShowJson(product, version));
  EXPECT_EQ(read->second.Ref(), "orders@1.2.0#3");
  EXPECT_EQ(read->second.published_at.micros, version.published_at.micros);
}

TEST(RecordJsonTest, VersionsQuarantineAuditAndSearchRoundTrip) {
  const VersionRecord version = SampleVersion();
  Result<VersionRecord> read_version = VersionFromJson(server::VersionJson(version));
  ASSERT_TRUE(read_version.ok()) << read_version.status();
  EXPECT_EQ(server::VersionJson(*read_version), server::VersionJson(version));

  QuarantineEntry entry{7,
                        "orders",
                        *SchemaVersion::Parse("1.3.0"),
                        "amount below min",
                        R"({"passed":false})",
                        "sha256/cd",
                        "alice",
                        *ParseTimestamp("2026-11-20T10:00:00Z")};
  Result<QuarantineEntry> read_entry = QuarantineFromJson(server::QuarantineJson(entry, true));
  ASSERT_TRUE(read_entry.ok()) << read_entry.status();
  EXPECT_EQ(server::QuarantineJson(*read_entry, true), server::QuarantineJson(entry, true));

  AuditEntry audit{5,
                   *ParseTimestamp("2026-11-20T08:00:00Z"),
                   "alice",
                   "publish",
                   "orders@1.2.0#1",
                   "ok",
                   "rows 2",
                   "aa",
                   "bb"};
  Result<AuditEntry> read_audit = AuditFromJson(server::AuditJson(audit));
  ASSERT_TRUE(read_audit.ok()) << read_audit.status();
  EXPECT_EQ(read_audit->prev_hash, "aa");
  EXPECT_EQ(server::AuditJson(*read_audit), server::AuditJson(audit));

  SearchHit hit{"orders", "sales", "One row per order", 1.25};
  Result<SearchHit> read_hit = SearchHitFromJson(server::SearchHitJson(hit));
  ASSERT_TRUE(read_hit.ok()) << read_hit.status();
  EXPECT_EQ(read_hit->score, 1.25);
}

TEST(RecordJsonTest, PublishOutcomesOfEachKind) {
  PublishOutcome refused;
  refused.result = PublishResult::kRefused;
  refused.findings.push_back({"version.bump_required", Severity::kError,
                              "products/sales/orders.yaml", 5, 17, "needs a major bump"});
  Result<PublishOutcome> read = PublishOutcomeFromJson(server::PublishOutcomeJson(refused));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->result, PublishResult::kRefused);
  ASSERT_EQ(read->findings.size(), 1u);
  EXPECT_EQ(read->findings[0].ToString(), refused.findings[0].ToString());

  PublishOutcome published;
  published.result = PublishResult::kPublished;
  published.version = SampleVersion();
  published.report_json = R"({"rows":2,"checks":[]})";
  read = PublishOutcomeFromJson(server::PublishOutcomeJson(published));
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->version.has_value());
  EXPECT_EQ(read->version->Ref(), "orders@1.2.0#3");
  EXPECT_EQ(read->version->bytes, 1088);
  EXPECT_EQ(read->report_json, published.report_json);

  Json rejected = {{"result", "rejected"}, {"reasons", {"x"}}, {"findings", Json::array()}};
  EXPECT_EQ(PublishOutcomeFromJson(rejected).status().code(), StatusCode::kCorruption)
      << "a rejection names its quarantine entry";
}

TEST(RecordJsonTest, MissingOrMistypedFieldsAreCorruptionNamingTheField) {
  Json json = server::VersionJson(SampleVersion());
  json.erase("snapshot");
  Status missing = VersionFromJson(json).status();
  EXPECT_EQ(missing.code(), StatusCode::kCorruption);
  EXPECT_NE(missing.message().find("field 'snapshot' is missing"), std::string::npos);
  json["snapshot"] = "three";
  EXPECT_NE(VersionFromJson(json).status().message().find("field 'snapshot' is not an integer"),
            std::string::npos);
  EXPECT_FALSE(ListFromJson<SearchHit>(Json::object(), SearchHitFromJson).ok());
  EXPECT_FALSE(FindingFromJson(Json{{"rule", "x"},
                                    {"severity", "fatal"},
                                    {"file", "f"},
                                    {"line", 1},
                                    {"column", 1},
                                    {"message", "m"}})
                   .ok());
}

TEST(RecordJsonTest, LineageAnswer) {
  std::vector<LineageReach> reached = {
      {"source:erp/orders", 1, {"orders", "source:erp/orders"}, true}};
  std::vector<TeamReach> teams = {{"analytics", "orders", {"orders"}}};
  Json json = Json::parse(LineageToJson("orders", "impact", reached, teams));
  Result<LineageAnswer> answer = LineageFromJson(json);
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(LineageToJson(answer->node, answer->direction, answer->reached, answer->teams),
            LineageToJson("orders", "impact", reached, teams));
}

}  // namespace
}  // namespace mesh::client
