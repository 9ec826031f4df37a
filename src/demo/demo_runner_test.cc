#include "demo/demo_runner.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <set>

#include "demo/demo_publish.h"
#include "demo/demo_report.h"
#include "demo/demo_steps.h"

namespace mesh::demo {
namespace {

std::string MakeTempDir() {
  char pattern[] = "/tmp/mesh_demo_test_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern), nullptr);
  return pattern;
}

DemoOptions Options(const std::string& workspace, const std::string& out) {
  DemoOptions options;
  options.workspace_dir = workspace;
  options.out_dir = out;
  options.rows = 40;
  options.seed = 3;
  options.now = *ParseTimestamp(kDemoNow);
  return options;
}

std::string DemoMesh() { return std::string(MESH_SOURCE_DIR) + "/examples/prophecy-hall"; }

// validate and generate only: the tests of sample data need no catalog.
std::vector<std::unique_ptr<DemoStep>> ValidateAndGenerate() {
  std::vector<std::unique_ptr<DemoStep>> steps;
  steps.push_back(MakeValidateStep());
  steps.push_back(MakeGenerateStep());
  return steps;
}

TEST(DemoRunnerTest, DemoMeshIsCleanAndEveryProductGetsAFile) {
  auto fs = PosixFileSystem();
  const std::string out = MakeTempDir();
  auto report = RunDemo(Options(DemoMesh(), out), fs, nullptr, ValidateAndGenerate());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const Finding& finding : report->findings) ADD_FAILURE() << finding.ToString();
  EXPECT_TRUE(report->stopped_because.empty()) << report->stopped_because;
  EXPECT_EQ(report->organisation, "prophecy-hall");
  EXPECT_EQ(report->domains.size(), 10u);
  EXPECT_GE(report->products.size(), 30u);
  ASSERT_EQ(report->files.size(), report->products.size());
  for (const DemoFile& file : report->files) {
    EXPECT_TRUE(fs->Exists(file.path)) << file.path;
    EXPECT_GT(file.rows, 0) << file.product;
  }
  EXPECT_EQ(report->steps_run, (std::vector<std::string>{"validate", "generate"}));
}

// The planted anti-patterns of examples/prophecy-hall/README.md, and no other.
TEST(DemoRunnerTest, LintFindsExactlyThePlantedAntiPatterns) {
  const std::string out = MakeTempDir();
  auto report =
      RunDemo(Options(DemoMesh(), out), PosixFileSystem(), nullptr, ValidateAndGenerate());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::set<std::pair<std::string, std::string>> found;
  for (const Finding& finding : report->lint_findings) {
    found.emplace(finding.rule, finding.file);
  }
  const std::set<std::pair<std::string, std::string>> planted = {
      {"antipattern.raw_table", "products/intelligence/enemy_sightings_raw.yaml"},
      {"antipattern.micro_products", "products/training/trainee_course_enrolment.yaml"},
      {"antipattern.micro_products", "products/training/trainee_latest_score.yaml"},
      {"antipattern.micro_products", "products/training/trainee_certification_level.yaml"},
      {"antipattern.domain_isolation", "products/battle-reports/reporting_officers.yaml"},
      {"antipattern.domain_isolation", "products/logistics/supply_convoys.yaml"}};
  EXPECT_EQ(found, planted);
  for (const Finding& finding : report->lint_findings) SCOPED_TRACE(finding.ToString());
}

TEST(DemoRunnerTest, SameOptionsWriteTheSameBytes) {
  auto fs = PosixFileSystem();
  const std::string first_dir = MakeTempDir();
  const std::string second_dir = MakeTempDir();
  auto first = RunDemo(Options(DemoMesh(), first_dir), fs, nullptr, ValidateAndGenerate());
  auto second = RunDemo(Options(DemoMesh(), second_dir), fs, nullptr, ValidateAndGenerate());
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_EQ(first->files.size(), second->files.size());
  for (size_t i = 0; i < first->files.size(); ++i) {
    EXPECT_EQ(fs->ReadFile(first->files[i].path).ValueOr("a"),
              fs->ReadFile(second->files[i].path).ValueOr("b"))
        << first->files[i].product;
  }
}

TEST(DemoRunnerTest, PublishStepPublishesEveryProductAndThePlantedFailuresEndAsPlanned) {
  auto fs = PosixFileSystem();
  const std::string out = MakeTempDir();
  DemoOptions options = Options(DemoMesh(), out);
  options.store_dir = out + "/store";
  options.rows = 60;  // soldier_roster promises at least 50 rows
  auto report = RunDemo(options, fs, nullptr, StandardDemoSteps());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->stopped_because.empty()) << report->stopped_because;
  EXPECT_EQ(report->steps_run, (std::vector<std::string>{"validate", "generate", "publish"}));
  ASSERT_EQ(report->publishes.size(), report->products.size() + 2);
  size_t published = 0;
  for (const DemoPublish& publish : report->publishes) {
    EXPECT_TRUE(publish.as_planned)
        << publish.attempted << ": " << publish.result << " " << publish.detail;
    published += publish.result == "published";
    if (publish.product == "enemy_sightings_raw") {  // the planted raw table
      EXPECT_EQ(publish.planted, "anti_pattern");
      EXPECT_EQ(publish.result, "refused");
      EXPECT_NE(publish.detail.find("antipattern.raw_table"), std::string::npos);
    }
    if (publish.product == "legacy_battle_reports") {  // team-archive has no members left
      EXPECT_EQ(publish.planted, "no_owner");
      EXPECT_EQ(publish.result, "error");
      EXPECT_NE(publish.detail.find("'team-archive' has no members"), std::string::npos)
          << publish.detail;
    }
  }
  EXPECT_EQ(published, report->products.size() - 2);
  const DemoPublish& quality = report->publishes[report->products.size()];
  EXPECT_EQ(quality.planted, "quality");
  EXPECT_EQ(quality.result, "rejected");
  EXPECT_NE(quality.detail.find("engagements"), std::string::npos) << quality.detail;
  const DemoPublish& bump = report->publishes.back();
  EXPECT_EQ(bump.planted, "major_bump");
  EXPECT_EQ(bump.result, "refused");
  EXPECT_NE(bump.detail.find("missions_ended"), std::string::npos) << bump.detail;
  EXPECT_NE(bump.detail.find("command-staff"), std::string::npos) << bump.detail;
  EXPECT_TRUE(fs->Exists(out + "/store/catalog.db"));
  // Parquet products get Parquet samples.
  for (const DemoFile& file : report->files) {
    if (file.format == "parquet") {
      EXPECT_EQ(fs->ReadFile(file.path).ValueOr("").substr(0, 4), "PAR1") << file.path;
    }
  }

