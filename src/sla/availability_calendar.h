// AvailabilityCalendar: the deadlines of an `sla.availability` (data-product.md "Service
// levels") in the product's IANA zone. Each deadline closes one period; the period runs from
// the previous deadline (exclusive) to this one (inclusive).
//
// Deadlines across daylight saving changes (docs/sla.md "Daylight saving time"):
//  - "HH:MM daily|weekdays|weekly on <day>": exactly one deadline per qualifying local day.
//    When HH:MM does not exist that day (skipped by a spring-forward gap) the deadline is the
//    time shifted forward by the gap (02:30 in Berlin on the last Sunday of March → 03:30
//    CEST, the same instant 02:30 would be in the old offset). When HH:MM occurs twice (a
//    fall-back fold) the deadline is its first occurrence. No period is ever dropped or doubled.
//  - "hourly at :MM": a deadline at every instant the wall clock shows minute MM, so a
//    fall-back day has 25 hourly deadlines and a spring-forward day 23 (the clock shows each
//    repeated :MM twice and never shows the skipped ones).
// Immutable; safe for concurrent use.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/time.h"
#include "model/descriptor.h"
#include "sla/time_zone.h"

namespace mesh::sla {

struct Deadline {
  enum class Adjustment { kNone, kShiftedOutOfGap, kFirstOfRepeated, kSecondOfRepeated };
  Timestamp at;
  int32_t local_day = 0;  // the local calendar day the deadline belongs to
  Adjustment adjustment = Adjustment::kNone;
  // The period's name: the local date ("2026-03-29") for daily, weekday and weekly cadences;
  // the local time with its offset for hourly ones ("2026-11-01T01:30:00-04:00").
  std::string period;
};

std::string_view AdjustmentName(
    Deadline::Adjustment adjustment);  // "none", "shifted_out_of_gap", ...

class AvailabilityCalendar {
 public:
  AvailabilityCalendar(Availability availability, std::shared_ptr<const TimeZone> zone)
      : availability_(availability), zone_(std::move(zone)) {}

  // Deadlines d with from < d <= to, ascending.
  std::vector<Deadline> DeadlinesBetween(Timestamp from, Timestamp to) const;
  // The first deadline after `t`.
  Deadline NextAfter(Timestamp t) const;
  // The last deadline at or before `t`.
  Deadline LastAtOrBefore(Timestamp t) const;

  const Availability& availability() const { return availability_; }
  const TimeZone& zone() const { return *zone_; }

 private:
  // The deadlines belonging to one local day (0, 1, or for hourly up to 25).
  void AppendDeadlinesOfDay(int32_t local_day, std::vector<Deadline>* out) const;
  bool Qualifies(int32_t local_day) const;
  // How far (days) to look for the next or previous deadline: one cadence plus slack.
  int SearchDays() const;

  Availability availability_;
  std::shared_ptr<const TimeZone> zone_;
};

// Monday = 0 .. Sunday = 6 of a day counted from 1970-01-01 (a Thursday).
int WeekdayOf(int32_t day);

}  // namespace mesh::sla
