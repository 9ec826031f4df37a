// Entry point of the `mesh` binary: global flags, then one registered verb.
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "base/status.h"
#include "cli/verb.h"

namespace mesh::cli {

std::vector<VerbRegistration>& VerbRegistry() {
  static std::vector<VerbRegistration> registry;
  return registry;
}

namespace {

int Main(int argc, char** argv) {
  CLI::App app{
      "mesh: the Meshwork data mesh platform (validate, govern, check, publish, discover, "
      "serve data products)",
      "mesh"};
  app.set_version_flag("--version", std::string("mesh ") + MESH_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough();

  GlobalOptions global;
  global.color = ::isatty(STDOUT_FILENO) != 0;
  app.add_option("-C,--workspace", global.workspace_dir,
                 "Workspace folder (holds mesh.yaml); default: searched upward from the current "
                 "directory");

  int exit_code = kExitOk;
  auto& registry = VerbRegistry();
  std::sort(registry.begin(), registry.end(),
            [](const VerbRegistration& a, const VerbRegistration& b) { return a.order < b.order; });
  for (const VerbRegistration& verb : registry) verb.setup(app, global, &exit_code);

  CLI::App* help = app.add_subcommand("help", "Show the verbs, or one verb's help: mesh help VERB");
  std::string help_verb;
  help->add_option("verb", help_verb, "The verb to explain");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (help->parsed() || app.get_subcommands().empty()) {
    if (!help_verb.empty()) {
      try {
        std::cout << app.get_subcommand(help_verb)->help();
      } catch (const CLI::OptionNotFound&) {
        std::cerr << "mesh: unknown verb '" << help_verb << "'; run 'mesh help' for the list\n";
        return kExitUsage;
      }
      return kExitOk;
    }
    std::cout << app.help();
    return app.get_subcommands().empty() && !help->parsed() ? kExitUsage : kExitOk;
  }
  return exit_code;
}

}  // namespace
}  // namespace mesh::cli

int main(int argc, char** argv) { return mesh::cli::Main(argc, argv); }
