// Cross-checks between workspace files and the org registry (mesh.yaml): every team, person and
// domain named anywhere must exist there (governance.md). Rule ids: org.unknown_domain,
// org.unknown_team, org.not_owner, org.unknown_person, org.duplicate_id (docs/rules.md).
// Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "model/descriptor.h"
#include "model/finding.h"
#include "model/organisation.h"

namespace mesh {

// The descriptor's domain exists, its owner is a team that owns that domain, and its consumer
// teams exist. Findings go to `sink` (the descriptor's file).
void CheckDescriptorAgainstOrganisation(const Descriptor& descriptor, const Organisation& org,
                                        FindingSink* sink);

// Reports org.unknown_person at `mark` unless `person` is a member of some team; true when known.
// `what` says where the name came from ("--as", "approved_by", ...).
bool CheckPerson(const Organisation& org, std::string_view person, std::string_view what,
                 yaml::Mark mark, FindingSink* sink);

// Reports org.unknown_team at `mark` unless `team` is a team of the registry; true when known.
bool CheckTeam(const Organisation& org, std::string_view team, std::string_view what,
               yaml::Mark mark, FindingSink* sink);

// Product names are unique across the mesh: each later descriptor with a name already used gets
// org.duplicate_id (in its own file, at its name), naming the first file and line.
// `descriptors` are in load order; findings are appended to `findings`.
void CheckUniqueProductNames(const std::vector<const Descriptor*>& descriptors,
                             std::vector<Finding>* findings);

}  // namespace mesh
