// The governance rules that need the whole mesh: lineage.unknown_product, lineage.cycle (the
// message gives the cycle's path), consumers.unknown_team, and naming.domain / naming.max_length
// for the domain ids of mesh.yaml. Thread-safe (no shared state; the reporter is the caller's).
#pragma once

#include <vector>

#include "governance/policy_set.h"
#include "model/descriptor.h"
#include "model/organisation.h"

namespace mesh::governance {

void CheckMesh(const Organisation& org, const std::vector<const Descriptor*>& products,
               RuleReporter* reporter);

}  // namespace mesh::governance
