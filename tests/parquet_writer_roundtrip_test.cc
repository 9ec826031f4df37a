// Round trip of the Parquet writer through Meshwork's own Parquet reader: every sample of
// tests/parquet/parquet_samples.h is written, read back (1) with the Parquet BatchReader
// (OpenParquetBatchReader, the reader every other module uses) and (2) with the low-level
// ParquetFile, and compared row by row, cell by cell, in the canonical form shared with the
// DuckDB round trip.
#include <gtest/gtest.h>

#include "base/memory_filesystem.h"
#include "format/parquet/parquet_file.h"
#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "parquet_samples.h"

namespace mesh::format::parquet {
namespace {

class StringWritableFile : public WritableFile {
 public:
  explicit StringWritableFile(std::string* out) : out_(out) {}
  Status Append(std::string_view data) override {
    out_->append(data);
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  std::string* out_;
};

class StringRandomAccessFile : public RandomAccessFile {
 public:
  explicit StringRandomAccessFile(std::string contents) : contents_(std::move(contents)) {}
  Result<uint64_t> Size() const override { return contents_.size(); }
  Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    if (offset > contents_.size()) return Status::IOError("read past the end");
    *out = contents_.substr(offset, length);
    return Status::OK();
  }

 private:
  std::string contents_;
};

Result<std::string> WriteSample(const testing::ParquetSample& sample) {
  std::string contents;
  StringWritableFile file(&contents);
  ASSIGN_OR_RAISE(auto writer, ParquetWriter::Make(&file, sample.schema, sample.options));
  for (const Batch& batch : sample.batches) RETURN_NOT_OK(writer->WriteBatch(batch));
  RETURN_NOT_OK(writer->Close());
  return contents;
}

int128 DecimalFromBigEndian(std::string_view bytes) {
  // Sign-extend from the first byte, then shift in the rest.
  auto value = static_cast<int128>(static_cast<int8_t>(bytes[0]));
  for (size_t i = 1; i < bytes.size(); ++i) {
    value = static_cast<int128>((static_cast<unsigned __int128>(value) << 8) |
                                static_cast<uint8_t>(bytes[i]));
  }
  return value;
}

void AppendCell(const ColumnValues& values, size_t row, const FieldType& type, Column* column) {
  switch (type.id) {
    case TypeId::kBoolean:
      column->AppendBool(values.bools[row] != 0);
      return;
    case TypeId::kInt32:
    case TypeId::kDate:
      column->AppendInt32(values.i32[row]);
      return;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      column->AppendInt64(values.i64[row]);
      return;
    case TypeId::kFloat:
      column->AppendFloat(values.f32[row]);
      return;
    case TypeId::kDouble:
      column->AppendDouble(values.f64[row]);
      return;
    case TypeId::kDecimal:
      if (values.type == PhysicalType::kInt32) {
        column->AppendDecimal(values.i32[row]);
      } else if (values.type == PhysicalType::kInt64) {
        column->AppendDecimal(values.i64[row]);
      } else {
        column->AppendDecimal(DecimalFromBigEndian(values.GetBytes(row)));
      }
      return;
    case TypeId::kString:
    case TypeId::kBinary:
      column->AppendBytes(values.GetBytes(row));
      return;
  }
}

// Reads row group `group` of `file` back as a Batch of `schema`'s types.
Result<Batch> ReadRowGroup(const ParquetFile& file, int group, const Schema& schema) {
  Batch batch;
  batch.num_rows = static_cast<size_t>(file.row_group_num_rows(group));
  ColumnValues values;
  for (size_t c = 0; c < schema.fields.size(); ++c) {
    RETURN_NOT_OK(file.ReadColumnChunk(group, static_cast<int>(c), &values));
    Column column(schema.fields[c].type);
    for (size_t row = 0; row < batch.num_rows; ++row) {
      if (values.IsValid(row)) {
        AppendCell(values, row, schema.fields[c].type, &column);
      } else {
        column.AppendNull();
      }
    }
    batch.columns.push_back(std::move(column));
  }
  return batch;
}

std::vector<std::string> CanonicalRows(const std::vector<Batch>& batches) {
  std::vector<std::string> rows;
  for (const Batch& batch : batches) {
    for (size_t row = 0; row < batch.num_rows; ++row) {
      rows.push_back(testing::CanonicalRow(batch, row));
    }
  }
  return rows;
}

void ExpectSameRows(const std::vector<Batch>& read, const std::vector<Batch>& written) {
  std::vector<std::string> expected = CanonicalRows(written);
  std::vector<std::string> actual = CanonicalRows(read);
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t row = 0; row < expected.size(); ++row) {
    ASSERT_EQ(actual[row], expected[row]) << "row " << row + 1;
  }
}

TEST(ParquetWriterRoundTripTest, EverySampleReadsBackExactlyThroughTheBatchReader) {
  auto fs = std::make_shared<MemoryFileSystem>();
  for (const auto& sample : testing::BuildParquetSamples()) {
    SCOPED_TRACE(sample.name);
    auto contents = WriteSample(sample);
    ASSERT_TRUE(contents.ok()) << contents.status();
    std::string path = "/" + sample.name + ".parquet";
    ASSERT_TRUE(fs->WriteFileAtomically(path, *contents).ok());
    ReadOptions options;
    options.batch_rows = 1000;  // batches that do not line up with the row groups
    auto reader = OpenParquetBatchReader(fs, path, sample.schema, options);
    ASSERT_TRUE(reader.ok()) << reader.status();
    std::vector<Batch> read;
    int64_t next_row = 1;
    while (true) {
      Batch batch;
      auto more = (*reader)->Next(&batch);
      ASSERT_TRUE(more.ok()) << more.status();
      if (!*more) break;
      EXPECT_TRUE(batch.type_errors.empty());
      EXPECT_EQ(batch.first_row, next_row);
      next_row += static_cast<int64_t>(batch.num_rows);
      read.push_back(std::move(batch));
    }
    ExpectSameRows(read, sample.batches);
  }
}

TEST(ParquetWriterRoundTripTest, EverySampleReadsBackExactlyThroughParquetFile) {
  auto samples = testing::BuildParquetSamples();
  ASSERT_GE(samples.size(), 6u);
  for (const auto& sample : samples) {
    SCOPED_TRACE(sample.name);
    auto contents = WriteSample(sample);
    ASSERT_TRUE(contents.ok()) << contents.status();
    auto file = ParquetFile::Open(std::make_unique<StringRandomAccessFile>(*contents),
                                  sample.name + ".parquet");
    ASSERT_TRUE(file.ok()) << file.status();
    ASSERT_EQ((*file)->top_level_fields().size(), sample.schema.fields.size());
    for (size_t c = 0; c < sample.schema.fields.size(); ++c) {
      EXPECT_EQ((*file)->top_level_fields()[c], sample.schema.fields[c].name);
    }
    std::vector<Batch> read;
    for (int group = 0; group < (*file)->num_row_groups(); ++group) {
      auto batch = ReadRowGroup(**file, group, sample.schema);
      ASSERT_TRUE(batch.ok()) << batch.status();
      read.push_back(std::move(*batch));
    }
    ExpectSameRows(read, sample.batches);
  }
}

}  // namespace
}  // namespace mesh::format::parquet
