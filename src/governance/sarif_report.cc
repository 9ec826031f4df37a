#include "governance/sarif_report.h"

#include <map>
#include <nlohmann/json.hpp>

#include "governance/rule_ids.h"

namespace mesh::governance {
namespace {

using Json = nlohmann::ordered_json;

std::string_view SarifLevel(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

Json Location(const Finding& finding) {
  Json physical = {{"artifactLocation", {{"uri", finding.file}}}};
  if (finding.line > 0) {
    physical["region"] = {{"startLine", finding.line},
                          {"startColumn", finding.column > 0 ? finding.column : 1}};
  }
  return Json::array({{{"physicalLocation", physical}}});
}

}  // namespace

std::string GovernanceRuleSummary(std::string_view rule) {
  const RuleInfo* info = FindRule(rule);
  return info ? std::string(info->summary) : "";
}

std::string SarifReport(const std::vector<Finding>& findings,
                        std::string (*rule_summary)(std::string_view rule)) {
  std::map<std::string, size_t> rule_index;
  Json rules = Json::array();
  for (const Finding& finding : findings) {
    if (rule_index.count(finding.rule)) continue;
    rule_index.emplace(finding.rule, rules.size());
    Json rule = {{"id", finding.rule}};
    std::string summary = rule_summary ? rule_summary(finding.rule) : "";
    if (!summary.empty()) rule["shortDescription"] = {{"text", summary}};
    rule["helpUri"] = "docs/rules.md";
    rules.push_back(std::move(rule));
  }
  Json results = Json::array();
  for (const Finding& finding : findings) {
    results.push_back({{"ruleId", finding.rule},
                       {"ruleIndex", rule_index[finding.rule]},
                       {"level", SarifLevel(finding.severity)},
                       {"message", {{"text", finding.message}}},
                       {"locations", Location(finding)}});
  }
  Json driver = {{"name", "mesh"},
                 {"version", MESH_VERSION},
                 {"rules", std::move(rules)}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({{{"tool", {{"driver", std::move(driver)}}},
                                     {"results", std::move(results)}}})}};
  return log.dump(2) + "\n";
}

}  // namespace mesh::governance
