// mesh validate [PATH...] [--json]: parses mesh.yaml and the product descriptors and reports
// every model finding (descriptor.*, org.*; docs/rules.md).
#include <iostream>
#include <memory>

#include "cli/findings_output.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"

namespace mesh::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  bool json = false;
};

int RunValidate(const GlobalOptions& global, const ValidateOptions& options) {
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) {
    std::cerr << "mesh validate: " << workspace.status().message() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> files;
  for (const std::string& path : options.paths) {
    Result<std::vector<std::string>> resolved = ResolveUserPath(*workspace, path);
    if (!resolved.ok()) {
      std::cerr << "mesh validate: " << resolved.status().message() << "\n";
      return kExitUsage;
    }
    files.insert(files.end(), resolved->begin(), resolved->end());
  }
  if (!options.paths.empty() && files.empty()) {
    std::cerr << "mesh validate: no .yaml files in the given paths\n";
    return kExitUsage;
  }
  Result<WorkspaceContents> contents = workspace->Load(files);
  if (!contents.ok()) {
    std::cerr << "mesh validate: " << contents.status().message() << "\n";
    return kExitUsage;
  }
  if (options.json) {
    PrintFindingsJson(std::cout, contents->findings, contents->files.size());
  } else {
    PrintFindings(std::cout, contents->findings, contents->files.size(), global.color);
  }
  return ExitCodeForFindings(contents->findings);
}

void SetupValidate(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "validate",
      "Check mesh.yaml and the product descriptors against the descriptor format and the org "
      "registry; print every finding");
  auto options = std::make_shared<ValidateOptions>();
  command->add_option("paths", options->paths,
                      "Descriptor files or folders to check (default: every products/**/*.yaml "
                      "of the workspace); they are still checked against mesh.yaml and the names "
                      "of the other products");
  command->add_flag("--json", options->json,
                    "Print {\"findings\": [{rule, severity, file, line, column, message}], "
                    "\"errors\": N, \"warnings\": N, \"files\": N}");
  command->footer(
      "Output: one line per finding, 'file:line:col: severity rule: message' (paths relative to "
      "the workspace), then 'N errors, N warnings in N files'. Rules: docs/rules.md.\n"
      "Exit codes: 0 no errors (warnings allowed), 1 at least one error finding, 2 usage error, "
      "no workspace found (run 'mesh init' or pass -C DIR) or a file that cannot be read.");
  command->callback([&global, options, exit_code] { *exit_code = RunValidate(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("validate", 20, SetupValidate);

}  // namespace mesh::cli
