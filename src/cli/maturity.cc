// mesh maturity [--window-days N] [--json]: which phase of the implementation path the
// organisation is in (governance.md "Maturity and health"), with the evidence for and against
// the next phase (src/health/maturity.h, docs/usage.md "Maturity").
// Exit codes: 0 assessed, 2 usage error, no workspace or catalog.
#include "health/maturity.h"

#include <iostream>
#include <memory>
#include <set>

#include "cli/mesh_context.h"
#include "cli/verb.h"
#include "governance/governance.h"
#include "governance/policy_loader.h"
#include "health/mesh_activity.h"

namespace mesh::cli {
namespace {

struct MaturityOptions {
  int window_days = 30;
  bool json = false;
  StoreOptions stores;
};

int Fail(const Status& status) {
  std::cerr << "mesh maturity: " << status.message() << "\n";
  return kExitUsage;
}

// How many of the workspace's products governance checked, and how many of them have no
// error finding (model checks, policies, anti-patterns): what `mesh lint` would pass.
struct GovernanceCounts {
  int64_t governed = 0;
  int64_t clean = 0;
};

Result<GovernanceCounts> CountCleanProducts(const MeshContext& context) {
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(context.workspace.fs(), context.workspace.root()));
  governance::GovernanceInput input;
  input.org = &*context.contents.org;
  std::set<std::string_view> names;
  for (const Descriptor& descriptor : context.contents.descriptors) {
    if (descriptor.name.empty() || !names.insert(descriptor.name).second) continue;
    input.products.push_back(&descriptor);
  }
  input.global_policy = policies.global ? &*policies.global : nullptr;
  input.domain_policies = std::move(policies.domains);
  input.now = context.clock->Now();
  std::vector<Finding> findings = governance::Govern(input);
  findings.insert(findings.end(), context.contents.findings.begin(),
                  context.contents.findings.end());
  std::set<std::string> files_with_errors;
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) files_with_errors.insert(finding.file);
  }
  GovernanceCounts counts;
  for (const Descriptor* descriptor : input.products) {
    ++counts.governed;
    if (!files_with_errors.count(descriptor->file)) ++counts.clean;
  }
  return counts;
}

int RunMaturity(const GlobalOptions& global, const MaturityOptions& options) {
  if (options.window_days < 1) return Fail(Status::InvalidArgument("--window-days must be >= 1"));
  Result<MeshContext> context = OpenMeshContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  const Timestamp now = context->clock->Now();
  Result<health::MeshActivity> activity = health::GatherActivity(
      *context->catalog, Timestamp{now.micros - int64_t{options.window_days} * kMicrosPerDay}, now);
  if (!activity.ok()) return Fail(activity.status());
  Result<GovernanceCounts> counts = CountCleanProducts(*context);
  if (!counts.ok()) return Fail(counts.status());
  health::MaturityInput input;
  input.organisation = &*context->contents.org;
  input.activity = &*activity;
  input.now = now;
  input.governed_products = counts->governed;
  input.clean_products = counts->clean;
  input.thresholds.window_days = options.window_days;
  health::MaturityVerdict verdict = health::AssessMaturity(input);
  if (options.json) {
    std::cout << health::MaturityToJson(verdict).dump(2) << "\n";
  } else {
    std::cout << health::RenderMaturity(verdict);
  }
  return kExitOk;
}

void SetupMaturity(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "maturity", "Which phase of the data mesh path the organisation is in, with the evidence");
  auto options = std::make_shared<MaturityOptions>();
  command->add_option("--window-days", options->window_days,
                      "Days of recent activity to judge by (default 30)");
  command->add_flag("--json", options->json, "Print the verdict and its evidence as JSON");
  AddStoreOptions(command, &options->stores);
  command->callback([&global, options, exit_code] { *exit_code = RunMaturity(global, *options); });
  command->footer("Exit codes: 0 assessed, 2 usage error, no workspace or catalog.");
}

}  // namespace

MESH_REGISTER_VERB("maturity", 82, SetupMaturity);

}  // namespace mesh::cli
