// Test helpers: descriptors, organisations and policies built in code, complete enough to pass
// the default global policy, so that each test changes only what it is about.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "governance/policy.h"
#include "governance/policy_parser.h"
#include "model/descriptor.h"
#include "model/organisation.h"
#include "yaml/loader.h"

namespace mesh::governance::testing {

inline Field MakeField(std::string name, std::string type, int line = 10) {
  Field field;
  field.name = std::move(name);
  field.type = FieldType::Parse(type).value();
  field.mark = {line, 5};
  field.marks["name"] = {line, 7};
  field.value_marks["name"] = {line, 13};
  field.marks["type"] = {line + 1, 7};
  field.value_marks["type"] = {line + 1, 13};
  return field;
}

// A product that satisfies the default policy: keyed by its first field.
inline Descriptor MakeProduct(std::string name, std::string domain,
                              std::vector<std::pair<std::string, std::string>> fields = {
                                  {"day", "date"}, {"amount", "double"}}) {
  Descriptor d;
  d.file = "products/" + domain + "/" + name + ".yaml";
  d.name = std::move(name);
  d.domain = std::move(domain);
  d.owner = "team-" + d.domain;
  d.description = "A test product";
  d.schema_version_text = "1.0";
  d.output_format_text = "parquet";
  d.documentation_url = "https://wiki.example.org/" + d.name;
  Sla sla;
  sla.max_lag_hours = 4;
  sla.min_completeness = 0.95;
  sla.mark = {8, 1};
  d.sla = sla;
  d.classification = "internal";
  d.support = Support{"#data", std::nullopt, std::nullopt};
  d.event_time = fields.empty() ? "day" : fields.front().first;
  d.mark = {1, 1};
  d.marks["name"] = {1, 1};
  d.value_marks["name"] = {1, 7};
  d.value_marks["sla"] = {8, 1};
  d.value_marks["sla.max_lag_hours"] = {9, 18};
  d.value_marks["sla.min_completeness"] = {10, 21};
  d.value_marks["output_format"] = {5, 16};
  d.value_marks["classification"] = {6, 17};
  int line = 20;
  for (auto& [field_name, type] : fields) {
    d.schema.fields.push_back(MakeField(field_name, type, line));
    line += 4;
  }
  if (!fields.empty()) {
    d.schema.primary_key = {fields.front().first};
    d.value_marks["schema.primary_key"] = {18, 16};
    d.value_marks["schema.primary_key[0]"] = {18, 17};
  }
  return d;
}

inline void AddLineage(Descriptor* d, std::string input) {
  d->value_marks["lineage[" + std::to_string(d->lineage.size()) + "]"] = {
      12, 11 + static_cast<int>(d->lineage.size()) * 10};
  d->lineage.push_back(std::move(input));
}

inline Organisation MakeOrg(const std::vector<std::string>& domains) {
  Organisation org;
  org.file = "mesh.yaml";
  int line = 2;
  for (const std::string& id : domains) {
    Team team;
    team.id = "team-" + id;
    org.teams.push_back(team);
    Domain domain;
    domain.id = id;
    domain.owners = {team.id};
    domain.mark = {line, 5};
    domain.value_marks["id"] = {line, 9};
    org.domains.push_back(domain);
    line += 3;
  }
  Team analytics;
  analytics.id = "analytics";
  org.teams.push_back(analytics);
  return org;
}

// Parses `text` as a policy; the findings of parsing go to *findings when given.
inline Policy ParsePolicyText(const std::string& text, const std::string& domain = "",
                              std::vector<Finding>* findings = nullptr) {
  std::string file =
      domain.empty() ? "governance/global.yaml" : "governance/domains/" + domain + ".yaml";
  yaml::Document document = yaml::LoadYaml(text, file).value();
  FindingSink sink(file);
  Policy policy = ParsePolicy(document, domain, &sink);
  if (findings) *findings = sink.Take();
  return policy;
}

}  // namespace mesh::governance::testing
