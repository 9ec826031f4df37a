// OpenLineageRunEvent: the OpenLineage (spec 2-0-2) RunEvent a publish writes, so lineage tools
// outside the mesh (Marquez, DataHub, OpenMetadata) can follow it. The job is the product's
// publish; its inputs are the product's `lineage` (mesh products, and `source:<system>/<object>`
// as dataset `<object>` in namespace `source:<system>`); its output is the product, with schema,
// version and output-statistics facets. The run id is a UUID derived from the snapshot, so the
// same publish always gets the same id. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/descriptor.h"

namespace mesh {

enum class RunOutcome { kComplete, kFail };

struct OpenLineageOptions {
  std::string mesh_namespace = "meshwork://mesh";  // e.g. "meshwork://prophecy-hall"
  std::string producer = std::string("urn:meshwork:mesh:") + MESH_VERSION;
};

// `version` gives the snapshot, counts, publisher and time (for a failed publish, the attempted
// version with snapshot 0). A FAIL event carries `failure` (why the publish failed) in the
// run's `errorMessage` facet (ErrorMessageRunFacet 1-0-1). Returns the event as one line of JSON.
Result<std::string> OpenLineageRunEvent(const Descriptor& descriptor, const VersionRecord& version,
                                        RunOutcome outcome, const OpenLineageOptions& options = {},
                                        std::string_view failure = {});

// A UUID (RFC 9562 version 8, deterministic) from the SHA-256 of `seed`.
Result<std::string> UuidFromSeed(std::string_view seed);

}  // namespace mesh
