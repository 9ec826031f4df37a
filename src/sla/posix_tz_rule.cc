#include "sla/posix_tz_rule.h"

#include <algorithm>
#include <cctype>

#include "base/time.h"

namespace mesh::sla {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Reads the TZ string left to right; every failure names the position.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }

  Status Error(std::string_view what) const {
    return Status::InvalidArgument("time zone rule '" + std::string(text_) + "' at position " +
                                   std::to_string(pos_ + 1) + ": " + std::string(what));
  }

  Result<std::string> Name() {
    size_t start = pos_;
    if (Take('<')) {
      while (!AtEnd() && Peek() != '>') ++pos_;
      if (!Take('>')) return Error("a quoted zone name lacks its closing '>'");
      return std::string(text_.substr(start + 1, pos_ - start - 2));
    }
    while (std::isalpha(static_cast<unsigned char>(Peek()))) ++pos_;
    if (pos_ - start < 3) return Error("expected a zone name of at least three letters");
    return std::string(text_.substr(start, pos_ - start));
  }

  Result<int> Number(int max) {
    if (!std::isdigit(static_cast<unsigned char>(Peek()))) return Error("expected a number");
    int value = 0;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) {
      value = value * 10 + (text_[pos_++] - '0');
      if (value > max) return Error("number out of range (at most " + std::to_string(max) + ")");
    }
    return value;
  }

  // [+-]hh[:mm[:ss]] in seconds, sign applied.
  Result<int64_t> Duration(int max_hours) {
    int64_t sign = 1;
    if (Take('-')) {
      sign = -1;
    } else {
      Take('+');
    }
    ASSIGN_OR_RAISE(int hours, Number(max_hours));
    int minutes = 0, seconds = 0;
    if (Take(':')) {
      ASSIGN_OR_RAISE(minutes, Number(59));
      if (Take(':')) {
        ASSIGN_OR_RAISE(seconds, Number(59));
      }
    }
    return sign * (int64_t{hours} * 3600 + minutes * 60 + seconds);
  }

  Result<PosixTransitionRule> Transition() {
    PosixTransitionRule rule;
    if (Take('J')) {
      rule.form = PosixTransitionRule::Form::kJulianNoLeap;
      ASSIGN_OR_RAISE(rule.day, Number(365));
      if (rule.day < 1) return Error("Jn counts days from 1");
    } else if (Take('M')) {
      rule.form = PosixTransitionRule::Form::kMonthWeekDay;
      ASSIGN_OR_RAISE(rule.month, Number(12));
      if (!Take('.')) return Error("expected '.' in Mm.w.d");
      ASSIGN_OR_RAISE(rule.week, Number(5));
      if (!Take('.')) return Error("expected '.' in Mm.w.d");
      ASSIGN_OR_RAISE(rule.weekday, Number(6));
      if (rule.month < 1 || rule.week < 1) return Error("Mm.w.d counts months and weeks from 1");
    } else {
      rule.form = PosixTransitionRule::Form::kZeroBasedDay;
      ASSIGN_OR_RAISE(rule.day, Number(365));
    }
    if (Take('/')) {
      ASSIGN_OR_RAISE(rule.seconds_of_day, Duration(167));
    }
    return rule;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// Days since the epoch of the rule's date in `year`.
int64_t RuleDay(const PosixTransitionRule& rule, int year) {
  int64_t new_year = DaysFromCivil(year, 1, 1);
  switch (rule.form) {
    case PosixTransitionRule::Form::kJulianNoLeap:
      return new_year + rule.day - 1 + (IsLeap(year) && rule.day >= 60 ? 1 : 0);
    case PosixTransitionRule::Form::kZeroBasedDay:
      return new_year + rule.day;
    case PosixTransitionRule::Form::kMonthWeekDay:
      break;
  }
  int64_t first = DaysFromCivil(year, static_cast<unsigned>(rule.month), 1);
  int64_t first_weekday = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
  int64_t day = first + (rule.weekday - first_weekday + 7) % 7 + 7 * (rule.week - 1);
  int next_year = rule.month == 12 ? year + 1 : year;
  unsigned next_month = rule.month == 12 ? 1u : static_cast<unsigned>(rule.month + 1);
  int64_t month_end = DaysFromCivil(next_year, next_month, 1);
  while (day >= month_end) day -= 7;
  return day;
}

}  // namespace

Result<PosixTzRule> PosixTzRule::Parse(std::string_view text) {
  Cursor cursor(text);
  PosixTzRule rule;
  ASSIGN_OR_RAISE(rule.standard_name, cursor.Name());
  ASSIGN_OR_RAISE(int64_t standard_west, cursor.Duration(24));
  rule.standard_offset = -standard_west;
  if (cursor.AtEnd()) return rule;
  ASSIGN_OR_RAISE(std::string daylight_name, cursor.Name());
  rule.daylight_name = daylight_name;
  rule.daylight_offset = rule.standard_offset + 3600;
  if (!cursor.AtEnd() && cursor.Peek() != ',') {
    ASSIGN_OR_RAISE(int64_t daylight_west, cursor.Duration(24));
    rule.daylight_offset = -daylight_west;
  }
  if (cursor.AtEnd()) {  // POSIX leaves the default to the implementation; tz uses the US rule
    rule.daylight_start = {PosixTransitionRule::Form::kMonthWeekDay, 0, 3, 2, 0, 7200};
    rule.daylight_end = {PosixTransitionRule::Form::kMonthWeekDay, 0, 11, 1, 0, 7200};
    return rule;
  }
  if (!cursor.Take(',')) return cursor.Error("expected ',' before the daylight saving rules");
  ASSIGN_OR_RAISE(rule.daylight_start, cursor.Transition());
  if (!cursor.Take(',')) return cursor.Error("expected ',' before the end of daylight saving");
  ASSIGN_OR_RAISE(rule.daylight_end, cursor.Transition());
  if (!cursor.AtEnd()) return cursor.Error("unexpected text after the rules");
  return rule;
}

std::optional<PosixTzRule::YearTransitions> PosixTzRule::TransitionsIn(int year) const {
  if (!daylight_name) return std::nullopt;
  YearTransitions out;
  out.daylight_starts = RuleDay(daylight_start, year) * kSecondsPerDay +
                        daylight_start.seconds_of_day - standard_offset;
  out.daylight_ends =
      RuleDay(daylight_end, year) * kSecondsPerDay + daylight_end.seconds_of_day - daylight_offset;
  return out;
}

bool PosixTzRule::IsDaylightAt(int64_t utc_seconds) const {
  if (!daylight_name) return false;
  int year = 0;
  unsigned month = 0, day = 0;
  CivilFromDays(static_cast<int32_t>(FloorDiv(utc_seconds, kSecondsPerDay)), &year, &month, &day);
  // The latest transition at or before the instant decides; neighbouring years matter for
  // rules near the turn of the year (permanent daylight saving is written "J1/0,J365/25").
  std::optional<int64_t> latest;
  bool daylight = false;
  for (int y = year - 1; y <= year + 1; ++y) {
    YearTransitions t = *TransitionsIn(y);
    for (auto [at, is_daylight] : {std::pair{t.daylight_starts, true}, {t.daylight_ends, false}}) {
      if (at <= utc_seconds && (!latest || at >= *latest)) {
        latest = at;
        daylight = is_daylight;
      }
    }
  }
  return daylight;
}

int64_t PosixTzRule::OffsetAt(int64_t utc_seconds) const {
  return IsDaylightAt(utc_seconds) ? daylight_offset : standard_offset;
}

}  // namespace mesh::sla
