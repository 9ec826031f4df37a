#include "health/mesh_reports.h"

#include <set>

#include "governance/governance.h"
#include "governance/policy_loader.h"
#include "health/mesh_activity.h"
#include "usage/usage_report.h"

namespace mesh::health {
namespace {

Status CheckInput(const MeshReportInput& input, int window_days) {
  if (window_days < 1) return Status::InvalidArgument("the window must be at least 1 day");
  if (input.contents == nullptr || !input.contents->org) {
    return Status::InvalidArgument("mesh.yaml cannot be read as a mapping; run mesh validate");
  }
  return Status::OK();
}

Timestamp DaysBefore(Timestamp now, int64_t days) {
  return Timestamp{now.micros - days * kMicrosPerDay};
}

}  // namespace

Result<GovernanceCounts> CountCleanProducts(const MeshReportInput& input) {
  const Workspace& workspace = *input.workspace;
  const WorkspaceContents& contents = *input.contents;
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  governance::GovernanceInput governed;
  governed.org = &*contents.org;
  std::set<std::string_view> names;
  for (const Descriptor& descriptor : contents.descriptors) {
    if (descriptor.name.empty() || !names.insert(descriptor.name).second) continue;
    governed.products.push_back(&descriptor);
  }
  governed.global_policy = policies.global ? &*policies.global : nullptr;
  governed.domain_policies = std::move(policies.domains);
  governed.now = input.now;
  std::vector<Finding> findings = governance::Govern(governed);
  findings.insert(findings.end(), contents.findings.begin(), contents.findings.end());
  std::set<std::string> files_with_errors;
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) files_with_errors.insert(finding.file);
  }
  GovernanceCounts counts;
  for (const Descriptor* descriptor : governed.products) {
    ++counts.governed;
    if (!files_with_errors.count(descriptor->file)) ++counts.clean;
  }
  return counts;
}

Result<MaturityVerdict> AssessMeshMaturity(const MeshReportInput& input, int window_days) {
  RETURN_NOT_OK(CheckInput(input, window_days));
  ASSIGN_OR_RAISE(MeshActivity activity,
                  GatherActivity(*input.catalog, DaysBefore(input.now, window_days), input.now));
  ASSIGN_OR_RAISE(GovernanceCounts counts, CountCleanProducts(input));
  MaturityInput maturity;
  maturity.organisation = &*input.contents->org;
  maturity.activity = &activity;
  maturity.now = input.now;
  maturity.governed_products = counts.governed;
  maturity.clean_products = counts.clean;
  maturity.thresholds.window_days = window_days;
  return AssessMaturity(maturity);
}

Result<DoctorRun> DiagnoseMesh(const MeshReportInput& input, int window_days) {
  RETURN_NOT_OK(CheckInput(input, window_days));
  ASSIGN_OR_RAISE(
      MeshActivity activity,
      GatherActivity(*input.catalog, DaysBefore(input.now, 2 * int64_t{window_days}), input.now));
  DoctorRun run;
  DoctorInput doctor;
  doctor.organisation = &*input.contents->org;
  doctor.activity = &activity;
  doctor.now = input.now;
  doctor.product_domains = usage::ProductDomainsOf(*input.contents);
  doctor.thresholds.window_days = window_days;
  doctor.warnings = &run.warnings;
  run.diagnoses = Diagnose(doctor);
  return run;
}

}  // namespace mesh::health
