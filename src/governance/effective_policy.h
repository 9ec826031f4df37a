// The effective policy of governance.md: the global policy, with built-in defaults for the keys
// it leaves out, tightened by a domain's own policy. A domain value that would loosen the global
// one is reported as policy.loosens (naming the domain, the key and both values) and ignored, so
// the global rule keeps applying. docs/governance.md defines "tighter" for every key.
// Pure functions; thread-safe.
#pragma once

#include "governance/policy.h"
#include "model/finding.h"

namespace mesh::governance {

// The global policy as it applies: `global` (may be null: no governance/global.yaml) over
// DefaultEffectivePolicy().
EffectivePolicy ResolveGlobalPolicy(const Policy* global);

// `global` tightened by `domain_policy`. Loosening values are reported into `sink` (the domain
// policy's file) at the domain's value and left out.
EffectivePolicy TightenForDomain(const EffectivePolicy& global, const Policy& domain_policy,
                                 FindingSink* sink);

}  // namespace mesh::governance
