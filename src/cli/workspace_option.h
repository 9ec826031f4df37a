// Finding the workspace a verb works on: -C DIR when given, else the nearest folder holding
// mesh.yaml at or above the current directory; and turning the paths a user typed (relative to
// the current directory) into workspace paths. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "cli/verb.h"
#include "model/workspace.h"

namespace mesh::cli {

// The current directory, absolute.
std::string CurrentDirectory();

// `path` made absolute (against the current directory) with "." and ".." removed lexically.
std::string AbsolutePath(const std::string& path);

// The workspace of the command. NotFound says how to fix it (mesh init, -C).
Result<Workspace> OpenWorkspace(const GlobalOptions& global);

// A path typed by the user, as the workspace names it: relative to the root when inside it,
// else absolute. A folder stands for every *.yaml file below it (sorted). NotFound when the
// path does not exist.
Result<std::vector<std::string>> ResolveUserPath(const Workspace& workspace,
                                                 const std::string& path);

}  // namespace mesh::cli
