#include "cli/access_context.h"

#include "access/expiry.h"
#include "cli/workspace_option.h"
#include "governance/policy_loader.h"
#include "model/organisation_parser.h"

namespace mesh::cli {

Result<Organisation> LoadOrganisation(const Workspace& workspace) {
  const std::string file(kOrganisationFile);
  ASSIGN_OR_RAISE(std::string text, workspace.fs().ReadFile(workspace.PathOf(file)));
  FindingSink sink(file);
  std::optional<Organisation> organisation = ParseOrganisationText(text, file, &sink);
  for (const Finding& finding : sink.findings()) {
    if (finding.severity == Severity::kError) {
      return Status::InvalidArgument(finding.ToString() +
                                     " (fix mesh.yaml first: `mesh validate` lists every problem)");
    }
  }
  if (!organisation) return Status::InvalidArgument(file + " is not a mapping");
  return *std::move(organisation);
}

Result<access::AccessLevels> LoadAccessLevels(const Workspace& workspace) {
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  if (policies.global && policies.global->classification_levels) {
    return access::AccessLevels::FromTaxonomy(*policies.global->classification_levels);
  }
  return access::AccessLevels::Default();
}

Result<std::unique_ptr<AccessContext>> OpenAccessContext(const GlobalOptions& global,
                                                         const StoreOptions& stores) {
  auto context = std::make_unique<AccessContext>();
  ASSIGN_OR_RAISE(context->clock, ClockFromEnvironment());
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  context->workspace_root = workspace.root();
  ASSIGN_OR_RAISE(context->organisation, LoadOrganisation(workspace));
  ASSIGN_OR_RAISE(access::AccessLevels levels, LoadAccessLevels(workspace));
  ASSIGN_OR_RAISE(context->catalog, OpenVerbCatalog(stores, workspace));
  context->authorizer = std::make_unique<access::Authorizer>(
      &context->organisation, context->catalog.get(), context->clock.get(), std::move(levels));
  return context;
}

Result<Timestamp> ParseSince(const std::string& text, const std::string& flag) {
  return access::ParseSince(text, flag);
}

Result<Timestamp> ParseExpiry(const std::string& text, Timestamp now, const std::string& flag) {
  return access::ParseExpiry(text, now, flag);
}

int AccessExitCode(const Status& status) {
  switch (status.code()) {
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated:
    case StatusCode::kConflict:
    case StatusCode::kFailedPrecondition:
      return kExitFindings;
    default:
      return kExitUsage;
  }
}

}  // namespace mesh::cli
