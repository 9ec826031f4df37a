// Authorizer: the one place that decides whether a principal may do something (governance.md
// "Identity and access", docs/access.md). Deny by default; every decision is a function of the
// organisation (mesh.yaml), the product's current descriptor, the grants in the catalog, the
// classification taxonomy and the clock. Teams and roles are always read from the organisation,
// never trusted from the Principal value.
// Thread-safe for concurrent Check calls (the Catalog is).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/access_levels.h"
#include "access/permission.h"
#include "access/principal.h"
#include "base/clock.h"
#include "base/result.h"
#include "base/status.h"
#include "catalog/catalog.h"
#include "model/descriptor.h"
#include "model/organisation.h"

namespace mesh::access {

// What a permission is checked against. Empty `product` for mesh-wide permissions.
struct Resource {
  std::string product;
  // The product's descriptor when the caller has it (a publish's descriptor); when null the
  // product's current version in the catalog is used.
  const Descriptor* descriptor = nullptr;
};

// The fields a reader may not receive, and why, for one product.
struct WithheldField {
  std::string field;
  std::string reason;  // "classified restricted; the grants of analytics cover confidential", ...
};

class Authorizer {
 public:
  Authorizer(const Organisation* organisation, Catalog* catalog, const Clock* clock,
             AccessLevels levels = AccessLevels::Default());

  // The principal of a person of mesh.yaml; NotFound naming the person otherwise.
  Result<Principal> PrincipalFor(std::string_view person) const;

  // OK, or PermissionDenied saying what is missing ("needs an active grant of confidential to one
  // of the teams analytics; ask with `mesh access request`"). NotFound when the product is neither
  // described by the resource nor in the catalog; other errors when the catalog fails.
  Status Check(const Principal& principal, Permission permission, const Resource& resource) const;

  // For a reader allowed kReadData: the fields classified above what the reader's active grants
  // cover, and the fields tagged `pii` without an active grant covering pii at their level, in
  // schema order. Empty for the owners of the product. Every format served leaves these out.
  Result<std::vector<WithheldField>> Withheld(const Principal& principal,
                                              const Resource& resource) const;

  // Members of the product's owner team or of a team owning its domain.
  Result<bool> IsOwner(const Principal& principal, const Resource& resource) const;

  const AccessLevels& levels() const { return levels_; }
  const Organisation& organisation() const { return *organisation_; }

 private:
  struct Subject;
  struct Coverage;

  Result<Subject> Resolve(const Resource& resource, bool need_descriptor) const;
  bool Owns(const Principal& principal, const Subject& subject) const;
  Result<Coverage> CoverageOf(const Principal& principal, std::string_view product) const;
  Status CheckReadData(const Principal& principal, const Subject& subject) const;
  Status CheckProductRole(const Principal& principal, Permission permission,
                          const Resource& resource) const;
  std::string OwnersOf(const Subject& subject) const;

  const Organisation* organisation_;
  Catalog* catalog_;
  const Clock* clock_;
  AccessLevels levels_;
};

}  // namespace mesh::access
