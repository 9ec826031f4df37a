// The standard steps of `mesh demo` (demo_runner.h):
//   validate  loads the demo mesh (mesh.yaml, every descriptor, the governance policies) and
//             runs what `mesh lint` runs: the model checks, the global and domain policies with
//             their waivers, and the anti-pattern lint. Errors of the first two stop the demo;
//             anti-patterns are reported apart (the demo mesh plants some on purpose).
//   generate  writes deterministic sample data for every product (sample_data.h) into
//             <out>/data/<product>.<csv|jsonl|parquet> (its output_format), upstream products
//             first, so referential checks hold.
//   history   (only with DemoOptions::history_days) publishes DAYS simulated days before the
//             demo's instant, with reads, SLA ticks, incidents and consumer reports
//             (demo_history.h), into the stores the publish step then uses.
//   publish   publishes every product and two planted failures (demo_publish.h).
// Thread-compatible.
#pragma once

#include <memory>
#include <vector>

#include "demo/demo_runner.h"

namespace mesh::demo {

std::unique_ptr<DemoStep> MakeValidateStep();
std::unique_ptr<DemoStep> MakeGenerateStep();

std::unique_ptr<DemoStep> MakeHistoryStep();

// validate, generate, publish; with history between generate and publish when `history_days`
// is above 0.
std::vector<std::unique_ptr<DemoStep>> StandardDemoSteps(int history_days = 0);

}  // namespace mesh::demo
