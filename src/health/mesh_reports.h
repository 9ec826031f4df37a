// `mesh maturity` and `mesh doctor` end to end over a workspace and a catalog, for the CLI and the
// REST API alike: the activity of the window gathered from the catalog, the governance state of
// the workspace's descriptors, then AssessMaturity / Diagnose (maturity.h, doctor.h).
// Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "health/doctor.h"
#include "health/maturity.h"
#include "model/workspace.h"

namespace mesh::health {

struct MeshReportInput {
  const Workspace* workspace = nullptr;
  const WorkspaceContents* contents = nullptr;  // must hold the organisation
  Catalog* catalog = nullptr;
  Timestamp now;
};

// How many of the workspace's products governance checked, and how many of them have no error
// finding (model checks, policies, anti-patterns): what `mesh lint` would pass.
struct GovernanceCounts {
  int64_t governed = 0;
  int64_t clean = 0;
};
Result<GovernanceCounts> CountCleanProducts(const MeshReportInput& input);

// InvalidArgument when window_days < 1 or mesh.yaml is unreadable.
Result<MaturityVerdict> AssessMeshMaturity(const MeshReportInput& input, int window_days);

struct DoctorRun {
  std::vector<Diagnosis> diagnoses;
  std::vector<std::string> warnings;  // what could not be judged, and why
};
// Compares the recent `window_days` with the window before; InvalidArgument as above.
Result<DoctorRun> DiagnoseMesh(const MeshReportInput& input, int window_days);

}  // namespace mesh::health
