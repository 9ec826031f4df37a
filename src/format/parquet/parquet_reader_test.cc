#include "format/parquet/parquet_reader.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "format/parquet/column_conversion.h"
#include "format/value_formatter.h"

namespace mesh::format {
namespace {

const std::string kData = std::string(MESH_SHARED_DIR) + "/testdata/parquet-testing/data/";

Field MakeField(std::string name, std::string_view type) {
  Field field;
  field.name = std::move(name);
  field.type = *FieldType::Parse(type);
  return field;
}

Schema AllTypesSchema() {
  Schema schema;
  schema.fields = {MakeField("id", "int32"),
                   MakeField("bool_col", "boolean"),
                   MakeField("tinyint_col", "int32"),
                   MakeField("smallint_col", "int64"),
                   MakeField("int_col", "int64"),
                   MakeField("bigint_col", "int64"),
                   MakeField("float_col", "double"),
                   MakeField("double_col", "double"),
                   MakeField("date_string_col", "string"),
                   MakeField("string_col", "binary"),
                   MakeField("timestamp_col", "timestamp")};
  return schema;
}

struct ReadAll {
  Status status;
  std::vector<Batch> batches;
  size_t rows = 0;
};

ReadAll Read(const std::string& file, const Schema& schema, ReadOptions options = {}) {
  ReadAll result;
  Result<std::unique_ptr<BatchReader>> reader =
      OpenParquetBatchReader(PosixFileSystem(), kData + file, schema, options);
  if (!reader.ok()) {
    result.status = reader.status();
    return result;
  }
  while (true) {
    Batch batch;
    Result<bool> more = (*reader)->Next(&batch);
    if (!more.ok()) {
      result.status = more.status();
      return result;
    }
    if (!*more) break;
    result.rows += batch.num_rows;
    result.batches.push_back(std::move(batch));
  }
  EXPECT_EQ((*reader)->bytes_read(), (*reader)->bytes_total());
  return result;
}

TEST(ParquetReaderTest, ReadsAllTypesIntoTheDescriptorsTypes) {
  ReadAll all = Read("alltypes_plain.parquet", AllTypesSchema());
  ASSERT_TRUE(all.status.ok()) << all.status;
  ASSERT_EQ(all.rows, 8u);
  const Batch& b = all.batches[0];
  ASSERT_EQ(b.columns.size(), 11u);
  EXPECT_EQ(b.first_row, 1);
  EXPECT_EQ(b.columns[0].GetInt32(0), 4);
  EXPECT_EQ(b.columns[0].GetInt32(7), 1);
  EXPECT_TRUE(b.columns[1].GetBool(0));
  EXPECT_FALSE(b.columns[1].GetBool(1));
  EXPECT_EQ(b.columns[5].GetInt64(1), 10);
  EXPECT_DOUBLE_EQ(b.columns[6].GetDouble(1), static_cast<double>(1.1f));  // float widened
  EXPECT_DOUBLE_EQ(b.columns[7].GetDouble(1), 10.1);
  EXPECT_EQ(b.columns[8].GetBytes(0), "03/01/09");
  EXPECT_EQ(b.columns[9].GetBytes(1), "1");
  // INT96 2009-03-01T00:01:00Z.
  EXPECT_EQ(FormatTimestamp(Timestamp{b.columns[10].GetInt64(1)}), "2009-03-01T00:01:00Z");
  EXPECT_TRUE(b.type_errors.empty());
}

TEST(ParquetReaderTest, SmallBatchesAndThreadCountsGiveTheSameRows) {
  Schema schema;
  schema.fields = {MakeField("id", "int64"), MakeField("geometry", "binary")};
  // 50 row groups of 10 rows: batches never span row groups, rows stay in file order.
  for (int threads : {1, 2, 4}) {
    ReadOptions options;
    options.threads = threads;
    options.batch_rows = 7;
    ReadAll all = Read("geospatial/geography-points.parquet", schema, options);
    ASSERT_TRUE(all.status.ok()) << all.status;
    EXPECT_EQ(all.rows, 500u);
    int64_t expected_first = 1;
    std::string ids;
    for (const Batch& batch : all.batches) {
      EXPECT_EQ(batch.first_row, expected_first);
      EXPECT_LE(batch.num_rows, 7u);
      expected_first += static_cast<int64_t>(batch.num_rows);
      for (size_t row = 0; row < batch.num_rows; ++row) {
        const Column& id = batch.columns[0];
        ids += (id.IsValid(row) ? std::to_string(id.GetInt64(row)) : "null") + ",";
      }
    }
    static std::string first_ids;
    if (threads == 1) first_ids = ids;
    EXPECT_EQ(ids, first_ids) << threads << " threads";
  }
}

TEST(ParquetReaderTest, MultipleRowGroupsInOrderWithTwoThreads) {
  Schema schema;
  schema.fields = {MakeField("a", "int64"), MakeField("b", "binary")};
  ReadOptions options;
  options.threads = 2;
  ReadAll all = Read("sort_columns.parquet", schema, options);
  ASSERT_TRUE(all.status.ok()) << all.status;
  EXPECT_EQ(all.rows, 6u);
  EXPECT_EQ(all.batches.size(), 2u);  // one per row group of 3 rows
  EXPECT_EQ(all.batches[1].first_row, 4);
}

TEST(ParquetReaderTest, MissingColumnIsAnErrorNamingFileAndColumn) {
  Schema schema = AllTypesSchema();
  schema.fields.push_back(MakeField("absent", "int32"));
  ReadAll all = Read("alltypes_plain.parquet", schema);
  EXPECT_EQ(all.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(all.status.message().find("alltypes_plain.parquet"), std::string::npos);
  EXPECT_NE(all.status.message().find("'absent'"), std::string::npos) << all.status;
}

TEST(ParquetReaderTest, ExtraFileColumnIsAnError) {
  Schema schema = AllTypesSchema();
  schema.fields.pop_back();
  ReadAll all = Read("alltypes_plain.parquet", schema);
  EXPECT_EQ(all.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(all.status.message().find("'timestamp_col'"), std::string::npos) << all.status;
}

TEST(ParquetReaderTest, IncompatibleTypeNamesBothTypes) {
  Schema schema = AllTypesSchema();
  schema.fields[8] = MakeField("date_string_col", "int64");
  ReadAll all = Read("alltypes_plain.parquet", schema);
  EXPECT_EQ(all.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(all.status.message().find("BYTE_ARRAY"), std::string::npos) << all.status;
  EXPECT_NE(all.status.message().find("int64"), std::string::npos) << all.status;
  EXPECT_NE(all.status.message().find("'date_string_col'"), std::string::npos) << all.status;

  schema = AllTypesSchema();
  schema.fields[5] = MakeField("bigint_col", "int32");  // no narrowing
  EXPECT_EQ(Read("alltypes_plain.parquet", schema).status.code(), StatusCode::kInvalidArgument);
}

TEST(ParquetReaderTest, DecimalsRescaleExactly) {
  for (const char* file : {"int32_decimal.parquet", "int64_decimal.parquet",
                           "fixed_length_decimal.parquet", "byte_array_decimal.parquet"}) {
    Schema schema;
    schema.fields = {MakeField("value", "decimal(30,4)")};
    ReadAll all = Read(file, schema);
    ASSERT_TRUE(all.status.ok()) << file << ": " << all.status;
    ASSERT_EQ(all.rows, 24u);
    EXPECT_EQ(all.batches[0].columns[0].GetDecimal(0), 10000) << file;  // 1.00 -> 1.0000
    EXPECT_EQ(all.batches[0].columns[0].GetDecimal(23), 240000) << file;
    schema.fields = {MakeField("value", "decimal(3,0)")};  // 1.00 -> 1 is exact
    all = Read(file, schema);
    ASSERT_TRUE(all.status.ok()) << all.status;
    EXPECT_EQ(all.batches[0].columns[0].GetDecimal(23), 24);
    EXPECT_TRUE(all.batches[0].type_errors.empty());
  }
}

TEST(ParquetReaderTest, NestedColumnIsNotSupported) {
  Schema schema;
  schema.fields = {MakeField("int64_list", "int64"), MakeField("utf8_list", "string")};
  ReadAll all = Read("list_columns.parquet", schema);
  EXPECT_EQ(all.status.code(), StatusCode::kNotSupported) << all.status;
  EXPECT_NE(all.status.message().find("int64_list"), std::string::npos) << all.status;
}

TEST(ParquetReaderTest, NotParquetIsCorruption) {
  Schema schema;
  schema.fields = {MakeField("a", "int64")};
  ReadAll all = Read("../README.md", schema);
  EXPECT_EQ(all.status.code(), StatusCode::kCorruption) << all.status;
  EXPECT_NE(all.status.message().find("README.md"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Conversions on synthetic values

parquet::ColumnDescriptor Descriptor(parquet::SchemaElement* element) {
  parquet::ColumnDescriptor column;
  column.path = element->name;
  column.physical_type = *element->type;
  column.type_length = element->type_length.value_or(0);
  if (column.physical_type == parquet::PhysicalType::kInt96) column.type_length = 12;
  column.element = element;
  return column;
}

TEST(ParquetConversionTest, DecimalWithMoreFractionDigitsIsATypeError) {
  parquet::SchemaElement e;
  e.name = "amount";
  e.type = parquet::PhysicalType::kInt64;
  e.converted_type = parquet::ConvertedType::kDecimal;
  e.precision = 10;
  e.scale = 3;
  const parquet::ColumnDescriptor column = Descriptor(&e);
  Result<parquet::ColumnConversion> plan =
      parquet::PlanConversion(column, *FieldType::Parse("decimal(5,1)"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  parquet::ColumnValues values;
  values.type = parquet::PhysicalType::kInt64;
  values.i64 = {1500, 1234, -99999000, 0};
  values.valid = {1, 1, 1, 0};
  values.num_rows = 4;
  Batch batch;
  Column out(*FieldType::Parse("decimal(5,1)"));
  parquet::ConvertRows(*plan, values, 0, 4, 11, 2, &out, &batch);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out.GetDecimal(0), 15);  // 1.500 -> 1.5
  EXPECT_FALSE(out.IsValid(1));      // 1.234 has 3 fraction digits
  EXPECT_FALSE(out.IsValid(2));      // -99999.000 does not fit decimal(5,1)
  EXPECT_FALSE(out.IsValid(3));      // null stays null, no error
  ASSERT_EQ(batch.type_errors.size(), 2u);
  EXPECT_EQ(batch.type_errors[0].row, 12);
  EXPECT_EQ(batch.type_errors[0].column, 2);
  EXPECT_EQ(batch.type_errors[0].raw, "1.234");
  EXPECT_EQ(batch.type_errors[1].raw, "-99999.0");
}

TEST(ParquetConversionTest, TimestampUnitsBecomeMicroseconds) {
  parquet::SchemaElement e;
  e.name = "ts";
  e.type = parquet::PhysicalType::kInt64;
  parquet::LogicalType lt;
  lt.kind = parquet::LogicalType::Kind::kTimestamp;
  lt.is_adjusted_to_utc = true;
  const FieldType timestamp = *FieldType::Parse("timestamp");
  parquet::ColumnValues values;
  values.type = parquet::PhysicalType::kInt64;
  values.i64 = {-1, 1500, INT64_MAX};
  values.num_rows = 3;
  struct Case {
    parquet::TimeUnit unit;
    std::vector<int64_t> micros;
    size_t errors;
  };
  for (const Case& c : {Case{parquet::TimeUnit::kNanos, {-1, 1, INT64_MAX / 1000}, 0},
                        Case{parquet::TimeUnit::kMicros, {-1, 1500, INT64_MAX}, 0},
                        Case{parquet::TimeUnit::kMillis, {-1000, 1500000, 0}, 1}}) {
    lt.time_unit = c.unit;
    e.logical_type = lt;
    Result<parquet::ColumnConversion> plan = parquet::PlanConversion(Descriptor(&e), timestamp);
    ASSERT_TRUE(plan.ok()) << plan.status();
    Batch batch;
    Column out(timestamp);
    parquet::ConvertRows(*plan, values, 0, 3, 1, 0, &out, &batch);
    EXPECT_EQ(out.GetInt64(0), c.micros[0]);
    EXPECT_EQ(out.GetInt64(1), c.micros[1]);
    if (c.errors == 0) {
      EXPECT_EQ(out.GetInt64(2), c.micros[2]);
    }
    EXPECT_EQ(batch.type_errors.size(), c.errors);
  }
}

TEST(ParquetConversionTest, RefusedPairsNameBothTypes) {
  parquet::SchemaElement e;
  e.name = "n";
  e.type = parquet::PhysicalType::kInt64;
  parquet::LogicalType lt;
  lt.kind = parquet::LogicalType::Kind::kTimestamp;
  lt.time_unit = parquet::TimeUnit::kMicros;
  e.logical_type = lt;
  Result<parquet::ColumnConversion> plan =
      parquet::PlanConversion(Descriptor(&e), *FieldType::Parse("int64"));
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("INT64 (TIMESTAMP(MICROS))"), std::string::npos)
      << plan.status();
  EXPECT_NE(plan.status().message().find("int64"), std::string::npos);
}

TEST(ParquetConversionTest, UnsignedAndInvalidUtf8BecomeTypeErrors) {
  parquet::SchemaElement e;
  e.name = "u";
  e.type = parquet::PhysicalType::kInt64;
  e.converted_type = parquet::ConvertedType::kUint64;
  Result<parquet::ColumnConversion> plan =
      parquet::PlanConversion(Descriptor(&e), *FieldType::Parse("int64"));
  ASSERT_TRUE(plan.ok());
  parquet::ColumnValues values;
  values.type = parquet::PhysicalType::kInt64;
  values.i64 = {5, -1};  // -1 is 2^64-1 unsigned
  values.num_rows = 2;
  Batch batch;
  Column out(*FieldType::Parse("int64"));
  parquet::ConvertRows(*plan, values, 0, 2, 1, 0, &out, &batch);
  EXPECT_EQ(out.GetInt64(0), 5);
  EXPECT_FALSE(out.IsValid(1));
  ASSERT_EQ(batch.type_errors.size(), 1u);
  EXPECT_EQ(batch.type_errors[0].raw, "18446744073709551615");

  parquet::SchemaElement s;
  s.name = "s";
  s.type = parquet::PhysicalType::kByteArray;
  s.converted_type = parquet::ConvertedType::kUtf8;
  plan = parquet::PlanConversion(Descriptor(&s), *FieldType::Parse("string"));
  ASSERT_TRUE(plan.ok());
  parquet::ColumnValues strings;
  strings.type = parquet::PhysicalType::kByteArray;
  strings.bytes = "ok\xff";
  strings.offsets = {0, 2, 3};
  strings.num_rows = 2;
  Batch batch2;
  Column text(*FieldType::Parse("string"));
  parquet::ConvertRows(*plan, strings, 0, 2, 1, 0, &text, &batch2);
  EXPECT_EQ(text.GetBytes(0), "ok");
  EXPECT_FALSE(text.IsValid(1));
  EXPECT_EQ(batch2.type_errors.size(), 1u);
}

// The bulk path checks a run of strings as one text; a character split across two values is
// valid as a whole but invalid in each value, and must still be two type errors.
TEST(ParquetConversionTest, CharacterSplitAcrossValuesIsInvalidInBoth) {
  parquet::SchemaElement s;
  s.name = "s";
  s.type = parquet::PhysicalType::kByteArray;
  s.converted_type = parquet::ConvertedType::kUtf8;
  Result<parquet::ColumnConversion> plan =
      parquet::PlanConversion(Descriptor(&s), *FieldType::Parse("string"));
  ASSERT_TRUE(plan.ok());
  parquet::ColumnValues strings;
  strings.type = parquet::PhysicalType::kByteArray;
  strings.bytes = "h\xc3\xa9ok";  // "hé" + "ok", split as "h\xc3" | "\xa9" | "ok"
  strings.offsets = {0, 2, 3, 3, 5};
  strings.valid = {1, 1, 0, 1};
  strings.num_rows = 4;
  Batch batch;
  Column text(*FieldType::Parse("string"));
  parquet::ConvertRows(*plan, strings, 0, 4, 1, 0, &text, &batch);
  ASSERT_EQ(text.size(), 4u);
  EXPECT_FALSE(text.IsValid(0));
  EXPECT_FALSE(text.IsValid(1));
  EXPECT_FALSE(text.IsValid(2));
  EXPECT_EQ(text.GetBytes(3), "ok");
  EXPECT_EQ(batch.type_errors.size(), 2u);

  // Valid values with a null among them take the bulk path and keep their nulls.
  strings.bytes = "h\xc3\xa9ok";
  strings.offsets = {0, 3, 3, 5};
  strings.valid = {1, 0, 1};
  strings.num_rows = 3;
  Batch batch2;
  Column bulk(*FieldType::Parse("string"));
  parquet::ConvertRows(*plan, strings, 0, 3, 1, 0, &bulk, &batch2);
  ASSERT_EQ(bulk.size(), 3u);
  EXPECT_EQ(bulk.GetBytes(0), "h\xc3\xa9");
  EXPECT_FALSE(bulk.IsValid(1));
  EXPECT_EQ(bulk.GetBytes(2), "ok");
  EXPECT_EQ(bulk.null_count(), 1u);
  EXPECT_TRUE(batch2.type_errors.empty());
}

}  // namespace
}  // namespace mesh::format
