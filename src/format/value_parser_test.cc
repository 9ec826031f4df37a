#include "format/value_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mesh::format {
namespace {

FieldType Type(TypeId id, int precision = 0, int scale = 0) {
  FieldType type;
  type.id = id;
  type.precision = precision;
  type.scale = scale;
  return type;
}

TEST(ValueParserTest, BooleanAcceptsTrueFalseInAnyCaseOnly) {
  bool v = false;
  EXPECT_EQ(ParseBoolean("true", &v), ParseError::kNone);
  EXPECT_TRUE(v);
  EXPECT_EQ(ParseBoolean("FALSE", &v), ParseError::kNone);
  EXPECT_FALSE(v);
  EXPECT_EQ(ParseBoolean("True", &v), ParseError::kNone);
  EXPECT_TRUE(v);
  for (std::string_view bad : {"1", "0", "yes", "t", "f", " true", "true ", "", "truee"}) {
    EXPECT_EQ(ParseBoolean(bad, &v), ParseError::kSyntax) << bad;
  }
}

TEST(ValueParserTest, Int32RangeIsCheckedWithoutOverflow) {
  int32_t v = 0;
  EXPECT_EQ(ParseInt32("2147483647", &v), ParseError::kNone);
  EXPECT_EQ(v, 2147483647);
  EXPECT_EQ(ParseInt32("-2147483648", &v), ParseError::kNone);
  EXPECT_EQ(v, std::numeric_limits<int32_t>::min());
  EXPECT_EQ(ParseInt32("+12", &v), ParseError::kNone);
  EXPECT_EQ(v, 12);
  EXPECT_EQ(ParseInt32("007", &v), ParseError::kNone);
  EXPECT_EQ(v, 7);
  EXPECT_EQ(ParseInt32("2147483648", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt32("-2147483649", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt32("99999999999", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt32("99999999999999999999999999999", &v), ParseError::kOutOfRange);
  for (std::string_view bad : {"", "-", "+", "1.0", "1e3", " 1", "1 ", "0x10", "n/a", "1,000"}) {
    EXPECT_EQ(ParseInt32(bad, &v), ParseError::kSyntax) << bad;
  }
}

TEST(ValueParserTest, Int64RangeIsChecked) {
  int64_t v = 0;
  EXPECT_EQ(ParseInt64("9223372036854775807", &v), ParseError::kNone);
  EXPECT_EQ(v, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ParseInt64("-9223372036854775808", &v), ParseError::kNone);
  EXPECT_EQ(v, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ParseInt64("9223372036854775808", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt64("-9223372036854775809", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt64("18446744073709551616", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseInt64("-0", &v), ParseError::kNone);
  EXPECT_EQ(v, 0);
}

TEST(ValueParserTest, DoubleFollowsTheGrammarAndRoundsToNearest) {
  double v = 0;
  EXPECT_EQ(ParseDouble("1.5", &v), ParseError::kNone);
  EXPECT_EQ(v, 1.5);
  EXPECT_EQ(ParseDouble("-2e10", &v), ParseError::kNone);
  EXPECT_EQ(v, -2e10);
  EXPECT_EQ(ParseDouble("+.5", &v), ParseError::kNone);
  EXPECT_EQ(v, 0.5);
  EXPECT_EQ(ParseDouble("5.", &v), ParseError::kNone);
  EXPECT_EQ(v, 5.0);
  EXPECT_EQ(ParseDouble("0.1", &v), ParseError::kNone);
  EXPECT_EQ(v, 0.1);
  EXPECT_EQ(ParseDouble("1E-3", &v), ParseError::kNone);
  EXPECT_EQ(v, 0.001);
  EXPECT_EQ(ParseDouble("1e999", &v), ParseError::kOutOfRange);
  for (std::string_view bad : {"", ".", "e5", "1e", "1e+", "nan", "NaN", "inf", "-inf", "Infinity",
                               "0x1p3", "1,5", "abc", " 1", "1 ", "--1", "1.2.3"}) {
    EXPECT_EQ(ParseDouble(bad, &v), ParseError::kSyntax) << bad;
  }
}

TEST(ValueParserTest, FloatIsRoundedOnceAndRangeChecked) {
  float v = 0;
  EXPECT_EQ(ParseFloat("0.1", &v), ParseError::kNone);
  EXPECT_EQ(v, 0.1f);
  EXPECT_EQ(ParseFloat("3.4028235e38", &v), ParseError::kNone);
  EXPECT_EQ(ParseFloat("1e39", &v), ParseError::kOutOfRange);
  EXPECT_EQ(ParseFloat("nan", &v), ParseError::kSyntax);
}

TEST(ValueParserTest, DecimalChecksPrecisionAndScaleWithoutRounding) {
  int128 v = 0;
  EXPECT_EQ(ParseDecimal("12.5", 12, 2, &v), ParseError::kNone);
  EXPECT_TRUE(v == 1250);
  EXPECT_EQ(ParseDecimal("-0.01", 12, 2, &v), ParseError::kNone);
  EXPECT_TRUE(v == -1);
  EXPECT_EQ(ParseDecimal("9999999999.99", 12, 2, &v), ParseError::kNone);
  EXPECT_TRUE(v == 999999999999);
  EXPECT_EQ(ParseDecimal("0009.10", 3, 2, &v), ParseError::kNone);
  EXPECT_TRUE(v == 910);
  EXPECT_EQ(ParseDecimal("42", 5, 0, &v), ParseError::kNone);
  EXPECT_TRUE(v == 42);
  EXPECT_EQ(ParseDecimal(".5", 3, 1, &v), ParseError::kNone);
  EXPECT_TRUE(v == 5);
  EXPECT_EQ(ParseDecimal("12345678901.00", 12, 2, &v), ParseError::kIntegerDigits);
  EXPECT_EQ(ParseDecimal("1.234", 12, 2, &v), ParseError::kFractionDigits);
  EXPECT_EQ(ParseDecimal("1.500", 12, 2, &v), ParseError::kFractionDigits);
  EXPECT_EQ(ParseDecimal("12,50", 12, 2, &v), ParseError::kSyntax);
  EXPECT_EQ(ParseDecimal("1e3", 12, 2, &v), ParseError::kSyntax);
  EXPECT_EQ(ParseDecimal("", 12, 2, &v), ParseError::kSyntax);
  EXPECT_EQ(ParseDecimal("-", 12, 2, &v), ParseError::kSyntax);
  EXPECT_EQ(ParseDecimal(".", 12, 2, &v), ParseError::kSyntax);
  // 38 digits: the largest precision fits an int128.
  const std::string max38(38, '9');
  EXPECT_EQ(ParseDecimal(max38, 38, 0, &v), ParseError::kNone);
  int128 expected = 0;
  for (int i = 0; i < 38; ++i) expected = expected * 10 + 9;
  EXPECT_TRUE(v == expected);
  EXPECT_EQ(ParseDecimal("-" + max38.substr(0, 20) + "." + max38.substr(0, 18), 38, 18, &v),
            ParseError::kNone);
  EXPECT_TRUE(v == -expected);
  EXPECT_EQ(ParseDecimal(max38 + "9", 38, 0, &v), ParseError::kIntegerDigits);
}

TEST(ValueParserTest, DatesAndTimestamps) {
  int32_t days = 0;
  EXPECT_EQ(ParseDateText("1970-01-02", &days), ParseError::kNone);
  EXPECT_EQ(days, 1);
  EXPECT_EQ(ParseDateText("2024-02-30", &days), ParseError::kSyntax);
  EXPECT_EQ(ParseDateText("2024-2-3", &days), ParseError::kSyntax);
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestampText("1970-01-01T00:00:01Z", &micros), ParseError::kNone);
  EXPECT_EQ(micros, 1000000);
  EXPECT_EQ(ParseTimestampText("1970-01-01T02:00:00+02:00", &micros), ParseError::kNone);
  EXPECT_EQ(micros, 0);
  EXPECT_EQ(ParseTimestampText("2026-11-20T10:00:00", &micros), ParseError::kSyntax);
  EXPECT_EQ(ParseTimestampText("2026-13-01T00:00:00Z", &micros), ParseError::kSyntax);
}

TEST(ValueParserTest, Base64RequiresPadding) {
  std::string out;
  EXPECT_EQ(DecodeBase64("aGVsbG8=", &out), ParseError::kNone);
  EXPECT_EQ(out, "hello");
  out.clear();
  EXPECT_EQ(DecodeBase64("", &out), ParseError::kNone);
  EXPECT_EQ(out, "");
  EXPECT_EQ(DecodeBase64("AP8=", &out), ParseError::kNone);
  EXPECT_EQ(out, std::string("\x00\xff", 2));
  out.clear();
  EXPECT_EQ(DecodeBase64("aGVsbG8", &out), ParseError::kSyntax);
  EXPECT_EQ(DecodeBase64("aG=sbG8=", &out), ParseError::kSyntax);
  EXPECT_EQ(DecodeBase64("aGVs bG8=", &out), ParseError::kSyntax);
  EXPECT_EQ(DecodeBase64("a===", &out), ParseError::kSyntax);
  EXPECT_EQ(out, "");
}

TEST(ValueParserTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("josé.garcía 日本 🚀"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("ab\xc3"));            // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST(ValueParserTest, TruncateRawKeepsUtf8AndEscapesBadBytes) {
  EXPECT_EQ(TruncateRaw("abc"), "abc");
  EXPECT_EQ(TruncateRaw("a\xff"), "a\\xff");
  const std::string long_text(300, 'x');
  const std::string cut = TruncateRaw(long_text);
  EXPECT_EQ(cut.size(), 203u);
  EXPECT_EQ(cut.substr(200), "...");
  std::string accents;
  for (int i = 0; i < 150; ++i) accents += "é";
  const std::string cut_accents = TruncateRaw(accents);
  EXPECT_TRUE(IsValidUtf8(cut_accents));
  EXPECT_LE(cut_accents.size(), 203u);
}

TEST(ValueParserTest, AppendParsesIntoTheColumnOrAppendsNull) {
  ValueParser parser(Type(TypeId::kInt32));
  Column column(Type(TypeId::kInt32));
  EXPECT_EQ(parser.Append("5", &column), ParseError::kNone);
  EXPECT_EQ(parser.Append("x", &column), ParseError::kSyntax);
  ASSERT_EQ(column.size(), 2u);
  EXPECT_EQ(column.GetInt32(0), 5);
  EXPECT_FALSE(column.IsValid(1));

  ValueParser strings(Type(TypeId::kString));
  Column string_column(Type(TypeId::kString));
  EXPECT_EQ(strings.Append("ok", &string_column), ParseError::kNone);
  EXPECT_EQ(strings.Append("\xff", &string_column), ParseError::kInvalidUtf8);
  EXPECT_FALSE(string_column.IsValid(1));

  ValueParser binary(Type(TypeId::kBinary));
  Column binary_column(Type(TypeId::kBinary));
  EXPECT_EQ(binary.Append("AQI=", &binary_column), ParseError::kNone);
  EXPECT_EQ(binary_column.GetBytes(0), std::string("\x01\x02"));
}

TEST(ValueParserTest, DescriptionsNameTheType) {
  EXPECT_EQ(DescribeParseError(Type(TypeId::kInt32), ParseError::kOutOfRange),
            "out of the int32 range");
  EXPECT_EQ(DescribeParseError(Type(TypeId::kDecimal, 12, 2), ParseError::kIntegerDigits),
            "more than 10 integer digits for decimal(12,2)");
  EXPECT_NE(DescribeParseError(Type(TypeId::kTimestamp), ParseError::kSyntax).find("zone"),
            std::string::npos);
}

}  // namespace
}  // namespace mesh::format
