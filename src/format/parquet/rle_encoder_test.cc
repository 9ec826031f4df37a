#include "format/parquet/rle_encoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mesh::format::parquet {
namespace {

std::string Encode(int bit_width, const std::vector<uint32_t>& values) {
  RleBitPackedEncoder encoder(bit_width);
  for (uint32_t value : values) encoder.Put(value);
  std::string out;
  encoder.Finish(&out);
  return out;
}

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

TEST(RleEncoderTest, BitWidthForMaxValue) {
  EXPECT_EQ(BitWidthFor(0), 0);
  EXPECT_EQ(BitWidthFor(1), 1);
  EXPECT_EQ(BitWidthFor(2), 2);
  EXPECT_EQ(BitWidthFor(3), 2);
  EXPECT_EQ(BitWidthFor(255), 8);
  EXPECT_EQ(BitWidthFor(256), 9);
}

TEST(RleEncoderTest, LongRunBecomesOneRleRun) {
  // Header (10 << 1) = 20, then the value in one byte.
  EXPECT_EQ(Encode(1, std::vector<uint32_t>(10, 1)), Bytes({20, 1}));
  // Wider values take (bit_width + 7) / 8 little-endian bytes.
  EXPECT_EQ(Encode(9, std::vector<uint32_t>(8, 0x1AB)), Bytes({16, 0xAB, 0x01}));
}

TEST(RleEncoderTest, ShortInputIsBitPackedAndPadded) {
  // The format's own example: 0..7 at width 3 is one group: header (1 << 1) | 1 = 3.
  EXPECT_EQ(Encode(3, {0, 1, 2, 3, 4, 5, 6, 7}), Bytes({3, 0x88, 0xC6, 0xFA}));
  // Five levels 1,0,1,1,0 at width 1, padded to a group of 8: bits 0b01101.
  EXPECT_EQ(Encode(1, {1, 0, 1, 1, 0}), Bytes({3, 0x0D}));
}

TEST(RleEncoderTest, MixesBitPackedGroupsAndRuns) {
  std::vector<uint32_t> values = {1, 0, 1, 0, 1, 0, 1, 0};  // one literal group
  values.insert(values.end(), 12, 1);                       // then a run of 12
  EXPECT_EQ(Encode(1, values), Bytes({3, 0x55, 24, 1}));
}

TEST(RleEncoderTest, LongVarintHeaders) {
  // 100 equal values: header 200 needs two varint bytes (0xC8 0x01).
  EXPECT_EQ(Encode(2, std::vector<uint32_t>(100, 3)), Bytes({0xC8, 0x01, 3}));
}

TEST(RleEncoderTest, ZeroBitWidthWritesNoValueBytes) {
  EXPECT_EQ(Encode(0, std::vector<uint32_t>(9, 0)), Bytes({18}));
}

TEST(RleEncoderTest, EmptyInputEncodesToNothing) { EXPECT_EQ(Encode(1, {}), ""); }

TEST(RleEncoderTest, MaxEncodedSizeBoundsTheOutput) {
  RleBitPackedEncoder encoder(5);
  for (uint32_t i = 0; i < 1000; ++i) encoder.Put((i * 7) % 31);
  size_t bound = encoder.MaxEncodedSize();
  std::string out;
  encoder.Finish(&out);
  EXPECT_LE(out.size(), bound);
  EXPECT_EQ(encoder.size(), 0u);
}

TEST(RleEncoderTest, VarintEncoding) {
  std::string out;
  AppendUnsignedVarint(0, &out);
  AppendUnsignedVarint(127, &out);
  AppendUnsignedVarint(300, &out);
  EXPECT_EQ(out, Bytes({0, 0x7F, 0xAC, 0x02}));
}

}  // namespace
}  // namespace mesh::format::parquet
