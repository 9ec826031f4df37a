// Govern: applies federated governance (governance.md) to a whole mesh: builds each domain's
// effective policy, checks every descriptor and the mesh-wide rules under it, runs the
// anti-pattern lint, and applies waivers and severity overrides. Returns every finding, sorted.
// Thread-safe (no shared state).
#pragma once

#include <vector>

#include "base/time.h"
#include "governance/policy.h"
#include "model/descriptor.h"
#include "model/finding.h"
#include "model/organisation.h"

namespace mesh::governance {

struct GovernanceInput {
  const Organisation* org = nullptr;        // required
  std::vector<const Descriptor*> products;  // each product once
  const Policy* global_policy = nullptr;    // null: no governance/global.yaml (defaults apply)
  std::vector<Policy> domain_policies;      // governance/domains/*.yaml
  Timestamp now;                            // decides which waivers have expired
  bool anti_patterns = true;                // run the mesh-wide anti-pattern lint
};

std::vector<Finding> Govern(const GovernanceInput& input);

}  // namespace mesh::governance
