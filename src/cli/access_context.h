// What the access verbs (mesh token, mesh access, mesh audit, mesh read) work with: the
// workspace's organisation (mesh.yaml, which must have no errors), its classification taxonomy
// (governance/global.yaml), the catalog, the clock (MESH_NOW) and an Authorizer over them; plus
// the parsing of the times and durations those verbs take. Thread-compatible.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "access/authorizer.h"
#include "base/clock.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "cli/catalog_option.h"
#include "cli/verb.h"
#include "model/organisation.h"
#include "model/workspace.h"

namespace mesh::cli {

struct AccessContext {
  std::string workspace_root;
  Organisation organisation;
  std::shared_ptr<Clock> clock;
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<access::Authorizer> authorizer;
};

Result<std::unique_ptr<AccessContext>> OpenAccessContext(const GlobalOptions& global,
                                                         const StoreOptions& stores);

// The organisation of mesh.yaml; InvalidArgument quoting the first error when it has any.
Result<Organisation> LoadOrganisation(const Workspace& workspace);

// The classification taxonomy of governance/global.yaml (the default one when absent).
Result<access::AccessLevels> LoadAccessLevels(const Workspace& workspace);

// An expiry given on the command line: a duration from `now` ("90d", "12h", "30m"), a date
// ("2027-03-31", its start in UTC) or an ISO-8601 instant. InvalidArgument naming `flag`.
Result<Timestamp> ParseExpiry(const std::string& text, Timestamp now, const std::string& flag);

// A point in time for filters: a date ("2026-11-20", its start in UTC) or an ISO-8601 instant.
Result<Timestamp> ParseSince(const std::string& text, const std::string& flag);

// The exit code of a failed access operation: 1 when it was refused (PermissionDenied,
// Unauthenticated, Conflict, FailedPrecondition), 2 for usage and input errors.
int AccessExitCode(const Status& status);

}  // namespace mesh::cli
