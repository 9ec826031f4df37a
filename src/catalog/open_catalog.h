// OpenCatalog: chooses the catalog from the `--catalog` flag (or MESH_CATALOG):
// "sqlite:PATH" (the embedded default, `<workspace>/.mesh/catalog.db`) or
// "postgresql://USER@HOST:PORT/DATABASE" (postgres_catalog.h; `postgres://` too).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/filesystem.h"
#include "catalog/catalog.h"

namespace mesh {

// Creates the catalog file's directory through `fs` when missing.
Result<std::unique_ptr<Catalog>> OpenCatalog(std::string_view uri, FileSystem* fs);

// The catalog URI used when no flag is given: "sqlite:<workspace>/.mesh/catalog.db".
std::string DefaultCatalogUri(std::string_view workspace);

}  // namespace mesh
