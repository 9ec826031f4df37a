// Descriptors for the model, publish and lineage tests: the complete example of data-product.md,
// and edits of it.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "model/descriptor.h"
#include "model/descriptor_parser.h"

namespace mesh::testing {

// The complete example of data-product.md (schema_version v2.1).
inline constexpr const char* kSpecExample = R"(name: mission_completion_rate
domain: operations
owner: team-operations
description: Daily mission completion rate, by type and region
schema_version: v2.1
output_format: parquet
documentation_url: https://wiki.internal/mission-completion-rate
sla:
  availability: "08:00 daily"
  timezone: UTC
  max_lag_hours: 4
  min_completeness: 0.95
lineage: [missions_raw, team_assignments, "source:erp/orders"]
consumer_teams: [analytics, performance-dashboard]
classification: internal
tags: [kpi]
support:
  channel: "#ops-data"
  email: ops-data@example.org
event_time: day
schema:
  primary_key: [day, region, mission_type]
  fields:
    - name: day
      type: date
      description: Calendar day (UTC) on which the missions ended
      required: true
    - name: region
      type: string
      description: Operating region
      required: true
      allowed_values: [north, south, east, west]
    - name: mission_type
      type: string
      required: true
    - name: completion_rate
      type: double
      description: Completed missions / started missions, 0..1
      min: 0
      max: 1
    - name: commander_email
      type: string
      classification: restricted
      tags: [pii]
quality:
  - check: row_count
    min: 1
  - check: pattern
    column: commander_email
    pattern: '^[^@\s]+@[^@\s]+$'
    max_failing: 0.01
    severity: warn
)";

// `text` with the single occurrence of `from` replaced by `to` (fails the test when `from`
// does not occur exactly once, so an edit can never silently do nothing).
inline std::string Edit(const std::string& text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' not found";
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "'" << from << "' occurs twice";
  std::string out = text;
  out.replace(at, from.size(), to);
  return out;
}

// Parses a descriptor that must be free of errors.
inline Descriptor ParseClean(const std::string& yaml, const std::string& file = "product.yaml") {
  FindingSink sink(file);
  std::optional<Descriptor> descriptor = ParseDescriptorText(yaml, file, &sink);
  std::string errors;
  for (const Finding& finding : sink.findings()) errors += finding.ToString() + "\n";
  EXPECT_TRUE(descriptor.has_value() && !sink.HasErrors()) << errors << yaml;
  return descriptor.value_or(Descriptor{});
}

}  // namespace mesh::testing
