// WriteFormerWorkspace: a copy of a workspace as it was before some teams lost their last
// member, for the demo's history (demo_history.h). A team listed as `members: []` in mesh.yaml
// still had one member during the history, a former member named `<team>-former-member`; the
// copy's mesh.yaml says so (the empty list at its line and column in the original gets that
// name), and its products/ and governance/ are the workspace's. Publishing through the copy
// lets the history publish a product whose owner team has since emptied, so that the catalog
// holds a product nobody may publish any more (mesh doctor: product_without_owner).
// Thread-compatible.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/organisation.h"
#include "model/workspace.h"

namespace mesh::demo {

std::string FormerMemberOf(const std::string& team);

// Writes the copy to `dir` (through the workspace's file system) and opens it. InvalidArgument
// naming mesh.yaml when a team of `emptied_teams` is not written `members: []` there.
Result<Workspace> WriteFormerWorkspace(const Workspace& workspace, const Organisation& organisation,
                                       const std::vector<std::string>& emptied_teams,
                                       const std::string& dir);

}  // namespace mesh::demo
