#include "format/parquet/parquet_file.h"

#include <gtest/gtest.h>

#include <cstring>

#include "format/parquet/compression.h"
#include "format/parquet/delta_decoder.h"
#include "format/parquet/rle_decoder.h"

namespace mesh::format::parquet {
namespace {

const std::string kData = std::string(MESH_SHARED_DIR) + "/testdata/parquet-testing/data/";

class StringFile final : public RandomAccessFile {
 public:
  explicit StringFile(std::string data) : data_(std::move(data)) {}
  Result<uint64_t> Size() const override { return static_cast<uint64_t>(data_.size()); }
  Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    if (offset > data_.size()) return Status::IOError("read past the end");
    out->assign(data_, static_cast<size_t>(offset), length);
    return Status::OK();
  }

 private:
  std::string data_;
};

std::string FileBytes(const std::string& name) {
  Result<std::string> bytes = PosixFileSystem()->ReadFile(kData + name);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string();
}

// Opens `bytes` and decodes every chunk; returns the first error (OK when all decoded).
Status DecodeAll(std::string bytes) {
  ParquetReadLimits limits;
  limits.max_column_chunk_bytes = 64u << 20;
  ASSIGN_OR_RAISE(std::unique_ptr<ParquetFile> file,
                  ParquetFile::Open(std::make_unique<StringFile>(std::move(bytes)), "mem.parquet",
                                    limits));
  ColumnValues values;
  for (int g = 0; g < file->num_row_groups(); ++g) {
    for (size_t c = 0; c < file->columns().size(); ++c) {
      RETURN_NOT_OK(file->ReadColumnChunk(g, static_cast<int>(c), &values));
    }
  }
  return Status::OK();
}

TEST(ParquetFileTest, FooterLengthBeyondTheFileIsCorruption) {
  std::string bytes = FileBytes("alltypes_plain.parquet");
  ASSERT_GT(bytes.size(), 12u);
  const uint32_t huge = 0xfffffff0u;  // a footer "of 4 GB" in a 2 KB file
  std::memcpy(bytes.data() + bytes.size() - 8, &huge, 4);
  Status status = DecodeAll(bytes);
  EXPECT_EQ(status.code(), StatusCode::kCorruption) << status;
  EXPECT_NE(status.message().find("mem.parquet"), std::string::npos);
}

TEST(ParquetFileTest, TooSmallOrWrongMagicIsCorruption) {
  EXPECT_EQ(DecodeAll("PAR1").code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeAll(std::string(100, 'x')).code(), StatusCode::kCorruption);
  std::string bytes = FileBytes("alltypes_plain.parquet");
  bytes.replace(bytes.size() - 4, 4, "PARE");
  EXPECT_EQ(DecodeAll(bytes).code(), StatusCode::kNotSupported);
}

TEST(ParquetFileTest, SchemaAndLevelsOfAFlatFile) {
  Result<std::unique_ptr<ParquetFile>> file =
      ParquetFile::Open(*PosixFileSystem(), kData + "alltypes_plain.parquet");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ((*file)->columns().size(), 11u);
  EXPECT_EQ((*file)->top_level_fields().size(), 11u);
  const ColumnDescriptor& ts = (*file)->columns()[10];
  EXPECT_EQ(ts.path, "timestamp_col");
  EXPECT_EQ(ts.physical_type, PhysicalType::kInt96);
  EXPECT_EQ(ts.type_length, 12);
  EXPECT_EQ(ts.max_definition_level, 1);
  EXPECT_FALSE(ts.nested);
  ColumnValues values;
  ASSERT_TRUE((*file)->ReadColumnChunk(0, 0, &values).ok());
  EXPECT_EQ(values.num_rows, 8u);
  EXPECT_EQ(values.i32[0], 4);
  EXPECT_EQ((*file)->ReadColumnChunk(1, 0, &values).code(), StatusCode::kInvalidArgument);
}

TEST(ParquetFileTest, NestedSchemaHasLevelsAndPaths) {
  Result<std::unique_ptr<ParquetFile>> file =
      ParquetFile::Open(*PosixFileSystem(), kData + "nested_lists.snappy.parquet");
  ASSERT_TRUE(file.ok()) << file.status();
  bool saw_repeated = false;
  for (const ColumnDescriptor& column : (*file)->columns()) {
    if (column.max_repetition_level > 0) {
      saw_repeated = true;
      EXPECT_TRUE(column.nested);
      EXPECT_NE(column.path.find('.'), std::string::npos) << column.path;
    }
  }
  EXPECT_TRUE(saw_repeated);
}

// Every truncation and many single-byte changes of small files end in an error status or a
// clean decode: never a crash (ASan/UBSan run these tests).
TEST(ParquetFileTest, DamagedFilesNeverCrash) {
  for (const char* name : {"alltypes_dictionary.parquet", "datapage_v2_empty_datapage.snappy.parquet",
                           "rle_boolean_encoding.parquet", "int96_from_spark.parquet",
                           "delta_length_byte_array.parquet", "byte_stream_split.zstd.parquet",
                           "concatenated_gzip_members.parquet", "fixed_length_decimal_legacy.parquet"}) {
    const std::string bytes = FileBytes(name);
    for (size_t n = 0; n < bytes.size(); n += std::max<size_t>(1, bytes.size() / 300)) {
      (void)DecodeAll(bytes.substr(0, n));
    }
    for (size_t i = 0; i < bytes.size(); i += std::max<size_t>(1, bytes.size() / 400)) {
      for (uint8_t value : {0x00, 0xff, 0x7f, 0x15}) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(value);
        (void)DecodeAll(std::move(damaged));
      }
    }
  }
}

