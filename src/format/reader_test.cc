#include "format/reader.h"

#include <gtest/gtest.h>

#include "format/format_test_util.h"

namespace mesh::format {
namespace {

TEST(ReaderFactoryTest, FormatNamesAndExtensions) {
  EXPECT_EQ(DataFormatName(DataFormat::kCsv), "csv");
  EXPECT_EQ(DataFormatName(DataFormat::kJsonl), "jsonl");
  EXPECT_EQ(DataFormatName(DataFormat::kParquet), "parquet");
  EXPECT_EQ(DataFormatFromName("CSV"), DataFormat::kCsv);
  EXPECT_EQ(DataFormatFromName("ndjson"), DataFormat::kJsonl);
  EXPECT_EQ(DataFormatFromName("parquet"), DataFormat::kParquet);
  EXPECT_EQ(DataFormatFromName("xlsx"), std::nullopt);
  EXPECT_EQ(DataFormatFromPath("data/x.csv"), DataFormat::kCsv);
  EXPECT_EQ(DataFormatFromPath("x.JSONL"), DataFormat::kJsonl);
  EXPECT_EQ(DataFormatFromPath("/a.b/x.json"), DataFormat::kJsonl);
  EXPECT_EQ(DataFormatFromPath("x.ndjson"), DataFormat::kJsonl);
  EXPECT_EQ(DataFormatFromPath("x.parquet"), DataFormat::kParquet);
  EXPECT_EQ(DataFormatFromPath("/a.csv/readme"), std::nullopt);
  EXPECT_EQ(DataFormatFromPath(".csv"), std::nullopt);
  EXPECT_EQ(DataFormatFromPath("x.txt"), std::nullopt);
}

TEST(ReaderFactoryTest, DispatchesByFormat) {
  const Schema schema =
      testing::MakeSchema({testing::MakeField("id", testing::MakeType(TypeId::kInt32))});
  auto fs = testing::FileSystemWith("/d/x.csv", "id\n1\n");
  EXPECT_TRUE(OpenBatchReader(fs, "/d/x.csv", DataFormat::kCsv, schema).ok());
  // The same bytes are not a JSON object per line.
  auto jsonl = testing::ReadAll(fs, "/d/x.csv", DataFormat::kJsonl, schema);
  EXPECT_TRUE(jsonl.status.IsInvalidArgument());
  // Nor are they a Parquet file: the reader says so instead of guessing.
  auto parquet = testing::ReadAll(fs, "/d/x.csv", DataFormat::kParquet, schema);
  EXPECT_FALSE(parquet.status.ok());
  EXPECT_NE(parquet.status.message().find("/d/x.csv"), std::string::npos) << parquet.status;
}

}  // namespace
}  // namespace mesh::format
