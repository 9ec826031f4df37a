// GenerationOrder: the order in which sample data is generated for a mesh's products, so that
// every product comes after the products it reads: those in its lineage and those its
// referential checks reference. Among products that are ready at the same time the order is by
// name, so the order is the same on every run. Lineage entries that are `source:` systems or
// unknown products are ignored here (validation reports unknown ones). A cycle is an error that
// names the products on it. Pure function; thread-safe.
#pragma once

#include <vector>

#include "base/result.h"
#include "model/descriptor.h"

namespace mesh::demo {

// Indexes into `products`, upstream first.
Result<std::vector<size_t>> GenerationOrder(const std::vector<Descriptor>& products);

}  // namespace mesh::demo
