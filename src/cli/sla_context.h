// What the service level verbs (sla, incident, notifications, report) share: the workspace's
// organisation (mesh.yaml), the catalog, the clock (MESH_NOW), and who may do what.
// Thread-compatible.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "cli/catalog_option.h"
#include "model/organisation.h"
#include "model/workspace.h"

namespace mesh::cli {

struct SlaContext {
  std::unique_ptr<Workspace> workspace;
  Organisation org;
  std::unique_ptr<Catalog> catalog;
  std::shared_ptr<Clock> clock;
};

Result<SlaContext> OpenSlaContext(const GlobalOptions& global, const StoreOptions& stores);

// InvalidArgument naming mesh.yaml when `person` is not a member of any team there.
Status RequirePerson(const SlaContext& context, const std::string& person);

// PermissionDenied unless `person` belongs to the product's owning team.
Status RequireOwner(const SlaContext& context, const ProductRecord& product,
                    const std::string& person, std::string_view action);

// The audit entry of a person's action.
AuditEntry PersonAudit(const SlaContext& context, const std::string& person, std::string action,
                       std::string target, std::string details = "");

// The support channel (data-product.md `support`) of the product's current snapshot, in words
// ("channel #ops-data, email ops-data@example.org"); empty when it declares none.
Result<std::string> SupportOf(Catalog& catalog, const std::string& product);

// The teams told about a product's incidents and reports: its owner, then its consumers.
Result<std::vector<std::string>> TeamsOfProduct(Catalog& catalog, const ProductRecord& product);

// Sends every pending webhook now (best effort: failures stay pending for `mesh sla tick`);
// prints a line per failure to stderr.
void DeliverWebhooksNow(const SlaContext& context);

// Exit code for a failed Status: 1 for PermissionDenied and FailedPrecondition (the request
// was understood and refused), 2 otherwise. Prints "mesh <verb>: message".
int FailWith(std::string_view verb, const Status& status);

}  // namespace mesh::cli
