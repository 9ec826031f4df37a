#include "publish/schema_diff.h"

#include <gtest/gtest.h>

#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

using testing::Edit;
using testing::kSpecExample;
using testing::ParseClean;

std::vector<SchemaChange> DiffSpec(const std::string& proposed) {
  return DiffDescriptors(ParseClean(kSpecExample), ParseClean(proposed));
}

std::string Dump(const std::vector<SchemaChange>& changes) {
  std::string out;
  for (const SchemaChange& change : changes) {
    out +=
        std::string(ChangeKindName(change.kind)) + " " + change.path + ": " + change.message + "\n";
  }
  return out;
}

// Exactly one change, of this kind at this path.
void ExpectOnly(const std::vector<SchemaChange>& changes, ChangeKind kind,
                const std::string& path) {
  ASSERT_EQ(changes.size(), 1u) << Dump(changes);
  EXPECT_EQ(changes[0].kind, kind) << Dump(changes);
  EXPECT_EQ(changes[0].path, path) << Dump(changes);
  EXPECT_FALSE(changes[0].message.empty());
}

void ExpectOnlyEdit(const std::string& from, const std::string& to, ChangeKind kind,
                    const std::string& path) {
  SCOPED_TRACE(from + " -> " + to);
  ExpectOnly(DiffSpec(Edit(kSpecExample, from, to)), kind, path);
}

TEST(SchemaDiffTest, IdenticalDescriptorsHaveNoChanges) {
  EXPECT_TRUE(DiffSpec(kSpecExample).empty());
  // The schema_version itself and x- keys are not changes.
  std::string bumped = Edit(kSpecExample, "schema_version: v2.1", "schema_version: 2.1.0");
  EXPECT_TRUE(DiffSpec(bumped + "x-team-notes: anything\n").empty());
}

TEST(SchemaDiffTest, FieldRemovedIsBreakingAndRecordsBefore) {
  std::string removed = Edit(kSpecExample,
                             "    - name: commander_email\n      type: string\n      "
                             "classification: restricted\n      tags: [pii]\n",
                             "");
  removed = Edit(removed,
                 "  - check: pattern\n    column: commander_email\n    pattern: "
                 "'^[^@\\s]+@[^@\\s]+$'\n    max_failing: 0.01\n    severity: warn\n",
                 "");
  auto changes = DiffSpec(removed);
  ASSERT_EQ(changes.size(), 2u) << Dump(changes);
  EXPECT_EQ(changes[0].path, "schema.fields.commander_email");
  EXPECT_EQ(changes[0].kind, ChangeKind::kBreaking);
  EXPECT_EQ(changes[0].before, "string");
  EXPECT_EQ(changes[0].after, "");
  EXPECT_EQ(changes[1].path, "quality.pattern.commander_email");
  EXPECT_EQ(changes[1].kind, ChangeKind::kMinor) << "a warn-only check removed";
}

TEST(SchemaDiffTest, FieldRenamedIsARemovalAndAnAddition) {
  auto changes = DiffSpec(Edit(kSpecExample, "- name: completion_rate", "- name: success_rate"));
  ASSERT_EQ(changes.size(), 2u) << Dump(changes);
  EXPECT_EQ(changes[0].kind, ChangeKind::kMinor);
  EXPECT_EQ(changes[0].path, "schema.fields.success_rate");
  EXPECT_EQ(changes[1].kind, ChangeKind::kBreaking);
  EXPECT_EQ(changes[1].path, "schema.fields.completion_rate");
}

TEST(SchemaDiffTest, FieldAddedIsMinorAndPointsAtTheNewField) {
  auto changes = DiffSpec(Edit(kSpecExample, "    - name: commander_email\n",
                               "    - name: missions_started\n      type: int64\n"
                               "    - name: commander_email\n"));
  ExpectOnly(changes, ChangeKind::kMinor, "schema.fields.missions_started");
  EXPECT_EQ(changes[0].after, "int64");
  EXPECT_EQ(changes[0].mark.line, 41);
}

struct TypeCase {
  const char* from;
  const char* to;
  ChangeKind kind;
};

class FieldTypeChangeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(FieldTypeChangeTest, ClassifiesPerTheWideningRules) {
  const std::string base =
      "name: orders\ndomain: sales\nowner: team-sales\nschema_version: 1.0.0\n"
      "output_format: csv\nschema:\n  fields:\n    - name: value\n      type: ";
  auto changes = DiffDescriptors(ParseClean(base + GetParam().from + "\n"),
                                 ParseClean(base + GetParam().to + "\n"));
  ExpectOnly(changes, GetParam().kind, "schema.fields.value.type");
  EXPECT_EQ(changes[0].mark.line, 9);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, FieldTypeChangeTest,
    ::testing::Values(TypeCase{"int32", "int64", ChangeKind::kMinor},
                      TypeCase{"float", "double", ChangeKind::kMinor},
                      TypeCase{"int32", "double", ChangeKind::kMinor},
                      TypeCase{"int64", "double", ChangeKind::kMinor},
                      TypeCase{"int64", "int32", ChangeKind::kBreaking},
                      TypeCase{"double", "float", ChangeKind::kBreaking},
                      TypeCase{"int32", "float", ChangeKind::kBreaking},
                      TypeCase{"int64", "string", ChangeKind::kBreaking},
                      TypeCase{"string", "binary", ChangeKind::kBreaking},
                      TypeCase{"date", "timestamp", ChangeKind::kBreaking},
                      TypeCase{"boolean", "int32", ChangeKind::kBreaking},
                      TypeCase{"decimal(10,2)", "decimal(12,2)", ChangeKind::kBreaking},
                      TypeCase{"int64", "decimal(20,0)", ChangeKind::kBreaking}));

TEST(SchemaDiffTest, RequiredDroppedIsBreakingAddedIsMinor) {
  ExpectOnlyEdit(
      "      type: date\n      description: Calendar day (UTC) on which the missions "
      "ended\n      required: true",
      "      type: date\n      description: Calendar day (UTC) on which the missions "
      "ended\n      required: false",
      ChangeKind::kBreaking, "schema.fields.day.required");
  ExpectOnlyEdit("    - name: commander_email\n      type: string\n",
                 "    - name: commander_email\n      type: string\n      required: true\n",
                 ChangeKind::kMinor, "schema.fields.commander_email.required");
}

TEST(SchemaDiffTest, UniqueDroppedIsBreakingAddedIsMinor) {
  std::string with_unique = Edit(kSpecExample, "    - name: commander_email\n      type: string\n",
                                 "    - name: commander_email\n      type: string\n      unique: "
                                 "true\n");
  ExpectOnly(DiffSpec(with_unique), ChangeKind::kMinor, "schema.fields.commander_email.unique");
  ExpectOnly(DiffDescriptors(ParseClean(with_unique), ParseClean(kSpecExample)),
             ChangeKind::kBreaking, "schema.fields.commander_email.unique");
}

TEST(SchemaDiffTest, AllowedValuesWidenedIsBreakingNarrowedIsMinor) {
  const std::string path = "schema.fields.region.allowed_values";
  ExpectOnlyEdit("[north, south, east, west]", "[north, south, east, west, central]",
                 ChangeKind::kBreaking, path);
  ExpectOnlyEdit("[north, south, east, west]", "[north, south]", ChangeKind::kMinor, path);
  ExpectOnlyEdit("[north, south, east, west]", "[north, south, east, central]",
                 ChangeKind::kBreaking, path);
}

TEST(SchemaDiffTest, AllowedValuesReorderedIsNoChange) {
  EXPECT_TRUE(
      DiffSpec(Edit(kSpecExample, "[north, south, east, west]", "[west, east, south, north]"))
          .empty());
}

TEST(SchemaDiffTest, AllowedValuesRemovedOrAdded) {
  const std::string path = "schema.fields.region.allowed_values";
  ExpectOnlyEdit("      allowed_values: [north, south, east, west]\n", "", ChangeKind::kBreaking,
                 path);
  ExpectOnlyEdit("    - name: mission_type\n      type: string\n",
                 "    - name: mission_type\n      type: string\n      allowed_values: [a, b]\n",
                 ChangeKind::kMinor, "schema.fields.mission_type.allowed_values");
}

