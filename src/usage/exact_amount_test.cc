#include "usage/exact_amount.h"

#include <gtest/gtest.h>

namespace mesh::usage {
namespace {

TEST(UsageExactAmount, PrintsWideIntegersAndScaledDecimals) {
  EXPECT_EQ(WideToString(0), "0");
  EXPECT_EQ(WideToString(-12), "-12");
  EXPECT_EQ(WideToString(PowerOfTen(30)), "1000000000000000000000000000000");
  EXPECT_EQ(FormatScaled(1234, 2), "12.34");
  EXPECT_EQ(FormatScaled(5, 3), "0.005");
  EXPECT_EQ(FormatScaled(7, 0), "7");
  EXPECT_EQ(FormatScaled(-5, 2), "-0.05");
  EXPECT_EQ(FormatScaled(100, 2), "1.00");
}

TEST(UsageExactAmount, ParsesDecimalsExactlyAndRefusesOtherForms) {
  EXPECT_EQ(ParseScaledDecimal("0.023", 6), 23000);
  EXPECT_EQ(ParseScaledDecimal("12", 6), 12000000);
  EXPECT_EQ(ParseScaledDecimal("0.000001", 6), 1);
  EXPECT_EQ(ParseScaledDecimal("0.1", 2), 10);
  for (const char* bad :
       {"", "-1", "+1", "1e3", "1.", ".5", "0.0000001", "1,5", " 1", "abc", "10000000000"}) {
    EXPECT_FALSE(ParseScaledDecimal(bad, 6).has_value()) << bad;
  }
}

TEST(UsageExactAmount, RoundsHalvesAwayFromZero) {
  EXPECT_EQ(RoundedDivide(5, 2), 3);
  EXPECT_EQ(RoundedDivide(4, 3), 1);
  EXPECT_EQ(RoundedDivide(-5, 2), -3);
  EXPECT_EQ(RoundedDivide(0, 7), 0);
}

TEST(UsageExactAmount, MultiplyDivideIsExactBeyondOneHundredTwentyEightBits) {
  // (10^30 × 10^20) / 10^25 = 10^25, though the product needs 166 bits.
  auto result = MultiplyDivide(PowerOfTen(30), PowerOfTen(20), PowerOfTen(25));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(WideToString(result->quotient), WideToString(PowerOfTen(25)));
  EXPECT_EQ(result->remainder, 0);
  // 7 × 10 / 4 = 17 remainder 2.
  result = MultiplyDivide(7, 10, 4);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->quotient, 17);
  EXPECT_EQ(result->remainder, 2);
  EXPECT_EQ(MultiplyDivideRounded(7, 10, 4), 18);
  EXPECT_EQ(MultiplyDivideRounded(1, 1, 3), 0);
  // A quotient that does not fit is refused, not wrapped.
  EXPECT_FALSE(MultiplyDivide(PowerOfTen(30), PowerOfTen(30), 1).has_value());
  EXPECT_FALSE(MultiplyDivide(1, 1, 0).has_value());
}

}  // namespace
}  // namespace mesh::usage
