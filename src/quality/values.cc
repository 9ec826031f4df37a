#include "quality/values.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "base/time.h"

namespace mesh::quality {
namespace {

using uint128 = unsigned __int128;

constexpr uint128 TenTo38() {
  uint128 value = 1;
  for (int i = 0; i < 38; ++i) value *= 10;
  return value;
}

struct NumberText {
  bool negative = false;
  std::string digits;    // integer and fraction digits, leading zeros kept
  int64_t exponent = 0;  // value = digits × 10^exponent
};

std::optional<NumberText> SplitNumber(std::string_view text) {
  NumberText number;
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) number.negative = text[i++] == '-';
  size_t integer_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    number.digits.push_back(text[i++]);
    ++integer_digits;
  }
  size_t fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      number.digits.push_back(text[i++]);
      ++fraction_digits;
    }
  }
  if (integer_digits + fraction_digits == 0) return std::nullopt;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative_exponent = text[i++] == '-';
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && exponent < 100000) {
      exponent = exponent * 10 + (text[i++] - '0');
    }
    if (i == start) return std::nullopt;
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  number.exponent = exponent - static_cast<int64_t>(fraction_digits);
  return number;
}

}  // namespace

std::optional<int128> ParseScaledDecimal(std::string_view text, int scale, Rounding rounding) {
  std::optional<NumberText> number = SplitNumber(text);
  if (!number) return std::nullopt;
  const int64_t shift = number->exponent + scale;
  const int64_t length = static_cast<int64_t>(number->digits.size());
  const int64_t kept = shift >= 0 ? length : std::max<int64_t>(0, length + shift);
  uint128 magnitude = 0;
  for (int64_t i = 0; i < kept; ++i) {
    magnitude = magnitude * 10 + static_cast<unsigned>(number->digits[i] - '0');
    if (magnitude > TenTo38()) return std::nullopt;
  }
  bool remainder = false;
  for (int64_t i = kept; i < length; ++i) remainder |= number->digits[i] != '0';
  for (int64_t i = 0; i < shift; ++i) {
    if (magnitude == 0) break;
    magnitude *= 10;
    if (magnitude > TenTo38()) return std::nullopt;
  }
  if (remainder) {
    if (rounding == Rounding::kExact) return std::nullopt;
    const bool away_from_zero = (rounding == Rounding::kCeil) != number->negative;
    if (away_from_zero) ++magnitude;
  }
  const int128 value = static_cast<int128>(magnitude);
  return number->negative ? -value : value;
}

std::optional<int64_t> LiteralToInt64(const Literal& literal, Rounding rounding) {
  if (literal.kind == Literal::Kind::kBool) return std::nullopt;
  std::optional<int128> value = ParseScaledDecimal(literal.text, 0, rounding);
  if (!value) return std::nullopt;
  if (*value > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  if (*value < std::numeric_limits<int64_t>::min()) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(*value);
}

std::optional<double> LiteralToDouble(const Literal& literal) {
  if (literal.kind == Literal::Kind::kBool) return std::nullopt;
  if (!SplitNumber(literal.text)) return std::nullopt;
  double value = 0;
  const char* begin = literal.text.data();
  const char* end = begin + literal.text.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<int32_t> LiteralToDate(const Literal& literal) {
  if (literal.kind != Literal::Kind::kString) return std::nullopt;
  return ParseDate(literal.text);
}

std::optional<int64_t> LiteralToTimestampMicros(const Literal& literal) {
  if (literal.kind != Literal::Kind::kString) return std::nullopt;
  if (std::optional<Timestamp> ts = ParseTimestamp(literal.text)) return ts->micros;
  if (std::optional<int32_t> days = ParseDate(literal.text)) return int64_t{*days} * kMicrosPerDay;
  return std::nullopt;
}

std::optional<bool> LiteralToBool(const Literal& literal) {
  if (literal.text == "true") return true;
  if (literal.text == "false") return false;
  return std::nullopt;
}

std::string FormatDouble(double value) {
  char buffer[64];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (ec != std::errc()) return "?";
  return std::string(buffer, ptr);
}

std::string FormatDecimal(int128 unscaled, int scale) {
  const bool negative = unscaled < 0;
  uint128 magnitude = negative ? -static_cast<uint128>(unscaled) : static_cast<uint128>(unscaled);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  while (static_cast<int>(digits.size()) <= scale) digits.push_back('0');
  std::string text = negative ? "-" : "";
  for (size_t i = digits.size(); i-- > 0;) {
    text.push_back(digits[i]);
    if (scale > 0 && i == static_cast<size_t>(scale)) text.push_back('.');
  }
  return text;
}

}  // namespace mesh::quality