TEST(SchemaDiffTest, BoundsWidenedAreBreakingNarrowedAreMinor) {
  const std::string min_path = "schema.fields.completion_rate.min";
  const std::string max_path = "schema.fields.completion_rate.max";
  ExpectOnlyEdit("      min: 0\n", "      min: -1\n", ChangeKind::kBreaking, min_path);
  ExpectOnlyEdit("      min: 0\n", "      min: 0.1\n", ChangeKind::kMinor, min_path);
  ExpectOnlyEdit("      max: 1\n", "      max: 100\n", ChangeKind::kBreaking, max_path);
  ExpectOnlyEdit("      max: 1\n", "      max: 0.9\n", ChangeKind::kMinor, max_path);
  ExpectOnlyEdit("      max: 1\n", "", ChangeKind::kBreaking, max_path);
}

TEST(SchemaDiffTest, SameBoundWrittenDifferentlyIsNoChange) {
  EXPECT_TRUE(DiffSpec(Edit(kSpecExample, "      min: 0\n", "      min: 0.0\n")).empty());
}

TEST(SchemaDiffTest, DateBoundsCompareAsDates) {
  std::string base = Edit(kSpecExample, "      required: true\n    - name: region",
                          "      required: true\n      min: \"2020-01-01\"\n    - name: region");
  auto widened =
      DiffDescriptors(ParseClean(base), ParseClean(Edit(base, "\"2020-01-01\"", "\"2019-12-31\"")));
  ExpectOnly(widened, ChangeKind::kBreaking, "schema.fields.day.min");
  auto narrowed =
      DiffDescriptors(ParseClean(base), ParseClean(Edit(base, "\"2020-01-01\"", "\"2020-02-01\"")));
  ExpectOnly(narrowed, ChangeKind::kMinor, "schema.fields.day.min");
  auto added = DiffSpec(base);
  ExpectOnly(added, ChangeKind::kMinor, "schema.fields.day.min");
}

TEST(SchemaDiffTest, PatternAddedIsMinorRemovedOrChangedIsBreaking) {
  std::string with_pattern = Edit(kSpecExample, "      type: string\n      required: true\n    -",
                                  "      type: string\n      required: true\n      pattern: "
                                  "'^[a-z]+$'\n    -");
  ExpectOnly(DiffSpec(with_pattern), ChangeKind::kMinor, "schema.fields.mission_type.pattern");
  ExpectOnly(DiffDescriptors(ParseClean(with_pattern), ParseClean(kSpecExample)),
             ChangeKind::kBreaking, "schema.fields.mission_type.pattern");
  ExpectOnly(DiffDescriptors(ParseClean(with_pattern),
                             ParseClean(Edit(with_pattern, "'^[a-z]+$'", "'^[a-z_]+$'"))),
             ChangeKind::kBreaking, "schema.fields.mission_type.pattern");
}

TEST(SchemaDiffTest, PrimaryKeyChangedIsBreaking) {
  ExpectOnlyEdit("primary_key: [day, region, mission_type]", "primary_key: [day, region]",
                 ChangeKind::kBreaking, "schema.primary_key");
  ExpectOnlyEdit("primary_key: [day, region, mission_type]",
                 "primary_key: [region, day, mission_type]", ChangeKind::kBreaking,
                 "schema.primary_key");
}

TEST(SchemaDiffTest, OutputFormatChangedIsBreaking) {
  ExpectOnlyEdit("output_format: parquet", "output_format: csv", ChangeKind::kBreaking,
                 "output_format");
}

TEST(SchemaDiffTest, ClassificationRaisedIsBreakingLoweredIsMinor) {
  ExpectOnlyEdit("classification: internal", "classification: confidential", ChangeKind::kBreaking,
                 "classification");
  ExpectOnlyEdit("classification: internal", "classification: public", ChangeKind::kMinor,
                 "classification");
  ExpectOnlyEdit("      classification: restricted", "      classification: confidential",
                 ChangeKind::kMinor, "schema.fields.commander_email.classification");
  ExpectOnlyEdit("      required: true\n      allowed_values",
                 "      required: true\n      classification: confidential\n      allowed_values",
                 ChangeKind::kBreaking, "schema.fields.region.classification");
}

TEST(SchemaDiffTest, UnknownClassificationLevelIsTreatedAsRaised) {
  auto changes = DiffSpec(Edit(kSpecExample, "classification: internal", "classification: top"));
  ExpectOnly(changes, ChangeKind::kBreaking, "classification");
}

