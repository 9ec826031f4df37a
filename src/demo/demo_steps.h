// The standard steps of `mesh demo` (demo_runner.h):
//   validate  loads the demo mesh (mesh.yaml, every descriptor) and runs every check the
//             platform has on it; errors stop the demo, the findings go into the report.
//   generate  writes deterministic sample data for every product (sample_data.h) into
//             <out>/data/<product>.<csv|jsonl>, upstream products first, so referential
//             checks hold.
// Thread-compatible.
#pragma once

#include <memory>
#include <vector>

#include "demo/demo_runner.h"

namespace mesh::demo {

std::unique_ptr<DemoStep> MakeValidateStep();
std::unique_ptr<DemoStep> MakeGenerateStep();

// validate, generate.
std::vector<std::unique_ptr<DemoStep>> StandardDemoSteps();

}  // namespace mesh::demo
