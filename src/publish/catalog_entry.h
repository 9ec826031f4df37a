// The catalog's view of a descriptor: what CommitVersion records about the product (metadata
// and search text), its lineage and its consumers. Pure functions; thread-safe.
#pragma once

#include "catalog/catalog.h"
#include "model/descriptor.h"

namespace mesh {

ProductRecord ProductRecordFromDescriptor(const Descriptor& descriptor);

// A CommitVersionRequest with the product, lineage and consumers filled from `descriptor` and
// the version's schema version, descriptor text and output format set; the caller adds the
// stored object, the quality figures, the publisher, the time, the expected snapshot and the
// audit entry.
CommitVersionRequest CommitRequestFromDescriptor(const Descriptor& descriptor,
                                                 std::string descriptor_yaml);

}  // namespace mesh
