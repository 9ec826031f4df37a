// PlanVersion: what publishing a descriptor would change against the catalog's current version
// of its product (data-product.md "Versions"): the current snapshot and its stored descriptor,
// every change with its kind, the bump the changes need and the one the descriptor declares,
// the consumer teams told of breaking changes (the descriptors' and the catalog's), and the
// findings (`version.bump_required`, `version.lowered`) that would refuse the publish. Used by
// `mesh publish` (the gate) and `mesh diff` (the preview), so both always agree.
// Thread-safe when the catalog is.
#pragma once

#include <optional>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/descriptor.h"
#include "publish/version_gate.h"

namespace mesh {

struct VersionPlan {
  std::optional<VersionRecord> current;          // nullopt: the product was never published
  std::optional<Descriptor> current_descriptor;  // parsed from current->descriptor_yaml
  VersionCheck check;                            // no changes and no findings when never published
  // The least version `proposed` may declare: the current one raised by the required bump
  // (the proposed one itself for a first publish).
  SchemaVersion least_version;

  bool ok() const { return check.ok(); }
  bool raises_major() const;
};

// `options.consumer_teams` are extended by the catalog's recorded consumers of the product.
// Corruption when the stored descriptor of the current version cannot be parsed.
Result<VersionPlan> PlanVersion(Catalog& catalog, const Descriptor& proposed,
                                VersionCheckOptions options = {});

}  // namespace mesh
