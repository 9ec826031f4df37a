// PosixTzRule: the POSIX TZ string that ends a TZif file (RFC 8536 section 3.3), e.g.
// "CET-1CEST,M3.5.0,M10.5.0/3" or "<+0530>-5:30": a standard offset and, optionally, a daylight
// saving offset with the rules for when it starts and ends each year. A TimeZone uses it for
// instants after the last transition listed in the file (slim zone files list none at all).
// Supports the RFC 8536 extensions (hours -167..167 in rule times, quoted <...> names).
// A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mesh::sla {

// One moment of the year at which an offset starts: a date form and a local time of day.
struct PosixTransitionRule {
  enum class Form { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay };  // Jn, n, Mm.w.d
  Form form = Form::kMonthWeekDay;
  int day = 0;                        // Jn: 1..365 (Feb 29 never counted); n: 0..365
  int month = 0;                      // Mm.w.d: 1..12
  int week = 0;                       // 1..5 (5: the last such weekday of the month)
  int weekday = 0;                    // 0 = Sunday .. 6 = Saturday (POSIX numbering)
  int64_t seconds_of_day = 2 * 3600;  // local time (may be negative or beyond 24h)
};

struct PosixTzRule {
  std::string standard_name;
  int64_t standard_offset = 0;  // seconds east of UTC
  std::optional<std::string> daylight_name;
  int64_t daylight_offset = 0;  // seconds east of UTC, meaningful with daylight_name
  PosixTransitionRule daylight_start;
  PosixTransitionRule daylight_end;

  // Errors name the string and the position of the problem.
  static Result<PosixTzRule> Parse(std::string_view text);

  // The UTC offset (seconds east) in force at `utc_seconds`.
  int64_t OffsetAt(int64_t utc_seconds) const;
  bool IsDaylightAt(int64_t utc_seconds) const;

  // The instants (UTC seconds) of the year's daylight start and end; nullopt without daylight.
  struct YearTransitions {
    int64_t daylight_starts;
    int64_t daylight_ends;
  };
  std::optional<YearTransitions> TransitionsIn(int year) const;
};

}  // namespace mesh::sla
