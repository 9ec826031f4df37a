// The seam where access enforcement plugs into `mesh read` (governance.md "Identity and
// access"). The verb asks the installed ReadAccessCheck whether the person may read the
// snapshot and which of its fields to leave out; ReadVersion (src/publish/version_reader.h)
// then leaves them out and reports them.
//
// Until the access module (src/access/: Authorizer::Check(principal, Permission::kReadData,
// resource) and Authorizer::Withheld) is connected here with SetReadAccessCheck, the installed
// check is ReadAccessWithoutGrants: the rules of governance.md for a mesh in which no grant has
// been given. Connecting the Authorizer replaces it; nothing else in the verb changes.
// Thread-compatible: install the check once, before verbs run.
#pragma once

#include <functional>
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

// OK with the fields to leave out, or PermissionDenied saying what is missing.
using ReadAccessCheck =
    std::function<Result<std::vector<access::WithheldField>>(const ReadAccessRequest&)>;

void SetReadAccessCheck(ReadAccessCheck check);
const ReadAccessCheck& InstalledReadAccessCheck();

// The access module's rules (the installed check): access::Authorizer over the catalog's grants
// decides Check(kReadData) and Withheld for the snapshot's descriptor, with the taxonomy of
// the global policy. A denied read is audited (action "read", outcome "denied").
Result<std::vector<access::WithheldField>> ReadAccessWithGrants(const ReadAccessRequest& request);

// No grants exist: members of the owning team read everything; anyone else may read a product
// classified public or internal (or unclassified), without its fields classified above the
// product or tagged pii; confidential and restricted products are denied (they need a grant).
Result<std::vector<access::WithheldField>> ReadAccessWithoutGrants(
    const ReadAccessRequest& request);

}  // namespace mesh::cli
