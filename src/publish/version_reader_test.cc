#include "publish/version_reader.h"

#include <gtest/gtest.h>

#include "base/memory_filesystem.h"
#include "format/reader.h"
#include "publish/publish_fixture_test.h"

namespace mesh {
namespace {

using testing::kCustomerEmailField;

// Collects what ReadVersion writes.
class StringSink final : public WritableFile {
 public:
  Status Append(std::string_view data) override {
    text += data;
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }
  std::string text;
};

class VersionReaderTest : public testing::PublishFixture {
 protected:
  Result<ReadResult> Read(const std::string& ref_version, std::optional<format::DataFormat> out,
                          std::vector<std::string> excluded = {}) {
    ReadRequest request;
    request.product = "orders";
    if (!ref_version.empty()) request.selector.version = SchemaVersion::Parse(ref_version);
    request.format = out;
    request.excluded_fields = std::move(excluded);
    request.person = "carol";
    request.now = clock_.Now();
    sink_.text.clear();
    return ReadVersion(*catalog_, *lake_, request, &sink_);
  }

  // Publishes 1.2.0 and then 2.0.0 (customer_email removed) a day later.
  void PublishTwoMajors() {
    ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
    EditOrders(kCustomerEmailField, "");
    EditOrders("schema_version: 1.2.0", "schema_version: 2.0.0");
    Write("narrow.csv", "order_id,ordered_at,amount\n1,2026-11-21T06:00:00Z,1.00\n");
    clock_.Advance(24 * kMicrosPerHour);
    auto second = Run("narrow.csv");
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    ASSERT_EQ(second->result, PublishResult::kPublished);
  }

  StringSink sink_;
};

TEST_F(VersionReaderTest, StoredParquetConvertsToCsvWithEveryField) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto result = Read("", format::DataFormat::kCsv);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->version.Ref(), "orders@1.2.0#1");
  EXPECT_EQ(result->rows, 2);
  EXPECT_EQ(result->bytes, sink_.text.size());
  EXPECT_EQ(sink_.text,
            "order_id,ordered_at,amount,customer_email\r\n"
            "1,2026-11-20T06:00:00Z,10.50,a@example.org\r\n"
            "2,2026-11-20T07:00:00Z,3.00,b@example.org\r\n");
  EXPECT_TRUE(result->withheld.empty());
}

TEST_F(VersionReaderTest, DefaultFormatIsTheStoredOneAndReadsBack) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto result = Read("1.2.0", std::nullopt);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->format, format::DataFormat::kParquet);
  EXPECT_EQ(sink_.text.substr(0, 4), "PAR1");
  auto memory = std::make_shared<MemoryFileSystem>();
  ASSERT_TRUE(memory->WriteFileAtomically("/orders.parquet", sink_.text).ok());
  auto descriptor = StoredDescriptor(result->version);
  ASSERT_TRUE(descriptor.ok());
  auto reader = format::OpenBatchReader(memory, "/orders.parquet", format::DataFormat::kParquet,
                                        descriptor->schema);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  format::Batch batch;
  ASSERT_TRUE((*reader)->Next(&batch).ValueOr(false));
  EXPECT_EQ(batch.num_rows, 2u);
  EXPECT_EQ(batch.columns[3].GetBytes(1), "b@example.org");
}

TEST_F(VersionReaderTest, ExcludedFieldsAreLeftOutAndReported) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto result = Read("", format::DataFormat::kJsonl, {"customer_email", "not_a_field"});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->withheld, std::vector<std::string>{"customer_email"});
  EXPECT_EQ(result->columns, (std::vector<std::string>{"order_id", "ordered_at", "amount"}));
  EXPECT_EQ(sink_.text.find("customer_email"), std::string::npos) << sink_.text;
  EXPECT_EQ(sink_.text.find("example.org"), std::string::npos) << sink_.text;
  EXPECT_NE(sink_.text.find("\"amount\":"), std::string::npos) << sink_.text;
}

TEST_F(VersionReaderTest, WithholdingEveryFieldIsRefused) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto result =
      Read("", format::DataFormat::kCsv, {"order_id", "ordered_at", "amount", "customer_email"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(sink_.text.empty());
}

TEST_F(VersionReaderTest, ReadsAreAudited) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  ASSERT_TRUE(Read("", format::DataFormat::kCsv, {"customer_email"}).ok());
  AuditQuery query;
  query.actor = "carol";
  auto audit = catalog_->ListAudit(query);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "read");
  EXPECT_EQ((*audit)[0].target, "orders@1.2.0#1");
  EXPECT_NE((*audit)[0].details.find("withheld customer_email"), std::string::npos);
}

TEST_F(VersionReaderTest, SupersededMajorIsReadableUntilItsDeadlineThenNot) {
  PublishTwoMajors();
  auto old_major = Read("1.2.0", format::DataFormat::kCsv);
  ASSERT_TRUE(old_major.ok()) << old_major.status().ToString();
  EXPECT_EQ(old_major->version.status, VersionStatus::kSuperseded);
  ASSERT_TRUE(old_major->version.readable_until);
  auto current = Read("", format::DataFormat::kCsv);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->version.Ref(), "orders@2.0.0#2");

  clock_.Advance(91 * kMicrosPerDay);
  auto late = Read("1.2.0", format::DataFormat::kCsv);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(late.status().message().find("deprecation period"), std::string::npos)
      << late.status().message();
}

TEST_F(VersionReaderTest, RetiredSnapshotsAreNotReadable) {
  PublishTwoMajors();
  AuditEntry audit{0, clock_.Now(), "dave", "retire", "orders@1", "ok", "", "", ""};
  ASSERT_TRUE(catalog_->RetireMajor("orders", 1, audit).ok());
  auto retired = Read("1.2.0", format::DataFormat::kCsv);
  ASSERT_FALSE(retired.ok());
  EXPECT_NE(retired.status().message().find("is retired"), std::string::npos)
      << retired.status().message();
}

TEST_F(VersionReaderTest, UnknownProductOrVersionIsNotFound) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  EXPECT_EQ(Read("7.0.0", std::nullopt).status().code(), StatusCode::kNotFound);
  ReadRequest request;
  request.product = "nothing";
  EXPECT_EQ(ReadVersion(*catalog_, *lake_, request, &sink_).status().code(), StatusCode::kNotFound);
}

TEST_F(VersionReaderTest, MissingLakeObjectIsAnError) {
  auto published = Run("good.csv");
  ASSERT_TRUE(published.ok());
  ASSERT_TRUE(memory_->Delete(published->version->object_key).ok());
  auto result = Read("", format::DataFormat::kCsv);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(published->version->object_key), std::string::npos)
      << result.status().message();
}

}  // namespace
}  // namespace mesh
