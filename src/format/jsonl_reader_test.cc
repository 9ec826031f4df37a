#include "format/jsonl_reader.h"

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

const std::string kPath = "/data/missions.jsonl";

Schema AllTypesSchema() {
  return MakeSchema(
      {MakeField("flag", MakeType(TypeId::kBoolean)), MakeField("small", MakeType(TypeId::kInt32)),
       MakeField("big", MakeType(TypeId::kInt64)), MakeField("ratio", MakeType(TypeId::kFloat)),
       MakeField("fuel", MakeType(TypeId::kDouble)),
       MakeField("budget", MakeType(TypeId::kDecimal, 38, 2)),
       MakeField("name", MakeType(TypeId::kString)), MakeField("day", MakeType(TypeId::kDate)),
       MakeField("at", MakeType(TypeId::kTimestamp)),
       MakeField("blob", MakeType(TypeId::kBinary))});
}

Schema TwoColumns() {
  return MakeSchema(
      {MakeField("id", MakeType(TypeId::kInt64)), MakeField("note", MakeType(TypeId::kString))});
}

ReadResult ReadJsonl(const std::string& contents, const Schema& schema,
                     const ReadOptions& options = {}) {
  return ReadAll(FileSystemWith(kPath, contents), kPath, DataFormat::kJsonl, schema, options);
}

TEST(JsonlReaderTest, ReadsEveryTypeKeysInAnyOrder) {
  const std::string jsonl =
      "{\"blob\":\"AQI=\",\"at\":\"2026-11-20T09:30:00+02:00\",\"day\":\"2026-11-20\","
      "\"name\":\"Jos\\u00e9 \\\"q\\\"\",\"budget\":123456789012345678901234567890123456.78,"
      "\"fuel\":-1.25e2,\"ratio\":0.5,\"big\":-9223372036854775808,\"small\":7,\"flag\":false}\n";
  ReadResult result = ReadJsonl(jsonl, AllTypesSchema());
  ASSERT_TRUE(result.status.ok()) << result.status;
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0],
            (std::vector<std::string>{"false", "7", "-9223372036854775808", "0.5", "-125",
                                      "123456789012345678901234567890123456.78", "José \"q\"",
                                      "2026-11-20", "2026-11-20T07:30:00Z", "AQI="}));
  EXPECT_TRUE(result.type_errors.empty());
}

TEST(JsonlReaderTest, MissingKeysAndNullAreNullBlankLinesAreSkipped) {
  const std::string jsonl =
      "\xEF\xBB\xBF{\"id\":1}\r\n"
      "\n"
      "   \t\r\n"
      "{\"note\":null,\"id\":null}\n"
      "{ \"id\" : 3 , \"note\" : \"\" }";
  ReadResult result = ReadJsonl(jsonl, TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"1", "NULL"}, {"NULL", "NULL"}, {"3", ""}}));
}

TEST(JsonlReaderTest, StructuralProblemsNameTheLine) {
  struct Case {
    std::string line;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"[1,2]", "line 2 holds an array, not a JSON object"},
      {"42", "line 2 holds a number, not a JSON object"},
      {"{\"id\":1", "line 2 is not valid JSON"},
      {"{\"id\":1} {\"id\":2}", "line 2 has text after the JSON object"},
      {"{\"id\":1,\"color\":\"red\"}", "line 2 has the key 'color', which is not a field"},
      {"{\"id\":1,\"id\":2}", "line 2 has the key 'id' more than once"},
      {"{\"id\":01}", "line 2 has a malformed number '01'"},
      {"{\"id\":tru}", "line 2 is not valid JSON"},
      {"{\"note\":\"bad \xff\"}", "line 2 is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    ReadResult result = ReadJsonl("{\"id\":0}\n" + c.line + "\n{\"id\":3}\n", TwoColumns());
    EXPECT_TRUE(result.status.IsInvalidArgument()) << c.line;
    EXPECT_THAT(result.status.message(), HasSubstr(kPath + ": " + c.expected)) << c.line;
  }
}

