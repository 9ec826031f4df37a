#include "format/batch.h"

#include <gtest/gtest.h>

namespace mesh::format {
namespace {

FieldType Type(TypeId id, int precision = 0, int scale = 0) {
  FieldType type;
  type.id = id;
  type.precision = precision;
  type.scale = scale;
  return type;
}

TEST(BatchColumnTest, AppendsValuesAndNullsWithValidity) {
  Column column(Type(TypeId::kInt64));
  column.AppendInt64(7);
  column.AppendNull();
  column.AppendInt64(-3);
  ASSERT_EQ(column.size(), 3u);
  EXPECT_EQ(column.null_count(), 1u);
  EXPECT_TRUE(column.IsValid(0));
  EXPECT_FALSE(column.IsValid(1));
  EXPECT_TRUE(column.IsValid(2));
  EXPECT_EQ(column.GetInt64(0), 7);
  EXPECT_EQ(column.GetInt64(1), 0);
  EXPECT_EQ(column.GetInt64(2), -3);
  EXPECT_EQ(column.i64().size(), 3u);
}

TEST(BatchColumnTest, ValidityBitmapSpansWords) {
  Column column(Type(TypeId::kBoolean));
  for (int i = 0; i < 200; ++i) {
    if (i % 3 == 0) {
      column.AppendNull();
    } else {
      column.AppendBool(i % 2 == 0);
    }
  }
  ASSERT_EQ(column.size(), 200u);
  EXPECT_EQ(column.validity().size(), 4u);
  EXPECT_EQ(column.null_count(), 67u);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(column.IsValid(i), i % 3 != 0) << i;
    if (i % 3 != 0) {
      EXPECT_EQ(column.GetBool(i), i % 2 == 0) << i;
    }
  }
}

TEST(BatchColumnTest, StringsUseOffsetsIntoBytes) {
  Column column(Type(TypeId::kString));
  column.AppendBytes("héllo");
  column.AppendNull();
  column.AppendBytes("");
  column.AppendBytes("x");
  ASSERT_EQ(column.size(), 4u);
  EXPECT_EQ(column.GetBytes(0), "héllo");
  EXPECT_EQ(column.GetBytes(1), "");
  EXPECT_FALSE(column.IsValid(1));
  EXPECT_TRUE(column.IsValid(2));
  EXPECT_EQ(column.GetBytes(2), "");
  EXPECT_EQ(column.GetBytes(3), "x");
  EXPECT_EQ(column.offsets().size(), 5u);
  EXPECT_EQ(column.bytes(), "héllox");
}

TEST(BatchColumnTest, EachTypeStoresInItsVector) {
  Column date(Type(TypeId::kDate));
  date.AppendInt32(20000);
  date.AppendNull();
  EXPECT_EQ(date.i32().size(), 2u);
  Column ts(Type(TypeId::kTimestamp));
  ts.AppendNull();
  ts.AppendInt64(5);
  EXPECT_EQ(ts.i64().size(), 2u);
  Column f(Type(TypeId::kFloat));
  f.AppendFloat(1.5f);
  f.AppendNull();
  EXPECT_EQ(f.f32().size(), 2u);
  EXPECT_EQ(f.GetFloat(0), 1.5f);
  Column d(Type(TypeId::kDouble));
  d.AppendNull();
  d.AppendDouble(2.25);
  EXPECT_EQ(d.f64().size(), 2u);
  EXPECT_EQ(d.GetDouble(1), 2.25);
  Column dec(Type(TypeId::kDecimal, 38, 2));
  const int128 big = static_cast<int128>(1) << 100;
  dec.AppendDecimal(big);
  dec.AppendNull();
  EXPECT_EQ(dec.d128().size(), 2u);
  EXPECT_TRUE(dec.GetDecimal(0) == big);
  Column bin(Type(TypeId::kBinary));
  bin.AppendBytes(std::string_view("\0\1", 2));
  EXPECT_EQ(bin.GetBytes(0).size(), 2u);
}

TEST(BatchColumnTest, ClearKeepsTypeAndEmptiesEverything) {
  Column column(Type(TypeId::kString));
  column.Reserve(100);
  column.AppendBytes("abc");
  column.AppendNull();
  column.Clear();
  EXPECT_EQ(column.size(), 0u);
  EXPECT_EQ(column.null_count(), 0u);
  EXPECT_EQ(column.type().id, TypeId::kString);
  EXPECT_TRUE(column.validity().empty());
  EXPECT_EQ(column.offsets().size(), 1u);
  column.AppendBytes("z");
  EXPECT_EQ(column.GetBytes(0), "z");
  EXPECT_TRUE(column.IsValid(0));
}

TEST(BatchColumnTest, ClearResetsValidityBits) {
  Column column(Type(TypeId::kInt32));
  column.AppendInt32(1);
  column.Clear();
  column.AppendNull();
  EXPECT_FALSE(column.IsValid(0));
  EXPECT_EQ(column.null_count(), 1u);
}

}  // namespace
}  // namespace mesh::format
