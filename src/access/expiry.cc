#include "access/expiry.h"

#include <charconv>

namespace mesh::access {

Result<Timestamp> ParseSince(const std::string& text, const std::string& what) {
  if (std::optional<int32_t> day = ParseDate(text)) {
    return Timestamp{int64_t{*day} * kMicrosPerDay};
  }
  if (std::optional<Timestamp> at = ParseTimestamp(text)) return *at;
  return Status::InvalidArgument(what + " '" + text +
                                 "': give a date (2026-11-20) or an instant "
                                 "(2026-11-20T08:00:00Z)");
}

Result<Timestamp> ParseExpiry(const std::string& text, Timestamp now, const std::string& what) {
  if (text.size() >= 2) {
    const char unit = text.back();
    const int64_t per_unit = unit == 'd'   ? kMicrosPerDay
                             : unit == 'h' ? kMicrosPerHour
                             : unit == 'm' ? 60 * kMicrosPerSecond
                                           : 0;
    int64_t count = 0;
    const char* end = text.data() + text.size() - 1;
    auto [ptr, error] = std::from_chars(text.data(), end, count);
    if (per_unit > 0 && error == std::errc() && ptr == end && count > 0 &&
        count < 100 * 366 * kMicrosPerDay / per_unit) {
      return Timestamp{now.micros + count * per_unit};
    }
  }
  Result<Timestamp> at = ParseSince(text, what);
  if (at.ok()) return at;
  return Status::InvalidArgument(what + " '" + text +
                                 "': give a duration (90d, 12h, 30m), a date (2027-03-31) or an "
                                 "instant (2027-03-31T00:00:00Z)");
}

}  // namespace mesh::access
