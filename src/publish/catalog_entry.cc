#include "publish/catalog_entry.h"

namespace mesh {

ProductRecord ProductRecordFromDescriptor(const Descriptor& descriptor) {
  ProductRecord product;
  product.name = descriptor.name;
  product.domain = descriptor.domain;
  product.owner = descriptor.owner;
  product.description = descriptor.description.value_or("");
  product.tags = descriptor.tags;
  for (const Field& field : descriptor.schema.fields) {
    product.fields.push_back({field.name, field.description});
  }
  return product;
}

CommitVersionRequest CommitRequestFromDescriptor(const Descriptor& descriptor,
                                                 std::string descriptor_yaml) {
  CommitVersionRequest request;
  request.product = ProductRecordFromDescriptor(descriptor);
  request.lineage = descriptor.lineage;
  request.consumer_teams = descriptor.consumer_teams;
  request.version.product = descriptor.name;
  request.version.version = descriptor.schema_version;
  request.version.descriptor_yaml = std::move(descriptor_yaml);
  request.version.output_format = std::string(OutputFormatName(descriptor.output_format));
  return request;
}

}  // namespace mesh
