#include "governance/rule_ids.h"

#include <algorithm>

#include "governance/policy.h"

namespace mesh::governance {

const std::vector<RuleInfo>& GovernanceRules() {
  static const std::vector<RuleInfo> rules = {
      {"naming.product", Severity::kError, "a product name follows the naming.product style"},
      {"naming.field", Severity::kError, "a field name follows the naming.field style"},
      {"naming.domain", Severity::kError, "a domain id of mesh.yaml follows naming.domain"},
      {"naming.max_length", Severity::kError,
       "product, field and domain names are at most naming.max_length characters"},
      {"naming.min_length", Severity::kError,
       "product names are at least naming.min_length characters"},
      {"required.<key>", Severity::kError, "a key the policy lists under `required` is present"},
      {"format.not_allowed", Severity::kError, "output_format is one of allowed_formats"},
      {"classification.unknown_level", Severity::kError,
       "product and field classifications are levels of the taxonomy"},
      {"classification.field_below_product", Severity::kError,
       "no field is classified below its product"},
      {"classification.pii", Severity::kError,
       "a field tagged pii is classified at least classification.pii_min_level"},
      {"sla.min_completeness", Severity::kError,
       "a product promises at least the sla.min_completeness floor"},
      {"sla.max_lag_hours", Severity::kError,
       "a product promises at most the sla.max_lag_hours ceiling"},
      {"sla.lag_without_event_time", Severity::kError,
       "a product promising max_lag_hours names an event_time field"},
      {"standards.time_fields_typed", Severity::kError,
       "fields named like times are typed date or timestamp"},
      {"lineage.unknown_product", Severity::kError,
       "lineage names products of the mesh or source:<system>/<object>"},
      {"lineage.cycle", Severity::kError, "product lineage has no cycle"},
      {"consumers.unknown_team", Severity::kError, "consumer_teams are teams of mesh.yaml"},
      {"antipattern.raw_table", Severity::kWarn,
       "a product is more than a raw table: described, documented, with an SLA and checks"},
      {"antipattern.micro_products", Severity::kWarn,
       "a domain does not split one entity into many thin products"},
      {"antipattern.domain_isolation", Severity::kWarn,
       "one concept is spelled, typed and keyed the same way across domains"},
      {"waiver.expired", Severity::kWarn, "a waiver past its expiry date (it no longer applies)"},
      {"waiver.unknown_product", Severity::kError, "a waiver names a product of the mesh"},
      {"policy.loosens", Severity::kError, "a domain policy only tightens the global policy"},
      {"policy.invalid", Severity::kError, "a policy value is one the policy model accepts"},
      {"policy.unknown_rule", Severity::kError,
       "severity overrides and waivers name rule ids that exist"},
      {"policy.unknown_domain", Severity::kError,
       "a domain policy file is named after a domain of mesh.yaml"},
      {"policy.unknown_key", Severity::kError, "a policy file has only the keys of governance.md"},
      {"policy.duplicate_key", Severity::kError, "a policy file writes each key once"},
      {"policy.type", Severity::kError, "a policy value has the YAML type its key needs"},
      {"policy.syntax", Severity::kError, "a policy file is readable YAML"},
  };
  return rules;
}

const RuleInfo* FindRule(std::string_view rule) {
  const auto& rules = GovernanceRules();
  constexpr std::string_view kRequiredPrefix = "required.";
  if (rule.substr(0, kRequiredPrefix.size()) == kRequiredPrefix) {
    std::string_view key = rule.substr(kRequiredPrefix.size());
    const auto& keys = RequirableKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) return nullptr;
    rule = "required.<key>";
  }
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const RuleInfo& info) { return info.id == rule; });
  return it == rules.end() ? nullptr : &*it;
}

bool IsWaivableRule(std::string_view rule) {
  if (rule.substr(0, 7) == "policy." || rule.substr(0, 7) == "waiver.") return false;
  return FindRule(rule) != nullptr;
}

}  // namespace mesh::governance
