#include "format/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "format/format_test_util.h"

namespace mesh::format {
namespace {

using testing::FileSystemWith;
using ::testing::HasSubstr;
using testing::MakeField;
using testing::MakeSchema;
using testing::MakeType;
using testing::ReadAll;
using testing::ReadResult;

const std::string kPath = "/data/missions.csv";

Schema AllTypesSchema() {
  return MakeSchema(
      {MakeField("flag", MakeType(TypeId::kBoolean)), MakeField("small", MakeType(TypeId::kInt32)),
       MakeField("big", MakeType(TypeId::kInt64)), MakeField("ratio", MakeType(TypeId::kFloat)),
       MakeField("fuel", MakeType(TypeId::kDouble)),
       MakeField("budget", MakeType(TypeId::kDecimal, 12, 2)),
       MakeField("name", MakeType(TypeId::kString)), MakeField("day", MakeType(TypeId::kDate)),
       MakeField("at", MakeType(TypeId::kTimestamp)),
       MakeField("blob", MakeType(TypeId::kBinary))});
}

Schema TwoColumns() {
  return MakeSchema(
      {MakeField("id", MakeType(TypeId::kInt64)), MakeField("note", MakeType(TypeId::kString))});
}

ReadResult ReadCsv(const std::string& contents, const Schema& schema,
                   const ReadOptions& options = {}) {
  return ReadAll(FileSystemWith(kPath, contents), kPath, DataFormat::kCsv, schema, options);
}

TEST(CsvReaderTest, ReadsEveryTypeWithHeaderInAnyOrder) {
  const std::string csv =
      "blob,at,day,name,budget,fuel,ratio,big,small,flag\n"
      "AQI=,2026-11-20T09:30:00+02:00,2026-11-20,José,12.5,-1.25,0.5,9223372036854775807,-7,"
      "TRUE\n";
  ReadResult result = ReadCsv(csv, AllTypesSchema());
  ASSERT_TRUE(result.status.ok()) << result.status;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0],
            (std::vector<std::string>{"true", "-7", "9223372036854775807", "0.5", "-1.25", "12.50",
                                      "José", "2026-11-20", "2026-11-20T07:30:00Z", "AQI="}));
  EXPECT_TRUE(result.type_errors.empty());
}

TEST(CsvReaderTest, Rfc4180QuotingCrlfAndByteOrderMark) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "id,\"note\"\r\n"
      "1,\"a, b\"\r\n"
      "2,\"say \"\"hi\"\"\"\r\n"
      "3,\"two\r\nlines\"\r\n"
      "4,plain\r\n";
  ReadResult result = ReadCsv(csv, TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(
      result.rows,
      testing::Rows({{"1", "a, b"}, {"2", "say \"hi\""}, {"3", "two\r\nlines"}, {"4", "plain"}}));
}

TEST(CsvReaderTest, EmptyCellIsNullAndQuotedEmptyIsAnEmptyString) {
  ReadResult result = ReadCsv("id,note\n,\n5,\"\"\n\"\",x\n", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"NULL", "NULL"}, {"5", ""}, {"NULL", "x"}}));
}

TEST(CsvReaderTest, LastRowWithoutLineEnd) {
  ReadResult result = ReadCsv("id,note\n1,a\n2,b", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"1", "a"}, {"2", "b"}}));
}

