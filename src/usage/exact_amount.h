// Exact integer arithmetic for metering and charge-back (docs/usage.md "Charge-back
// arithmetic"): quantities and amounts are integers (bytes, byte-seconds, microseconds, micro-
// units of currency, minor units of the charged currency) held in 128 bits so that a year of
// petabytes times a price cannot overflow; decimals are parsed and printed as text, never
// through binary floating point. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mesh::usage {

using Wide = __int128;

// Decimal text of an integer ("-12", "340282366920938463463374607431768211455").
std::string WideToString(Wide value);

// `value` / 10^scale as decimal text with exactly `scale` digits after the point
// (FormatScaled(1234, 2) = "12.34", FormatScaled(5, 3) = "0.005", FormatScaled(7, 0) = "7").
std::string FormatScaled(Wide value, int scale);

// numerator / denominator rounded to the nearest integer, halves away from zero.
// denominator must be positive.
Wide RoundedDivide(Wide numerator, Wide denominator);

// floor(a × b / d) and its remainder, through a 256-bit product, for non-negative a and b and
// 0 < d < 2^126. nullopt when the quotient does not fit in 127 bits.
struct QuotientRemainder {
  Wide quotient = 0;
  Wide remainder = 0;
};
std::optional<QuotientRemainder> MultiplyDivide(Wide a, Wide b, Wide d);

// a × b / d rounded to the nearest integer, halves up (non-negative a, b; see MultiplyDivide).
std::optional<Wide> MultiplyDivideRounded(Wide a, Wide b, Wide d);

// 10^exponent for 0 <= exponent <= 30.
Wide PowerOfTen(int exponent);

// Parses a non-negative decimal "12", "0.023", "1.5" with at most `max_scale` digits after the
// point into value × 10^max_scale. nullopt for anything else (signs, exponents, spaces, more
// digits, values above 10^9).
std::optional<int64_t> ParseScaledDecimal(std::string_view text, int max_scale);

}  // namespace mesh::usage
