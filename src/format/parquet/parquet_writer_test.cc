#include "format/parquet/parquet_writer.h"

#include <gtest/gtest.h>

#include <cstring>

#include "format/parquet/metadata.h"

namespace mesh::format::parquet {
namespace {

// A WritableFile in memory that can fail its Nth Append.
class MemoryFile : public WritableFile {
 public:
  explicit MemoryFile(std::string* contents, int fail_append_number = 0)
      : contents_(contents), fail_append_number_(fail_append_number) {}
  Status Append(std::string_view data) override {
    if (++appends_ == fail_append_number_) return Status::IOError("disk full (injected)");
    contents_->append(data);
    return Status::OK();
  }
  Status Sync() override {
    synced_ = true;
    return Status::OK();
  }
  Status Close() override {
    closed_ = true;
    return Status::OK();
  }
  bool synced() const { return synced_; }
  bool closed() const { return closed_; }

 private:
  std::string* contents_;
  int fail_append_number_;
  int appends_ = 0;
  bool synced_ = false;
  bool closed_ = false;
};

Field MakeField(std::string name, FieldType type, bool required = false) {
  Field field;
  field.name = std::move(name);
  field.type = type;
  field.required = required;
  return field;
}

Schema TwoColumnSchema(bool id_required) {
  Schema schema;
  schema.fields = {MakeField("id", FieldType{TypeId::kInt64}, id_required),
                   MakeField("name", FieldType{TypeId::kString})};
  return schema;
}

// Rows [first, first + count) of TwoColumnSchema: id = row, name = "n<row % distinct>", every
// seventh name null.
Batch TwoColumnBatch(int64_t first, size_t count, int64_t distinct = 10) {
  Batch batch;
  batch.first_row = first + 1;
  batch.num_rows = count;
  Column ids(FieldType{TypeId::kInt64});
  Column names(FieldType{TypeId::kString});
  for (size_t i = 0; i < count; ++i) {
    int64_t row = first + static_cast<int64_t>(i);
    ids.AppendInt64(row);
    if (row % 7 == 3) {
      names.AppendNull();
    } else {
      names.AppendBytes("n" + std::to_string(row % distinct));
    }
  }
  batch.columns.push_back(std::move(ids));
  batch.columns.push_back(std::move(names));
  return batch;
}

FileMetaData Footer(const std::string& file) {
  EXPECT_GE(file.size(), 12u);
  EXPECT_EQ(file.substr(0, 4), "PAR1");
  EXPECT_EQ(file.substr(file.size() - 4), "PAR1");
  uint32_t length = 0;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  auto metadata =
      DecodeFileMetaData(std::string_view(file).substr(file.size() - 8 - length, length));
  EXPECT_TRUE(metadata.ok()) << metadata.status();
  return metadata.ok() ? *metadata : FileMetaData();
}

std::string Write(const Schema& schema, const ParquetWriterOptions& options,
                  const std::vector<Batch>& batches) {
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, schema, options);
  EXPECT_TRUE(writer.ok()) << writer.status();
  for (const Batch& batch : batches) EXPECT_TRUE((*writer)->WriteBatch(batch).ok());
  EXPECT_TRUE((*writer)->Close().ok());
  EXPECT_FALSE(file.closed());  // borrowed: the caller closes
  return contents;
}

int32_t PageCount(const ColumnMetaData& meta, PageType type, Encoding encoding) {
  for (const auto& stats : meta.encoding_stats) {
    if (stats.page_type == type && stats.encoding == encoding) return stats.count;
  }
  return 0;
}

TEST(ParquetWriterTest, SplitsRowsIntoRowGroupsAcrossBatches) {
  ParquetWriterOptions options;
  options.row_group_rows = 100;
  std::string file =
      Write(TwoColumnSchema(true), options,
            {TwoColumnBatch(0, 70), TwoColumnBatch(70, 70), TwoColumnBatch(140, 110)});
  FileMetaData footer = Footer(file);
  EXPECT_EQ(footer.num_rows, 250);
  ASSERT_EQ(footer.row_groups.size(), 3u);
  EXPECT_EQ(footer.row_groups[0].num_rows, 100);
  EXPECT_EQ(footer.row_groups[1].num_rows, 100);
  EXPECT_EQ(footer.row_groups[2].num_rows, 50);
  EXPECT_EQ(footer.created_by.value_or(""), std::string("meshwork version ") + MESH_VERSION);
  // Chunks are laid out back to back after the magic, in schema order.
  int64_t offset = 4;
  for (const RowGroup& group : footer.row_groups) {
    EXPECT_EQ(group.file_offset.value_or(-1), offset);
    for (const ColumnChunk& chunk : group.columns) {
      const ColumnMetaData& meta = *chunk.meta_data;
      EXPECT_EQ(meta.dictionary_page_offset.value_or(meta.data_page_offset), offset);
      offset += meta.total_compressed_size;
    }
  }
}

TEST(ParquetWriterTest, SchemaMapsRequiredAndOptionalFields) {
  std::string file = Write(TwoColumnSchema(true), {}, {TwoColumnBatch(0, 10)});
  FileMetaData footer = Footer(file);
  ASSERT_EQ(footer.schema.size(), 3u);
  EXPECT_EQ(footer.schema[0].num_children.value_or(0), 2);
  EXPECT_EQ(footer.schema[1].repetition_type, Repetition::kRequired);
  EXPECT_EQ(footer.schema[2].repetition_type, Repetition::kOptional);
  EXPECT_EQ(footer.schema[2].converted_type, ConvertedType::kUtf8);

  ParquetWriterOptions all_optional;
  all_optional.required_fields_as_required = false;
  footer = Footer(Write(TwoColumnSchema(true), all_optional, {TwoColumnBatch(0, 10)}));
  EXPECT_EQ(footer.schema[1].repetition_type, Repetition::kOptional);
}

TEST(ParquetWriterTest, FooterCarriesStatisticsAndColumnOrders) {
  FileMetaData footer = Footer(Write(TwoColumnSchema(false), {}, {TwoColumnBatch(-5, 20)}));
  ASSERT_EQ(footer.row_groups.size(), 1u);
  const ColumnMetaData& ids = *footer.row_groups[0].columns[0].meta_data;
  ASSERT_TRUE(ids.statistics.has_value());
  std::string min, max;
  int64_t v = -5;
  min.assign(reinterpret_cast<const char*>(&v), 8);
  v = 14;
  max.assign(reinterpret_cast<const char*>(&v), 8);
  EXPECT_EQ(ids.statistics->min_value, min);
  EXPECT_EQ(ids.statistics->max_value, max);
  EXPECT_EQ(ids.statistics->null_count, 0);
  const ColumnMetaData& names = *footer.row_groups[0].columns[1].meta_data;
  EXPECT_EQ(names.statistics->null_count, 2);  // ids 3 and 10
  EXPECT_EQ(names.statistics->min_value, "n-1");
  EXPECT_EQ(names.statistics->max_value, "n9");
  EXPECT_EQ(names.num_values, 20);
  EXPECT_EQ(footer.column_orders_type_defined, std::vector<bool>({true, true}));
}

TEST(ParquetWriterTest, DictionaryFallsBackToPlainPastTheLimit) {
  ParquetWriterOptions options;
  options.dictionary_page_limit_bytes = 200;  // ~25 distinct names of 8 bytes
  options.data_page_bytes = 64;
  FileMetaData footer =
      Footer(Write(TwoColumnSchema(true), options, {TwoColumnBatch(0, 1000, 1000)}));
  const ColumnMetaData& names = *footer.row_groups[0].columns[1].meta_data;
  EXPECT_EQ(PageCount(names, PageType::kDictionaryPage, Encoding::kPlain), 1);
  EXPECT_GT(PageCount(names, PageType::kDataPage, Encoding::kRleDictionary), 0);
  EXPECT_GT(PageCount(names, PageType::kDataPage, Encoding::kPlain), 0);
  EXPECT_TRUE(names.dictionary_page_offset.has_value());
  EXPECT_EQ(names.encodings,
            std::vector<Encoding>({Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary}));
}

TEST(ParquetWriterTest, FewDistinctValuesStayDictionaryEncoded) {
  FileMetaData footer = Footer(Write(TwoColumnSchema(true), {}, {TwoColumnBatch(0, 1000, 10)}));
  const ColumnMetaData& names = *footer.row_groups[0].columns[1].meta_data;
  EXPECT_EQ(PageCount(names, PageType::kDataPage, Encoding::kPlain), 0);
  EXPECT_EQ(PageCount(names, PageType::kDataPage, Encoding::kRleDictionary), 1);
}

TEST(ParquetWriterTest, DictionaryOffWritesPlainPagesOnly) {
  ParquetWriterOptions options;
  options.dictionary = false;
  options.compression = ParquetCompression::kZstd;
  FileMetaData footer = Footer(Write(TwoColumnSchema(true), options, {TwoColumnBatch(0, 100)}));
  const ColumnMetaData& names = *footer.row_groups[0].columns[1].meta_data;
  EXPECT_FALSE(names.dictionary_page_offset.has_value());
  EXPECT_EQ(PageCount(names, PageType::kDataPage, Encoding::kPlain), 1);
  EXPECT_EQ(names.codec, CompressionCodec::kZstd);
}

TEST(ParquetWriterTest, SmallDataPagesMakeManyPages) {
  ParquetWriterOptions options;
  options.data_page_bytes = 100;
  options.dictionary = false;
  FileMetaData footer = Footer(Write(TwoColumnSchema(true), options, {TwoColumnBatch(0, 1000)}));
  const ColumnMetaData& ids = *footer.row_groups[0].columns[0].meta_data;
  // A page closes once it reaches 100 bytes: 13 values of 8 bytes, so 1000 values make 77 pages.
  EXPECT_EQ(PageCount(ids, PageType::kDataPage, Encoding::kPlain), 77);
}

TEST(ParquetWriterTest, EmptyInputIsAValidFileWithoutRowGroups) {
  FileMetaData footer = Footer(Write(TwoColumnSchema(false), {}, {}));
  EXPECT_EQ(footer.num_rows, 0);
  EXPECT_TRUE(footer.row_groups.empty());
  EXPECT_EQ(footer.schema.size(), 3u);
}

TEST(ParquetWriterTest, NullInRequiredFieldIsAnErrorNamingRowAndField) {
  Schema schema = TwoColumnSchema(false);
  schema.fields[1].required = true;
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, schema);
  ASSERT_TRUE(writer.ok());
  // Batch rows are 1-based from first_row = 101; id 101 (the second row) is null.
  Status status = (*writer)->WriteBatch(TwoColumnBatch(100, 10));
  ASSERT_TRUE(status.IsInvalidArgument());
  EXPECT_NE(status.message().find("row 102, field 'name'"), std::string::npos) << status;
  // The writer refuses to go on after an error.
  EXPECT_EQ((*writer)->Close().message(), status.message());
}

