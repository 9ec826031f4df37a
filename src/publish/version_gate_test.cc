#include "publish/version_gate.h"

#include <gtest/gtest.h>

#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

using testing::Edit;
using testing::kSpecExample;
using testing::ParseClean;

SchemaVersion V(int major, int minor, int patch) { return {major, minor, patch}; }

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) out += finding.ToString() + "\n";
  return out;
}

VersionCheck Check(const std::string& proposed, const VersionCheckOptions& options = {}) {
  return CheckVersionBump(ParseClean(kSpecExample, "current.yaml"),
                          ParseClean(proposed, "products/operations/mcr.yaml"), options);
}

std::string WithVersion(const std::string& yaml, const std::string& version) {
  return Edit(yaml, "schema_version: v2.1", "schema_version: " + version);
}

TEST(VersionGateTest, RequiredBumpIsTheLargestChangeKind) {
  EXPECT_EQ(RequiredBump({}), VersionBump::kNone);
  std::vector<SchemaChange> changes(3);
  changes[0].kind = ChangeKind::kPatch;
  EXPECT_EQ(RequiredBump({changes[0]}), VersionBump::kPatch);
  changes[1].kind = ChangeKind::kMinor;
  changes[2].kind = ChangeKind::kPatch;
  EXPECT_EQ(RequiredBump(changes), VersionBump::kMinor);
  changes[2].kind = ChangeKind::kBreaking;
  EXPECT_EQ(RequiredBump(changes), VersionBump::kMajor);
}

TEST(VersionGateTest, DeclaredBumpAndNextVersion) {
  EXPECT_EQ(DeclaredBump(V(2, 1, 0), V(2, 1, 0)), VersionBump::kNone);
  EXPECT_EQ(DeclaredBump(V(2, 1, 0), V(2, 1, 1)), VersionBump::kPatch);
  EXPECT_EQ(DeclaredBump(V(2, 1, 3), V(2, 2, 0)), VersionBump::kMinor);
  EXPECT_EQ(DeclaredBump(V(2, 1, 3), V(3, 0, 0)), VersionBump::kMajor);
  EXPECT_EQ(DeclaredBump(V(2, 1, 3), V(10, 0, 0)), VersionBump::kMajor);
  EXPECT_EQ(DeclaredBump(V(2, 1, 0), V(2, 0, 9)), std::nullopt);
  EXPECT_EQ(DeclaredBump(V(2, 1, 0), V(1, 9, 9)), std::nullopt);
  EXPECT_EQ(NextVersion(V(2, 1, 3), VersionBump::kNone), V(2, 1, 3));
  EXPECT_EQ(NextVersion(V(2, 1, 3), VersionBump::kPatch), V(2, 1, 4));
  EXPECT_EQ(NextVersion(V(2, 1, 3), VersionBump::kMinor), V(2, 2, 0));
  EXPECT_EQ(NextVersion(V(2, 1, 3), VersionBump::kMajor), V(3, 0, 0));
}

TEST(VersionGateTest, UnchangedDescriptorNeedsNoBump) {
  VersionCheck check = Check(kSpecExample);
  EXPECT_TRUE(check.ok()) << Dump(check.findings);
  EXPECT_TRUE(check.changes.empty());
  EXPECT_EQ(check.required, VersionBump::kNone);
  EXPECT_EQ(check.declared, VersionBump::kNone);
}

TEST(VersionGateTest, TextChangeNeedsAPatchBump) {
  std::string edited =
      Edit(kSpecExample, "description: Operating region", "description: Region of operation");
  VersionCheck refused = Check(edited);
  ASSERT_EQ(refused.findings.size(), 1u) << Dump(refused.findings);
  EXPECT_EQ(refused.findings[0].rule, "version.bump_required");
  EXPECT_NE(refused.findings[0].message.find("patch change"), std::string::npos)
      << refused.findings[0].message;
  EXPECT_NE(refused.findings[0].message.find("set schema_version to 2.1.1"), std::string::npos)
      << refused.findings[0].message;
  EXPECT_TRUE(Check(WithVersion(edited, "2.1.1")).ok());
}

