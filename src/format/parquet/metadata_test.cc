#include "format/parquet/metadata.h"

#include <gtest/gtest.h>

#include "base/filesystem.h"

namespace mesh::format::parquet {
namespace {

FileMetaData SampleMetadata() {
  FileMetaData f;
  f.version = 2;
  SchemaElement root;
  root.name = "schema";
  root.num_children = 2;
  SchemaElement id;
  id.name = "id";
  id.type = PhysicalType::kInt64;
  id.repetition_type = Repetition::kRequired;
  SchemaElement amount;
  amount.name = "amount";
  amount.type = PhysicalType::kFixedLenByteArray;
  amount.type_length = 9;
  amount.repetition_type = Repetition::kOptional;
  amount.converted_type = ConvertedType::kDecimal;
  amount.scale = 2;
  amount.precision = 20;
  LogicalType decimal;
  decimal.kind = LogicalType::Kind::kDecimal;
  decimal.decimal_scale = 2;
  decimal.decimal_precision = 20;
  amount.logical_type = decimal;
  SchemaElement ts;
  ts.name = "ts";
  ts.type = PhysicalType::kInt64;
  LogicalType timestamp;
  timestamp.kind = LogicalType::Kind::kTimestamp;
  timestamp.is_adjusted_to_utc = true;
  timestamp.time_unit = TimeUnit::kNanos;
  ts.logical_type = timestamp;
  f.schema = {root, id, amount, ts};
  f.num_rows = 1234567890123;

  RowGroup g;
  g.num_rows = 1234567890123;
  g.total_byte_size = 99;
  g.ordinal = 0;
  ColumnChunk c;
  c.file_offset = 4;
  ColumnMetaData m;
  m.type = PhysicalType::kInt64;
  m.encodings = {Encoding::kPlain, Encoding::kRleDictionary};
  m.path_in_schema = {"id"};
  m.codec = CompressionCodec::kZstd;
  m.num_values = 10;
  m.total_compressed_size = 50;
  m.total_uncompressed_size = 80;
  m.data_page_offset = 4;
  m.dictionary_page_offset = 4;
  Statistics s;
  s.min_value = std::string("\x01\0\0\0\0\0\0\0", 8);
  s.max_value = std::string("\x09\0\0\0\0\0\0\0", 8);
  s.null_count = 0;
  m.statistics = s;
  m.key_value_metadata = {{"k", "v"}};
  c.meta_data = m;
  g.columns = {c};
  f.row_groups = {g};
  f.key_value_metadata = {{"writer", std::nullopt}, {"a", "b"}};
  f.created_by = "meshwork";
  f.column_orders_type_defined = {true, true, true};
  return f;
}

TEST(ParquetMetadataTest, FileMetaDataRoundTrip) {
  const FileMetaData f = SampleMetadata();
  std::string bytes;
  EncodeFileMetaData(f, &bytes);
  Result<FileMetaData> decoded = DecodeFileMetaData(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  const FileMetaData& d = *decoded;
  EXPECT_EQ(d.version, 2);
  ASSERT_EQ(d.schema.size(), 4u);
  EXPECT_EQ(d.schema[0].num_children, 2);
  EXPECT_EQ(d.schema[2].name, "amount");
  EXPECT_EQ(d.schema[2].type_length, 9);
  EXPECT_EQ(d.schema[2].converted_type, ConvertedType::kDecimal);
  ASSERT_TRUE(d.schema[2].logical_type.has_value());
  EXPECT_EQ(d.schema[2].logical_type->ToString(), "DECIMAL(20,2)");
  EXPECT_EQ(d.schema[3].logical_type->ToString(), "TIMESTAMP(NANOS,utc)");
  EXPECT_EQ(d.num_rows, 1234567890123);
  ASSERT_EQ(d.row_groups.size(), 1u);
  EXPECT_EQ(d.row_groups[0].ordinal, 0);
  const ColumnMetaData& m = *d.row_groups[0].columns[0].meta_data;
  EXPECT_EQ(m.codec, CompressionCodec::kZstd);
  EXPECT_EQ(m.encodings.size(), 2u);
  EXPECT_EQ(m.path_in_schema, std::vector<std::string>{"id"});
  EXPECT_EQ(m.dictionary_page_offset, 4);
  EXPECT_EQ(m.statistics->max_value->size(), 8u);
  EXPECT_EQ(m.key_value_metadata[0].value, "v");
  EXPECT_EQ(d.key_value_metadata[0].value, std::nullopt);
  EXPECT_EQ(d.created_by, "meshwork");
  EXPECT_EQ(d.column_orders_type_defined.size(), 3u);

  // Re-encoding gives the same bytes.
  std::string again;
  EncodeFileMetaData(d, &again);
  EXPECT_EQ(again, bytes);
}

TEST(ParquetMetadataTest, PageHeaderRoundTrip) {
  PageHeader h;
  h.type = PageType::kDataPageV2;
  h.uncompressed_page_size = 1000;
  h.compressed_page_size = 600;
  h.crc = -5;
  DataPageHeaderV2 v2;
  v2.num_values = 100;
  v2.num_nulls = 3;
  v2.num_rows = 100;
  v2.encoding = Encoding::kDeltaBinaryPacked;
  v2.definition_levels_byte_length = 7;
  v2.repetition_levels_byte_length = 0;
  v2.is_compressed = false;
  h.data_page_header_v2 = v2;
  std::string bytes;
  EncodePageHeader(h, &bytes);
  bytes += "page body";
  size_t header_size = 0;
  Result<PageHeader> d = DecodePageHeader(bytes, &header_size);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(header_size, bytes.size() - 9);
  EXPECT_EQ(d->type, PageType::kDataPageV2);
  EXPECT_EQ(d->crc, -5);
  ASSERT_TRUE(d->data_page_header_v2.has_value());
  EXPECT_EQ(d->data_page_header_v2->num_nulls, 3);
  EXPECT_FALSE(d->data_page_header_v2->is_compressed);
  EXPECT_EQ(d->data_page_header_v2->encoding, Encoding::kDeltaBinaryPacked);

  PageHeader dict;
  dict.type = PageType::kDictionaryPage;
  dict.uncompressed_page_size = dict.compressed_page_size = 8;
  dict.dictionary_page_header = DictionaryPageHeader{2, Encoding::kPlain, true};
  std::string dict_bytes;
  EncodePageHeader(dict, &dict_bytes);
  Result<PageHeader> dd = DecodePageHeader(dict_bytes, &header_size);
  ASSERT_TRUE(dd.ok()) << dd.status();
  EXPECT_EQ(dd->dictionary_page_header->num_values, 2);
  EXPECT_EQ(dd->dictionary_page_header->is_sorted, true);
}

TEST(ParquetMetadataTest, MissingRequiredFieldIsCorruption) {
  ThriftCompactWriter w;
  w.BeginStruct();
  w.WriteI32Field(1, 1);  // version only
  w.EndStruct();
  Result<FileMetaData> d = DecodeFileMetaData(w.bytes());
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kCorruption);
  EXPECT_NE(d.status().message().find("schema"), std::string::npos) << d.status();
}

TEST(ParquetMetadataTest, EveryTruncationFailsCleanly) {
  std::string bytes;
  EncodeFileMetaData(SampleMetadata(), &bytes);
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(DecodeFileMetaData(std::string_view(bytes).substr(0, n)).ok()) << n;
  }
}

TEST(ParquetMetadataTest, UnknownFieldsAndUnionMembersAreKept) {
  ThriftCompactWriter w;
  w.BeginStruct();  // FileMetaData
  w.WriteI32Field(1, 1);
  w.WriteFieldHeader(2, ThriftType::kList);
  w.WriteListHeader(ThriftType::kStruct, 1);
  w.BeginStruct();  // SchemaElement
  w.WriteBinaryField(4, "col");
  w.WriteFieldHeader(10, ThriftType::kStruct);  // logicalType with a future member
  w.BeginStruct();
  w.WriteFieldHeader(2555, ThriftType::kStruct);
  w.BeginStruct();
  w.WriteI32Field(1, 7);
  w.EndStruct();
  w.EndStruct();
  w.WriteFieldHeader(99, ThriftType::kList);  // unknown field: skipped
  w.WriteListHeader(ThriftType::kI32, 2);
  w.WriteI32(1);
  w.WriteI32(2);
  w.EndStruct();
  w.WriteI64Field(3, 0);
  w.WriteFieldHeader(4, ThriftType::kList);
  w.WriteListHeader(ThriftType::kStruct, 0);
  w.EndStruct();
  Result<FileMetaData> d = DecodeFileMetaData(w.bytes());
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->schema.size(), 1u);
  EXPECT_EQ(d->schema[0].name, "col");
  EXPECT_EQ(d->schema[0].logical_type->kind, LogicalType::Kind::kUnrecognized);
  EXPECT_EQ(d->schema[0].logical_type->ToString(), "UNRECOGNIZED(field_id=2555)");
}

TEST(ParquetMetadataTest, DecodesARealFooter) {
  const std::string path =
      std::string(MESH_SHARED_DIR) + "/testdata/parquet-testing/data/alltypes_plain.parquet";
  Result<std::string> file = PosixFileSystem()->ReadFile(path);
  ASSERT_TRUE(file.ok()) << file.status();
  const std::string& bytes = *file;
  ASSERT_GT(bytes.size(), 12u);
  uint32_t footer_length = 0;
  for (int i = 3; i >= 0; --i) {
    footer_length = (footer_length << 8) | static_cast<uint8_t>(bytes[bytes.size() - 8 + i]);
  }
  std::string_view footer(bytes.data() + bytes.size() - 8 - footer_length, footer_length);
  Result<FileMetaData> d = DecodeFileMetaData(footer);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->num_rows, 8);
  EXPECT_EQ(d->schema.size(), 12u);
  EXPECT_EQ(d->schema[1].name, "id");
  EXPECT_EQ(d->row_groups.size(), 1u);
  EXPECT_EQ(d->row_groups[0].columns.size(), 11u);
}

}  // namespace
}  // namespace mesh::format::parquet
