// MeshActivity: what the catalog knows about the life of a mesh, gathered once for the health
// verbs (maturity.h, doctor.h): every product with its versions and the availability periods
// `mesh sla tick` recorded in a window, every quarantined attempt, every consumer report, and
// the reads of the window. Plain values; thread-compatible.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "catalog/catalog.h"

namespace mesh::health {

struct ProductActivity {
  ProductRecord product;
  std::vector<VersionRecord> versions;             // newest first
  std::vector<PeriodEvaluation> recorded_periods;  // deadlines in (from, to], oldest first
};

struct MeshActivity {
  std::vector<ProductActivity> products;  // by name
  std::vector<QuarantineEntry> quarantine;
  std::vector<ConsumerReport> reports;  // newest first, without comments
  std::vector<ReadUsageRecord> reads;   // in [from, to)

  const ProductActivity* Find(std::string_view product) const;
};

Result<MeshActivity> GatherActivity(Catalog& catalog, Timestamp from, Timestamp to);

}  // namespace mesh::health
