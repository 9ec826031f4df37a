#include "sla/time_zone.h"

#include <gtest/gtest.h>

#include "base/filesystem.h"

namespace mesh::sla {
namespace {

int64_t Utc(const char* text) { return ParseTimestamp(text)->micros / kMicrosPerSecond; }

std::shared_ptr<const TimeZone> Zone(const char* name) {
  auto zone = TimeZone::Load(name);
  EXPECT_TRUE(zone.ok()) << zone.status();
  return zone.ok() ? *zone : TimeZone::Fixed("UTC", 0);
}

TEST(TimeZoneTest, BerlinOffsetsAroundBothTransitionsOf2026) {
  auto berlin = Zone("Europe/Berlin");
  EXPECT_EQ(berlin->OffsetAt(Utc("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(berlin->OffsetAt(Utc("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(berlin->OffsetAt(Utc("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(berlin->OffsetAt(Utc("2026-10-25T01:00:00Z")), 3600);
}

TEST(TimeZoneTest, FooterRuleGovernsYearsAfterTheListedTransitions) {
  auto berlin = Zone("Europe/Berlin");
  // Last Sunday of March 2040 is the 25th; of October 2040 the 28th.
  EXPECT_EQ(berlin->OffsetAt(Utc("2040-03-25T00:59:59Z")), 3600);
  EXPECT_EQ(berlin->OffsetAt(Utc("2040-03-25T01:00:00Z")), 7200);
  EXPECT_EQ(berlin->OffsetAt(Utc("2040-10-28T01:00:00Z")), 3600);
  auto new_york = Zone("America/New_York");
  // Second Sunday of March 2045 is the 12th, first Sunday of November the 5th.
  EXPECT_EQ(new_york->OffsetAt(Utc("2045-03-12T06:59:59Z")), -5 * 3600);
  EXPECT_EQ(new_york->OffsetAt(Utc("2045-03-12T07:00:00Z")), -4 * 3600);
  EXPECT_EQ(new_york->OffsetAt(Utc("2045-11-05T06:00:00Z")), -5 * 3600);
}

TEST(TimeZoneTest, ResolvesSkippedRepeatedAndOrdinaryLocalTimes) {
  auto berlin = Zone("Europe/Berlin");
  int32_t spring = *ParseDate("2026-03-29");
  LocalResolution skipped = berlin->Resolve({spring, 2 * 3600 + 30 * 60});
  EXPECT_EQ(skipped.kind, LocalResolution::Kind::kSkipped);
  EXPECT_EQ(skipped.first_utc_seconds, Utc("2026-03-29T01:30:00Z"));  // 03:30 CEST

  int32_t autumn = *ParseDate("2026-10-25");
  LocalResolution repeated = berlin->Resolve({autumn, 2 * 3600 + 30 * 60});
  EXPECT_EQ(repeated.kind, LocalResolution::Kind::kRepeated);
  EXPECT_EQ(repeated.first_utc_seconds, Utc("2026-10-25T00:30:00Z"));
  EXPECT_EQ(repeated.second_utc_seconds, Utc("2026-10-25T01:30:00Z"));

  LocalResolution unique = berlin->Resolve({autumn, 12 * 3600});
  EXPECT_EQ(unique.kind, LocalResolution::Kind::kUnique);
  EXPECT_EQ(unique.first_utc_seconds, Utc("2026-10-25T11:00:00Z"));
}

TEST(TimeZoneTest, FormatsLocalTimeWithItsOffset) {
  auto new_york = Zone("America/New_York");
  EXPECT_EQ(FormatLocalTimestamp(*new_york, *ParseTimestamp("2026-11-01T05:30:00Z")),
            "2026-11-01T01:30:00-04:00");
  EXPECT_EQ(FormatLocalTimestamp(*new_york, *ParseTimestamp("2026-11-01T06:30:00Z")),
            "2026-11-01T01:30:00-05:00");
  auto kolkata = Zone("Asia/Kolkata");
  EXPECT_EQ(FormatLocalTimestamp(*kolkata, *ParseTimestamp("2026-01-01T00:00:00Z")),
            "2026-01-01T05:30:00+05:30");
}

TEST(TimeZoneTest, UnknownZoneAndMalformedFilesAreErrorsNotCrashes) {
  auto unknown = TimeZone::Load("Europe/Atlantis");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("Europe/Atlantis"), std::string::npos);
  EXPECT_FALSE(TimeZone::Load("../etc/passwd").ok());

  auto data = PosixFileSystem()->ReadFile("/usr/share/zoneinfo/Europe/Berlin");
  ASSERT_TRUE(data.ok());
  for (size_t cut : {size_t{0}, size_t{10}, size_t{44}, size_t{100}, data->size() - 3}) {
    auto zone = TimeZone::FromTzif("Europe/Berlin", std::string_view(*data).substr(0, cut));
    EXPECT_FALSE(zone.ok()) << "cut at " << cut;
  }
  EXPECT_FALSE(TimeZone::FromTzif("x", "not a zone file at all, clearly not TZif......").ok());
}

TEST(PosixTzRuleTest, ParsesTheFormsOfTheTzDatabase) {
  auto berlin = PosixTzRule::Parse("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(berlin.ok()) << berlin.status();
  EXPECT_EQ(berlin->standard_offset, 3600);
  EXPECT_EQ(berlin->daylight_offset, 7200);
  auto transitions = berlin->TransitionsIn(2026);
  ASSERT_TRUE(transitions);
  EXPECT_EQ(transitions->daylight_starts, Utc("2026-03-29T01:00:00Z"));
  EXPECT_EQ(transitions->daylight_ends, Utc("2026-10-25T01:00:00Z"));

  auto india = PosixTzRule::Parse("<+0530>-5:30");
  ASSERT_TRUE(india.ok());
  EXPECT_EQ(india->OffsetAt(Utc("2026-06-01T00:00:00Z")), 5 * 3600 + 1800);

  // Southern hemisphere: daylight saving spans the turn of the year.
  auto sydney = PosixTzRule::Parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(sydney.ok());
  EXPECT_EQ(sydney->OffsetAt(Utc("2026-01-15T00:00:00Z")), 11 * 3600);
  EXPECT_EQ(sydney->OffsetAt(Utc("2026-07-15T00:00:00Z")), 10 * 3600);

  // Lord Howe moves its clocks by half an hour.
  auto lord_howe = PosixTzRule::Parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  ASSERT_TRUE(lord_howe.ok());
  EXPECT_EQ(lord_howe->OffsetAt(Utc("2026-01-15T00:00:00Z")), 11 * 3600);
  EXPECT_EQ(lord_howe->OffsetAt(Utc("2026-07-15T00:00:00Z")), 10 * 3600 + 1800);

  // Permanent daylight saving, written with Jn days and hours past 24.
  auto permanent = PosixTzRule::Parse("EST5EDT,0/0,J365/25");
  ASSERT_TRUE(permanent.ok());
  EXPECT_EQ(permanent->OffsetAt(Utc("2026-01-01T02:00:00Z")), -4 * 3600);
  EXPECT_EQ(permanent->OffsetAt(Utc("2026-12-31T23:00:00Z")), -4 * 3600);
}

TEST(PosixTzRuleTest, MalformedRulesNameThePosition) {
  auto truncated = PosixTzRule::Parse("CET-1CEST,M3.5");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("position 15"), std::string::npos)
      << truncated.status();
  EXPECT_FALSE(PosixTzRule::Parse("C-1").ok());
  EXPECT_FALSE(PosixTzRule::Parse("CET-1CEST,M13.5.0,M10.5.0").ok());
  EXPECT_FALSE(PosixTzRule::Parse("CET-1CEST,M3.5.0,M10.5.0/3 extra").ok());
  EXPECT_FALSE(PosixTzRule::Parse("<+05").ok());
}

}  // namespace
}  // namespace mesh::sla