  // A second run starts from a fresh store: the same snapshots again, not the next ones.
  auto again = RunDemo(options, fs, nullptr, StandardDemoSteps());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->stopped_because.empty()) << again->stopped_because;
  EXPECT_EQ(again->publishes.front().ref, report->publishes.front().ref);
}

TEST(DemoRunnerTest, RemoveFieldWithMinorBumpDropsTheEntryAndRaisesTheMinor) {
  const std::string yaml =
      "name: x\nschema_version: v2.1\nschema:\n  fields:\n    - name: a\n      type: int32\n"
      "    - name: b\n      type: string\n      description: >-\n        text\n\n"
      "    - name: c\n      type: date\nquality:\n  - check: row_count\n    min: 1\n";
  Descriptor descriptor;
  descriptor.file = "x.yaml";
  descriptor.schema_version = {2, 1, 0};
  auto changed = RemoveFieldWithMinorBump(yaml, descriptor, "b");
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(*changed,
            "name: x\nschema_version: 2.2.0\nschema:\n  fields:\n    - name: a\n"
            "      type: int32\n    - name: c\n      type: date\nquality:\n"
            "  - check: row_count\n    min: 1\n");
  EXPECT_FALSE(RemoveFieldWithMinorBump(yaml, descriptor, "zz").ok());
}

TEST(DemoRunnerTest, ValidationErrorsStopBeforeAnythingIsWritten) {
  auto fs = PosixFileSystem();
  const std::string mesh = MakeTempDir();
  ASSERT_TRUE(fs->WriteFileAtomically(mesh + "/mesh.yaml",
                                      "name: broken\nteams:\n  - id: team-a\n    members: [ann]\n"
                                      "domains:\n  - id: ops\n    description: Ops\n"
                                      "    owners: [team-a]\n")
                  .ok());
  ASSERT_TRUE(fs->CreateDirs(mesh + "/products/ops").ok());
  ASSERT_TRUE(fs->WriteFileAtomically(mesh + "/products/ops/thing.yaml",
                                      "name: thing\ndomain: nowhere\nowner: team-a\n"
                                      "schema_version: v1\noutput_format: csv\n"
                                      "schema:\n  fields:\n    - name: id\n      type: int64\n")
                  .ok());
  const std::string out = MakeTempDir();
  auto report = RunDemo(Options(mesh, out), fs, nullptr, ValidateAndGenerate());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->CountErrors(), 0u);
  EXPECT_FALSE(report->stopped_because.empty());
  EXPECT_TRUE(report->files.empty());
  EXPECT_FALSE(fs->Exists(out + "/data"));
  EXPECT_EQ(report->steps_run, (std::vector<std::string>{"validate"}));
}

TEST(DemoRunnerTest, MissingWorkspaceIsAnErrorNamingIt) {
  auto report = RunDemo(Options("/nonexistent/mesh", MakeTempDir()), PosixFileSystem(), nullptr,
                        ValidateAndGenerate());
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("/nonexistent/mesh"), std::string::npos)
      << report.status().ToString();
}

TEST(DemoReportTest, JsonHasTheDocumentedKeys) {
  DemoReport report;
  report.workspace = "examples/prophecy-hall";
  report.organisation = "prophecy-hall";
  report.now = *ParseTimestamp(kDemoNow);
  report.files.push_back({"unit_registry", "personnel", "out/data/unit_registry.csv", "csv", 5, 120,
                          "generated 5 of 10 rows: ..."});
  report.steps_run = {"validate", "generate"};
  const nlohmann::json json = DemoReportToJson(report);
  for (const char* key :
       {"workspace", "organisation", "now", "seed", "rows_per_product", "teams", "people",
        "domains", "products", "validation", "anti_patterns", "files", "steps", "stopped"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["now"], "2026-11-20T08:00:00Z");
  EXPECT_EQ(json["files"][0]["shortfall"], "generated 5 of 10 rows: ...");
  EXPECT_TRUE(json["stopped"].is_null());
}

}  // namespace
}  // namespace mesh::demo
