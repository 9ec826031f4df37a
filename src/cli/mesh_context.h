// What the mesh-wide reporting verbs (usage, maturity, doctor) work on: the workspace with its
// mesh.yaml and descriptors, the catalog, and the clock (MESH_NOW when set).
// Thread-compatible.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "cli/catalog_option.h"
#include "cli/verb.h"
#include "model/workspace.h"

namespace mesh::cli {

struct MeshContext {
  Workspace workspace;
  WorkspaceContents contents;  // contents.org is always set
  std::unique_ptr<Catalog> catalog;
  std::shared_ptr<Clock> clock;

  // Domains of the workspace's descriptors, by product name.
  std::map<std::string, std::string, std::less<>> ProductDomains() const;
  // The domain ids of mesh.yaml, in file order.
  std::vector<std::string> DomainIds() const;
};

// InvalidArgument when mesh.yaml cannot be read as a mapping (run mesh validate).
Result<MeshContext> OpenMeshContext(const GlobalOptions& global, const StoreOptions& stores);

}  // namespace mesh::cli