TEST(CsvReaderTest, HeaderOnlyGivesNoRows) {
  ReadResult result = ReadCsv("id,note\n", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_TRUE(result.rows.empty());
  result = ReadCsv("id,note", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_TRUE(result.rows.empty());
}

TEST(CsvReaderTest, EmptyFileIsAnError) {
  for (const std::string& contents : {std::string(), std::string("\xEF\xBB\xBF")}) {
    ReadResult result = ReadCsv(contents, TwoColumns());
    EXPECT_TRUE(result.status.IsInvalidArgument());
    EXPECT_THAT(result.status.message(), HasSubstr(kPath));
    EXPECT_THAT(result.status.message(), HasSubstr("empty"));
  }
}

TEST(CsvReaderTest, HeaderMismatchNamesTheColumns) {
  ReadResult missing = ReadCsv("id\n1\n", TwoColumns());
  EXPECT_TRUE(missing.status.IsInvalidArgument());
  EXPECT_THAT(missing.status.message(), HasSubstr(kPath));
  EXPECT_THAT(missing.status.message(), HasSubstr("field 'note' has no column"));

  ReadResult extra = ReadCsv("id,note,color\n1,a,red\n", TwoColumns());
  EXPECT_TRUE(extra.status.IsInvalidArgument());
  EXPECT_THAT(extra.status.message(), HasSubstr("column 3 'color' is not a field of the schema"));

  ReadResult duplicate = ReadCsv("id,note,id\n1,a,1\n", TwoColumns());
  EXPECT_TRUE(duplicate.status.IsInvalidArgument());
  EXPECT_THAT(duplicate.status.message(), HasSubstr("column 3 'id' appears more than once"));

  ReadResult wrong_case = ReadCsv("ID,note\n1,a\n", TwoColumns());
  EXPECT_TRUE(wrong_case.status.IsInvalidArgument());
  EXPECT_THAT(wrong_case.status.message(), HasSubstr("'ID' is not a field"));
  EXPECT_THAT(wrong_case.status.message(), HasSubstr("field 'id' has no column"));
}

TEST(CsvReaderTest, RaggedRowsAreErrorsWithRowAndLine) {
  ReadResult too_few = ReadCsv("id,note\n1,a\n2\n3,c\n", TwoColumns());
  EXPECT_TRUE(too_few.status.IsInvalidArgument());
  EXPECT_THAT(too_few.status.message(),
              HasSubstr(kPath + ": row 2 (line 3) has 1 fields, but the header has 2"));

  ReadResult too_many = ReadCsv("id,note\n1,\"a\nb\"\n2,b,c\n", TwoColumns());
  EXPECT_TRUE(too_many.status.IsInvalidArgument());
  EXPECT_THAT(too_many.status.message(), HasSubstr("row 2 (line 4) has more than 2 fields"));

  ReadResult empty_line = ReadCsv("id,note\n1,a\n\n", TwoColumns());
  EXPECT_TRUE(empty_line.status.IsInvalidArgument());
  EXPECT_THAT(empty_line.status.message(), HasSubstr("row 2 (line 3) is an empty line"));
}

TEST(CsvReaderTest, EmptyLineIsANullRowForOneColumn) {
  const Schema schema = MakeSchema({MakeField("id", MakeType(TypeId::kInt32))});
  ReadResult result = ReadCsv("id\n1\n\n3\n", schema);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"1"}, {"NULL"}, {"3"}}));
}

TEST(CsvReaderTest, BrokenQuotingIsAnErrorWithThePlace) {
  ReadResult stray = ReadCsv("id,note\n1,5'11\"\n", TwoColumns());
  EXPECT_TRUE(stray.status.IsInvalidArgument());
  EXPECT_THAT(stray.status.message(),
              HasSubstr("row 1 (line 2), column 2 'note': a double quote inside an unquoted"));

  ReadResult after = ReadCsv("id,note\n1,\"ab\"c\n", TwoColumns());
  EXPECT_TRUE(after.status.IsInvalidArgument());
  EXPECT_THAT(after.status.message(), HasSubstr("text after the closing quote"));

  ReadResult unclosed = ReadCsv("id,note\n1,a\n2,\"never closed\n3,c\n", TwoColumns());
  EXPECT_TRUE(unclosed.status.IsInvalidArgument());
  EXPECT_THAT(unclosed.status.message(), HasSubstr("row 2 (line 3), column 2 'note'"));
  EXPECT_THAT(unclosed.status.message(), HasSubstr("not closed"));

  ReadResult carriage = ReadCsv("id,note\n1,a\rb\n", TwoColumns());
  EXPECT_TRUE(carriage.status.IsInvalidArgument());
  EXPECT_THAT(carriage.status.message(), HasSubstr("carriage return"));
}

