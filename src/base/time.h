// Time values of the data model: instants (UTC microseconds since the Unix epoch) and calendar
// dates (days since 1970-01-01), with strict ISO-8601 parsing and formatting.
// All functions are pure and thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mesh {

struct Timestamp {
  int64_t micros = 0;  // since 1970-01-01T00:00:00Z
  auto operator<=>(const Timestamp&) const = default;
};

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerHour = 3600 * kMicrosPerSecond;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

// Days since 1970-01-01 for a proleptic Gregorian date; no validation.
int32_t DaysFromCivil(int year, unsigned month, unsigned day);
// The inverse of DaysFromCivil.
void CivilFromDays(int32_t days, int* year, unsigned* month, unsigned* day);

// "YYYY-MM-DD" exactly (month and day checked against the calendar). nullopt when invalid.
std::optional<int32_t> ParseDate(std::string_view text);

// ISO-8601 instant with a zone, as data-product.md requires:
// "YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)"; ' ' accepted for 'T'; the fraction may
// have 1..9 digits (truncated to microseconds). nullopt when invalid or when the zone is missing.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// "2026-11-20T07:30:00Z", with ".ffffff" only when the microseconds are not zero.
std::string FormatTimestamp(Timestamp ts);
// "2026-11-20".
std::string FormatDate(int32_t days);

}  // namespace mesh