TEST(SchemaDiffTest, ClassificationUsesTheConfiguredTaxonomy) {
  DiffOptions options;
  options.classification_levels = {"open", "internal", "public"};
  auto changes = DiffDescriptors(
      ParseClean(kSpecExample),
      ParseClean(Edit(kSpecExample, "classification: internal", "classification: public")),
      options);
  ExpectOnly(changes, ChangeKind::kBreaking, "classification");
}

TEST(SchemaDiffTest, DeprecatedFlagIsMinor) {
  ExpectOnlyEdit("      tags: [pii]\n", "      tags: [pii]\n      deprecated: true\n",
                 ChangeKind::kMinor, "schema.fields.commander_email.deprecated");
}

TEST(SchemaDiffTest, TextOnlyChangesArePatch) {
  ExpectOnlyEdit("description: Daily mission completion rate, by type and region",
                 "description: Daily mission completion rate", ChangeKind::kPatch, "description");
  ExpectOnlyEdit("https://wiki.internal/mission-completion-rate", "https://wiki.internal/mcr",
                 ChangeKind::kPatch, "documentation_url");
  ExpectOnlyEdit("tags: [kpi]\n", "tags: [kpi, daily]\n", ChangeKind::kPatch, "tags");
  ExpectOnlyEdit("channel: \"#ops-data\"", "channel: \"#ops\"", ChangeKind::kPatch,
                 "support.channel");
  ExpectOnlyEdit("description: Operating region", "description: Region of operation",
                 ChangeKind::kPatch, "schema.fields.region.description");
  ExpectOnlyEdit("tags: [pii]", "tags: [pii, contact]", ChangeKind::kPatch,
                 "schema.fields.commander_email.tags");
  ExpectOnlyEdit("consumer_teams: [analytics, performance-dashboard]",
                 "consumer_teams: [analytics]", ChangeKind::kPatch, "consumer_teams");
}

TEST(SchemaDiffTest, OwnershipLineageAndEventTimeAreMinor) {
  ExpectOnlyEdit("owner: team-operations", "owner: team-ops", ChangeKind::kMinor, "owner");
  ExpectOnlyEdit("domain: operations", "domain: ops", ChangeKind::kMinor, "domain");
  ExpectOnlyEdit("lineage: [missions_raw, team_assignments, \"source:erp/orders\"]",
                 "lineage: [missions_raw]", ChangeKind::kMinor, "lineage");
}

TEST(SchemaDiffTest, FieldOrderChangeIsMinor) {
  std::string reordered = Edit(kSpecExample,
                               "    - name: mission_type\n      type: string\n      required: "
                               "true\n",
                               "");
  reordered = Edit(reordered, "    - name: commander_email\n",
                   "    - name: mission_type\n      type: string\n      required: true\n"
                   "    - name: commander_email\n");
  ExpectOnly(DiffSpec(reordered), ChangeKind::kMinor, "schema.fields");
}

TEST(SchemaDiffTest, LoosenedSlaIsBreakingTightenedIsMinor) {
  ExpectOnlyEdit("min_completeness: 0.95", "min_completeness: 0.9", ChangeKind::kBreaking,
                 "sla.min_completeness");
  ExpectOnlyEdit("min_completeness: 0.95", "min_completeness: 0.99", ChangeKind::kMinor,
                 "sla.min_completeness");
  ExpectOnlyEdit("max_lag_hours: 4", "max_lag_hours: 6", ChangeKind::kBreaking,
                 "sla.max_lag_hours");
  ExpectOnlyEdit("max_lag_hours: 4", "max_lag_hours: 2", ChangeKind::kMinor, "sla.max_lag_hours");
  ExpectOnlyEdit("  min_completeness: 0.95\n", "", ChangeKind::kBreaking, "sla.min_completeness");
  ExpectOnlyEdit("timezone: UTC", "timezone: Europe/Berlin", ChangeKind::kBreaking, "sla.timezone");
}

TEST(SchemaDiffTest, AvailabilityLaterOrLessFrequentIsBreaking) {
  const std::string path = "sla.availability";
  ExpectOnlyEdit("\"08:00 daily\"", "\"09:30 daily\"", ChangeKind::kBreaking, path);
  ExpectOnlyEdit("\"08:00 daily\"", "\"07:00 daily\"", ChangeKind::kMinor, path);
  ExpectOnlyEdit("\"08:00 daily\"", "\"08:00 weekdays\"", ChangeKind::kBreaking, path);
  ExpectOnlyEdit("\"08:00 daily\"", "\"06:00 weekly on monday\"", ChangeKind::kBreaking, path);
  ExpectOnlyEdit("\"08:00 daily\"", "\"hourly at :15\"", ChangeKind::kMinor, path);
}

