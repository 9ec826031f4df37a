// Helpers for the SLA tests: snapshots whose stored descriptor promises a given SLA.
#pragma once

#include <string>

#include "catalog/catalog.h"

namespace mesh::sla {

inline std::string DescriptorWithSla(const std::string& availability, const std::string& zone,
                                     double max_lag_hours = 4, double min_completeness = 0.95) {
  return "name: orders\ndomain: operations\nowner: team-operations\ndescription: Orders\n"
         "schema_version: 1.0.0\noutput_format: parquet\nsla:\n  availability: \"" +
         availability + "\"\n  timezone: " + zone +
         "\n  max_lag_hours: " + std::to_string(max_lag_hours) +
         "\n  min_completeness: " + std::to_string(min_completeness) +
         "\nevent_time: day\nschema:\n  fields:\n    - name: day\n      type: date\n"
         "      required: true\n";
}

inline VersionRecord Snapshot(int64_t snapshot, const char* published_at, double lag_hours,
                              const std::string& descriptor_yaml) {
  VersionRecord version;
  version.product = "orders";
  version.version = SchemaVersion{1, 0, 0};
  version.snapshot = snapshot;
  version.descriptor_yaml = descriptor_yaml;
  version.published_at = *ParseTimestamp(published_at);
  version.lag_hours = lag_hours;
  version.completeness = 1;
  version.publisher = "alice";
  return version;
}

inline QuarantineEntry Rejection(int64_t id, const char* at, const std::string& reason) {
  QuarantineEntry entry;
  entry.id = id;
  entry.product = "orders";
  entry.attempted_version = SchemaVersion{1, 0, 0};
  entry.reason = reason;
  entry.person = "bob";
  entry.at = *ParseTimestamp(at);
  return entry;
}

}  // namespace mesh::sla
