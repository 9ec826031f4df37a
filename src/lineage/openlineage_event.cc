#include "lineage/openlineage_event.h"

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "base/time.h"

namespace mesh {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kRunEventSchema =
    "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
constexpr const char* kSchemaFacet =
    "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";
constexpr const char* kVersionFacet =
    "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/"
    "DatasetVersionDatasetFacet";
constexpr const char* kStatisticsFacet =
    "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/"
    "OutputStatisticsOutputDatasetFacet";
constexpr const char* kErrorMessageFacet =
    "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/"
    "ErrorMessageRunFacet";

Json Facet(const OpenLineageOptions& options, const char* schema_url) {
  return Json{{"_producer", options.producer}, {"_schemaURL", schema_url}};
}

// "source:erp/orders" → namespace "source:erp", name "orders"; a product stays in the mesh.
Json InputDataset(const std::string& input, const OpenLineageOptions& options) {
  if (input.rfind("source:", 0) == 0) {
    size_t slash = input.find('/');
    if (slash != std::string::npos) {
      return Json{{"namespace", input.substr(0, slash)}, {"name", input.substr(slash + 1)}};
    }
    return Json{{"namespace", "source:"}, {"name", input.substr(7)}};
  }
  return Json{{"namespace", options.mesh_namespace}, {"name", input}};
}

Json OutputDataset(const Descriptor& descriptor, const VersionRecord& version, RunOutcome outcome,
                   const OpenLineageOptions& options) {
  Json schema = Facet(options, kSchemaFacet);
  schema["fields"] = Json::array();
  for (const Field& field : descriptor.schema.fields) {
    Json entry{{"name", field.name}, {"type", field.type.ToString()}};
    if (!field.description.empty()) entry["description"] = field.description;
    schema["fields"].push_back(entry);
  }
  Json dataset{{"namespace", options.mesh_namespace}, {"name", descriptor.name}};
  dataset["facets"]["schema"] = schema;
  if (outcome == RunOutcome::kComplete) {
    Json dataset_version = Facet(options, kVersionFacet);
    dataset_version["datasetVersion"] =
        FormatSchemaVersion(version.version) + "#" + std::to_string(version.snapshot);
    dataset["facets"]["version"] = dataset_version;
    Json statistics = Facet(options, kStatisticsFacet);
    statistics["rowCount"] = version.row_count;
    statistics["size"] = version.bytes;
    dataset["outputFacets"]["outputStatistics"] = statistics;
  }
  return dataset;
}

}  // namespace

Result<std::string> UuidFromSeed(std::string_view seed) {
  ASSIGN_OR_RAISE(std::string hex, Sha256Hex(seed));
  hex.resize(32);
  hex[12] = '8';  // version 8: custom
  static constexpr char kVariant[] = "89ab";
  hex[16] = kVariant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];  // variant 10xx
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

Result<std::string> OpenLineageRunEvent(const Descriptor& descriptor, const VersionRecord& version,
                                        RunOutcome outcome, const OpenLineageOptions& options,
                                        std::string_view failure) {
  std::string seed = options.mesh_namespace + "|" + descriptor.name + "@" +
                     FormatSchemaVersion(version.version) + "#" + std::to_string(version.snapshot) +
                     "|" + std::to_string(version.published_at.micros);
  ASSIGN_OR_RAISE(std::string run_id, UuidFromSeed(seed));
  Json event;
  event["eventType"] = outcome == RunOutcome::kComplete ? "COMPLETE" : "FAIL";
  event["eventTime"] = FormatTimestamp(version.published_at);
  event["run"] = Json{{"runId", run_id}};
  if (outcome == RunOutcome::kFail && !failure.empty()) {
    Json error = Facet(options, kErrorMessageFacet);
    error["message"] = std::string(failure);
    error["programmingLanguage"] = "C++";
    event["run"]["facets"]["errorMessage"] = error;
  }
  event["job"] = Json{{"namespace", options.mesh_namespace},
                      {"name", descriptor.domain + "." + descriptor.name + ".publish"}};
  event["inputs"] = Json::array();
  for (const std::string& input : descriptor.lineage) {
    event["inputs"].push_back(InputDataset(input, options));
  }
  event["outputs"] = Json::array({OutputDataset(descriptor, version, outcome, options)});
  event["producer"] = options.producer;
  event["schemaURL"] = kRunEventSchema;
  return event.dump();
}

}  // namespace mesh
