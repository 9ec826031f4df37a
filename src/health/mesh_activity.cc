#include "health/mesh_activity.h"

#include <algorithm>

namespace mesh::health {

const ProductActivity* MeshActivity::Find(std::string_view product) const {
  for (const ProductActivity& activity : products) {
    if (activity.product.name == product) return &activity;
  }
  return nullptr;
}

Result<MeshActivity> GatherActivity(Catalog& catalog, Timestamp from, Timestamp to) {
  MeshActivity activity;
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products, catalog.ListProducts({}));
  std::sort(products.begin(), products.end(),
            [](const ProductRecord& a, const ProductRecord& b) { return a.name < b.name; });
  for (ProductRecord& product : products) {
    ASSIGN_OR_RAISE(std::vector<VersionRecord> versions, catalog.ListVersions(product.name));
    ASSIGN_OR_RAISE(std::vector<PeriodEvaluation> periods,
                    catalog.ListPeriodEvaluations(product.name, from, to));
    activity.products.push_back({std::move(product), std::move(versions), std::move(periods)});
  }
  ASSIGN_OR_RAISE(activity.quarantine, catalog.ListQuarantine(""));
  ASSIGN_OR_RAISE(activity.reports, catalog.ListConsumerReports(""));
  ReadUsageQuery reads;
  reads.from = from;
  reads.to = to;
  ASSIGN_OR_RAISE(activity.reads, catalog.ListReads(reads));
  return activity;
}

}  // namespace mesh::health
