// The current descriptor of a published product, as the authorizer and the data endpoints need
// it: parsed from the catalog's current snapshot. NotFound when the product was never published.
#pragma once

#include <string_view>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/descriptor.h"

namespace mesh::server {

struct CurrentProduct {
  VersionRecord version;
  Descriptor descriptor;
};

Result<CurrentProduct> LoadCurrentProduct(Catalog& catalog, std::string_view name);

// The descriptor stored with `version`; Corruption when it no longer parses.
Result<Descriptor> ParseStoredDescriptor(const VersionRecord& version);

}  // namespace mesh::server
