// Where the end-to-end tests find the `mesh` binary they run as a subprocess: $MESH_BINARY, else
// build/<preset>/mesh next to the test program's folder (build/<preset>/tests/mesh_tests); and
// RunMesh, which runs it once in a workspace.
#pragma once

#include <limits.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
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

struct MeshRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `mesh ARGUMENTS` in `workspace` with `environment` ("NAME=value ..." prefixed); stderr
// goes through a file beside the workspace.
inline MeshRun RunMesh(const std::filesystem::path& workspace, const std::string& arguments,
                       const std::string& environment = "") {
  const std::filesystem::path err_file = workspace.parent_path() / "stderr.txt";
  std::string command = "cd '" + workspace.string() + "' && env " + environment + " '" +
                        MeshBinary() + "' " + arguments + " 2>'" + err_file.string() + "'";
  MeshRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n = 0;
  while ((n = ::fread(buffer, 1, sizeof(buffer), pipe)) > 0) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  run.err = text.str();
  return run;
}

}  // namespace mesh::testing
