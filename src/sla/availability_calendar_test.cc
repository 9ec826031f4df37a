#include "sla/availability_calendar.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace mesh::sla {
namespace {

Timestamp At(const char* text) { return *ParseTimestamp(text); }

AvailabilityCalendar Calendar(const char* availability, const char* zone_name) {
  auto zone = TimeZone::Load(zone_name);
  EXPECT_TRUE(zone.ok()) << zone.status();
  return AvailabilityCalendar(*Availability::Parse(availability),
                              zone.ok() ? *zone : TimeZone::Fixed("UTC", 0));
}

std::vector<std::string> Instants(const std::vector<Deadline>& deadlines) {
  std::vector<std::string> out;
  for (const Deadline& deadline : deadlines) out.push_back(FormatTimestamp(deadline.at));
  return out;
}

TEST(AvailabilityCalendarTest, BerlinDailyDeadlineInTheSpringGapMovesForwardByTheGap) {
  auto calendar = Calendar("02:30 daily", "Europe/Berlin");
  auto deadlines =
      calendar.DeadlinesBetween(At("2026-03-27T12:00:00Z"), At("2026-03-30T12:00:00Z"));
  EXPECT_EQ(Instants(deadlines),
            (std::vector<std::string>{"2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z",
                                      "2026-03-30T00:30:00Z"}));
  EXPECT_EQ(deadlines[1].adjustment, Deadline::Adjustment::kShiftedOutOfGap);
  EXPECT_EQ(deadlines[1].period, "2026-03-29");
  EXPECT_EQ(FormatLocalTimestamp(calendar.zone(), deadlines[1].at), "2026-03-29T03:30:00+02:00");
  EXPECT_EQ(deadlines[0].adjustment, Deadline::Adjustment::kNone);
}

TEST(AvailabilityCalendarTest, BerlinDailyDeadlineInTheAutumnFoldIsItsFirstOccurrence) {
  auto calendar = Calendar("02:30 daily", "Europe/Berlin");
  auto deadlines =
      calendar.DeadlinesBetween(At("2026-10-23T12:00:00Z"), At("2026-10-26T12:00:00Z"));
  EXPECT_EQ(Instants(deadlines),
            (std::vector<std::string>{"2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z",
                                      "2026-10-26T01:30:00Z"}));
  EXPECT_EQ(deadlines[1].adjustment, Deadline::Adjustment::kFirstOfRepeated);
  EXPECT_EQ(deadlines[1].period, "2026-10-25");
}

TEST(AvailabilityCalendarTest, NewYorkDailyDeadlinesAcrossBothTransitions) {
  auto calendar = Calendar("02:00 daily", "America/New_York");
  auto spring = calendar.DeadlinesBetween(At("2026-03-07T00:00:00Z"), At("2026-03-09T12:00:00Z"));
  EXPECT_EQ(Instants(spring),
            (std::vector<std::string>{"2026-03-07T07:00:00Z", "2026-03-08T07:00:00Z",
                                      "2026-03-09T06:00:00Z"}));
  EXPECT_EQ(spring[1].adjustment, Deadline::Adjustment::kShiftedOutOfGap);
  auto late_evening = Calendar("01:30 daily", "America/New_York");
  auto autumn =
      late_evening.DeadlinesBetween(At("2026-10-31T00:00:00Z"), At("2026-11-02T12:00:00Z"));
  EXPECT_EQ(Instants(autumn),
            (std::vector<std::string>{"2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z",
                                      "2026-11-02T06:30:00Z"}));
}

std::vector<Deadline> DeadlinesOfLocalDay(const AvailabilityCalendar& calendar, const char* date) {
  int32_t day = *ParseDate(date);
  Timestamp from{(int64_t{day} - 2) * kMicrosPerDay};
  Timestamp to{(int64_t{day} + 3) * kMicrosPerDay};
  std::vector<Deadline> out;
  for (Deadline& deadline : calendar.DeadlinesBetween(from, to)) {
    if (deadline.local_day == day) out.push_back(deadline);
  }
  return out;
}

TEST(AvailabilityCalendarTest, HourlyDeadlinesFollowTheWallClock) {
  auto calendar = Calendar("hourly at :30", "America/New_York");
  EXPECT_EQ(DeadlinesOfLocalDay(calendar, "2026-03-07").size(), 24u);
  EXPECT_EQ(DeadlinesOfLocalDay(calendar, "2026-03-08").size(), 23u);
  auto fall_back = DeadlinesOfLocalDay(calendar, "2026-11-01");
  ASSERT_EQ(fall_back.size(), 25u);
  EXPECT_EQ(FormatTimestamp(fall_back[1].at), "2026-11-01T05:30:00Z");
  EXPECT_EQ(fall_back[1].period, "2026-11-01T01:30:00-04:00");
  EXPECT_EQ(FormatTimestamp(fall_back[2].at), "2026-11-01T06:30:00Z");
  EXPECT_EQ(fall_back[2].period, "2026-11-01T01:30:00-05:00");
  EXPECT_EQ(fall_back[2].adjustment, Deadline::Adjustment::kSecondOfRepeated);
  // Hourly deadlines stay exactly one hour apart through both changes.
  auto span = calendar.DeadlinesBetween(At("2026-10-31T00:00:00Z"), At("2026-11-03T00:00:00Z"));
  for (size_t i = 1; i < span.size(); ++i) {
    EXPECT_EQ(span[i].at.micros - span[i - 1].at.micros, kMicrosPerHour) << span[i].period;
  }
  auto berlin = Calendar("hourly at :00", "Europe/Berlin");
  EXPECT_EQ(DeadlinesOfLocalDay(berlin, "2026-03-29").size(), 23u);
  EXPECT_EQ(DeadlinesOfLocalDay(berlin, "2026-10-25").size(), 25u);
}

TEST(AvailabilityCalendarTest, WeekdaysSkipTheWeekendSoMondaysPeriodStartsOnFriday) {
  auto calendar = Calendar("09:00 weekdays", "Europe/Berlin");
  auto deadlines =
      calendar.DeadlinesBetween(At("2026-11-19T00:00:00Z"), At("2026-11-24T00:00:00Z"));
  std::vector<std::string> periods;
  for (const Deadline& deadline : deadlines) periods.push_back(deadline.period);
  EXPECT_EQ(periods, (std::vector<std::string>{"2026-11-19", "2026-11-20", "2026-11-23"}));
  Deadline monday = calendar.NextAfter(At("2026-11-20T12:00:00Z"));
  EXPECT_EQ(FormatTimestamp(monday.at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(FormatTimestamp(calendar.LastAtOrBefore(monday.at).at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(FormatTimestamp(calendar.LastAtOrBefore(Timestamp{monday.at.micros - 1}).at),
            "2026-11-20T08:00:00Z");
}

std::vector<std::string> Periods(const std::vector<Deadline>& deadlines) {
  std::vector<std::string> out;
  for (const Deadline& deadline : deadlines) out.push_back(deadline.period);
  return out;
}

TEST(AvailabilityCalendarTest, BerlinWeeklyOnTheDayOfEachChangeIsShiftedOrTakenFirst) {
  // Both changes of 2026 fall on a Sunday (03-29 and 10-25) at 02:00-03:00 local time.
  auto sunday = Calendar("02:30 weekly on sunday", "Europe/Berlin");
  auto spring = sunday.DeadlinesBetween(At("2026-03-16T00:00:00Z"), At("2026-04-06T00:00:00Z"));
  // 02:30 does not exist on 03-29: 03:30 CEST, the instant 02:30 CET would have been.
  EXPECT_EQ(Instants(spring),
            (std::vector<std::string>{"2026-03-22T01:30:00Z", "2026-03-29T01:30:00Z",
                                      "2026-04-05T00:30:00Z"}));
  EXPECT_EQ(Periods(spring), (std::vector<std::string>{"2026-03-22", "2026-03-29", "2026-04-05"}));
  ASSERT_EQ(spring.size(), 3u);
  EXPECT_EQ(spring[0].adjustment, Deadline::Adjustment::kNone);
  EXPECT_EQ(spring[1].adjustment, Deadline::Adjustment::kShiftedOutOfGap);
  EXPECT_EQ(spring[2].adjustment, Deadline::Adjustment::kNone);
  // The week after the change is an hour shorter.
  EXPECT_EQ(spring[2].at.micros - spring[1].at.micros, 7 * kMicrosPerDay - kMicrosPerHour);

  auto autumn = sunday.DeadlinesBetween(At("2026-10-12T00:00:00Z"), At("2026-11-02T00:00:00Z"));
  // 02:30 happens twice on 10-25: the first, 02:30 CEST.
  EXPECT_EQ(Instants(autumn),
            (std::vector<std::string>{"2026-10-18T00:30:00Z", "2026-10-25T00:30:00Z",
                                      "2026-11-01T01:30:00Z"}));
  ASSERT_EQ(autumn.size(), 3u);
  EXPECT_EQ(autumn[1].adjustment, Deadline::Adjustment::kFirstOfRepeated);
  EXPECT_EQ(autumn[2].at.micros - autumn[1].at.micros, 7 * kMicrosPerDay + kMicrosPerHour);

  // A weekly deadline on another day keeps its local time; the week spanning the change is an
  // hour shorter (spring) or longer (autumn).
  auto friday = Calendar("09:00 weekly on friday", "Europe/Berlin");
  auto weeks = friday.DeadlinesBetween(At("2026-03-26T00:00:00Z"), At("2026-04-04T00:00:00Z"));
  EXPECT_EQ(Instants(weeks),
            (std::vector<std::string>{"2026-03-27T08:00:00Z", "2026-04-03T07:00:00Z"}));
  auto autumn_weeks =
      friday.DeadlinesBetween(At("2026-10-22T00:00:00Z"), At("2026-10-31T00:00:00Z"));
  EXPECT_EQ(Instants(autumn_weeks),
            (std::vector<std::string>{"2026-10-23T07:00:00Z", "2026-10-30T08:00:00Z"}));
}

TEST(AvailabilityCalendarTest, BerlinWeekdaysAcrossBothChangesSkipTheWeekendOfTheChange) {
  auto weekdays = Calendar("09:00 weekdays", "Europe/Berlin");
  // Friday 03-27 in CET, Monday 03-30 in CEST: the weekend (with the change) has no deadline,
  // and Monday's period is three days less the skipped hour.
  auto spring = weekdays.DeadlinesBetween(At("2026-03-26T12:00:00Z"), At("2026-03-31T12:00:00Z"));
  EXPECT_EQ(Instants(spring),
            (std::vector<std::string>{"2026-03-27T08:00:00Z", "2026-03-30T07:00:00Z",
                                      "2026-03-31T07:00:00Z"}));
  EXPECT_EQ(Periods(spring), (std::vector<std::string>{"2026-03-27", "2026-03-30", "2026-03-31"}));
  ASSERT_EQ(spring.size(), 3u);
  EXPECT_EQ(spring[1].at.micros - spring[0].at.micros, 3 * kMicrosPerDay - kMicrosPerHour);
  for (const Deadline& deadline : spring) {
    EXPECT_EQ(deadline.adjustment, Deadline::Adjustment::kNone) << deadline.period;
  }
  // Friday 10-23 in CEST, Monday 10-26 in CET: three days and the repeated hour.
  auto autumn = weekdays.DeadlinesBetween(At("2026-10-22T12:00:00Z"), At("2026-10-27T12:00:00Z"));
  EXPECT_EQ(Instants(autumn),
            (std::vector<std::string>{"2026-10-23T07:00:00Z", "2026-10-26T08:00:00Z",
                                      "2026-10-27T08:00:00Z"}));
  ASSERT_EQ(autumn.size(), 3u);
  EXPECT_EQ(autumn[1].at.micros - autumn[0].at.micros, 3 * kMicrosPerDay + kMicrosPerHour);
  // The Monday after each change follows Friday's deadline directly.
  EXPECT_EQ(FormatTimestamp(weekdays.NextAfter(At("2026-03-27T08:00:00Z")).at),
            "2026-03-30T07:00:00Z");
  EXPECT_EQ(FormatTimestamp(weekdays.LastAtOrBefore(At("2026-10-26T07:59:59Z")).at),
            "2026-10-23T07:00:00Z");
}

TEST(AvailabilityCalendarTest, NewYorkHourlyAcrossTheSpringForwardHasNoDeadlineInTheGap) {
  // 2026-03-08: at 02:00 EST the clocks jump to 03:00 EDT, so the wall clock never shows 02:15.
  auto calendar = Calendar("hourly at :15", "America/New_York");
  auto around = calendar.DeadlinesBetween(At("2026-03-08T05:00:00Z"), At("2026-03-08T09:00:00Z"));
  EXPECT_EQ(Instants(around),
            (std::vector<std::string>{"2026-03-08T05:15:00Z", "2026-03-08T06:15:00Z",
                                      "2026-03-08T07:15:00Z", "2026-03-08T08:15:00Z"}));
  EXPECT_EQ(Periods(around),
            (std::vector<std::string>{"2026-03-08T00:15:00-05:00", "2026-03-08T01:15:00-05:00",
                                      "2026-03-08T03:15:00-04:00", "2026-03-08T04:15:00-04:00"}));
  for (const Deadline& deadline : around) {
    EXPECT_EQ(deadline.adjustment, Deadline::Adjustment::kNone) << deadline.period;
  }
  auto day = DeadlinesOfLocalDay(calendar, "2026-03-08");
  EXPECT_EQ(day.size(), 23u);
  EXPECT_EQ(
      std::count_if(day.begin(), day.end(),
                    [](const Deadline& d) { return d.period.find("T02:") != std::string::npos; }),
      0);
  // The period that spans the jump is one hour long, like every other.
  EXPECT_EQ(FormatTimestamp(calendar.NextAfter(At("2026-03-08T06:15:00Z")).at),
            "2026-03-08T07:15:00Z");
  EXPECT_EQ(FormatTimestamp(calendar.LastAtOrBefore(At("2026-03-08T07:14:59Z")).at),
            "2026-03-08T06:15:00Z");
}

TEST(AvailabilityCalendarTest, WeeklyAcrossTheTurnOfTheYearAndTheLeapDay) {
  auto sunday = Calendar("18:00 weekly on sunday", "America/New_York");
  auto turn = sunday.DeadlinesBetween(At("2026-12-25T00:00:00Z"), At("2027-01-05T00:00:00Z"));
  EXPECT_EQ(Instants(turn),
            (std::vector<std::string>{"2026-12-27T23:00:00Z", "2027-01-03T23:00:00Z"}));
  auto tuesday = Calendar("08:00 weekly on tuesday", "UTC");
  auto leap = tuesday.DeadlinesBetween(At("2028-02-27T00:00:00Z"), At("2028-03-08T00:00:00Z"));
  EXPECT_EQ(Instants(leap),
            (std::vector<std::string>{"2028-02-29T08:00:00Z", "2028-03-07T08:00:00Z"}));
  auto daily = Calendar("08:00 daily", "UTC");
  auto february = daily.DeadlinesBetween(At("2028-02-01T00:00:00Z"), At("2028-03-01T00:00:00Z"));
  EXPECT_EQ(february.size(), 29u);
  EXPECT_EQ(february.back().period, "2028-02-29");
}

TEST(AvailabilityCalendarTest, MidnightDeadlinesBelongToTheLocalDayAcrossMonthAndYearEdges) {
  auto calendar = Calendar("00:00 daily", "Europe/Berlin");
  auto deadlines =
      calendar.DeadlinesBetween(At("2026-12-30T12:00:00Z"), At("2027-01-01T12:00:00Z"));
  ASSERT_EQ(deadlines.size(), 2u);
  EXPECT_EQ(deadlines[0].period, "2026-12-31");
  EXPECT_EQ(FormatTimestamp(deadlines[0].at), "2026-12-30T23:00:00Z");
  EXPECT_EQ(deadlines[1].period, "2027-01-01");
  EXPECT_EQ(FormatTimestamp(deadlines[1].at), "2026-12-31T23:00:00Z");
  auto november = calendar.DeadlinesBetween(At("2026-10-31T00:00:00Z"), At("2026-11-01T00:00:00Z"));
  ASSERT_EQ(november.size(), 1u);
  EXPECT_EQ(november[0].period, "2026-11-01");
  EXPECT_EQ(FormatTimestamp(november[0].at), "2026-10-31T23:00:00Z");
}

TEST(AvailabilityCalendarTest, RangesAreOpenAtTheStartAndClosedAtTheEnd) {
  auto calendar = Calendar("08:00 daily", "UTC");
  auto deadlines =
      calendar.DeadlinesBetween(At("2026-11-20T08:00:00Z"), At("2026-11-21T08:00:00Z"));
  EXPECT_EQ(Instants(deadlines), (std::vector<std::string>{"2026-11-21T08:00:00Z"}));
  EXPECT_TRUE(
      calendar.DeadlinesBetween(At("2026-11-21T08:00:00Z"), At("2026-11-20T08:00:00Z")).empty());
}

TEST(AvailabilityCalendarTest, ADaySkippedWholeClosesOnePeriodNotTwo) {
  // Samoa moved across the date line: 2011-12-30 did not happen in Pacific/Apia.
  auto calendar = Calendar("08:00 daily", "Pacific/Apia");
  auto deadlines =
      calendar.DeadlinesBetween(At("2011-12-28T00:00:00Z"), At("2012-01-02T00:00:00Z"));
  for (size_t i = 1; i < deadlines.size(); ++i) {
    EXPECT_LT(deadlines[i - 1].at, deadlines[i].at);
  }
  std::vector<std::string> periods;
  for (const Deadline& deadline : deadlines) periods.push_back(deadline.period);
  EXPECT_EQ(std::count(periods.begin(), periods.end(), "2011-12-31"), 1);
}

}  // namespace
}  // namespace mesh::sla
