// The `mesh` command line: each verb lives in its own file (src/cli/<verb>.cc) and registers
// itself with MESH_REGISTER_VERB; main.cc knows none of them by name.
//
// Exit codes (docs/cli.md): 0 ok, 1 findings or failed checks, 2 usage or input error.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace mesh::cli {

enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2 };

// Options every verb sees (set before the verb runs).
struct GlobalOptions {
  std::string workspace_dir;  // -C DIR; empty: search upward from the current directory
  bool color = false;         // stdout is a terminal
};

// Adds the verb's subcommand to `app`. The verb's callback stores its exit code in *exit_code.
using VerbSetup = std::function<void(CLI::App& app, const GlobalOptions& global, int* exit_code)>;

struct VerbRegistration {
  std::string name;
  int order;  // position in `mesh help`
  VerbSetup setup;
};

std::vector<VerbRegistration>& VerbRegistry();

struct VerbRegistrar {
  VerbRegistrar(std::string name, int order, VerbSetup setup) {
    VerbRegistry().push_back({std::move(name), order, std::move(setup)});
  }
};

#define MESH_REGISTER_VERB(name, order, setup) \
  static ::mesh::cli::VerbRegistrar MESH_CONCAT(_mesh_verb_, __COUNTER__)(name, order, setup)

}  // namespace mesh::cli
