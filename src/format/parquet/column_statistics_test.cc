#include "format/parquet/column_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "format/parquet/plain_encoder.h"

namespace mesh::format::parquet {
namespace {

std::string Int32Bytes(int32_t v) {
  std::string out;
  AppendPlainInt32(v, &out);
  return out;
}
std::string Int64Bytes(int64_t v) {
  std::string out;
  AppendPlainInt64(v, &out);
  return out;
}
std::string DoubleBytes(double v) {
  std::string out;
  AppendPlainDouble(v, &out);
  return out;
}

TEST(StatisticsTest, SignedIntegersAndNullCount) {
  StatisticsBuilder stats(FieldType{TypeId::kInt32});
  EXPECT_FALSE(stats.has_min_max());
  stats.AddInt32(5);
  stats.AddNull();
  stats.AddInt32(-7);
  stats.AddInt32(3);
  ASSERT_TRUE(stats.has_min_max());
  EXPECT_EQ(stats.EncodedMin(), Int32Bytes(-7));
  EXPECT_EQ(stats.EncodedMax(), Int32Bytes(5));
  EXPECT_EQ(stats.null_count(), 1);
}

TEST(StatisticsTest, TimestampsBefore1970AreSigned) {
  StatisticsBuilder stats(FieldType{TypeId::kTimestamp});
  stats.AddInt64(-86'400'000'000LL);
  stats.AddInt64(1'000);
  EXPECT_EQ(stats.EncodedMin(), Int64Bytes(-86'400'000'000LL));
  EXPECT_EQ(stats.EncodedMax(), Int64Bytes(1'000));
}

TEST(StatisticsTest, StringsCompareAsUnsignedBytes) {
  StatisticsBuilder stats(FieldType{TypeId::kString});
  stats.AddBytes("zebra");
  stats.AddBytes("été");  // 0xC3 sorts after every ASCII byte
  stats.AddBytes("");
  stats.AddBytes("Apple");
  EXPECT_EQ(stats.EncodedMin(), "");
  EXPECT_EQ(stats.EncodedMax(), "été");
}

TEST(StatisticsTest, OverlongByteArraysOmitMinMax) {
  StatisticsBuilder stats(FieldType{TypeId::kBinary});
  stats.AddBytes("a");
  stats.AddBytes(std::string(kMaxStatisticsValueBytes + 1, 'z'));
  EXPECT_FALSE(stats.has_min_max());
}

TEST(StatisticsTest, DoublesIgnoreNanAndNormaliseZeros) {
  StatisticsBuilder stats(FieldType{TypeId::kDouble});
  stats.AddDouble(std::nan(""));
  EXPECT_FALSE(stats.has_min_max());
  stats.AddDouble(0.0);
  stats.AddDouble(-0.0);
  ASSERT_TRUE(stats.has_min_max());
  EXPECT_EQ(stats.EncodedMin(), DoubleBytes(-0.0));
  EXPECT_EQ(stats.EncodedMax(), DoubleBytes(0.0));
  stats.AddDouble(-std::numeric_limits<double>::infinity());
  stats.AddDouble(2.5);
  EXPECT_EQ(stats.EncodedMin(), DoubleBytes(-std::numeric_limits<double>::infinity()));
  EXPECT_EQ(stats.EncodedMax(), DoubleBytes(2.5));
}

TEST(StatisticsTest, FloatsEncodeAsFourBytes) {
  StatisticsBuilder stats(FieldType{TypeId::kFloat});
  stats.AddFloat(1.5f);
  stats.AddFloat(-0.25f);
  std::string min, max;
  AppendPlainFloat(-0.25f, &min);
  AppendPlainFloat(1.5f, &max);
  EXPECT_EQ(stats.EncodedMin(), min);
  EXPECT_EQ(stats.EncodedMax(), max);
}

TEST(StatisticsTest, DecimalsCompareSignedInEveryPhysicalWidth) {
  StatisticsBuilder narrow(FieldType{TypeId::kDecimal, 9, 2});
  narrow.AddDecimal(-12345);
  narrow.AddDecimal(99);
  EXPECT_EQ(narrow.EncodedMin(), Int32Bytes(-12345));
  EXPECT_EQ(narrow.EncodedMax(), Int32Bytes(99));

  StatisticsBuilder medium(FieldType{TypeId::kDecimal, 18, 4});
  medium.AddDecimal(-1);
  medium.AddDecimal(-999'999'999'999LL);
  EXPECT_EQ(medium.EncodedMin(), Int64Bytes(-999'999'999'999LL));
  EXPECT_EQ(medium.EncodedMax(), Int64Bytes(-1));

  StatisticsBuilder wide(FieldType{TypeId::kDecimal, 20, 0});
  wide.AddDecimal(-1);
  wide.AddDecimal(1);
  std::string min, max;
  AppendBigEndianDecimal(-1, 9, &min);
  AppendBigEndianDecimal(1, 9, &max);
  EXPECT_EQ(wide.EncodedMin(), min);
  EXPECT_EQ(wide.EncodedMax(), max);
}

TEST(StatisticsTest, BooleansOrderFalseBeforeTrue) {
  StatisticsBuilder stats(FieldType{TypeId::kBoolean});
  stats.AddBool(true);
  stats.AddBool(false);
  EXPECT_EQ(stats.EncodedMin(), std::string(1, '\0'));
  EXPECT_EQ(stats.EncodedMax(), std::string(1, '\1'));
}

TEST(StatisticsTest, ClearForgetsEverything) {
  StatisticsBuilder stats(FieldType{TypeId::kDate});
  stats.AddInt32(1);
  stats.AddNull();
  stats.Clear();
  EXPECT_FALSE(stats.has_min_max());
  EXPECT_EQ(stats.null_count(), 0);
}

}  // namespace
}  // namespace mesh::format::parquet
