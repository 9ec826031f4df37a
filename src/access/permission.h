// Permission: what a route or verb needs (governance.md "Identity and access"). The server's route
// table maps every route to exactly one Permission; the Authorizer decides it. Deny by default:
// a route without an entry cannot be reached.
#pragma once

#include <optional>
#include <string_view>

namespace mesh::access {

enum class Permission {
  kAuthenticated,  // read catalog metadata: any valid token
  kReadData,       // read a product's data: its classification and the reader team's grants
  kPublish,        // publish a product: member of a team that owns the product's domain
  kManageAccess,   // grant/revoke/approve/deny on a product: owners of its domain (or admin)
  kRequestAccess,  // ask for access to a product: any authenticated person
  kGovernance,     // change policy, see the whole audit log: role "governance" (or admin)
  kAdmin,          // tokens and platform operations: role "admin"
};

std::string_view PermissionName(Permission permission);  // "read_data", ...
std::optional<Permission> ParsePermission(std::string_view name);

}  // namespace mesh::access
