#include "format/parquet/column_chunk_writer.h"

#include <gtest/gtest.h>

namespace mesh::format::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

struct Page {
  PageHeader header;
  std::string body;
};

// Splits a chunk into its pages (headers decoded by metadata.h, bodies as stored).
std::vector<Page> Pages(std::string_view chunk) {
  std::vector<Page> pages;
  while (!chunk.empty()) {
    size_t header_size = 0;
    auto header = DecodePageHeader(chunk, &header_size);
    EXPECT_TRUE(header.ok()) << header.status();
    if (!header.ok()) break;
    Page page{*header, std::string(chunk.substr(header_size, header->compressed_page_size))};
    chunk.remove_prefix(header_size + page.body.size());
    pages.push_back(std::move(page));
  }
  return pages;
}

Column Int32Column(std::initializer_list<std::optional<int32_t>> values) {
  Column column(FieldType{TypeId::kInt32});
  for (const auto& value : values) {
    if (value) {
      column.AppendInt32(*value);
    } else {
      column.AppendNull();
    }
  }
  return column;
}

std::string Finish(ColumnChunkWriter* writer, ColumnChunk* chunk) {
  std::string out;
  EXPECT_TRUE(writer->Finish(4, &out, chunk).ok());
  return out;
}

TEST(ColumnChunkWriterTest, OptionalPlainPageGoldenBytes) {
  PageCompressor none(ParquetCompression::kUncompressed, 1);
  ColumnChunkOptions options;
  options.dictionary = false;
  ColumnChunkWriter writer("n", FieldType{TypeId::kInt32}, false, options, &none);
  ASSERT_TRUE(writer.Append(Int32Column({1, std::nullopt, 3}), 0, 3, 1).ok());
  ColumnChunk chunk;
  auto pages = Pages(Finish(&writer, &chunk));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].header.type, PageType::kDataPage);
  EXPECT_EQ(pages[0].header.data_page_header->num_values, 3);
  EXPECT_EQ(pages[0].header.data_page_header->encoding, Encoding::kPlain);
  // Levels: 4-byte length 2, one bit-packed group (header 3) of levels 1,0,1; then 1 and 3.
  EXPECT_EQ(pages[0].body, Bytes({2, 0, 0, 0, 3, 0x05, 1, 0, 0, 0, 3, 0, 0, 0}));
  EXPECT_EQ(chunk.meta_data->data_page_offset, 4);
  EXPECT_EQ(chunk.meta_data->num_values, 3);
}

TEST(ColumnChunkWriterTest, RequiredDictionaryPagesGoldenBytes) {
  PageCompressor none(ParquetCompression::kUncompressed, 1);
  ColumnChunkWriter writer("n", FieldType{TypeId::kInt32}, true, {}, &none);
  ASSERT_TRUE(writer.Append(Int32Column({7, 9, 7, 7}), 0, 4, 1).ok());
  ColumnChunk chunk;
  std::string bytes = Finish(&writer, &chunk);
  auto pages = Pages(bytes);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].header.type, PageType::kDictionaryPage);
  EXPECT_EQ(pages[0].header.dictionary_page_header->num_values, 2);
  EXPECT_EQ(pages[0].body, Bytes({7, 0, 0, 0, 9, 0, 0, 0}));
  EXPECT_EQ(pages[1].header.data_page_header->encoding, Encoding::kRleDictionary);
  // No levels (REQUIRED); bit width 1; one bit-packed group of indices 0,1,0,0.
  EXPECT_EQ(pages[1].body, Bytes({1, 3, 0x02}));
  EXPECT_EQ(chunk.meta_data->dictionary_page_offset, 4);
  EXPECT_GT(chunk.meta_data->data_page_offset, 4);
  EXPECT_EQ(chunk.meta_data->total_compressed_size, static_cast<int64_t>(bytes.size()));
}

TEST(ColumnChunkWriterTest, LeadingNullPageIsPlainBeforeDictionaryPages) {
  PageCompressor none(ParquetCompression::kUncompressed, 1);
  ColumnChunkOptions options;
  options.data_page_bytes = 1;  // one value per page
  ColumnChunkWriter writer("n", FieldType{TypeId::kInt32}, false, options, &none);
  ASSERT_TRUE(writer.Append(Int32Column({std::nullopt, 5}), 0, 2, 1).ok());
  ColumnChunk chunk;
  auto pages = Pages(Finish(&writer, &chunk));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].header.type, PageType::kDictionaryPage);
  EXPECT_EQ(pages[1].header.data_page_header->encoding, Encoding::kPlain);
  EXPECT_EQ(pages[1].body, Bytes({2, 0, 0, 0, 3, 0}));
  EXPECT_EQ(pages[2].header.data_page_header->encoding, Encoding::kRleDictionary);
}

TEST(ColumnChunkWriterTest, CompressedPagesRecordBothSizes) {
  for (auto compression : {ParquetCompression::kSnappy, ParquetCompression::kZstd}) {
    PageCompressor compressor(compression, 3);
    ColumnChunkOptions options;
    options.dictionary = false;
    ColumnChunkWriter writer("s", FieldType{TypeId::kString}, true, options, &compressor);
    Column column(FieldType{TypeId::kString});
    for (int i = 0; i < 1000; ++i) column.AppendBytes("the same words again");
    ASSERT_TRUE(writer.Append(column, 0, 1000, 1).ok());
    ColumnChunk chunk;
    auto pages = Pages(Finish(&writer, &chunk));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].header.uncompressed_page_size, 24000);
    EXPECT_LT(pages[0].header.compressed_page_size, 2000);
    EXPECT_LT(chunk.meta_data->total_compressed_size, chunk.meta_data->total_uncompressed_size);
  }
}

TEST(ColumnChunkWriterTest, FinishResetsForTheNextRowGroup) {
  PageCompressor none(ParquetCompression::kUncompressed, 1);
  ColumnChunkWriter writer("n", FieldType{TypeId::kInt32}, false, {}, &none);
  ASSERT_TRUE(writer.Append(Int32Column({1, std::nullopt}), 0, 2, 1).ok());
  ColumnChunk first;
  Finish(&writer, &first);
  ASSERT_TRUE(writer.Append(Int32Column({8}), 0, 1, 3).ok());
  ColumnChunk second;
  auto pages = Pages(Finish(&writer, &second));
  EXPECT_EQ(second.meta_data->num_values, 1);
  EXPECT_EQ(second.meta_data->statistics->null_count, 0);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].header.dictionary_page_header->num_values, 1);
}

}  // namespace
}  // namespace mesh::format::parquet
