// The files `mesh init` writes: a small organisation, the default global policy of governance.md
// and one example product that passes every check. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mesh::cli {

// (path relative to the workspace, contents), in the order they are written.
std::vector<std::pair<std::string, std::string>> InitialWorkspaceFiles(std::string_view mesh_name);

// A mesh name from a folder name: lower case, runs of other characters as '-' ("My Mesh" ->
// "my-mesh"); "my-mesh" when nothing is left.
std::string MeshNameFromFolder(std::string_view folder);

}  // namespace mesh::cli
