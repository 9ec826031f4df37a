// TimeZone: the rules of one IANA zone, read from its compiled TZif file (RFC 8536, versions
// 1-4) in the tz database: the listed transitions, then the POSIX rule of the footer for every
// instant after them. Converts instants to local wall-clock time and resolves a local time to
// the instants at which the wall clock shows it: none (skipped by a spring-forward gap), one,
// or two (repeated by a fall-back fold). Leap-second records ("right/" zones) are ignored.
// Immutable after loading; safe for concurrent use.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "model/timezone_database.h"
#include "sla/posix_tz_rule.h"

namespace mesh::sla {

// A wall-clock time: days since 1970-01-01 (local calendar) and seconds into that day.
struct LocalTime {
  int32_t day = 0;
  int64_t second_of_day = 0;
  int64_t Seconds() const { return int64_t{day} * 86400 + second_of_day; }
};

// How a local time maps to instants.
struct LocalResolution {
  enum class Kind { kUnique, kSkipped, kRepeated };
  Kind kind = Kind::kUnique;
  // kUnique: the instant. kRepeated: the earlier (first) occurrence. kSkipped: the instant the
  // wall clock would have shown this time under the offset before the gap (i.e. the time
  // shifted forward by the gap's length).
  int64_t first_utc_seconds = 0;
  int64_t second_utc_seconds = 0;  // kRepeated: the later occurrence; else equals first
};

class TimeZone {
 public:
  // Parses TZif bytes. `name` is used in messages. Errors say what is malformed.
  static Result<std::shared_ptr<const TimeZone>> FromTzif(std::string name, std::string_view data);
  // A zone with one fixed offset (seconds east of UTC), e.g. for "UTC".
  static std::shared_ptr<const TimeZone> Fixed(std::string name, int64_t offset_seconds);
  // The zone `name` of the system tz database (TZDIR or /usr/share/zoneinfo). NotFound names
  // the zone and says where zones come from.
  static Result<std::shared_ptr<const TimeZone>> Load(std::string_view name);
  // The zone `name` below `root` read through `fs` (tests, other databases).
  static Result<std::shared_ptr<const TimeZone>> Load(std::string_view name, FileSystem& fs,
                                                      const std::string& root);

  const std::string& name() const { return name_; }

  // Seconds east of UTC in force at the instant.
  int64_t OffsetAt(int64_t utc_seconds) const;
  LocalTime ToLocal(int64_t utc_seconds) const;
  LocalResolution Resolve(const LocalTime& local) const;

 private:
  struct Transition {
    int64_t at;  // UTC seconds
    int64_t offset_after;
  };
  TimeZone(std::string name, int64_t initial_offset, std::vector<Transition> transitions,
           std::optional<PosixTzRule> footer)
      : name_(std::move(name)),
        initial_offset_(initial_offset),
        transitions_(std::move(transitions)),
        footer_(std::move(footer)) {}

  std::string name_;
  int64_t initial_offset_;               // before the first transition
  std::vector<Transition> transitions_;  // ascending
  std::optional<PosixTzRule> footer_;    // after the last transition
};

// "2026-03-29T03:30:00+02:00": the instant in the zone's local time with its offset.
std::string FormatLocalTimestamp(const TimeZone& zone, Timestamp at);

}  // namespace mesh::sla
