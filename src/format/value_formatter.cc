#include "format/value_formatter.h"

#include <charconv>
#include <cmath>

#include "base/time.h"

namespace mesh::format {
namespace {

constexpr int64_t kDaysPerYear0To9999Start = -719528;  // 0000-01-01
constexpr int64_t kDaysAfter9999 = 2932897;            // 10000-01-01

bool DayInRange(int64_t days) { return days >= kDaysPerYear0To9999Start && days < kDaysAfter9999; }

void AppendTwoDigits(unsigned value, std::string* out) {
  out->push_back(static_cast<char>('0' + value / 10));
  out->push_back(static_cast<char>('0' + value % 10));
}

void AppendCivilDate(int32_t days, std::string* out) {
  int year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  const auto y = static_cast<unsigned>(year);
  out->push_back(static_cast<char>('0' + y / 1000));
  out->push_back(static_cast<char>('0' + y / 100 % 10));
  AppendTwoDigits(y % 100, out);
  out->push_back('-');
  AppendTwoDigits(month, out);
  out->push_back('-');
  AppendTwoDigits(day, out);
}

template <typename Number>
void AppendNumber(Number value, std::string* out) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, result.ptr);
}

}  // namespace

void AppendDecimalText(int128 unscaled, int scale, std::string* out) {
  const bool negative = unscaled < 0;
  // Digits least significant first; the magnitude of int128's minimum still fits unsigned.
  auto magnitude =
      negative ? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(unscaled)
               : static_cast<unsigned __int128>(unscaled);
  char digits[48];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (count <= scale) digits[count++] = '0';  // at least one integer digit
  if (negative) out->push_back('-');
  for (int i = count - 1; i >= 0; --i) {
    if (i == scale - 1) out->push_back('.');
    out->push_back(digits[i]);
  }
}

FormatError AppendDateText(int32_t days, std::string* out) {
  if (!DayInRange(days)) return FormatError::kYearOutOfRange;
  AppendCivilDate(days, out);
  return FormatError::kNone;
}

FormatError AppendTimestampText(int64_t micros, std::string* out) {
  int64_t days = micros / kMicrosPerDay;
  int64_t rest = micros % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  if (!DayInRange(days)) return FormatError::kYearOutOfRange;
  AppendCivilDate(static_cast<int32_t>(days), out);
  const auto seconds = static_cast<unsigned>(rest / kMicrosPerSecond);
  const auto fraction = static_cast<unsigned>(rest % kMicrosPerSecond);
  out->push_back('T');
  AppendTwoDigits(seconds / 3600, out);
  out->push_back(':');
  AppendTwoDigits(seconds / 60 % 60, out);
  out->push_back(':');
  AppendTwoDigits(seconds % 60, out);
  if (fraction != 0) {
    out->push_back('.');
    for (unsigned divisor = 100000; divisor > 0; divisor /= 10) {
      out->push_back(static_cast<char>('0' + fraction / divisor % 10));
    }
  }
  out->push_back('Z');
  return FormatError::kNone;
}

void AppendBase64(std::string_view bytes, std::string* out) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  const auto byte = [&](size_t k) {
    return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t bits = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out->push_back(kAlphabet[bits >> 18]);
    out->push_back(kAlphabet[(bits >> 12) & 63]);
    out->push_back(kAlphabet[(bits >> 6) & 63]);
    out->push_back(kAlphabet[bits & 63]);
  }
  const size_t left = bytes.size() - i;
  if (left == 0) return;
  const uint32_t bits = (byte(i) << 16) | (left == 2 ? byte(i + 1) << 8 : 0);
  out->push_back(kAlphabet[bits >> 18]);
  out->push_back(kAlphabet[(bits >> 12) & 63]);
  out->push_back(left == 2 ? kAlphabet[(bits >> 6) & 63] : '=');
  out->push_back('=');
}

FormatError AppendValueText(const Column& column, size_t row, std::string* out) {
  switch (column.type().id) {
    case TypeId::kBoolean:
      out->append(column.GetBool(row) ? "true" : "false");
      return FormatError::kNone;
    case TypeId::kInt32:
      AppendNumber(column.GetInt32(row), out);
      return FormatError::kNone;
    case TypeId::kInt64:
      AppendNumber(column.GetInt64(row), out);
      return FormatError::kNone;
    case TypeId::kFloat:
      if (!std::isfinite(column.GetFloat(row))) return FormatError::kNotFinite;
      AppendNumber(column.GetFloat(row), out);
      return FormatError::kNone;
    case TypeId::kDouble:
      if (!std::isfinite(column.GetDouble(row))) return FormatError::kNotFinite;
      AppendNumber(column.GetDouble(row), out);
      return FormatError::kNone;
    case TypeId::kDecimal:
      AppendDecimalText(column.GetDecimal(row), column.type().scale, out);
      return FormatError::kNone;
    case TypeId::kDate:
      return AppendDateText(column.GetInt32(row), out);
    case TypeId::kTimestamp:
      return AppendTimestampText(column.GetInt64(row), out);
    case TypeId::kString:
      out->append(column.GetBytes(row));
      return FormatError::kNone;
    case TypeId::kBinary:
      AppendBase64(column.GetBytes(row), out);
      return FormatError::kNone;
  }
  return FormatError::kNone;
}

std::string DescribeFormatError(FormatError error) {
  switch (error) {
    case FormatError::kNotFinite:
      return "NaN and infinity cannot be written as text (CSV, JSONL); use null or Parquet";
    case FormatError::kYearOutOfRange:
      return "the year is outside 0000..9999, which ISO-8601 text cannot hold";
    case FormatError::kNone:
      break;
  }
  return "";
}

}  // namespace mesh::format