TEST(RleDecoderTest, RunsAndBitPackedGroups) {
  // RLE run of 5 x value 3 (width 2), then one bit-packed group of 8 values 0..7 (width 3).
  const uint8_t rle[] = {0x0a, 0x03};
  RleBitPackedDecoder d1(rle, sizeof rle, 2);
  uint32_t out[8];
  ASSERT_TRUE(d1.Decode(out, 5).ok());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(out[i], 3u);
  EXPECT_FALSE(d1.Decode(out, 1).ok());  // nothing left

  // Values 0..7 at 3 bits, LSB first: 0b10001000, 0b11000110, 0b11111010.
  const uint8_t packed[] = {0x03, 0x88, 0xc6, 0xfa};
  RleBitPackedDecoder d2(packed, sizeof packed, 3);
  ASSERT_TRUE(d2.Decode(out, 8).ok());
  for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(out[i], i);

  // A run value wider than the bit width is corruption.
  const uint8_t wide[] = {0x02, 0x05};
  RleBitPackedDecoder d3(wide, sizeof wide, 2);
  EXPECT_EQ(d3.Decode(out, 1).code(), StatusCode::kCorruption);
}

TEST(DeltaDecoderTest, BinaryPackedAndByteArrays) {
  // Header: block 128, 4 miniblocks, 5 values, first value 7 (zigzag 14); block: min delta -1
  // (zigzag 1), widths {1,0,0,0}, then 32 values of 1 bit: deltas -1+{1,0,1,0} -> 7,7,6,6,5.
  std::string stream = {'\x80', '\x01', '\x04', '\x05', '\x0e', '\x01', '\x01', '\x00', '\x00',
                        '\x00', '\x05', '\x00', '\x00', '\x00'};
  std::vector<int64_t> values;
  size_t consumed = 0;
  ASSERT_TRUE(DecodeDeltaBinaryPacked(reinterpret_cast<const uint8_t*>(stream.data()),
                                      stream.size(), 100, &values, &consumed)
                  .ok());
  EXPECT_EQ(values, (std::vector<int64_t>{7, 7, 6, 6, 5}));
  EXPECT_EQ(consumed, stream.size());
  // More values than the page can hold is corruption, before any allocation.
  EXPECT_EQ(DecodeDeltaBinaryPacked(reinterpret_cast<const uint8_t*>(stream.data()),
                                    stream.size(), 4, &values, &consumed)
                .code(),
            StatusCode::kCorruption);
}

TEST(CompressionTest, RejectsLiesAboutSizes) {
  std::string out;
  EXPECT_EQ(Decompress(CompressionCodec::kSnappy, "garbage", 10, &out).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decompress(CompressionCodec::kZstd, "garbage", 10, &out).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decompress(CompressionCodec::kGzip, "garbage", 10, &out).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decompress(CompressionCodec::kLz4Raw, "garbage", 10, &out).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decompress(CompressionCodec::kBrotli, "garbage", 10, &out).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Decompress(CompressionCodec::kLzo, "x", 1, &out).code(), StatusCode::kNotSupported);
  EXPECT_EQ(Decompress(CompressionCodec::kUncompressed, "abc", 4, &out).code(),
            StatusCode::kCorruption);
}

}  // namespace
}  // namespace mesh::format::parquet