TEST(CsvReaderTest, StrayQuoteIsFoundEvenWhenItMisleadsTheChunking) {
  // The stray quote flips the quote parity the chunker relies on; the row with it must still
  // be the one reported, whatever the threads and chunk sizes.
  std::string csv = "id,note\n1,a\n2,x\"y\n";
  for (int i = 3; i < 200; ++i) csv += std::to_string(i) + ",z\n";
  for (int threads : {1, 2}) {
    for (size_t batch_rows : {1, 2, 5, 1000}) {
      ReadOptions options;
      options.threads = threads;
      options.batch_rows = batch_rows;
      options.read_block_bytes = 7;
      ReadResult result = ReadCsv(csv, TwoColumns(), options);
      EXPECT_TRUE(result.status.IsInvalidArgument());
      EXPECT_THAT(result.status.message(), HasSubstr("row 2 (line 3), column 2 'note'"))
          << threads << " " << batch_rows;
    }
  }
}

TEST(CsvReaderTest, TypeErrorsBecomeNullsWithRowColumnAndReason) {
  const Schema schema = MakeSchema({MakeField("id", MakeType(TypeId::kInt64)),
                                    MakeField("size", MakeType(TypeId::kInt32)),
                                    MakeField("at", MakeType(TypeId::kTimestamp)),
                                    MakeField("budget", MakeType(TypeId::kDecimal, 12, 2))});
  const std::string csv =
      "id,size,at,budget\n"
      "1,n/a,2026-11-20T10:00:00Z,1.00\n"
      "2,99999999999,2026-11-20T10:00:00,12345678901.00\n"
      "3,4,\"2026-13-01T00:00:00Z\",\"12,50\"\n";
  ReadResult result = ReadCsv(csv, schema);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"1", "NULL", "2026-11-20T10:00:00Z", "1.00"},
                                        {"2", "NULL", "NULL", "NULL"},
                                        {"3", "4", "NULL", "NULL"}}));
  ASSERT_EQ(result.type_errors.size(), 6u);
  const TypeError& first = result.type_errors[0];
  EXPECT_EQ(first.row, 1);
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.column, 1);
  EXPECT_EQ(first.raw, "n/a");
  EXPECT_THAT(first.reason, HasSubstr("not an int32"));
  EXPECT_EQ(result.type_errors[1].raw, "99999999999");
  EXPECT_EQ(result.type_errors[1].reason, "out of the int32 range");
  EXPECT_EQ(result.type_errors[2].column, 2);
  EXPECT_THAT(result.type_errors[2].reason, HasSubstr("zone"));
  EXPECT_EQ(result.type_errors[3].column, 3);
  EXPECT_THAT(result.type_errors[3].reason, HasSubstr("integer digits"));
  EXPECT_EQ(result.type_errors[5].row, 3);
  EXPECT_EQ(result.type_errors[5].raw, "12,50");
}

TEST(CsvReaderTest, InvalidUtf8InAStringIsATypeErrorWithRowAndColumn) {
  ReadResult result = ReadCsv("id,note\n1,ok\n2,bad\xff\xfe\n", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows[1], (std::vector<std::string>{"2", "NULL"}));
  ASSERT_EQ(result.type_errors.size(), 1u);
  EXPECT_EQ(result.type_errors[0].row, 2);
  EXPECT_EQ(result.type_errors[0].column, 1);
  EXPECT_EQ(result.type_errors[0].raw, "bad\\xff\\xfe");
  EXPECT_EQ(result.type_errors[0].reason, "not valid UTF-8");
}

TEST(CsvReaderTest, TooLongRowIsReportedNotBuffered) {
  std::string csv = "id,note\n1,\"";
  csv += std::string(5000, 'x');
  ReadOptions options;
  options.max_row_bytes = 1000;
  options.read_block_bytes = 100;
  ReadResult result = ReadCsv(csv, TwoColumns(), options);
  EXPECT_TRUE(result.status.IsInvalidArgument());
  EXPECT_THAT(result.status.message(), HasSubstr("row 1 (line 2) does not end within 1000 bytes"));
}

