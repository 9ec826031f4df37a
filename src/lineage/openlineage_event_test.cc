#include "lineage/openlineage_event.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <nlohmann/json.hpp>

#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

VersionRecord Snapshot17() {
  VersionRecord version;
  version.product = "mission_completion_rate";
  version.version = SchemaVersion{2, 1, 0};
  version.snapshot = 17;
  version.row_count = 120;
  version.bytes = 4096;
  version.published_at = *ParseTimestamp("2026-11-20T07:30:00Z");
  return version;
}

TEST(OpenLineageEventTest, CompletePublishDescribesJobInputsAndOutput) {
  Descriptor descriptor = testing::ParseClean(testing::kSpecExample);
  OpenLineageOptions options;
  options.mesh_namespace = "meshwork://prophecy-hall";
  auto text = OpenLineageRunEvent(descriptor, Snapshot17(), RunOutcome::kComplete, options);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->find('\n'), std::string::npos) << "one line per event";
  auto event = nlohmann::json::parse(*text);
  EXPECT_EQ(event["eventType"], "COMPLETE");
  EXPECT_EQ(event["eventTime"], "2026-11-20T07:30:00Z");
  EXPECT_EQ(event["schemaURL"],
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
  EXPECT_EQ(event["job"]["namespace"], "meshwork://prophecy-hall");
  EXPECT_EQ(event["job"]["name"], "operations.mission_completion_rate.publish");
  ASSERT_EQ(event["inputs"].size(), 3u);
  EXPECT_EQ(event["inputs"][0]["name"], "missions_raw");
  EXPECT_EQ(event["inputs"][0]["namespace"], "meshwork://prophecy-hall");
  EXPECT_EQ(event["inputs"][2]["namespace"], "source:erp");
  EXPECT_EQ(event["inputs"][2]["name"], "orders");
  const auto& output = event["outputs"][0];
  EXPECT_EQ(output["name"], "mission_completion_rate");
  ASSERT_EQ(output["facets"]["schema"]["fields"].size(), 5u);
  EXPECT_EQ(output["facets"]["schema"]["fields"][3]["type"], "double");
  EXPECT_EQ(output["facets"]["version"]["datasetVersion"], "2.1.0#17");
  EXPECT_EQ(output["outputFacets"]["outputStatistics"]["rowCount"], 120);
  EXPECT_EQ(output["outputFacets"]["outputStatistics"]["size"], 4096);
  EXPECT_TRUE(RE2::FullMatch(event["run"]["runId"].get<std::string>(),
                             RE2("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                 "[0-9a-f]{12}")))
      << event["run"]["runId"];
}

TEST(OpenLineageEventTest, RunIdIsStablePerSnapshotAndDiffersBetweenSnapshots) {
  Descriptor descriptor = testing::ParseClean(testing::kSpecExample);
  VersionRecord version = Snapshot17();
  auto first = nlohmann::json::parse(
      OpenLineageRunEvent(descriptor, version, RunOutcome::kComplete).ValueOr("{}"));
  auto again = nlohmann::json::parse(
      OpenLineageRunEvent(descriptor, version, RunOutcome::kComplete).ValueOr("{}"));
  version.snapshot = 18;
  auto next = nlohmann::json::parse(
      OpenLineageRunEvent(descriptor, version, RunOutcome::kComplete).ValueOr("{}"));
  EXPECT_EQ(first["run"]["runId"], again["run"]["runId"]);
  EXPECT_NE(first["run"]["runId"], next["run"]["runId"]);
}

TEST(OpenLineageEventTest, FailedPublishHasNoVersionOrStatistics) {
  Descriptor descriptor = testing::ParseClean(testing::kSpecExample);
  VersionRecord attempt = Snapshot17();
  attempt.snapshot = 0;
  auto event = nlohmann::json::parse(
      OpenLineageRunEvent(descriptor, attempt, RunOutcome::kFail).ValueOr("{}"));
  EXPECT_EQ(event["eventType"], "FAIL");
  EXPECT_FALSE(event["run"].contains("facets"));
  EXPECT_FALSE(event["outputs"][0]["facets"].contains("version"));
  EXPECT_FALSE(event["outputs"][0].contains("outputFacets"));
}

TEST(OpenLineageEventTest, FailedPublishSaysWhyInTheErrorMessageFacet) {
  Descriptor descriptor = testing::ParseClean(testing::kSpecExample);
  VersionRecord attempt = Snapshot17();
  attempt.snapshot = 0;
  auto event = nlohmann::json::parse(
      OpenLineageRunEvent(descriptor, attempt, RunOutcome::kFail, {}, "check row_count failed")
          .ValueOr("{}"));
  const auto& facet = event["run"]["facets"]["errorMessage"];
  EXPECT_EQ(facet["message"], "check row_count failed");
  EXPECT_EQ(facet["programmingLanguage"], "C++");
  EXPECT_EQ(facet["_schemaURL"],
            "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/"
            "ErrorMessageRunFacet");
  EXPECT_TRUE(facet.contains("_producer"));
}

}  // namespace
}  // namespace mesh
