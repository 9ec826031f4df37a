#include "format/parquet/plain_encoder.h"

#include <gtest/gtest.h>

#include <limits>

namespace mesh::format::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

TEST(PlainEncoderTest, IntegersAreLittleEndianTwosComplement) {
  std::string out;
  AppendPlainInt32(1, &out);
  AppendPlainInt32(-2, &out);
  EXPECT_EQ(out, Bytes({1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF}));
  out.clear();
  AppendPlainInt64(0x0102030405060708LL, &out);
  EXPECT_EQ(out, Bytes({8, 7, 6, 5, 4, 3, 2, 1}));
}

TEST(PlainEncoderTest, FloatingPointIsIeeeLittleEndian) {
  std::string out;
  AppendPlainFloat(1.0f, &out);
  EXPECT_EQ(out, Bytes({0, 0, 0x80, 0x3F}));
  out.clear();
  AppendPlainDouble(-2.0, &out);
  EXPECT_EQ(out, Bytes({0, 0, 0, 0, 0, 0, 0, 0xC0}));
}

TEST(PlainEncoderTest, ByteArrayHasLengthPrefix) {
  std::string out;
  AppendPlainByteArray("hé", &out);
  AppendPlainByteArray("", &out);
  EXPECT_EQ(out, Bytes({3, 0, 0, 0, 'h', 0xC3, 0xA9, 0, 0, 0, 0}));
}

TEST(PlainEncoderTest, BooleansArePackedLsbFirst) {
  std::string out;
  AppendPlainBooleans({1, 0, 0, 1, 1, 0, 0, 0, 1, 1}, &out);
  EXPECT_EQ(out, Bytes({0x19, 0x03}));
}

TEST(PlainEncoderTest, DecimalsAreBigEndianTwosComplement) {
  std::string out;
  AppendBigEndianDecimal(-1, 9, &out);
  EXPECT_EQ(out, std::string(9, '\xFF'));
  out.clear();
  AppendBigEndianDecimal(0x0102, 3, &out);
  EXPECT_EQ(out, Bytes({0, 1, 2}));
  out.clear();
  AppendBigEndianDecimal(-256, 2, &out);
  EXPECT_EQ(out, Bytes({0xFF, 0x00}));
}

TEST(PlainEncoderTest, DecimalByteWidthIsTheFewestBytesThatHoldThePrecision) {
  EXPECT_EQ(DecimalByteWidth(1), 1);
  EXPECT_EQ(DecimalByteWidth(2), 1);
  EXPECT_EQ(DecimalByteWidth(3), 2);
  EXPECT_EQ(DecimalByteWidth(9), 4);
  EXPECT_EQ(DecimalByteWidth(18), 8);
  EXPECT_EQ(DecimalByteWidth(19), 9);
  EXPECT_EQ(DecimalByteWidth(38), 16);
}

}  // namespace
}  // namespace mesh::format::parquet
