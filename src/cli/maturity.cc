// mesh maturity [--window-days N] [--json]: which phase of the implementation path the
// organisation is in (governance.md "Maturity and health"), with the evidence for and against
// the next phase (src/health/maturity.h, docs/usage.md "Maturity").
// Exit codes: 0 assessed, 2 usage error, no workspace or catalog.
#include "health/maturity.h"

#include <iostream>
#include <memory>

#include "cli/mesh_context.h"
#include "cli/verb.h"
#include "health/mesh_reports.h"

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

int RunMaturity(const GlobalOptions& global, const MaturityOptions& options) {
  if (options.window_days < 1) return Fail(Status::InvalidArgument("--window-days must be >= 1"));
  Result<MeshContext> context = OpenMeshContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  health::MeshReportInput input{&context->workspace, &context->contents, context->catalog.get(),
                                context->clock->Now()};
  Result<health::MaturityVerdict> verdict = health::AssessMeshMaturity(input, options.window_days);
  if (!verdict.ok()) return Fail(verdict.status());
  if (options.json) {
    std::cout << health::MaturityToJson(*verdict).dump(2) << "\n";
  } else {
    std::cout << health::RenderMaturity(*verdict);
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