TEST(JsonlReaderTest, WrongKindsAndRangesAreTypeErrors) {
  const Schema schema = MakeSchema({MakeField("n", MakeType(TypeId::kInt32)),
                                    MakeField("s", MakeType(TypeId::kString)),
                                    MakeField("at", MakeType(TypeId::kTimestamp)),
                                    MakeField("d", MakeType(TypeId::kDecimal, 12, 2)),
                                    MakeField("b", MakeType(TypeId::kBoolean))});
  const std::string jsonl =
      "{\"n\":\"n/a\",\"s\":5,\"at\":1700000000,\"d\":12345678901.00,\"b\":1}\n"
      "{\"n\":99999999999,\"s\":[1,2],\"at\":\"2026-11-20T10:00:00\",\"d\":1.234,\"b\":\"yes\"}\n"
      "{\"n\":1.5,\"s\":{\"a\":1},\"at\":\"\",\"d\":1e2,\"b\":null}\n"
      "{\"n\":\"12\",\"s\":\"ok\",\"at\":\"2026-11-20T10:00:00Z\",\"d\":\"7.5\",\"b\":\"true\"}\n";
  ReadResult result = ReadJsonl(jsonl, schema);
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"NULL", "NULL", "NULL", "NULL", "NULL"},
                                        {"NULL", "NULL", "NULL", "NULL", "NULL"},
                                        {"NULL", "NULL", "NULL", "NULL", "NULL"},
                                        {"12", "ok", "2026-11-20T10:00:00Z", "7.50", "true"}}));
  ASSERT_EQ(result.type_errors.size(), 14u);
  EXPECT_EQ(result.type_errors[0].row, 1);
  EXPECT_EQ(result.type_errors[0].column, 0);
  EXPECT_EQ(result.type_errors[0].raw, "n/a");
  EXPECT_THAT(result.type_errors[1].reason, HasSubstr("expected a JSON string for a string"));
  EXPECT_EQ(result.type_errors[1].raw, "5");
  EXPECT_THAT(result.type_errors[3].reason, HasSubstr("integer digits"));
  EXPECT_EQ(result.type_errors[5].reason, "out of the int32 range");
  EXPECT_EQ(result.type_errors[6].raw, "[1,2]");
  EXPECT_THAT(result.type_errors[6].reason, HasSubstr("got a JSON array"));
  EXPECT_THAT(result.type_errors[8].reason, HasSubstr("fraction digits"));
  EXPECT_EQ(result.type_errors[10].row, 3);
  EXPECT_EQ(result.type_errors[11].raw, "{\"a\":1}");
  EXPECT_THAT(result.type_errors[12].reason, HasSubstr("empty string"));
  EXPECT_EQ(result.type_errors[13].raw, "1e2");
}

TEST(JsonlReaderTest, RowsCountObjectsAndLinesCountLines) {
  const std::string jsonl = "\n{\"id\":\"x\"}\n\n\n{\"id\":\"y\"}\n";
  ReadResult result = ReadJsonl(jsonl, TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  ASSERT_EQ(result.type_errors.size(), 2u);
  EXPECT_EQ(result.type_errors[0].row, 1);
  EXPECT_EQ(result.type_errors[0].line, 2);
  EXPECT_EQ(result.type_errors[1].row, 2);
  EXPECT_EQ(result.type_errors[1].line, 5);
}

TEST(JsonlReaderTest, TooLongLineIsReported) {
  std::string jsonl = "{\"id\":1}\n{\"note\":\"" + std::string(5000, 'x');
  ReadOptions options;
  options.max_row_bytes = 1000;
  options.read_block_bytes = 64;
  ReadResult result = ReadJsonl(jsonl, TwoColumns(), options);
  EXPECT_TRUE(result.status.IsInvalidArgument());
  EXPECT_THAT(result.status.message(), HasSubstr("line 2 is longer than 1000 bytes"));
}

TEST(JsonlReaderTest, ChunkBoundariesThreadsAndReadSizesGiveIdenticalResults) {
  std::mt19937 rng(11);
  std::string jsonl;
  std::vector<std::vector<std::string>> expected;
  for (int i = 1; i <= 300; ++i) {
    if (rng() % 7 == 0) jsonl += "\n";
    const bool null_note = rng() % 5 == 0;
    const std::string note = "n\\\"" + std::to_string(i) + "\\u00e9";
    jsonl += "{\"id\":" + std::to_string(i) +
             (null_note ? std::string() : ",\"note\":\"" + note + "\"") + "}" +
             (i % 2 ? "\r\n" : "\n");
    expected.push_back({std::to_string(i), null_note ? "NULL" : "n\"" + std::to_string(i) + "é"});
  }
  for (int threads : {1, 2}) {
    for (size_t batch_rows : {1, 3, 64, 1000}) {
      for (size_t block : {1, 5, 64, 100000}) {
        ReadOptions options;
        options.threads = threads;
        options.batch_rows = batch_rows;
        options.read_block_bytes = block;
        ReadResult result = ReadJsonl(jsonl, TwoColumns(), options);
        ASSERT_TRUE(result.status.ok()) << result.status;
        ASSERT_EQ(result.rows, expected) << threads << " " << batch_rows << " " << block;
        for (size_t b = 0; b + 1 < result.batch_sizes.size(); ++b) {
          ASSERT_EQ(result.batch_sizes[b], batch_rows);
        }
      }
    }
  }
}

TEST(JsonlReaderTest, EmptyFileHasNoRows) {
  ReadResult result = ReadJsonl("", TwoColumns());
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_TRUE(result.rows.empty());
}

}  // namespace
}  // namespace mesh::format
