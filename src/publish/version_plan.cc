#include "publish/version_plan.h"

#include "model/descriptor_parser.h"

namespace mesh {
namespace {

// The current snapshot of `name`; nullopt when the product has none.
Result<std::optional<VersionRecord>> CurrentVersion(Catalog& catalog, const std::string& name) {
  Result<ProductRecord> product = catalog.GetProduct(name);
  if (!product.ok()) {
    if (product.status().code() == StatusCode::kNotFound) return std::optional<VersionRecord>();
    return product.status();
  }
  if (product->current_snapshot == 0) return std::optional<VersionRecord>();
  ASSIGN_OR_RAISE(VersionRecord version, catalog.GetVersion(name, VersionSelector{}));
  return std::optional<VersionRecord>(std::move(version));
}

}  // namespace

bool VersionPlan::raises_major() const {
  return current_descriptor && check.declared == VersionBump::kMajor;
}

Result<VersionPlan> PlanVersion(Catalog& catalog, const Descriptor& proposed,
                                VersionCheckOptions options) {
  VersionPlan plan;
  plan.least_version = proposed.schema_version;
  ASSIGN_OR_RAISE(plan.current, CurrentVersion(catalog, proposed.name));
  if (!plan.current) return plan;
  FindingSink sink(plan.current->Ref());
  plan.current_descriptor =
      ParseDescriptorText(plan.current->descriptor_yaml, plan.current->Ref(), &sink);
  if (!plan.current_descriptor) {
    return Status::Corruption("catalog: the stored descriptor of " + plan.current->Ref() +
                              " cannot be parsed");
  }
  ASSIGN_OR_RAISE(std::vector<std::string> consumers, catalog.ListConsumers(proposed.name));
  options.consumer_teams.insert(options.consumer_teams.end(), consumers.begin(), consumers.end());
  plan.check = CheckVersionBump(*plan.current_descriptor, proposed, options);
  plan.least_version = NextVersion(plan.current_descriptor->schema_version, plan.check.required);
  return plan;
}

}  // namespace mesh