TEST(ParquetWriterTest, RejectsBatchesThatDoNotMatchTheSchema) {
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, TwoColumnSchema(false));
  ASSERT_TRUE(writer.ok());
  Batch batch = TwoColumnBatch(0, 5);
  batch.columns.pop_back();
  EXPECT_TRUE((*writer)->WriteBatch(batch).IsInvalidArgument());
  batch = TwoColumnBatch(0, 5);
  batch.columns[1] = Column(FieldType{TypeId::kBinary});
  EXPECT_NE((*writer)->WriteBatch(batch).message().find("field 'name'"), std::string::npos);
  batch = TwoColumnBatch(0, 5);
  batch.num_rows = 6;
  EXPECT_TRUE((*writer)->WriteBatch(batch).IsInvalidArgument());
  // Mismatched batches are refused before anything is written: the writer is still usable.
  EXPECT_TRUE((*writer)->WriteBatch(TwoColumnBatch(0, 5)).ok());
  EXPECT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Footer(contents).num_rows, 5);
}

TEST(ParquetWriterTest, DecimalOutsideItsPrecisionIsAnError) {
  Schema schema;
  schema.fields = {MakeField("amount", FieldType{TypeId::kDecimal, 4, 2})};
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, schema);
  ASSERT_TRUE(writer.ok());
  Batch batch;
  batch.num_rows = 2;
  batch.columns.emplace_back(FieldType{TypeId::kDecimal, 4, 2});
  batch.columns[0].AppendDecimal(-9999);
  batch.columns[0].AppendDecimal(10000);
  Status status = (*writer)->WriteBatch(batch);
  EXPECT_TRUE(status.IsInvalidArgument());
  EXPECT_NE(status.message().find("row 2, field 'amount'"), std::string::npos) << status;
}