TEST(VersionGateTest, BreakingChangeWithAMinorBumpIsRefusedAtTheChangeNamingConsumers) {
  std::string edited =
      WithVersion(Edit(kSpecExample, "    - name: completion_rate\n      type: double",
                       "    - name: completion_rate\n      type: string"),
                  "v2.2");
  edited = Edit(edited, "      min: 0\n      max: 1\n", "");
  VersionCheck check = Check(edited);
  EXPECT_EQ(check.required, VersionBump::kMajor);
  EXPECT_EQ(check.declared, VersionBump::kMinor);
  EXPECT_EQ(check.changes.size(), 3u);  // type, min removed, max removed
  ASSERT_EQ(check.findings.size(), 3u) << Dump(check.findings);
  const Finding& type = check.findings[0];
  EXPECT_EQ(type.rule, "version.bump_required");
  EXPECT_EQ(type.severity, Severity::kError);
  EXPECT_EQ(type.file, "products/operations/mcr.yaml");
  EXPECT_EQ(type.line, 37);
  EXPECT_EQ(type.column, 13);
  EXPECT_NE(type.message.find("schema.fields.completion_rate.type"), std::string::npos);
  EXPECT_NE(type.message.find("breaking change"), std::string::npos) << type.message;
  EXPECT_NE(type.message.find("affects consumer teams: analytics, performance-dashboard"),
            std::string::npos)
      << type.message;
  EXPECT_NE(type.message.find("set schema_version to 3.0.0"), std::string::npos) << type.message;
  EXPECT_EQ(check.affected_teams, (std::vector<std::string>{"analytics", "performance-dashboard"}));

  EXPECT_TRUE(Check(Edit(edited, "schema_version: v2.2", "schema_version: v3.0")).ok());
}

TEST(VersionGateTest, OnlyChangesAboveTheDeclaredBumpAreReported) {
  std::string edited = Edit(kSpecExample, "description: Operating region", "description: Region");
  edited = Edit(edited, "min_completeness: 0.95", "min_completeness: 0.99");
  VersionCheck patch_only = Check(WithVersion(edited, "2.1.1"));
  ASSERT_EQ(patch_only.findings.size(), 1u) << Dump(patch_only.findings);
  EXPECT_NE(patch_only.findings[0].message.find("sla.min_completeness"), std::string::npos);
  EXPECT_NE(patch_only.findings[0].message.find("minor change"), std::string::npos);
  EXPECT_EQ(patch_only.findings[0].message.find("affects consumer teams"), std::string::npos)
      << "only breaking changes affect consumers";
  EXPECT_TRUE(Check(WithVersion(edited, "2.2.0")).ok());
  EXPECT_TRUE(Check(WithVersion(edited, "4.0.0")).ok()) << "bumping more than needed is allowed";
}

TEST(VersionGateTest, LoosenedSlaNeedsAMajorBump) {
  std::string edited = Edit(kSpecExample, "min_completeness: 0.95", "min_completeness: 0.9");
  VersionCheck check = Check(WithVersion(edited, "2.2.0"));
  ASSERT_EQ(check.findings.size(), 1u) << Dump(check.findings);
  EXPECT_NE(check.findings[0].message.find("loosened"), std::string::npos);
}

TEST(VersionGateTest, LoweredVersionIsRefusedAtSchemaVersion) {
  VersionCheck check = Check(WithVersion(kSpecExample, "2.0.5"));
  ASSERT_EQ(check.findings.size(), 1u) << Dump(check.findings);
  const Finding& finding = check.findings[0];
  EXPECT_EQ(finding.rule, "version.lowered");
  EXPECT_EQ(finding.line, 5);
  EXPECT_EQ(finding.column, 17);
  EXPECT_NE(finding.message.find("2.0.5 is lower than the current 2.1.0"), std::string::npos)
      << finding.message;
  EXPECT_FALSE(check.declared.has_value());
}

TEST(VersionGateTest, ExtraConsumerTeamsFromTheCatalogAreNamed) {
  VersionCheckOptions options;
  options.consumer_teams = {"finance"};
  VersionCheck check =
      Check(Edit(kSpecExample, "output_format: parquet", "output_format: csv"), options);
  ASSERT_EQ(check.findings.size(), 1u);
  EXPECT_NE(check.findings[0].message.find("analytics, finance, performance-dashboard"),
            std::string::npos)
      << check.findings[0].message;
}

}  // namespace
}  // namespace mesh
