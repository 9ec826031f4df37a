// The rule ids governance and the anti-pattern lint report (docs/rules.md explains each one).
// Ids are stable: users write them in severity overrides and waivers, scripts match on them.
// Immutable tables; safe for concurrent use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace mesh::governance {

struct RuleInfo {
  std::string_view id;  // "naming.product"; "required.<key>" stands for the family
  Severity default_severity;
  std::string_view summary;  // one line: what the rule checks
};

// Every governance, policy and anti-pattern rule, in documentation order.
const std::vector<RuleInfo>& GovernanceRules();

// The rule ids a severity override or a waiver may name: every id of GovernanceRules() except
// the policy.* and waiver.* ones, plus "required.<key>" for each requirable key.
bool IsWaivableRule(std::string_view rule);

// The RuleInfo of `rule` ("required.sla" maps to the "required.<key>" entry); nullptr if unknown.
const RuleInfo* FindRule(std::string_view rule);

}  // namespace mesh::governance
