#include "model/field_type.h"

#include <gtest/gtest.h>

#include "model/descriptor.h"

namespace mesh {
namespace {

TEST(FieldType, ParsesEveryTypeAndRoundTrips) {
  for (const char* name : {"boolean", "int32", "int64", "float", "double", "string", "date",
                           "timestamp", "binary", "decimal(10,2)", "decimal(38,38)"}) {
    std::optional<FieldType> type = FieldType::Parse(name);
    ASSERT_TRUE(type) << name;
    EXPECT_EQ(type->ToString(), name);
  }
  EXPECT_EQ(FieldType::Parse("decimal( 10 , 2 )")->ToString(), "decimal(10,2)");
  EXPECT_EQ(FieldType::Parse("decimal(5)")->ToString(), "decimal(5,0)");
}

TEST(FieldType, RejectsUnknownNamesAndBadDecimals) {
  for (const char* name : {"int", "Int64", "decimal", "decimal(0,0)", "decimal(39,1)",
                           "decimal(5,6)", "decimal(5,-1)", "decimal(a,b)", "decimal(5,2", ""}) {
    EXPECT_FALSE(FieldType::Parse(name)) << name;
  }
}

TEST(FieldType, Classes) {
  EXPECT_TRUE(FieldType::Parse("decimal(4,1)")->IsNumeric());
  EXPECT_FALSE(FieldType::Parse("string")->IsNumeric());
  EXPECT_TRUE(FieldType::Parse("timestamp")->IsTemporal());
  EXPECT_FALSE(FieldType::Parse("int32")->IsTemporal());
}

TEST(SchemaVersion, Parses) {
  EXPECT_EQ(SchemaVersion::Parse("v2.1"), (SchemaVersion{2, 1, 0}));
  EXPECT_EQ(SchemaVersion::Parse("1.2.3"), (SchemaVersion{1, 2, 3}));
  EXPECT_EQ(SchemaVersion::Parse("v2.1")->ToString(), "2.1.0");
  for (const char* bad : {"1", "1.2.3.4", "a.b", "1..2", "v", "V1.0", "01.2", "1.2.", "-1.0"}) {
    EXPECT_FALSE(SchemaVersion::Parse(bad)) << bad;
  }
  EXPECT_LT(*SchemaVersion::Parse("1.9.9"), *SchemaVersion::Parse("1.10.0"));
}

TEST(Availability, ParsesEveryCadence) {
  auto daily = Availability::Parse("08:00 daily");
  ASSERT_TRUE(daily);
  EXPECT_EQ(daily->hour, 8);
  EXPECT_EQ(daily->ToString(), "08:00 daily");
  EXPECT_EQ(Availability::Parse("23:59 weekdays")->cadence, Availability::Cadence::kWeekdays);
  auto weekly = Availability::Parse("06:15 weekly on Sunday");
  ASSERT_TRUE(weekly);
  EXPECT_EQ(weekly->weekday, 6);
  EXPECT_EQ(weekly->ToString(), "06:15 weekly on sunday");
  auto hourly = Availability::Parse("hourly at :05");
  ASSERT_TRUE(hourly);
  EXPECT_EQ(hourly->minute, 5);
  EXPECT_EQ(hourly->ToString(), "hourly at :05");
  for (const char* bad : {"24:00 daily", "08:60 daily", "08:00", "daily", "08:00 weekly",
                          "08:00 weekly on funday", "hourly at 5", "hourly at :60", "8am daily"}) {
    EXPECT_FALSE(Availability::Parse(bad)) << bad;
  }
}

}  // namespace
}  // namespace mesh
