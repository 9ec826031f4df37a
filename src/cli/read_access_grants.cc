// ReadAccessWithGrants: `mesh read` asks the Authorizer (docs/access.md "What a reader
// receives").
#include "access/authorizer.h"
#include "cli/read_access.h"

namespace mesh::cli {

Result<std::vector<access::WithheldField>> ReadAccessWithGrants(const ReadAccessRequest& request) {
  access::Authorizer authorizer(
      request.organisation, request.catalog, request.clock,
      access::AccessLevels::FromTaxonomy(request.policy->classification_levels));
  ASSIGN_OR_RAISE(access::Principal principal, authorizer.PrincipalFor(request.person));
  const access::Resource resource{request.descriptor->name, request.descriptor};
  Status allowed = authorizer.Check(principal, access::Permission::kReadData, resource);
  if (allowed.code() == StatusCode::kPermissionDenied) {
    AuditEntry denied{0,
                      request.clock->Now(),
                      request.person,
                      "read",
                      resource.product,
                      "denied",
                      allowed.message(),
                      "",
                      ""};
    RETURN_NOT_OK(request.catalog->AppendAudit(denied).status());
  }
  RETURN_NOT_OK(allowed);
  return authorizer.Withheld(principal, resource);
}

}  // namespace mesh::cli