// Strings that exercise quoting: commas, quotes, line ends, non-ASCII.
std::string NastyString(std::mt19937* rng) {
  static const std::vector<std::string> kPieces = {"a", ",",    "\"", "\n",     "\r\n",
                                                   "é", "日本", " ",  "x\"\"y", "🚀"};
  std::string out;
  const int pieces = static_cast<int>((*rng)() % 6);
  for (int i = 0; i < pieces; ++i) out += kPieces[(*rng)() % kPieces.size()];
  return out;
}

std::string Quote(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

TEST(CsvReaderTest, ChunkBoundariesThreadsAndReadSizesGiveIdenticalResults) {
  std::mt19937 rng(7);
  std::string csv = "id,note\r\n";
  std::vector<std::vector<std::string>> expected;
  for (int i = 1; i <= 300; ++i) {
    const std::string note = NastyString(&rng);
    const bool null_note = note.empty() && rng() % 2 == 0;
    csv += std::to_string(i) + "," + (null_note ? "" : Quote(note)) + (i % 3 ? "\r\n" : "\n");
    expected.push_back({std::to_string(i), null_note ? "NULL" : note});
  }
  for (int threads : {1, 2}) {
    for (size_t batch_rows : {1, 2, 3, 7, 64, 1000}) {
      for (size_t block : {1, 2, 3, 5, 64, 100000}) {
        ReadOptions options;
        options.threads = threads;
        options.batch_rows = batch_rows;
        options.read_block_bytes = block;
        ReadResult result = ReadCsv(csv, TwoColumns(), options);
        ASSERT_TRUE(result.status.ok()) << result.status;
        ASSERT_EQ(result.rows, expected) << threads << " " << batch_rows << " " << block;
        for (size_t b = 0; b + 1 < result.batch_sizes.size(); ++b) {
          ASSERT_EQ(result.batch_sizes[b], batch_rows);
          ASSERT_EQ(result.batch_first_rows[b], static_cast<int64_t>(1 + b * batch_rows));
        }
      }
    }
  }
}

TEST(CsvReaderTest, LineNumbersCountQuotedLineFeedsAcrossChunks) {
  const Schema schema = MakeSchema(
      {MakeField("note", MakeType(TypeId::kString)), MakeField("n", MakeType(TypeId::kInt32))});
  std::string csv = "note,n\n";
  for (int i = 0; i < 50; ++i) csv += "\"l1\nl2\nl3\",x\n";  // each row spans 3 lines
  for (int threads : {1, 2}) {
    ReadOptions options;
    options.threads = threads;
    options.batch_rows = 4;
    options.read_block_bytes = 9;
    ReadResult result = ReadCsv(csv, schema, options);
    ASSERT_TRUE(result.status.ok()) << result.status;
    ASSERT_EQ(result.type_errors.size(), 50u);
    for (int i = 0; i < 50; ++i) {
      EXPECT_EQ(result.type_errors[static_cast<size_t>(i)].row, i + 1);
      EXPECT_EQ(result.type_errors[static_cast<size_t>(i)].line, 2 + 3 * i);
    }
  }
}

TEST(CsvReaderTest, ProgressReachesTheFileSize) {
  const std::string csv = "id,note\n1,a\n2,b\n3,c\n";
  auto fs = FileSystemWith(kPath, csv);
  ReadOptions options;
  options.batch_rows = 1;
  auto reader = OpenCsvReader(fs, kPath, TwoColumns(), options);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->bytes_total(), csv.size());
  Batch batch;
  uint64_t last = 0;
  while (true) {
    auto more = (*reader)->Next(&batch);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    EXPECT_GT((*reader)->bytes_read(), last);
    last = (*reader)->bytes_read();
  }
  EXPECT_EQ(last, csv.size());
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  auto fs = std::make_shared<MemoryFileSystem>();
  auto reader = OpenCsvReader(fs, "/nope.csv", TwoColumns());
  EXPECT_FALSE(reader.ok());
  EXPECT_THAT(reader.status().message(), HasSubstr("/nope.csv"));
}

}  // namespace
}  // namespace mesh::format