TEST(ParquetWriterTest, InvalidUtf8InAStringFieldIsAnError) {
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, TwoColumnSchema(false));
  ASSERT_TRUE(writer.ok());
  Batch batch = TwoColumnBatch(0, 2);
  batch.columns[1] = Column(FieldType{TypeId::kString});
  batch.columns[1].AppendBytes("ok");
  batch.columns[1].AppendBytes("bad \xFF");
  Status status = (*writer)->WriteBatch(batch);
  EXPECT_TRUE(status.IsInvalidArgument());
  EXPECT_NE(status.message().find("row 2, field 'name': the string is not valid UTF-8 at byte 4"),
            std::string::npos)
      << status;
}

TEST(ParquetWriterTest, RejectsUnwritableSchemasAndOptions) {
  std::string contents;
  MemoryFile file(&contents);
  EXPECT_TRUE(ParquetWriter::Make(&file, Schema{}).status().IsInvalidArgument());
  Schema duplicate = TwoColumnSchema(false);
  duplicate.fields[1].name = "id";
  EXPECT_NE(ParquetWriter::Make(&file, duplicate).status().message().find("'id' appears twice"),
            std::string::npos);
  Schema bad_decimal;
  bad_decimal.fields = {MakeField("d", FieldType{TypeId::kDecimal, 39, 0})};
  EXPECT_TRUE(ParquetWriter::Make(&file, bad_decimal).status().IsInvalidArgument());
  ParquetWriterOptions options;
  options.row_group_rows = 0;
  EXPECT_TRUE(
      ParquetWriter::Make(&file, TwoColumnSchema(false), options).status().IsInvalidArgument());
  options = {};
  options.zstd_level = 40;
  EXPECT_TRUE(
      ParquetWriter::Make(&file, TwoColumnSchema(false), options).status().IsInvalidArgument());
  EXPECT_TRUE(contents.empty());
}

