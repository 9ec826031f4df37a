#include "format/value_formatter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "base/time.h"
#include "format/value_parser.h"

namespace mesh::format {
namespace {

std::string Decimal(int128 unscaled, int scale) {
  std::string out;
  AppendDecimalText(unscaled, scale, &out);
  return out;
}

std::string TimestampText(int64_t micros) {
  std::string out;
  EXPECT_EQ(AppendTimestampText(micros, &out), FormatError::kNone);
  return out;
}

TEST(ValueFormatterTest, DecimalsHaveExactlyScaleFractionDigits) {
  EXPECT_EQ(Decimal(1250, 2), "12.50");
  EXPECT_EQ(Decimal(5, 2), "0.05");
  EXPECT_EQ(Decimal(-1, 2), "-0.01");
  EXPECT_EQ(Decimal(0, 3), "0.000");
  EXPECT_EQ(Decimal(42, 0), "42");
  EXPECT_EQ(Decimal(-42, 0), "-42");
  int128 max38 = 0;
  for (int i = 0; i < 38; ++i) max38 = max38 * 10 + 9;
  EXPECT_EQ(Decimal(-max38, 10), "-" + std::string(28, '9') + "." + std::string(10, '9'));
}

TEST(ValueFormatterTest, TimestampsInUtcWithMicrosOnlyWhenSet) {
  EXPECT_EQ(TimestampText(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(TimestampText(1), "1970-01-01T00:00:00.000001Z");
  EXPECT_EQ(TimestampText(-1), "1969-12-31T23:59:59.999999Z");
  const auto parsed = ParseTimestamp("2026-11-20T07:30:00Z");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(TimestampText(parsed->micros), "2026-11-20T07:30:00Z");
  EXPECT_EQ(TimestampText(parsed->micros), FormatTimestamp(*parsed));
}

TEST(ValueFormatterTest, YearsOutsideIsoRangeAreRefused) {
  std::string out;
  EXPECT_EQ(AppendDateText(DaysFromCivil(0, 1, 1), &out), FormatError::kNone);
  EXPECT_EQ(out, "0000-01-01");
  out.clear();
  EXPECT_EQ(AppendDateText(DaysFromCivil(9999, 12, 31), &out), FormatError::kNone);
  EXPECT_EQ(out, "9999-12-31");
  EXPECT_EQ(AppendDateText(DaysFromCivil(10000, 1, 1), &out), FormatError::kYearOutOfRange);
  EXPECT_EQ(AppendDateText(DaysFromCivil(-1, 12, 31), &out), FormatError::kYearOutOfRange);
  EXPECT_EQ(AppendTimestampText(std::numeric_limits<int64_t>::max(), &out),
            FormatError::kYearOutOfRange);
}

TEST(ValueFormatterTest, Base64RoundTrips) {
  for (std::string bytes : {std::string(), std::string("a"), std::string("ab"), std::string("abc"),
                            std::string("\0\xff\x10\x80", 4)}) {
    std::string encoded;
    AppendBase64(bytes, &encoded);
    EXPECT_EQ(encoded.size() % 4, 0u);
    std::string decoded;
    EXPECT_EQ(DecodeBase64(encoded, &decoded), ParseError::kNone);
    EXPECT_EQ(decoded, bytes);
  }
  std::string out;
  AppendBase64("hello", &out);
  EXPECT_EQ(out, "aGVsbG8=");
}

TEST(ValueFormatterTest, DoublesAreShortestAndReadBackExactly) {
  Column column(FieldType{TypeId::kDouble});
  for (double v : {0.1, 1e300, -0.0, 5e-324, 123456.789, 1.0 / 3}) column.AppendDouble(v);
  for (size_t i = 0; i < column.size(); ++i) {
    std::string text;
    ASSERT_EQ(AppendValueText(column, i, &text), FormatError::kNone);
    double back = 0;
    ASSERT_EQ(ParseDouble(text, &back), ParseError::kNone) << text;
    EXPECT_EQ(std::signbit(back), std::signbit(column.GetDouble(i)));
    EXPECT_EQ(back, column.GetDouble(i)) << text;
  }
  std::string text;
  ASSERT_EQ(AppendValueText(column, 0, &text), FormatError::kNone);
  EXPECT_EQ(text, "0.1");
  column.AppendDouble(std::nan(""));
  EXPECT_EQ(AppendValueText(column, column.size() - 1, &text), FormatError::kNotFinite);
}

}  // namespace
}  // namespace mesh::format
