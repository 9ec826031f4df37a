#include "sla/availability_calendar.h"

#include <algorithm>

namespace mesh::sla {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t SecondsOf(Timestamp t) { return FloorDiv(t.micros, kMicrosPerSecond); }

Timestamp FromSeconds(int64_t seconds) { return Timestamp{seconds * kMicrosPerSecond}; }

}  // namespace

int WeekdayOf(int32_t day) { return static_cast<int>(((int64_t{day} + 3) % 7 + 7) % 7); }

std::string_view AdjustmentName(Deadline::Adjustment adjustment) {
  switch (adjustment) {
    case Deadline::Adjustment::kNone:
      return "none";
    case Deadline::Adjustment::kShiftedOutOfGap:
      return "shifted_out_of_gap";
    case Deadline::Adjustment::kFirstOfRepeated:
      return "first_of_repeated";
    case Deadline::Adjustment::kSecondOfRepeated:
      return "second_of_repeated";
  }
  return "none";
}

bool AvailabilityCalendar::Qualifies(int32_t local_day) const {
  switch (availability_.cadence) {
    case Availability::Cadence::kDaily:
    case Availability::Cadence::kHourly:
      return true;
    case Availability::Cadence::kWeekdays:
      return WeekdayOf(local_day) < 5;
    case Availability::Cadence::kWeekly:
      return WeekdayOf(local_day) == availability_.weekday;
  }
  return false;
}

int AvailabilityCalendar::SearchDays() const {
  switch (availability_.cadence) {
    case Availability::Cadence::kHourly:
      return 2;
    case Availability::Cadence::kDaily:
      return 3;
    case Availability::Cadence::kWeekdays:
      return 5;
    case Availability::Cadence::kWeekly:
      return 9;
  }
  return 9;
}

void AvailabilityCalendar::AppendDeadlinesOfDay(int32_t local_day,
                                                std::vector<Deadline>* out) const {
  if (!Qualifies(local_day)) return;
  bool hourly = availability_.cadence == Availability::Cadence::kHourly;
  int first_hour = hourly ? 0 : availability_.hour;
  int last_hour = hourly ? 23 : availability_.hour;
  for (int hour = first_hour; hour <= last_hour; ++hour) {
    LocalTime local{local_day, int64_t{hour} * 3600 + int64_t{availability_.minute} * 60};
    LocalResolution resolved = zone_->Resolve(local);
    auto add = [&](int64_t utc_seconds, Deadline::Adjustment adjustment) {
      Deadline deadline;
      deadline.at = FromSeconds(utc_seconds);
      deadline.local_day = local_day;
      deadline.adjustment = adjustment;
      deadline.period = hourly ? FormatLocalTimestamp(*zone_, deadline.at) : FormatDate(local_day);
      out->push_back(std::move(deadline));
    };
    switch (resolved.kind) {
      case LocalResolution::Kind::kUnique:
        add(resolved.first_utc_seconds, Deadline::Adjustment::kNone);
        break;
      case LocalResolution::Kind::kSkipped:
        if (!hourly) add(resolved.first_utc_seconds, Deadline::Adjustment::kShiftedOutOfGap);
        break;
      case LocalResolution::Kind::kRepeated:
        add(resolved.first_utc_seconds, Deadline::Adjustment::kFirstOfRepeated);
        if (hourly) add(resolved.second_utc_seconds, Deadline::Adjustment::kSecondOfRepeated);
        break;
    }
  }
}

std::vector<Deadline> AvailabilityCalendar::DeadlinesBetween(Timestamp from, Timestamp to) const {
  std::vector<Deadline> out;
  if (to <= from) return out;
  // A deadline of local day D lies within a day or so of D in UTC, and a shifted one at most
  // a gap later: one day of margin on each side finds every deadline in range.
  int32_t first_day = zone_->ToLocal(SecondsOf(from)).day - 1;
  int32_t last_day = zone_->ToLocal(SecondsOf(to)).day + 1;
  for (int32_t day = first_day; day <= last_day; ++day) {
    std::vector<Deadline> of_day;
    AppendDeadlinesOfDay(day, &of_day);
    for (Deadline& deadline : of_day) {
      if (from < deadline.at && deadline.at <= to) out.push_back(std::move(deadline));
    }
  }
  // A day skipped whole (Samoa, 2011-12-30) shifts its deadline onto the next day's: one
  // instant closes one period, named after the day whose own deadline it is.
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.at != b.at) return a.at < b.at;
    return a.adjustment == Deadline::Adjustment::kNone &&
           b.adjustment != Deadline::Adjustment::kNone;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Deadline& a, const Deadline& b) { return a.at == b.at; }),
            out.end());
  return out;
}

// Every cadence has a deadline within its search reach; the reach doubles should a zone's
// history ever skip more than that.
Deadline AvailabilityCalendar::NextAfter(Timestamp t) const {
  for (int64_t reach = int64_t{SearchDays()} * kMicrosPerDay;; reach *= 2) {
    std::vector<Deadline> ahead = DeadlinesBetween(t, Timestamp{t.micros + reach});
    if (!ahead.empty()) return ahead.front();
  }
}

Deadline AvailabilityCalendar::LastAtOrBefore(Timestamp t) const {
  for (int64_t reach = int64_t{SearchDays()} * kMicrosPerDay;; reach *= 2) {
    std::vector<Deadline> behind = DeadlinesBetween(Timestamp{t.micros - reach}, t);
    if (!behind.empty()) return behind.back();
  }
}

}  // namespace mesh::sla
