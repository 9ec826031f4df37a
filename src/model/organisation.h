// Organisation: the org registry of a mesh (mesh.yaml, governance.md "mesh.yaml"): teams with
// members and roles, domains with owner teams. Parsed once into typed values with positions.
// A plain value; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/descriptor.h"

namespace mesh {

struct Team {
  std::string id;
  std::vector<std::string> members;
  std::vector<std::string> roles;  // e.g. "governance", "admin"
  std::optional<std::string> webhook_url;
  yaml::Mark mark;
  KeyMarks marks;        // "id", "members", "members[0]", ...
  KeyMarks value_marks;  // the values of the same keys
};

struct Domain {
  std::string id;
  std::string description;
  std::vector<std::string> owners;  // team ids
  yaml::Mark mark;
  KeyMarks marks;        // "id", "members", "members[0]", ...
  KeyMarks value_marks;  // the values of the same keys
};

struct Organisation {
  std::string file;
  std::string name;
  std::vector<Team> teams;
  std::vector<Domain> domains;
  yaml::Mark mark;
  KeyMarks marks;  // top-level keys: "name", "teams", "domains"
  KeyMarks value_marks;

  const Team* FindTeam(std::string_view id) const;
  const Domain* FindDomain(std::string_view id) const;
  bool HasPerson(std::string_view person) const;
  bool IsMember(std::string_view person, std::string_view team) const;
  bool OwnsDomain(std::string_view team, std::string_view domain) const;
  // Teams the person belongs to, in file order.
  std::vector<std::string> TeamsOf(std::string_view person) const;
  bool HasRole(std::string_view person, std::string_view role) const;
};

}  // namespace mesh