TEST(SchemaDiffTest, WeeklyDeadlineLaterInTheWeekIsBreaking) {
  std::string weekly = Edit(kSpecExample, "\"08:00 daily\"", "\"08:00 weekly on tuesday\"");
  ExpectOnly(DiffDescriptors(ParseClean(weekly),
                             ParseClean(Edit(weekly, "weekly on tuesday", "weekly on friday"))),
             ChangeKind::kBreaking, "sla.availability");
  ExpectOnly(DiffDescriptors(ParseClean(weekly),
                             ParseClean(Edit(weekly, "weekly on tuesday", "weekly on monday"))),
             ChangeKind::kMinor, "sla.availability");
}

TEST(SchemaDiffTest, SlaRemovedReportsEveryLoosenedPromise) {
  auto changes = DiffSpec(Edit(kSpecExample,
                               "sla:\n  availability: \"08:00 daily\"\n  timezone: UTC\n  "
                               "max_lag_hours: 4\n  min_completeness: 0.95\n",
                               ""));
  ASSERT_EQ(changes.size(), 3u) << Dump(changes);
  for (const SchemaChange& change : changes) EXPECT_EQ(change.kind, ChangeKind::kBreaking);
}

TEST(SchemaDiffTest, SlaAddedIsMinorInEveryPromise) {
  const std::string sla =
      "sla:\n  availability: \"08:00 daily\"\n  timezone: UTC\n  max_lag_hours: 4\n  "
      "min_completeness: 0.95\n";
  std::string without = Edit(kSpecExample, sla, "");
  std::string with_zone = Edit(kSpecExample, "timezone: UTC", "timezone: Europe/Berlin");
  auto changes = DiffDescriptors(ParseClean(without), ParseClean(with_zone));
  ASSERT_EQ(changes.size(), 3u) << Dump(changes);
  for (const SchemaChange& change : changes) EXPECT_EQ(change.kind, ChangeKind::kMinor);
}

TEST(SchemaDiffTest, QualityChecksAddedAreMinorLoosenedAreBreaking) {
  ExpectOnlyEdit("quality:\n", "quality:\n  - check: not_null\n    columns: [completion_rate]\n",
                 ChangeKind::kMinor, "quality.not_null.completion_rate");
  ExpectOnlyEdit("  - check: row_count\n    min: 1\n", "", ChangeKind::kBreaking,
                 "quality.row_count");
  ExpectOnlyEdit("    min: 1\n  - check: pattern", "    min: 0\n  - check: pattern",
                 ChangeKind::kBreaking, "quality.row_count.min");
  ExpectOnlyEdit("    min: 1\n  - check: pattern", "    min: 10\n  - check: pattern",
                 ChangeKind::kMinor, "quality.row_count.min");
  ExpectOnlyEdit("max_failing: 0.01", "max_failing: 0.05", ChangeKind::kBreaking,
                 "quality.pattern.commander_email.max_failing");
  ExpectOnlyEdit("max_failing: 0.01", "max_failing: 0", ChangeKind::kMinor,
                 "quality.pattern.commander_email.max_failing");
  ExpectOnlyEdit("severity: warn", "severity: error", ChangeKind::kMinor,
                 "quality.pattern.commander_email.severity");
}

TEST(SchemaDiffTest, ManyChangesAreAllListedInDescriptorOrder) {
  std::string proposed = Edit(kSpecExample, "output_format: parquet", "output_format: csv");
  proposed = Edit(proposed, "min_completeness: 0.95", "min_completeness: 0.99");
  proposed = Edit(proposed, "description: Operating region", "description: Region");
  auto changes = DiffSpec(proposed);
  ASSERT_EQ(changes.size(), 3u) << Dump(changes);
  EXPECT_EQ(changes[0].path, "output_format");
  EXPECT_EQ(changes[1].path, "sla.min_completeness");
  EXPECT_EQ(changes[2].path, "schema.fields.region.description");
  EXPECT_EQ(changes[1].before, "0.95");
  EXPECT_EQ(changes[1].after, "0.99");
}

}  // namespace
}  // namespace mesh
