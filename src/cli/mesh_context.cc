#include "cli/mesh_context.h"

#include "cli/workspace_option.h"
#include "usage/usage_report.h"

namespace mesh::cli {

std::map<std::string, std::string, std::less<>> MeshContext::ProductDomains() const {
  return usage::ProductDomainsOf(contents);
}

std::vector<std::string> MeshContext::DomainIds() const {
  return usage::DomainIdsOf(*contents.org);
}

Result<MeshContext> OpenMeshContext(const GlobalOptions& global, const StoreOptions& stores) {
  ASSIGN_OR_RAISE(std::shared_ptr<Clock> clock, ClockFromEnvironment());
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace.Load({}));
  if (!contents.org) {
    return Status::InvalidArgument("mesh.yaml cannot be read as a mapping; run mesh validate");
  }
  ASSIGN_OR_RAISE(std::unique_ptr<Catalog> catalog, OpenVerbCatalog(stores, workspace));
  return MeshContext{std::move(workspace), std::move(contents), std::move(catalog),
                     std::move(clock)};
}

}  // namespace mesh::cli
