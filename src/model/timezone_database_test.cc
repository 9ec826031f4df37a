#include "model/timezone_database.h"

#include <gtest/gtest.h>

namespace mesh {
namespace {

TEST(TimezoneDatabase, KnowsIanaZones) {
  const TimezoneDatabase& db = TimezoneDatabase::System();
  for (const char* zone :
       {"UTC", "Europe/Paris", "America/New_York", "Etc/GMT+5", "America/Argentina/Buenos_Aires"}) {
    EXPECT_TRUE(db.Exists(zone)) << zone;
  }
  for (const char* bad : {"utc", "Europe/Pariss", "../etc/passwd", "/etc/passwd", "Europe/",
                          "zone.tab", "posix/UTC", "SECURITY", "Europe", ""}) {
    EXPECT_FALSE(db.Exists(bad)) << bad;
  }
}

TEST(TimezoneDatabase, EmptyRootKnowsNothing) {
  TimezoneDatabase db(PosixFileSystem(), "/nonexistent-zoneinfo");
  EXPECT_FALSE(db.Exists("UTC"));
}

}  // namespace
}  // namespace mesh
