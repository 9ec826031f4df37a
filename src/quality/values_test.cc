#include "quality/values.h"

#include <gtest/gtest.h>

#include "quality/key_table.h"

namespace mesh::quality {
namespace {

TEST(QualityValuesTest, ScalesDecimalsExactlyOrRounds) {
  EXPECT_EQ(ParseScaledDecimal("12.50", 2, Rounding::kExact), int128{1250});
  EXPECT_EQ(ParseScaledDecimal("-3", 2, Rounding::kExact), int128{-300});
  EXPECT_EQ(ParseScaledDecimal("1e2", 0, Rounding::kExact), int128{100});
  EXPECT_EQ(ParseScaledDecimal("1.005", 2, Rounding::kExact), std::nullopt);
  EXPECT_EQ(ParseScaledDecimal("1.005", 2, Rounding::kCeil), int128{101});
  EXPECT_EQ(ParseScaledDecimal("1.005", 2, Rounding::kFloor), int128{100});
  EXPECT_EQ(ParseScaledDecimal("-1.005", 2, Rounding::kCeil), int128{-100});
  EXPECT_EQ(ParseScaledDecimal("-1.005", 2, Rounding::kFloor), int128{-101});
  EXPECT_EQ(ParseScaledDecimal("1.500", 2, Rounding::kExact), int128{150});
  EXPECT_EQ(ParseScaledDecimal("abc", 2, Rounding::kExact), std::nullopt);
  EXPECT_EQ(ParseScaledDecimal("1e40", 0, Rounding::kExact), std::nullopt);
}

TEST(QualityValuesTest, FormatsDecimalsAndDoubles) {
  EXPECT_EQ(FormatDecimal(1250, 2), "12.50");
  EXPECT_EQ(FormatDecimal(-5, 2), "-0.05");
  EXPECT_EQ(FormatDecimal(7, 0), "7");
  EXPECT_EQ(FormatDouble(0.1), "0.1");
  EXPECT_EQ(FormatDouble(-3), "-3");
}

TEST(KeyTableTest, KeepsDistinctKeysApartAndCountsOccurrences) {
  Int64KeyTable ints;
  for (int64_t i = 0; i < 5000; ++i) ints.Add(i % 2000, static_cast<uint32_t>(i + 1));
  EXPECT_EQ(ints.size(), 2000u);
  Int64KeyTable other;
  other.Add(7, 1);
  other.Add(123456789, 9);
  ints.Absorb(&other);
  EXPECT_EQ(ints.size(), 2001u);
  for (const auto& slot : ints.slots()) {
    if (slot.count == 0) continue;
    if (slot.key == 7) {
      EXPECT_EQ(slot.count, 4u);
    }
    if (slot.key == 7) {
      EXPECT_EQ(slot.first_row, 1u);
    }
    if (slot.key == 1999) {
      EXPECT_EQ(slot.count, 2u);
    }
  }
}

TEST(KeyTableTest, BytesKeysWithTheSameHashStayDistinct) {
  BytesKeyTable table;
  // Same hash forced: the table must still compare the bytes.
  table.AddCount("alpha", 42, 1, 1);
  table.AddCount("beta", 42, 1, 2);
  table.AddCount("alpha", 42, 1, 3);
  EXPECT_EQ(table.size(), 2u);
  for (const auto& slot : table.slots()) {
    if (slot.data == nullptr) continue;
    const std::string key(slot.data, slot.length);
    EXPECT_EQ(slot.count, key == "alpha" ? 2u : 1u);
  }
  BytesKeyTable more;
  for (int i = 0; i < 3000; ++i)
    more.Add("k" + std::to_string(i % 1500), static_cast<uint32_t>(i + 1));
  table.Absorb(&more);
  EXPECT_EQ(table.size(), 1502u);
}

}  // namespace
}  // namespace mesh::quality
