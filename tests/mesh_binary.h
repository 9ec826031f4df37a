// Where the end-to-end tests find the `mesh` binary they run as a subprocess: $MESH_BINARY, else
// build/<preset>/mesh next to the test program's folder (build/<preset>/tests/mesh_tests).
#pragma once

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace mesh::testing {

inline std::string MeshBinary() {
  if (const char* explicit_path = std::getenv("MESH_BINARY")) return explicit_path;
  char self[PATH_MAX] = {0};
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0) return "";
  const std::filesystem::path program(std::string(self, static_cast<size_t>(n)));
  return (program.parent_path().parent_path() / "mesh").string();
}

}  // namespace mesh::testing
