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
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "client/record_json.h"
#include "governance/effective_policy.h"
#include "governance/policy_loader.h"
#include "publish/version_plan.h"
#include "publish/version_plan_json.h"

namespace mesh::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DiffCommandOptions {
  std::string descriptor;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
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

std::string Joined(const Json& items) {
  std::string out;
  for (const Json& item : items) out += (out.empty() ? "" : ", ") + item.get<std::string>();
  return out;
}

// Prints a plan from its JSON (VersionPlanJson's shape), so that a server's answer and a local
// plan print alike.
Status PrintDiff(const Json& diff, bool color) {
  const std::string product = diff.value("product", "");
  const std::string proposed_version = diff.value("proposed_version", "");
  if (!diff.contains("current") || diff["current"].is_null()) {
    std::cout << product << " has no published version: publishing " << product << "@"
              << proposed_version << " would be its first snapshot (no bump needed)\n";
    return Status::OK();
  }
  std::cout << product << ": current " << diff.value("current", "") << ", proposed "
            << proposed_version << "\n";
  const Json& changes = diff.contains("changes") ? diff["changes"] : Json::array();
  for (const Json& change : changes) {
    std::cout << "  " << change.value("kind", "") << "  " << change.value("path", "") << ": "
              << change.value("message", "");
    if (change.contains("affects") && !change["affects"].empty()) {
      std::cout << " (affects " << Joined(change["affects"]) << ")";
    }
    std::cout << "\n";
  }
  if (changes.empty()) std::cout << "  no change a consumer could notice\n";
  std::cout << "needs: " << diff.value("required_bump", "") << " bump (at least "
            << diff.value("least_version", "") << "); declared: " << diff.value("declared_bump", "")
            << " (" << proposed_version << ")\n";
  if (diff.value("ok", false)) {
    std::cout << "ok: schema_version " << proposed_version << " suffices\n";
    return Status::OK();
  }
  std::cout << "not enough: a publish would be refused\n";
  ASSIGN_OR_RAISE(std::vector<Finding> findings,
                  client::ListFromJson<Finding>(diff.value("findings", Json::array()),
                                                client::FindingFromJson));
  PrintFindings(std::cout, findings, 1, color);
  return Status::OK();
}

// The plan's JSON for `descriptor_file` judged here: the workspace, its policies and catalog.
Result<Json> LocalDiff(const Workspace& workspace, const std::string& descriptor_file,
                       const StoreOptions& stores) {
  std::vector<Finding> errors;
  Result<Descriptor> proposed = LoadProposed(workspace, descriptor_file, &errors);
  if (!proposed.ok()) {
    PrintFindings(std::cerr, errors, 1, false);
    return proposed.status();
  }
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  VersionCheckOptions check_options;
  check_options.diff.classification_levels =
      governance::ResolveGlobalPolicy(policies.global ? &*policies.global : nullptr)
          .classification_levels;
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, OpenVerbCatalog(stores, workspace));
  ASSIGN_OR_RAISE(VersionPlan plan, PlanVersion(*catalog, *proposed, check_options));
  return VersionPlanJson(*proposed, plan);
}

// The plan's JSON as `server` judges the descriptor at `path`; its file is named `shown_file`
// (the path as local mode would name it) in the answer and the findings about it.
Result<Json> RemoteDiff(const std::string& server, const std::string& path,
                        const std::string& shown_file) {
  ASSIGN_OR_RAISE(DescriptorUpload descriptor,
                  ReadDescriptorUpload(*PosixFileSystem(), AbsolutePath(path)));
  ASSIGN_OR_RAISE(std::unique_ptr<client::MeshClient> client, OpenVerbClient(server));
  ASSIGN_OR_RAISE(Json diff, client->Diff(descriptor.product, descriptor.text));
  const Json server_file = diff.value("file", Json());
  diff["file"] = shown_file;
  if (diff.contains("findings") && diff["findings"].is_array()) {
    for (Json& finding : diff["findings"]) {
      if (finding.is_object() && finding.value("file", Json()) == server_file) {
        finding["file"] = shown_file;
      }
    }
  }
  return diff;
}

int RunDiff(const GlobalOptions& global, const DiffCommandOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status().message());
  Result<Workspace> workspace = OpenWorkspace(global);
  // Client mode needs no workspace: the descriptor file is enough.
  if (!workspace.ok() && !*server) return Fail(workspace.status().message());
  // The file as local mode names it (workspace-relative); in client mode, when it lies outside
  // the workspace, as given.
  std::string file = options.descriptor;
  if (workspace.ok()) {
    Result<std::vector<std::string>> files = ResolveUserPath(*workspace, options.descriptor);
    if (files.ok() && files->size() == 1) {
      file = files->front();
    } else if (!*server) {
      return Fail(files.ok() ? options.descriptor + ": name one descriptor file"
                             : files.status().message());
    }
  }
  Result<Json> diff = *server ? RemoteDiff(**server, options.descriptor, file)
                              : LocalDiff(*workspace, file, options.stores);
  if (!diff.ok()) {
    std::cerr << "mesh diff: " << diff.status().message() << "\n";
    return *server ? RemoteFailureExitCode(diff.status()) : kExitUsage;
  }
  if (options.json) {
    std::cout << diff->dump(2) << "\n";
  } else {
    Status printed = PrintDiff(*diff, global.color);
    if (!printed.ok()) return Fail(printed.message());
  }
  return diff->value("ok", false) ? kExitOk : kExitFindings;
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
  AddServerOption(command, &options->remote);
  command->footer(
      "Each change is breaking (needs a major bump), minor or patch (docs/versions.md); breaking "
      "changes list the consumer teams they affect (the descriptors' consumer_teams and the "
      "catalog's recorded consumers). Nothing is written. With --server URL (or MESH_SERVER) the "
      "server judges the descriptor against its own workspace and catalog (client mode; "
      "MESH_TOKEN).\n"
      "Exit codes: 0 schema_version suffices (or the product was never published), 1 it needs a "
      "larger bump or is lower than the current version, 2 usage or input error (no workspace, "
      "a descriptor with errors, an unreadable catalog).");
  command->callback([&global, options, exit_code] { *exit_code = RunDiff(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("diff", 52, SetupDiff);

}  // namespace mesh::cli