TEST(ParquetWriterTest, WriteFailureIsReportedAndSticky) {
  ParquetWriterOptions options;
  options.row_group_rows = 10;
  for (int fail_at = 1; fail_at <= 4; ++fail_at) {
    std::string contents;
    MemoryFile file(&contents, fail_at);
    auto writer = ParquetWriter::Make(&file, TwoColumnSchema(false), options);
    if (!writer.ok()) {
      EXPECT_TRUE(writer.status().IsIOError());  // the leading magic
      continue;
    }
    Status status = (*writer)->WriteBatch(TwoColumnBatch(0, 25));
    if (status.ok()) status = (*writer)->Close();
    EXPECT_TRUE(status.IsIOError()) << "fail_at " << fail_at << ": " << status;
    EXPECT_TRUE((*writer)->WriteBatch(TwoColumnBatch(25, 1)).IsIOError());
    EXPECT_TRUE((*writer)->Close().IsIOError());
  }
}

TEST(ParquetWriterTest, FullRowGroupsReachTheFileBeforeClose) {
  ParquetWriterOptions options;
  options.row_group_rows = 100;
  std::string contents;
  MemoryFile file(&contents);
  auto writer = ParquetWriter::Make(&file, TwoColumnSchema(false), options);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->WriteBatch(TwoColumnBatch(0, 99)).ok());
  EXPECT_EQ(contents.size(), 4u);  // only the magic: the row group is still open
  ASSERT_TRUE((*writer)->WriteBatch(TwoColumnBatch(99, 1)).ok());
  EXPECT_GT(contents.size(), 4u);
  EXPECT_EQ((*writer)->bytes_written(), contents.size());
  EXPECT_EQ((*writer)->rows_written(), 100);
}

TEST(ParquetWriterTest, OwnedFileIsSyncedAndClosed) {
  std::string contents;
  auto owned = std::make_unique<MemoryFile>(&contents);
  MemoryFile* file = owned.get();
  auto writer = ParquetWriter::Make(std::move(owned), TwoColumnSchema(false));
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->WriteBatch(TwoColumnBatch(0, 3)).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_TRUE(file->synced());
  EXPECT_TRUE(file->closed());
  EXPECT_TRUE((*writer)->WriteBatch(TwoColumnBatch(3, 1)).code() ==
              StatusCode::kFailedPrecondition);
}

TEST(ParquetWriterTest, KeyValueMetadataGoesToTheFooter) {
  ParquetWriterOptions options;
  options.key_value_metadata = {{"mesh.product", "missions"}};
  FileMetaData footer = Footer(Write(TwoColumnSchema(false), options, {TwoColumnBatch(0, 1)}));
  ASSERT_EQ(footer.key_value_metadata.size(), 1u);
  EXPECT_EQ(footer.key_value_metadata[0].key, "mesh.product");
  EXPECT_EQ(footer.key_value_metadata[0].value.value_or(""), "missions");
}

}  // namespace
}  // namespace mesh::format::parquet
