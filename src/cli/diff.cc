// mesh diff DESCRIPTOR [--json] [--catalog URI]: what publishing the descriptor would change
// against the catalog's current version of its product (src/publish/version_plan.h): every
// schema, constraint, classification, format and SLA change with its kind and the consumer
// teams a breaking one affects, the bump the changes need and the one schema_version declares.
// Exit codes: 0 the declared schema_version suffices (or the product was never published),
// 1 it does not or is lower, 2 usage or input error (no workspace, a descriptor with errors).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/catalog_option.h"
#include "cli/findings_output.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "governance/effective_policy.h"
#include "governance/policy_loader.h"
#include "publish/version_plan.h"
#include "publish/version_plan_json.h"

namespace mesh::cli {
namespace {

struct DiffCommandOptions {
  std::string descriptor;
  bool json = false;
  StoreOptions stores;
};

int Fail(const std::string& message) {
  std::cerr << "mesh diff: " << message << "\n";
  return kExitUsage;
}

// The descriptor of `file`, or the model errors that make it unfit to compare.
Result<Descriptor> LoadProposed(const Workspace& workspace, const std::string& file,
                                std::vector<Finding>* errors) {
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace.Load({file}));
  for (const Finding& finding : contents.findings) {
    if (finding.severity == Severity::kError && finding.file == file) errors->push_back(finding);
  }
  const Descriptor* descriptor = contents.FindByFile(file);
  if (descriptor == nullptr || !errors->empty() || descriptor->name.empty()) {
    return Status::InvalidArgument(file + " is not a valid product descriptor (" +
                                   std::to_string(errors->size()) +
                                   " error(s) above); fix it with mesh validate first");
  }
  return *descriptor;
}

std::string DeclaredName(const VersionPlan& plan) { return DeclaredBumpName(plan); }

std::vector<std::string> TeamsAffectedBy(const VersionPlan& plan, const SchemaChange& change) {
  if (change.kind != ChangeKind::kBreaking) return {};
  return plan.check.affected_teams;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void PrintDiff(const Descriptor& proposed, const VersionPlan& plan, bool color) {
  const std::string proposed_version = FormatSchemaVersion(proposed.schema_version);
  if (!plan.current) {
    std::cout << proposed.name << " has no published version: publishing " << proposed.name << "@"
              << proposed_version << " would be its first snapshot (no bump needed)\n";
    return;
  }
  std::cout << proposed.name << ": current " << plan.current->Ref() << ", proposed "
            << proposed_version << "\n";
  for (const SchemaChange& change : plan.check.changes) {
    std::cout << "  " << ChangeKindName(change.kind) << "  " << change.path << ": "
              << change.message;
    std::vector<std::string> teams = TeamsAffectedBy(plan, change);
    if (!teams.empty()) std::cout << " (affects " << Joined(teams) << ")";
    std::cout << "\n";
  }
  if (plan.check.changes.empty()) std::cout << "  no change a consumer could notice\n";
  std::cout << "needs: " << VersionBumpName(plan.check.required) << " bump (at least "
            << FormatSchemaVersion(plan.least_version) << "); declared: " << DeclaredName(plan)
            << " (" << proposed_version << ")\n";
  if (plan.ok()) {
    std::cout << "ok: schema_version " << proposed_version << " suffices\n";
    return;
  }
  std::cout << "not enough: a publish would be refused\n";
  PrintFindings(std::cout, plan.check.findings, 1, color);
}

int RunDiff(const GlobalOptions& global, const DiffCommandOptions& options) {
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) return Fail(workspace.status().message());
  Result<std::vector<std::string>> files = ResolveUserPath(*workspace, options.descriptor);
  if (!files.ok()) return Fail(files.status().message());
  if (files->size() != 1) return Fail(options.descriptor + ": name one descriptor file");
  std::vector<Finding> errors;
  Result<Descriptor> proposed = LoadProposed(*workspace, files->front(), &errors);
  if (!proposed.ok()) {
    PrintFindings(std::cerr, errors, 1, false);
    return Fail(proposed.status().message());
  }
  Result<governance::LoadedPolicies> policies =
      governance::LoadPolicies(workspace->fs(), workspace->root());
  if (!policies.ok()) return Fail(policies.status().message());
  VersionCheckOptions check_options;
  check_options.diff.classification_levels =
      governance::ResolveGlobalPolicy(policies->global ? &*policies->global : nullptr)
          .classification_levels;
  Result<std::unique_ptr<Catalog>> catalog = OpenVerbCatalog(options.stores, *workspace);
  if (!catalog.ok()) return Fail(catalog.status().message());
  Result<VersionPlan> plan = PlanVersion(**catalog, *proposed, check_options);
  if (!plan.ok()) return Fail(plan.status().message());
  if (options.json) {
    std::cout << VersionPlanJson(*proposed, *plan).dump(2) << "\n";
  } else {
    PrintDiff(*proposed, *plan, global.color);
  }
  return plan->ok() ? kExitOk : kExitFindings;
}

void SetupDiff(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "diff",
      "Show what publishing a descriptor would change against the current published version, "
      "and the version bump it needs");
  auto options = std::make_shared<DiffCommandOptions>();
  command->add_option("descriptor", options->descriptor, "The product's descriptor (YAML)")
      ->required();
  command->add_flag("--json", options->json,
                    "Print {product, file, current, current_version, proposed_version, "
                    "required_bump, declared_bump, least_version, ok, affected_teams, changes: "
                    "[{kind, path, before, after, message, line, column, affects}], findings}");
  AddStoreOptions(command, &options->stores);
  command->footer(
      "Each change is breaking (needs a major bump), minor or patch (docs/versions.md); breaking "
      "changes list the consumer teams they affect (the descriptors' consumer_teams and the "
      "catalog's recorded consumers). Nothing is written.\n"
      "Exit codes: 0 schema_version suffices (or the product was never published), 1 it needs a "
      "larger bump or is lower than the current version, 2 usage or input error (no workspace, "
      "a descriptor with errors, an unreadable catalog).");
  command->callback([&global, options, exit_code] { *exit_code = RunDiff(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("diff", 52, SetupDiff);

}  // namespace mesh::cli
