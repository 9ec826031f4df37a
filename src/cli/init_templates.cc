#include "cli/init_templates.h"

#include <cctype>

namespace mesh::cli {
namespace {

std::string MeshYaml(std::string_view name) {
  return "# The organisation of the mesh (governance.md \"mesh.yaml\"): teams, people, domains.\n"
         "name: " +
         std::string(name) +
         "\n"
         "teams:\n"
         "  - id: team-sales\n"
         "    members: [alice, bob]\n"
         "  - id: analytics\n"
         "    members: [carol]\n"
         "  - id: governance\n"
         "    members: [dave]\n"
         "    roles: [governance]\n"
         "domains:\n"
         "  - id: sales\n"
         "    description: Orders, customers and revenue\n"
         "    owners: [team-sales]\n";
}

constexpr const char* kGlobalPolicy =
    R"(# The global policy of the mesh (governance.md), owned by the governance team. A domain may
# tighten these rules in governance/domains/<domain>.yaml, never loosen them.
naming:
  product: snake_case
  field: snake_case
  domain: kebab-case
  max_length: 64
required: [description, documentation_url, sla, support, classification]
allowed_formats: [parquet, csv, jsonl]
classification:
  levels: [public, internal, confidential, restricted]
  pii_min_level: confidential
sla:
  min_completeness: 0.90
  max_lag_hours: 48
standards:
  time_fields_typed: true
versions:
  deprecation_days: 90
)";

constexpr const char* kExampleProduct =
    R"(# An example data product (data-product.md). Copy it to start your own.
name: daily_orders
domain: sales
owner: team-sales
description: Orders placed per day and region, one row per day and region
schema_version: 1.0.0
output_format: parquet
documentation_url: https://wiki.example.org/data/daily-orders
sla:
  availability: "07:00 daily"
  timezone: UTC
  max_lag_hours: 24
  min_completeness: 0.95
consumer_teams: [analytics]
classification: internal
tags: [example, kpi]
support:
  channel: "#sales-data"
  email: sales-data@example.org
event_time: order_date
schema:
  primary_key: [order_date, region]
  fields:
    - name: order_date
      type: date
      description: Calendar day (UTC) on which the orders were placed
      required: true
    - name: region
      type: string
      description: Sales region
      required: true
      allowed_values: [north, south, east, west]
    - name: order_count
      type: int64
      description: Number of orders placed
      required: true
      min: 0
    - name: revenue
      type: decimal(18,2)
      description: Sum of the order totals, in EUR
      min: 0
quality:
  - check: row_count
    min: 1
)";

}  // namespace

std::vector<std::pair<std::string, std::string>> InitialWorkspaceFiles(std::string_view mesh_name) {
  return {
      {"mesh.yaml", MeshYaml(mesh_name)},
      {"governance/global.yaml", kGlobalPolicy},
      {"products/sales/daily_orders.yaml", kExampleProduct},
  };
}

std::string MeshNameFromFolder(std::string_view folder) {
  std::string out;
  for (char c : folder) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "my-mesh" : out;
}

}  // namespace mesh::cli
