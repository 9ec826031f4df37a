#include "server/product_resource.h"

#include "model/descriptor_parser.h"

namespace mesh::server {

Result<Descriptor> ParseStoredDescriptor(const VersionRecord& version) {
  FindingSink sink(version.Ref());
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!descriptor) {
    return Status::Corruption("catalog: the stored descriptor of " + version.Ref() +
                              " cannot be parsed");
  }
  return std::move(*descriptor);
}

Result<CurrentProduct> LoadCurrentProduct(Catalog& catalog, std::string_view name) {
  CurrentProduct current;
  ASSIGN_OR_RAISE(current.version, catalog.GetVersion(name, VersionSelector{}));
  ASSIGN_OR_RAISE(current.descriptor, ParseStoredDescriptor(current.version));
  return current;
}

}  // namespace mesh::server
