// mesh init [DIR]: creates a workspace: mesh.yaml, governance/global.yaml (the defaults of
// governance.md) and one example product that validates cleanly. Never overwrites a file.
#include <iostream>
#include <memory>

#include "base/filesystem.h"
#include "cli/init_templates.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"

namespace mesh::cli {
namespace {

struct InitOptions {
  std::string dir;
};

int RunInit(const GlobalOptions& global, const InitOptions& options) {
  std::string target = !options.dir.empty()            ? options.dir
                       : !global.workspace_dir.empty() ? global.workspace_dir
                                                       : ".";
  std::string root = AbsolutePath(target);
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  auto files = InitialWorkspaceFiles(MeshNameFromFolder(BaseName(root)));
  for (const auto& [relative, contents] : files) {
    if (fs->Exists(JoinPath(root, relative))) {
      std::cerr << "mesh init: " << JoinPath(root, relative)
                << " exists already; mesh init never overwrites a file: choose an empty folder "
                   "(mesh init DIR)\n";
      return kExitUsage;
    }
  }
  for (const auto& [relative, contents] : files) {
    std::string path = JoinPath(root, relative);
    Status status = fs->CreateDirs(DirName(path));
    if (status.ok()) status = fs->WriteFileAtomically(path, contents);
    if (!status.ok()) {
      std::cerr << "mesh init: " << status.message() << "\n";
      return kExitUsage;
    }
    std::cout << "created " << JoinPath(target, relative) << "\n";
  }
  std::cout << "next: cd " << target << " && mesh validate\n";
  return kExitOk;
}

void SetupInit(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "init", "Create a mesh workspace: mesh.yaml, governance/global.yaml and an example product");
  auto options = std::make_shared<InitOptions>();
  command->add_option("dir", options->dir,
                      "Folder to create the workspace in (created when missing; default: -C DIR, "
                      "else the current directory)");
  command->footer(
      "Writes mesh.yaml (teams team-sales, analytics, governance; domain sales), "
      "governance/global.yaml (the default global policy of governance.md) and "
      "products/sales/daily_orders.yaml (an example that passes 'mesh validate').\n"
      "Exit codes: 0 created, 2 a file to write exists already (nothing is overwritten) or "
      "cannot be written.");
  command->callback([&global, options, exit_code] { *exit_code = RunInit(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("init", 10, SetupInit);

}  // namespace mesh::cli
