// SarifReport: findings as a SARIF 2.1.0 log (the format code-scanning tools read), one run of
// the tool "mesh" whose driver lists every rule that has a result. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"

namespace mesh::governance {

// The SARIF document, pretty-printed JSON. `rule_summary(id)` gives a rule's one-line
// description (empty when unknown).
std::string SarifReport(const std::vector<Finding>& findings,
                        std::string (*rule_summary)(std::string_view rule) = nullptr);

// The summary of a governance rule (rule_ids.h), else "".
std::string GovernanceRuleSummary(std::string_view rule);

}  // namespace mesh::governance
