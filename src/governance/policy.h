// Policy: one governance policy file (governance/global.yaml or governance/domains/<domain>.yaml,
// governance.md "Federated governance") as written, with the position of every key and value,
// and EffectivePolicy: what applies to one domain's products once the global policy has been
// tightened by the domain's own (see effective_policy.h). Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "governance/naming.h"
#include "model/descriptor.h"
#include "model/finding.h"
#include "yaml/node.h"

namespace mesh::governance {

// A rule's severity set by the policy's `severity` map ("naming.field: warn"). `rule` is a rule id
// or a family prefix ending in ".*" ("required.*").
struct SeverityOverride {
  std::string rule;
  Severity severity = Severity::kWarn;
  yaml::Mark mark;  // the key
};

// One entry of `waivers`: silences `rule` for `product` up to and including the day `expires`.
struct Waiver {
  std::string rule;
  std::string product;
  std::string reason;
  int32_t expires = 0;  // days since 1970-01-01 (the last day the waiver applies)
  std::string expires_text;
  yaml::Mark mark;       // the list item
  KeyMarks value_marks;  // "rule", "product", "reason", "expires"

  // True from the day after `expires` (UTC) on.
  bool IsExpired(Timestamp now) const;
  yaml::Mark ValueMarkOf(std::string_view key) const;
};

// A policy file as written: every key is optional; absent keys take the global defaults
// (DefaultPolicyValues) or, in a domain policy, the global value.
struct Policy {
  std::string file;
  std::string domain;  // empty for the global policy

  std::optional<NamingRule> naming_product;
  std::optional<NamingRule> naming_field;
  std::optional<NamingRule> naming_domain;
  std::optional<int64_t> naming_max_length;
  std::optional<int64_t> naming_min_length;
  std::optional<std::vector<std::string>> required;
  std::optional<std::vector<std::string>> allowed_formats;
  std::optional<std::vector<std::string>> classification_levels;
  std::optional<std::string> pii_min_level;
  std::optional<double> sla_min_completeness;
  std::optional<double> sla_max_lag_hours;
  std::optional<bool> time_fields_typed;
  std::optional<int64_t> deprecation_days;
  std::vector<SeverityOverride> severity;
  std::vector<Waiver> waivers;

  yaml::Mark mark;       // the document
  KeyMarks marks;        // keys by full path: "naming.product", "sla", "required[1]", ...
  KeyMarks value_marks;  // their values

  bool IsGlobal() const { return domain.empty(); }
  // The position of the value of `key` (full path), else of the key, else of the document.
  yaml::Mark ValueMarkOf(std::string_view key) const;
};

// The policy that applies to the products of one domain: every key resolved.
struct EffectivePolicy {
  std::string domain;  // empty: the global policy alone (products of no known domain)

  // Every rule of a list must hold (the global rule, then the domain's stricter one).
  std::vector<NamingRule> naming_product;
  std::vector<NamingRule> naming_field;
  std::vector<NamingRule> naming_domain;
  int64_t naming_max_length = 64;
  int64_t naming_min_length = 3;
  std::vector<std::string> required;
  std::vector<std::string> allowed_formats;
  std::vector<std::string> classification_levels;
  std::optional<std::string> pii_min_level;
  std::optional<double> sla_min_completeness;
  std::optional<double> sla_max_lag_hours;
  bool time_fields_typed = true;
  int64_t deprecation_days = 90;
  std::map<std::string, Severity, std::less<>> severity;  // rule id or "family.*"
  std::vector<Waiver> waivers;

  // Rank of a classification level (0 = lowest); -1 when the level is not in the taxonomy.
  int LevelRank(std::string_view level) const;
  // The severity of `rule` after overrides: an exact id wins over the longest "prefix.*".
  Severity SeverityOf(std::string_view rule, Severity default_severity) const;
  // The waiver that silences `rule` for `product` at `now`, if any (expired ones never do).
  const Waiver* ActiveWaiver(std::string_view rule, std::string_view product, Timestamp now) const;
};

// The built-in global policy: what applies when governance/global.yaml is absent, and to every
// key global.yaml leaves out (docs/governance.md lists the values).
EffectivePolicy DefaultEffectivePolicy();

// Keys `required` may name ("description", "sla.availability", ...), in documentation order.
const std::vector<std::string>& RequirableKeys();

// True when the descriptor has a non-empty value for a key of RequirableKeys().
bool DescriptorHasKey(const Descriptor& descriptor, std::string_view key);

}  // namespace mesh::governance
