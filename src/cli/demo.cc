// mesh demo [--workspace-dir DIR] [--out DIR] [--rows N] [--seed N] [--history DAYS] [--json]:
// runs the demo mesh (examples/prophecy-hall) through the platform: validates it, writes
// deterministic sample data for every product, upstream first, optionally simulates DAYS days of
// history, and publishes them on a fresh catalog and lake with two planted failures (src/demo/).
// Later steps (serve) plug into demo::StandardDemoSteps().
#include <cstdlib>
#include <iostream>
#include <memory>

#include "base/clock.h"
#include "cli/verb.h"
#include "demo/demo_report.h"
#include "demo/demo_runner.h"
#include "demo/demo_steps.h"

namespace mesh::cli {
namespace {

struct DemoCommandOptions {
  std::string workspace_dir;
  std::string out_dir = "build/demo";
  std::string store_dir;
  int64_t rows = 200;
  uint64_t seed = 1;
  int history_days = 0;
  bool json = false;
};

class StderrProgress final : public demo::DemoProgress {
 public:
  void Line(std::string_view text) override { std::cerr << "mesh demo: " << text << "\n"; }
};

// --workspace-dir, else -C, else examples/prophecy-hall below the current directory.
Result<std::string> DemoWorkspace(const GlobalOptions& global, const DemoCommandOptions& options,
                                  FileSystem& fs) {
  if (!options.workspace_dir.empty()) return options.workspace_dir;
  if (!global.workspace_dir.empty()) return global.workspace_dir;
  const std::string candidate(demo::kDemoWorkspace);
  if (fs.Exists(JoinPath(candidate, "mesh.yaml"))) return candidate;
  return Status::NotFound("no demo mesh here: " + candidate +
                          "/mesh.yaml does not exist below the current directory; run from the "
                          "repository root or pass --workspace-dir DIR");
}

// MESH_NOW when set, else the demo's fixed instant (the sample data is built around it).
Result<Timestamp> DemoNow() {
  const char* mesh_now = std::getenv("MESH_NOW");
  if (mesh_now != nullptr && *mesh_now != '\0') {
    ASSIGN_OR_RAISE(std::shared_ptr<Clock> clock, ClockFromEnvironment());
    return clock->Now();
  }
  return *ParseTimestamp(demo::kDemoNow);
}

int RunDemoCommand(const GlobalOptions& global, const DemoCommandOptions& options) {
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  demo::DemoOptions demo_options;
  Result<std::string> workspace = DemoWorkspace(global, options, *fs);
  Result<Timestamp> now = DemoNow();
  for (const Status& status : {workspace.status(), now.status()}) {
    if (!status.ok()) {
      std::cerr << "mesh demo: " << status.message() << "\n";
      return kExitUsage;
    }
  }
  demo_options.workspace_dir = *workspace;
  demo_options.out_dir = options.out_dir;
  demo_options.store_dir = options.store_dir;
  demo_options.rows = options.rows;
  demo_options.seed = options.seed;
  demo_options.now = *now;
  demo_options.history_days = options.history_days;
  StderrProgress progress;
  Result<demo::DemoReport> report =
      demo::RunDemo(demo_options, fs, &progress, demo::StandardDemoSteps(options.history_days));
  if (!report.ok()) {
    std::cerr << "mesh demo: " << report.status().message() << "\n";
    return kExitUsage;
  }
  if (options.json) {
    std::cout << demo::DemoReportToJson(*report).dump(2) << "\n";
  } else {
    demo::PrintDemoSummary(std::cout, *report);
  }
  return report->stopped_because.empty() ? kExitOk : kExitFindings;
}

void SetupDemo(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "demo",
      "Run the demo mesh (examples/prophecy-hall): validate it, write deterministic sample data "
      "for every product and publish them, with one publish rejected for quality and one "
      "refused for a missing major bump");
  auto options = std::make_shared<DemoCommandOptions>();
  command->add_option("--workspace-dir", options->workspace_dir,
                      "The demo mesh (default: -C DIR, else examples/prophecy-hall below the "
                      "current directory)");
  command->add_option("--out", options->out_dir,
                      "Where to write (default build/demo); sample "
                      "files go to OUT/data/<product>.<csv|jsonl|parquet>");
  command->add_option("--store", options->store_dir,
                      "Where the catalog (catalog.db), lake (lake/) and OpenLineage events go, "
                      "made fresh on every run (default: the demo mesh's .mesh/)");
  command->add_option("--rows", options->rows, "Rows per product (default 200)")
      ->check(CLI::Range(int64_t{1}, int64_t{1'000'000}));
  command->add_option("--seed", options->seed,
                      "Seed of the sample data (default 1); the same seed gives the same bytes");
  command
      ->add_option("--history", options->history_days,
                   "Before the demo's own publishes, simulate DAYS days of history (daily "
                   "publishes and reads, SLA ticks, incidents, consumer reports, a degrading "
                   "domain and a slipping product) so that mesh maturity, mesh doctor and "
                   "mesh sla report have something to judge (default 0: none)")
      ->check(CLI::Range(0, 366));
  command->add_flag("--json", options->json,
                    "Print one JSON document: organisation, domains, validation findings, files "
                    "written (docs/cli.md)");
  command->footer(
      "The demo runs at 2026-11-20T08:00:00Z unless MESH_NOW is set; the sample data's newest "
      "event times lie just before that instant. Progress goes to stderr.\n"
      "Exit codes: 0 done, every publish as planned; 1 the mesh has validation errors (nothing "
      "generated) or a publish did not end as planned; 2 usage error, no demo mesh found, or a "
      "file that cannot be read or written.");
  command->callback(
      [&global, options, exit_code] { *exit_code = RunDemoCommand(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("demo", 90, SetupDemo);

}  // namespace mesh::cli
