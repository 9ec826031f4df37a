// Authorizer: the one place that decides whether a principal may do something (governance.md
// "Identity and access"). Deny by default; every decision is a pure function of the organisation
// (mesh.yaml), the product's current descriptor, the access grants in the catalog and the clock.
// Thread-safe for concurrent Check calls (the access store must be).
#pragma once

#include <string>
#include <vector>

#include "access/permission.h"
#include "access/principal.h"
#include "base/clock.h"
#include "base/result.h"
#include "base/status.h"
#include "model/descriptor.h"
#include "model/organisation.h"

namespace mesh::access {

class AccessStore;  // grants and access requests (access_store.h)

// What a permission is checked against. Empty `product` for mesh-wide permissions.
struct Resource {
  std::string product;
  const Descriptor* descriptor = nullptr;  // the product's current descriptor, when it has one
};

// The fields a reader may not receive, and why, for one product.
struct WithheldField {
  std::string field;
  std::string reason;  // "classified restricted, the team's grant covers confidential", ...
};

class Authorizer {
 public:
  Authorizer(const Organisation* organisation, AccessStore* store, const Clock* clock);

  // Builds the principal of a person of mesh.yaml; NotFound naming the person otherwise.
  Result<Principal> PrincipalFor(std::string_view person) const;

  // OK, or PermissionDenied saying what is missing ("needs a grant of confidential to one of the
  // teams ops, analytics; ask with `mesh access request`").
  Status Check(const Principal& principal, Permission permission, const Resource& resource) const;

  // For a reader allowed kReadData: the fields above what the reader's grant covers, or tagged
  // `pii` without a grant covering pii. Every format served leaves these out.
  Result<std::vector<WithheldField>> Withheld(const Principal& principal,
                                              const Resource& resource) const;

 private:
  const Organisation* organisation_;
  AccessStore* store_;
  const Clock* clock_;
};

}  // namespace mesh::access
