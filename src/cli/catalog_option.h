// Where the catalog and the lake of a verb live: --catalog / --lake when given, else the
// MESH_CATALOG / MESH_LAKE environment variables, else `<workspace>/.mesh/catalog.db` and
// `<workspace>/.mesh/lake`. Thread-compatible.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "catalog/catalog.h"
#include "cli/verb.h"
#include "lake/object_store.h"
#include "model/workspace.h"

namespace mesh::cli {

struct StoreOptions {
  std::string catalog;  // --catalog sqlite:PATH
  std::string lake;     // --lake file:PATH or s3://BUCKET/PREFIX
};

// Adds --catalog and --lake to `command`.
void AddStoreOptions(CLI::App* command, StoreOptions* options);

Result<std::unique_ptr<Catalog>> OpenVerbCatalog(const StoreOptions& options,
                                                 const Workspace& workspace);
Result<std::unique_ptr<ObjectStore>> OpenVerbLake(const StoreOptions& options,
                                                  const Workspace& workspace);

}  // namespace mesh::cli
