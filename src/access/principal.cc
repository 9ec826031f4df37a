#include "access/principal.h"

#include <algorithm>

namespace mesh::access {

bool Principal::HasRole(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::InTeam(std::string_view team) const {
  return std::find(teams.begin(), teams.end(), team) != teams.end();
}

Result<Principal> MakePrincipal(const Organisation& organisation, std::string_view person) {
  if (person.empty() || !organisation.HasPerson(person)) {
    return Status::NotFound(
        "person '" + std::string(person) + "' is not a member of any team in " +
        (organisation.file.empty() ? std::string("mesh.yaml") : organisation.file) +
        ": add them to a team or name someone who is");
  }
  Principal principal;
  principal.person = std::string(person);
  principal.teams = organisation.TeamsOf(person);
  for (const std::string& team_id : principal.teams) {
    const Team* team = organisation.FindTeam(team_id);
    for (const std::string& role : team->roles) {
      if (!principal.HasRole(role)) principal.roles.push_back(role);
    }
  }
  return principal;
}

}  // namespace mesh::access
