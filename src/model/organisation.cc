#include "model/organisation.h"

#include <algorithm>

namespace mesh {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const Team* Organisation::FindTeam(std::string_view id) const {
  for (const Team& team : teams) {
    if (team.id == id) return &team;
  }
  return nullptr;
}

const Domain* Organisation::FindDomain(std::string_view id) const {
  for (const Domain& domain : domains) {
    if (domain.id == id) return &domain;
  }
  return nullptr;
}

bool Organisation::HasPerson(std::string_view person) const {
  return std::any_of(teams.begin(), teams.end(),
                     [&](const Team& team) { return Contains(team.members, person); });
}

bool Organisation::IsMember(std::string_view person, std::string_view team) const {
  const Team* found = FindTeam(team);
  return found != nullptr && Contains(found->members, person);
}

bool Organisation::OwnsDomain(std::string_view team, std::string_view domain) const {
  const Domain* found = FindDomain(domain);
  return found != nullptr && Contains(found->owners, team);
}

std::vector<std::string> Organisation::TeamsOf(std::string_view person) const {
  std::vector<std::string> out;
  for (const Team& team : teams) {
    if (Contains(team.members, person)) out.push_back(team.id);
  }
  return out;
}

bool Organisation::HasRole(std::string_view person, std::string_view role) const {
  return std::any_of(teams.begin(), teams.end(), [&](const Team& team) {
    return Contains(team.members, person) && Contains(team.roles, role);
  });
}

}  // namespace mesh
