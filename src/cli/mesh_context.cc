#include "cli/mesh_context.h"

#include "cli/workspace_option.h"

namespace mesh::cli {

std::map<std::string, std::string, std::less<>> MeshContext::ProductDomains() const {
  std::map<std::string, std::string, std::less<>> out;
  for (const Descriptor& descriptor : contents.descriptors) {
    if (!descriptor.name.empty()) out.emplace(descriptor.name, descriptor.domain);
  }
  return out;
}

std::vector<std::string> MeshContext::DomainIds() const {
  std::vector<std::string> out;
  for (const Domain& domain : contents.org->domains) out.push_back(domain.id);
  return out;
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
