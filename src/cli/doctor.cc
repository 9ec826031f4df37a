// mesh doctor [--window-days N] [--json]: diagnoses a degrading mesh (governance.md "Maturity
// and health"): domains whose checks fail more often, products without owners, docs or SLAs,
// late publishes, consumer reports piling up, falling SLA compliance; each finding with its
// evidence and a suggested action (src/health/doctor.h, docs/usage.md "Doctor"). Exit codes: 0 no
// findings, 1 findings, 2 usage error, no workspace or catalog.
#include "health/doctor.h"

#include <iostream>
#include <memory>

#include "cli/mesh_context.h"
#include "cli/verb.h"
#include "health/mesh_reports.h"

namespace mesh::cli {
namespace {

struct DoctorOptions {
  int window_days = 14;
  bool json = false;
  StoreOptions stores;
};

int Fail(const Status& status) {
  std::cerr << "mesh doctor: " << status.message() << "\n";
  return kExitUsage;
}

int RunDoctor(const GlobalOptions& global, const DoctorOptions& options) {
  if (options.window_days < 1) return Fail(Status::InvalidArgument("--window-days must be >= 1"));
  Result<MeshContext> context = OpenMeshContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  const Timestamp now = context->clock->Now();
  health::MeshReportInput input{&context->workspace, &context->contents, context->catalog.get(),
                                now};
  Result<health::DoctorRun> run = health::DiagnoseMesh(input, options.window_days);
  if (!run.ok()) return Fail(run.status());
  const std::vector<health::Diagnosis>& diagnoses = run->diagnoses;
  const std::vector<std::string>& warnings = run->warnings;
  if (options.json) {
    std::cout << health::DiagnosesToJson(diagnoses, now, options.window_days, warnings).dump(2)
              << "\n";
  } else {
    std::cout << health::RenderDiagnoses(diagnoses);
    for (const std::string& warning : warnings)
      std::cerr << "mesh doctor: warning: " << warning << "\n";
  }
  return diagnoses.empty() ? kExitOk : kExitFindings;
}

void SetupDoctor(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "doctor", "Diagnose a degrading mesh: failing checks, missing owners, docs, SLAs, lateness");
  auto options = std::make_shared<DoctorOptions>();
  command->add_option("--window-days", options->window_days,
                      "Length of the recent window compared with the one before (default 14)");
  command->add_flag("--json", options->json, "Print the findings as JSON");
  AddStoreOptions(command, &options->stores);
  command->callback([&global, options, exit_code] { *exit_code = RunDoctor(global, *options); });
  command->footer("Exit codes: 0 no findings, 1 findings, 2 usage error, no workspace or catalog.");
}

}  // namespace

MESH_REGISTER_VERB("doctor", 84, SetupDoctor);

}  // namespace mesh::cli
