#include "format/projection.h"

#include <gtest/gtest.h>

#include "format/format_test_util.h"
#include "format/parquet/parquet_writer.h"

namespace mesh::format {
namespace {

using testing::MakeField;
using testing::MakeSchema;
using testing::MakeType;

Schema ThreeColumns() {
  return MakeSchema({MakeField("id", MakeType(TypeId::kInt32)),
                     MakeField("name", MakeType(TypeId::kString)),
                     MakeField("score", MakeType(TypeId::kInt64))});
}

ReadOptions Columns(std::vector<std::string> columns) {
  ReadOptions options;
  options.columns = std::move(columns);
  return options;
}

TEST(ProjectionTest, CsvKeepsSchemaOrderAndRenumbersTypeErrors) {
  auto fs = testing::FileSystemWith("/d/x.csv", "id,name,score\n1,ann,x\nnope,bo,7\n");
  // Asked in another order: batches keep the schema's order (name before score).
  auto result = testing::ReadAll(fs, "/d/x.csv", DataFormat::kCsv, ThreeColumns(),
                                 Columns({"score", "name"}));
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"ann", "NULL"}, {"bo", "7"}}));
  // The bad id is in a dropped column: its error goes with it; the bad score is column 1 now.
  ASSERT_EQ(result.type_errors.size(), 1u);
  EXPECT_EQ(result.type_errors[0].column, 1);
  EXPECT_EQ(result.type_errors[0].row, 1);
  EXPECT_EQ(result.type_errors[0].raw, "x");
}

TEST(ProjectionTest, JsonlProjects) {
  auto fs = testing::FileSystemWith("/d/x.jsonl",
                                    "{\"id\":1,\"name\":\"ann\",\"score\":3}\n"
                                    "{\"id\":2,\"name\":\"bo\",\"score\":4}\n");
  auto result =
      testing::ReadAll(fs, "/d/x.jsonl", DataFormat::kJsonl, ThreeColumns(), Columns({"id"}));
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.rows, testing::Rows({{"1"}, {"2"}}));
}

TEST(ProjectionTest, ParquetDecodesOnlyTheProjectedColumns) {
  auto fs = testing::FileSystemWith("/d/x.csv", "id,name,score\n1,ann,3\n2,,4\n3,cy,\n");
  auto source = OpenBatchReader(fs, "/d/x.csv", DataFormat::kCsv, ThreeColumns());
  ASSERT_TRUE(source.ok()) << source.status();
  Batch batch;
  ASSERT_TRUE(*(*source)->Next(&batch));
  {
    auto file = fs->OpenForWrite("/d/x.parquet");
    ASSERT_TRUE(file.ok()) << file.status();
    auto writer = parquet::ParquetWriter::Make(std::move(*file), ThreeColumns());
    ASSERT_TRUE(writer.ok()) << writer.status();
    ASSERT_TRUE((*writer)->WriteBatch(batch).ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  auto all = testing::ReadAll(fs, "/d/x.parquet", DataFormat::kParquet, ThreeColumns());
  ASSERT_TRUE(all.status.ok()) << all.status;
  EXPECT_EQ(all.rows, testing::Rows({{"1", "ann", "3"}, {"2", "NULL", "4"}, {"3", "cy", "NULL"}}));
  auto some = testing::ReadAll(fs, "/d/x.parquet", DataFormat::kParquet, ThreeColumns(),
                               Columns({"score", "id"}));
  ASSERT_TRUE(some.status.ok()) << some.status;
  EXPECT_EQ(some.rows, testing::Rows({{"1", "3"}, {"2", "4"}, {"3", "NULL"}}));
}

TEST(ProjectionTest, UnknownColumnIsAnErrorNamingItAndTheFields) {
  auto fs = testing::FileSystemWith("/d/x.csv", "id,name,score\n1,a,2\n");
  auto result =
      testing::ReadAll(fs, "/d/x.csv", DataFormat::kCsv, ThreeColumns(), Columns({"nmae"}));
  ASSERT_TRUE(result.status.IsInvalidArgument()) << result.status;
  EXPECT_NE(result.status.message().find("/d/x.csv"), std::string::npos);
  EXPECT_NE(result.status.message().find("'nmae'"), std::string::npos);
  EXPECT_NE(result.status.message().find("id, name, score"), std::string::npos);
}

}  // namespace
}  // namespace mesh::format
