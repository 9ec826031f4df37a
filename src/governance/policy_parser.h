// ParsePolicy: reads one governance policy file (governance.md "governance/global.yaml") into a
// Policy, reporting every problem as a finding with its place: policy.unknown_key,
// policy.duplicate_key, policy.type (wrong YAML type), policy.invalid (a value the policy model
// refuses: an unknown naming style, a bad RE2 pattern, a completeness outside 0..1, an unknown
// required key or format, ...) and policy.unknown_rule (a severity override or waiver naming a
// rule that does not exist). A bad entry is left out; the rest of the file still applies.
// Thread-safe (no shared state).
#pragma once

#include <string>

#include "governance/policy.h"
#include "model/finding.h"
#include "yaml/node.h"

namespace mesh::governance {

// `domain` is empty for governance/global.yaml, else the domain the file is named after.
Policy ParsePolicy(const yaml::Document& document, const std::string& domain, FindingSink* sink);

}  // namespace mesh::governance
