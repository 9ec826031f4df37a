// MeshActivity: what the catalog knows about the life of a mesh, gathered once for the health
// verbs (maturity.h, doctor.h): every product with its versions, every quarantined attempt,
// and the reads of a window. Plain values; thread-compatible.
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
  std::vector<VersionRecord> versions;  // newest first
};

struct MeshActivity {
  std::vector<ProductActivity> products;  // by name
  std::vector<QuarantineEntry> quarantine;
  std::vector<ReadUsageRecord> reads;  // in [reads_from, reads_to)

  const ProductActivity* Find(std::string_view product) const;
};

Result<MeshActivity> GatherActivity(Catalog& catalog, Timestamp reads_from, Timestamp reads_to);

}  // namespace mesh::health
