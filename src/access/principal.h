// Principal: who a request acts as, once authenticated. Built only from a verified token (server)
// or a local `--as PERSON` (CLI, which trusts the local user like git does), always through
// MakePrincipal so that teams and roles come from mesh.yaml. A plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/organisation.h"

namespace mesh::access {

struct Principal {
  std::string person;              // a person of mesh.yaml
  std::vector<std::string> teams;  // the teams the person belongs to, in mesh.yaml order
  std::vector<std::string> roles;  // union of the teams' roles: "admin", "governance", ...

  bool HasRole(std::string_view role) const;
  bool InTeam(std::string_view team) const;
};

// The principal of a person of mesh.yaml; NotFound naming the person and the file otherwise.
Result<Principal> MakePrincipal(const Organisation& organisation, std::string_view person);

}  // namespace mesh::access
