// Round trips through the CSV and JSONL writers and readers, and the writers' exact output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "base/time.h"
#include "format/csv_writer.h"
#include "format/format_test_util.h"
#include "format/jsonl_writer.h"

namespace mesh::format {
namespace {

using ::testing::HasSubstr;
using testing::MakeField;
using testing::MakeSchema;
using testing::MakeType;
using testing::ReadAll;
using testing::ReadResult;

Schema AllTypesSchema() {
  return MakeSchema(
      {MakeField("flag", MakeType(TypeId::kBoolean)), MakeField("small", MakeType(TypeId::kInt32)),
       MakeField("big", MakeType(TypeId::kInt64)), MakeField("ratio", MakeType(TypeId::kFloat)),
       MakeField("fuel", MakeType(TypeId::kDouble)),
       MakeField("budget", MakeType(TypeId::kDecimal, 38, 4)),
       MakeField("name, \"quoted\"", MakeType(TypeId::kString)),
       MakeField("day", MakeType(TypeId::kDate)), MakeField("at", MakeType(TypeId::kTimestamp)),
       MakeField("blob", MakeType(TypeId::kBinary))});
}

// Rows of every type with nulls, extremes and text that needs quoting or escaping.
Batch SampleBatch(const Schema& schema) {
  Batch batch;
  for (const Field& field : schema.fields) batch.columns.emplace_back(field.type);
  auto& c = batch.columns;
  int128 big_decimal = 0;
  for (int i = 0; i < 38; ++i) big_decimal = big_decimal * 10 + 7;
  const std::vector<std::string> names = {"José, \"the\" pilot", "", "two\r\nlines\n",
                                          "日本 🚀 tab\there", "\\back\\slash\x01"};
  for (int row = 0; row < 5; ++row) {
    if (row == 3) {
      for (Column& column : c) column.AppendNull();
      continue;
    }
    c[0].AppendBool(row % 2 == 0);
    c[1].AppendInt32(row == 0 ? std::numeric_limits<int32_t>::min() : row * 1000);
    c[2].AppendInt64(row == 0 ? std::numeric_limits<int64_t>::max() : -row);
    c[3].AppendFloat(row == 0 ? 0.1f : 3.4e38f);
    c[4].AppendDouble(row == 0 ? 0.1 : (row == 1 ? -0.0 : 5e-324));
    c[5].AppendDecimal(row == 0 ? big_decimal : -static_cast<int128>(row));
    c[6].AppendBytes(names[static_cast<size_t>(row)]);
    c[7].AppendInt32(row == 0 ? DaysFromCivil(9999, 12, 31) : -row);
    c[8].AppendInt64(row == 0 ? 1 : -1234567 * static_cast<int64_t>(row));
    c[9].AppendBytes(row == 0 ? std::string("\0\xff", 2)
                              : std::string(static_cast<size_t>(row), 'z'));
  }
  batch.num_rows = 5;
  return batch;
}

std::vector<std::vector<std::string>> Printed(const Batch& batch) {
  std::vector<std::vector<std::string>> rows;
  for (size_t row = 0; row < batch.num_rows; ++row) {
    std::vector<std::string> values;
    for (const Column& column : batch.columns) {
      std::string text = "NULL";
      if (column.IsValid(row)) {
        text.clear();
        EXPECT_EQ(AppendValueText(column, row, &text), FormatError::kNone);
      }
      values.push_back(text);
    }
    rows.push_back(values);
  }
  return rows;
}

using OpenWriter = Result<std::unique_ptr<BatchWriter>> (*)(std::unique_ptr<WritableFile>,
                                                            std::string, const Schema&);

std::shared_ptr<MemoryFileSystem> Write(const std::string& path, OpenWriter open,
                                        const Schema& schema, const Batch& batch) {
  auto fs = std::make_shared<MemoryFileSystem>();
  EXPECT_TRUE(fs->CreateDirs("/out").ok());
  auto file = fs->OpenForWrite(path);
  EXPECT_TRUE(file.ok());
  auto writer = open(std::move(*file), path, schema);
  EXPECT_TRUE(writer.ok());
  const Status written = (*writer)->Write(batch);
  EXPECT_TRUE(written.ok()) << written;
  const Status second = (*writer)->Write(batch);
  EXPECT_TRUE(second.ok()) << second;
  const Status finished = (*writer)->Finish();
  EXPECT_TRUE(finished.ok()) << finished;
  return fs;
}

void ExpectRoundTrip(DataFormat format, OpenWriter open, const std::string& path) {
  const Schema schema = AllTypesSchema();
  const Batch batch = SampleBatch(schema);
  auto fs = Write(path, open, schema, batch);
  std::vector<std::vector<std::string>> expected = Printed(batch);
  const auto once = expected;
  expected.insert(expected.end(), once.begin(), once.end());
  for (int threads : {1, 2}) {
    ReadOptions options;
    options.threads = threads;
    options.batch_rows = 3;
    ReadResult result = ReadAll(fs, path, format, schema, options);
    ASSERT_TRUE(result.status.ok()) << result.status;
    EXPECT_TRUE(result.type_errors.empty());
    EXPECT_EQ(result.rows, expected);
  }
}

TEST(TextWriterTest, CsvRoundTripIsExact) {
  ExpectRoundTrip(DataFormat::kCsv, OpenCsvWriter, "/out/all.csv");
}

TEST(TextWriterTest, JsonlRoundTripIsExact) {
  ExpectRoundTrip(DataFormat::kJsonl, OpenJsonlWriter, "/out/all.jsonl");
}

Schema SmallSchema() {
  return MakeSchema({MakeField("id", MakeType(TypeId::kInt64)),
                     MakeField("note", MakeType(TypeId::kString)),
                     MakeField("budget", MakeType(TypeId::kDecimal, 12, 2)),
                     MakeField("at", MakeType(TypeId::kTimestamp))});
}

Batch SmallBatch() {
  Batch batch;
  for (const Field& field : SmallSchema().fields) batch.columns.emplace_back(field.type);
  batch.columns[0].AppendInt64(1);
  batch.columns[1].AppendBytes("a,\"b\"");
  batch.columns[2].AppendDecimal(1250);
  batch.columns[3].AppendInt64(ParseTimestamp("2026-11-20T07:30:00Z")->micros);
  batch.columns[0].AppendInt64(2);
  batch.columns[1].AppendNull();
  batch.columns[2].AppendDecimal(-5);
  batch.columns[3].AppendNull();
  batch.num_rows = 2;
  return batch;
}

TEST(TextWriterTest, CsvOutputIsCanonical) {
  auto fs = std::make_shared<MemoryFileSystem>();
  ASSERT_TRUE(fs->CreateDirs("/out").ok());
  auto writer = OpenCsvWriter(fs->OpenForWrite("/out/a.csv").value(), "/out/a.csv", SmallSchema());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(SmallBatch()).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_EQ(*fs->ReadFile("/out/a.csv"),
            "id,note,budget,at\r\n"
            "1,\"a,\"\"b\"\"\",12.50,2026-11-20T07:30:00Z\r\n"
            "2,,-0.05,\r\n");
}

TEST(TextWriterTest, JsonlOutputIsCanonical) {
  auto fs = std::make_shared<MemoryFileSystem>();
  ASSERT_TRUE(fs->CreateDirs("/out").ok());
  auto writer =
      OpenJsonlWriter(fs->OpenForWrite("/out/a.jsonl").value(), "/out/a.jsonl", SmallSchema());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(SmallBatch()).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_EQ(*fs->ReadFile("/out/a.jsonl"),
            "{\"id\":1,\"note\":\"a,\\\"b\\\"\",\"budget\":12.50,"
            "\"at\":\"2026-11-20T07:30:00Z\"}\n"
            "{\"id\":2,\"note\":null,\"budget\":-0.05,\"at\":null}\n");
}

TEST(TextWriterTest, ValuesTextCannotHoldAreErrorsWithRowAndColumn) {
  const Schema schema = MakeSchema(
      {MakeField("fuel", MakeType(TypeId::kDouble)), MakeField("note", MakeType(TypeId::kString))});
  for (OpenWriter open : {OpenWriter(OpenCsvWriter), OpenWriter(OpenJsonlWriter)}) {
    auto fs = std::make_shared<MemoryFileSystem>();
    ASSERT_TRUE(fs->CreateDirs("/out").ok());
    Batch batch;
    batch.first_row = 10;
    batch.columns = {Column(MakeType(TypeId::kDouble)), Column(MakeType(TypeId::kString))};
    batch.columns[0].AppendDouble(1);
    batch.columns[1].AppendBytes("bad \xff");
    batch.columns[0].AppendDouble(std::nan(""));
    batch.columns[1].AppendBytes("ok");
    batch.num_rows = 2;
    auto writer = open(fs->OpenForWrite("/out/x").value(), "/out/x", schema);
    ASSERT_TRUE(writer.ok());
    const Status status = (*writer)->Write(batch);
    EXPECT_TRUE(status.IsInvalidArgument());
    EXPECT_THAT(status.message(), HasSubstr("/out/x: row 10, column 'note': "));
    EXPECT_THAT(status.message(), HasSubstr("UTF-8"));
    batch.columns[1] = Column(MakeType(TypeId::kString));
    batch.columns[1].AppendBytes("fine");
    batch.columns[1].AppendBytes("ok");
    const Status nan = (*writer)->Write(batch);
    EXPECT_THAT(nan.message(), HasSubstr("row 11, column 'fuel': NaN"));
  }
}

}  // namespace
}  // namespace mesh::format
