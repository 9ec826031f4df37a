#include "usage/exact_amount.h"

#include <algorithm>

namespace mesh::usage {

std::string WideToString(Wide value) {
  if (value == 0) return "0";
  bool negative = value < 0;
  std::string digits;
  while (value != 0) {
    int digit = static_cast<int>(value % 10);
    digits.push_back(static_cast<char>('0' + (negative ? -digit : digit)));
    value /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string FormatScaled(Wide value, int scale) {
  bool negative = value < 0;
  std::string digits = WideToString(negative ? -value : value);
  if (scale <= 0) return (negative ? "-" : "") + digits;
  if (digits.size() <= static_cast<size_t>(scale)) {
    digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  return (negative ? "-" : "") + digits;
}

Wide RoundedDivide(Wide numerator, Wide denominator) {
  bool negative = numerator < 0;
  Wide magnitude = negative ? -numerator : numerator;
  Wide quotient = magnitude / denominator;
  Wide remainder = magnitude % denominator;
  if (remainder * 2 >= denominator) ++quotient;
  return negative ? -quotient : quotient;
}

namespace {

using Unsigned = unsigned __int128;

struct Product256 {
  Unsigned high = 0;
  Unsigned low = 0;
};

Product256 Multiply(Unsigned a, Unsigned b) {
  const Unsigned mask = ~uint64_t{0};
  Unsigned a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
  Unsigned low_low = a0 * b0;
  Unsigned cross1 = a1 * b0;
  Unsigned cross2 = a0 * b1;
  Unsigned high_high = a1 * b1;
  Unsigned middle = (low_low >> 64) + (cross1 & mask) + (cross2 & mask);
  Product256 product;
  product.low = (middle << 64) | (low_low & mask);
  product.high = high_high + (cross1 >> 64) + (cross2 >> 64) + (middle >> 64);
  return product;
}

}  // namespace

std::optional<QuotientRemainder> MultiplyDivide(Wide a, Wide b, Wide d) {
  const Unsigned limit = Unsigned{1} << 126;
  if (a < 0 || b < 0 || d <= 0 || static_cast<Unsigned>(d) >= limit) return std::nullopt;
  Product256 product = Multiply(static_cast<Unsigned>(a), static_cast<Unsigned>(b));
  const Unsigned divisor = static_cast<Unsigned>(d);
  if (product.high >= divisor) return std::nullopt;  // the quotient needs more than 128 bits
  Unsigned remainder = product.high;
  Unsigned quotient = 0;
  for (int bit = 127; bit >= 0; --bit) {
    remainder = (remainder << 1) | ((product.low >> bit) & 1);
    quotient <<= 1;
    if (remainder >= divisor) {
      remainder -= divisor;
      quotient |= 1;
    }
  }
  if (quotient >> 127) return std::nullopt;
  return QuotientRemainder{static_cast<Wide>(quotient), static_cast<Wide>(remainder)};
}

std::optional<Wide> MultiplyDivideRounded(Wide a, Wide b, Wide d) {
  std::optional<QuotientRemainder> result = MultiplyDivide(a, b, d);
  if (!result) return std::nullopt;
  return result->quotient + (result->remainder * 2 >= d ? 1 : 0);
}

Wide PowerOfTen(int exponent) {
  Wide result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

std::optional<int64_t> ParseScaledDecimal(std::string_view text, int max_scale) {
  constexpr int64_t kLargestWhole = 1'000'000'000;
  size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto all_digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
  if (fraction.size() > static_cast<size_t>(max_scale)) return std::nullopt;
  if (whole.size() > 10) return std::nullopt;
  int64_t value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  if (value > kLargestWhole) return std::nullopt;
  for (int i = 0; i < max_scale; ++i) {
    int digit = static_cast<size_t>(i) < fraction.size() ? fraction[i] - '0' : 0;
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace mesh::usage
