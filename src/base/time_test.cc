#include "base/time.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "base/clock.h"

namespace mesh {
namespace {

TEST(Time, CivilRoundTrip) {
  for (int32_t days = -800000; days <= 800000; days += 997) {
    int y;
    unsigned m, d;
    CivilFromDays(days, &y, &m, &d);
    EXPECT_EQ(DaysFromCivil(y, m, d), days);
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

TEST(Time, ParsesDatesStrictly) {
  EXPECT_EQ(ParseDate("1970-01-02"), 1);
  EXPECT_EQ(ParseDate("2024-02-29").has_value(), true);
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("2023-13-01"));
  EXPECT_FALSE(ParseDate("2023-1-01"));
  EXPECT_FALSE(ParseDate("2023-01-01 "));
  EXPECT_FALSE(ParseDate(""));
}

TEST(Time, ParsesTimestampsWithZone) {
  auto utc = ParseTimestamp("2026-11-20T07:30:00Z");
  ASSERT_TRUE(utc);
  auto offset = ParseTimestamp("2026-11-20T09:30:00+02:00");
  ASSERT_TRUE(offset);
  EXPECT_EQ(utc->micros, offset->micros);
  EXPECT_EQ(FormatTimestamp(*utc), "2026-11-20T07:30:00Z");
  auto frac = ParseTimestamp("1969-12-31T23:59:59.999999Z");
  ASSERT_TRUE(frac);
  EXPECT_EQ(frac->micros, -1);
  EXPECT_EQ(FormatTimestamp(*frac), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(ParseTimestamp("2026-11-20T07:30Z")->micros, utc->micros);
  EXPECT_FALSE(ParseTimestamp("2026-11-20T07:30:00"));  // no zone
  EXPECT_FALSE(ParseTimestamp("2026-11-20T24:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2026-11-20"));
  EXPECT_FALSE(ParseTimestamp("2026-11-20T07:30:00Zjunk"));
}

TEST(Clock, FixedClockAndMeshNow) {
  FixedClock clock(Timestamp{10});
  clock.Advance(5);
  EXPECT_EQ(clock.Now().micros, 15);
  ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);
  auto env_clock = ClockFromEnvironment();
  ASSERT_TRUE(env_clock.ok());
  EXPECT_EQ(FormatTimestamp((*env_clock)->Now()), "2026-11-20T08:00:00Z");
  ::setenv("MESH_NOW", "yesterday", 1);
  auto bad = ClockFromEnvironment();
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("MESH_NOW"), std::string::npos);
  ::unsetenv("MESH_NOW");
}

}  // namespace
}  // namespace mesh
