// How `mesh read` decides access (governance.md "Identity and access"): whether the person may
// read the snapshot and which of its fields to leave out, both from access::Authorizer over the
// catalog's grants; ReadVersion (src/publish/version_reader.h) then leaves the fields out and
// reports them.
#pragma once

#include <string>
#include <vector>

#include "access/authorizer.h"
#include "base/clock.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "governance/policy.h"
#include "model/descriptor.h"
#include "model/organisation.h"

namespace mesh::cli {

struct ReadAccessRequest {
  const Organisation* organisation = nullptr;  // mesh.yaml; `person` is one of its people
  std::string person;
  const Descriptor* descriptor = nullptr;               // the snapshot's descriptor, as published
  const governance::EffectivePolicy* policy = nullptr;  // the global policy (taxonomy)
  Catalog* catalog = nullptr;                           // where the access module keeps grants
  const Clock* clock = nullptr;
};

// OK with the fields to leave out, or PermissionDenied saying what is missing:
// access::Authorizer over the catalog's grants decides Check(kReadData) and Withheld for the
// snapshot's descriptor, with the taxonomy of the global policy. A denied read is audited
// (action "read", outcome "denied").
Result<std::vector<access::WithheldField>> ReadAccessWithGrants(const ReadAccessRequest& request);

}  // namespace mesh::cli
