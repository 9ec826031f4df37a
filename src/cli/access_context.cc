#include "cli/access_context.h"

#include <charconv>

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
  if (std::optional<int32_t> day = ParseDate(text)) {
    return Timestamp{int64_t{*day} * kMicrosPerDay};
  }
  if (std::optional<Timestamp> at = ParseTimestamp(text)) return *at;
  return Status::InvalidArgument(flag + " '" + text +
                                 "': give a date (2026-11-20) or an instant "
                                 "(2026-11-20T08:00:00Z)");
}

Result<Timestamp> ParseExpiry(const std::string& text, Timestamp now, const std::string& flag) {
  if (text.size() >= 2) {
    const char unit = text.back();
    const int64_t per_unit = unit == 'd'   ? kMicrosPerDay
                             : unit == 'h' ? kMicrosPerHour
                             : unit == 'm' ? 60 * kMicrosPerSecond
                                           : 0;
    int64_t count = 0;
    const char* end = text.data() + text.size() - 1;
    auto [ptr, error] = std::from_chars(text.data(), end, count);
    if (per_unit > 0 && error == std::errc() && ptr == end && count > 0 &&
        count < 100 * 366 * kMicrosPerDay / per_unit) {
      return Timestamp{now.micros + count * per_unit};
    }
  }
  Result<Timestamp> at = ParseSince(text, flag);
  if (at.ok()) return at;
  return Status::InvalidArgument(flag + " '" + text +
                                 "': give a duration (90d, 12h, 30m), a date (2027-03-31) or an "
                                 "instant (2027-03-31T00:00:00Z)");
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
