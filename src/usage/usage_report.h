// ReportUsage: `mesh usage report` end to end over a workspace and a catalog, for the CLI and the
// REST API alike: the workspace's prices (governance/prices.yaml, when present), the meter over
// the window, and the charge-back per domain or team (docs/usage.md). Thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/workspace.h"
#include "usage/chargeback.h"
#include "usage/prices.h"
#include "usage/usage_meter.h"

namespace mesh::usage {

// Domains of the workspace's descriptors, by product name.
std::map<std::string, std::string, std::less<>> ProductDomainsOf(const WorkspaceContents& contents);
// The domain ids of mesh.yaml, in file order.
std::vector<std::string> DomainIdsOf(const Organisation& organisation);

// The workspace's governance/prices.yaml; none when the file does not exist; its errors
// otherwise (naming the file and place).
Result<std::optional<Prices>> LoadWorkspacePrices(const Workspace& workspace);

struct UsageReport {
  UsageLedger ledger;
  Chargeback chargeback;
};

struct UsageReportRequest {
  Catalog* catalog = nullptr;
  const WorkspaceContents* contents = nullptr;  // must hold the organisation
  UsageWindow window;
  Timestamp now;
  std::optional<Prices> prices;  // none: usage only, no charges
  ChargeView view = ChargeView::kDomain;
};

Result<UsageReport> ReportUsage(const UsageReportRequest& request);

}  // namespace mesh::usage
