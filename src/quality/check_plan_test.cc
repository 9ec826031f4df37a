#include "quality/check_plan.h"

#include <gtest/gtest.h>

#include "base/filesystem.h"
#include "model/descriptor_parser.h"

namespace mesh::quality {
namespace {

TEST(CheckPlanTest, NamesTheBenchmarkChecksInTheBenchmarkOrder) {
  auto text = PosixFileSystem()->ReadFile(std::string(MESH_SHARED_DIR) + "/bench/missions.yaml");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  FindingSink sink("missions.yaml");
  std::optional<Descriptor> descriptor = ParseDescriptorText(*text, "missions.yaml", &sink);
  ASSERT_TRUE(descriptor.has_value());
  ASSERT_FALSE(sink.HasErrors());
  auto plan = CheckPlan::Make(*descriptor);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::vector<std::string> names;
  for (const PlannedCheck& check : plan->checks()) names.push_back(check.name);
  const std::vector<std::string> expected = {"field.mission_id.required",
                                             "field.mission_id.unique",
                                             "field.started_at.required",
                                             "field.region.allowed_values",
                                             "field.mission_type.required",
                                             "field.squad_size.range",
                                             "field.fuel_used.range",
                                             "field.status.allowed_values",
                                             "field.commander_email.pattern",
                                             "pk.not_null",
                                             "pk.unique",
                                             "quality[0].row_count",
                                             "quality[1].completeness",
                                             "quality[2].pattern",
                                             "quality[3].freshness",
                                             "sla.min_completeness",
                                             "sla.max_lag_hours",
                                             "type.mission_id",
                                             "type.started_at",
                                             "type.ended_at",
                                             "type.squad_size",
                                             "type.fuel_used",
                                             "type.budget",
                                             "type"};
  EXPECT_EQ(names, expected);
}

TEST(CheckPlanTest, ChecksThatMeasureTheSameThingShareAKernel) {
  auto text = PosixFileSystem()->ReadFile(std::string(MESH_SHARED_DIR) + "/bench/missions.yaml");
  ASSERT_TRUE(text.ok());
  FindingSink sink("missions.yaml");
  std::optional<Descriptor> descriptor = ParseDescriptorText(*text, "missions.yaml", &sink);
  ASSERT_TRUE(descriptor.has_value());
  auto plan = CheckPlan::Make(*descriptor);
  ASSERT_TRUE(plan.ok());
  auto kernel_of = [&](std::string_view name) {
    for (const PlannedCheck& check : plan->checks()) {
      if (check.name == name) return check.kernel;
    }
    return -2;
  };
  EXPECT_EQ(kernel_of("field.mission_id.required"), kernel_of("pk.not_null"));
  EXPECT_EQ(kernel_of("field.mission_id.unique"), kernel_of("pk.unique"));
  EXPECT_EQ(kernel_of("quality[3].freshness"), kernel_of("sla.max_lag_hours"));
  EXPECT_EQ(kernel_of("type"), kernel_of("type.budget"));
}

TEST(CheckPlanTest, BoundsThatAreNotValuesOfTheTypeAreRejected) {
  Descriptor descriptor;
  Field day;
  day.name = "day";
  day.type = *FieldType::Parse("date");
  Literal min;
  min.kind = Literal::Kind::kNumber;
  min.text = "5";
  min.number = 5;
  day.min = min;
  descriptor.schema.fields.push_back(day);
  auto plan = CheckPlan::Make(descriptor);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("field.day"), std::string::npos);
}

}  // namespace
}  // namespace mesh::quality
