#include "base/time.h"

#include <cstdio>

namespace mesh {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned DaysInMonth(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` decimal digits at text[*pos]; advances *pos.
bool ReadDigits(std::string_view text, size_t* pos, int count, int* out) {
  if (*pos + static_cast<size_t>(count) > text.size()) return false;
  int value = 0;
  for (int i = 0; i < count; ++i) {
    char c = text[*pos + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *pos += static_cast<size_t>(count);
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

// Parses "YYYY-MM-DD" at *pos.
bool ReadDate(std::string_view text, size_t* pos, int32_t* days) {
  int year, month, day;
  if (!ReadDigits(text, pos, 4, &year) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, &month) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, &day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month))) {
    return false;
  }
  *days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

}  // namespace

// Howard Hinnant's days_from_civil.
int32_t DaysFromCivil(int year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t days, int* year, unsigned* month, unsigned* day) {
  int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(y + (*month <= 2));
}

std::optional<int32_t> ParseDate(std::string_view text) {
  size_t pos = 0;
  int32_t days;
  if (!ReadDate(text, &pos, &days) || pos != text.size()) return std::nullopt;
  return days;
}

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  size_t pos = 0;
  int32_t days;
  if (!ReadDate(text, &pos, &days)) return std::nullopt;
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) {
    return std::nullopt;
  }
  ++pos;
  int hour, minute, second = 0;
  if (!ReadDigits(text, &pos, 2, &hour) || !Expect(text, &pos, ':') ||
      !ReadDigits(text, &pos, 2, &minute)) {
    return std::nullopt;
  }
  int64_t micros_of_second = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadDigits(text, &pos, 2, &second)) return std::nullopt;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      int digits = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (digits < 6) micros_of_second = micros_of_second * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0 || digits > 9) return std::nullopt;
      for (int i = digits; i < 6; ++i) micros_of_second *= 10;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  if (pos >= text.size()) return std::nullopt;  // the zone is required
  int64_t offset_minutes = 0;
  char zone = text[pos++];
  if (zone == 'Z' || zone == 'z') {
    // UTC
  } else if (zone == '+' || zone == '-') {
    int oh, om;
    if (!ReadDigits(text, &pos, 2, &oh)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (!ReadDigits(text, &pos, 2, &om) || oh > 23 || om > 59) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (zone == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  int64_t seconds =
      static_cast<int64_t>(days) * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return Timestamp{seconds * kMicrosPerSecond + micros_of_second};
}

std::string FormatDate(int32_t days) {
  int year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

std::string FormatTimestamp(Timestamp ts) {
  int64_t micros = ts.micros;
  int64_t days =
      micros >= 0 ? micros / kMicrosPerDay : -((-micros + kMicrosPerDay - 1) / kMicrosPerDay);
  int64_t rest = micros - days * kMicrosPerDay;
  int64_t secs = rest / kMicrosPerSecond;
  int64_t frac = rest % kMicrosPerSecond;
  char buf[64];
  std::string date = FormatDate(static_cast<int32_t>(days));
  if (frac == 0) {
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lldZ", date.c_str(),
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%06lldZ", date.c_str(),
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60), static_cast<long long>(frac));
  }
  return buf;
}

}  // namespace mesh
