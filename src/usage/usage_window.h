// UsageWindow: the days a usage report covers, from `from` to `to` inclusive, as whole UTC days
// (docs/usage.md "Metering"). A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"

namespace mesh::usage {

struct UsageWindow {
  int32_t from_day = 0;  // days since 1970-01-01
  int32_t to_day = 0;    // inclusive

  Timestamp Begin() const { return Timestamp{int64_t{from_day} * kMicrosPerDay}; }
  Timestamp End() const { return Timestamp{(int64_t{to_day} + 1) * kMicrosPerDay}; }  // exclusive
  int32_t Days() const { return to_day - from_day + 1; }

  // From "YYYY-MM-DD" texts; InvalidArgument names the bad flag and value, or says that `to`
  // lies before `from`.
  static Result<UsageWindow> Parse(std::string_view from, std::string_view to);
};

}  // namespace mesh::usage
