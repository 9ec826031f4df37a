#include "publish/catalog_entry.h"

#include <gtest/gtest.h>

#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

TEST(CatalogEntryTest, DescriptorBecomesProductRecordAndCommitRequest) {
  Descriptor descriptor = testing::ParseClean(testing::kSpecExample);
  CommitVersionRequest request = CommitRequestFromDescriptor(descriptor, testing::kSpecExample);
  const ProductRecord& product = request.product;
  EXPECT_EQ(product.name, "mission_completion_rate");
  EXPECT_EQ(product.domain, "operations");
  EXPECT_EQ(product.owner, "team-operations");
  EXPECT_EQ(product.description, "Daily mission completion rate, by type and region");
  EXPECT_EQ(product.tags, std::vector<std::string>{"kpi"});
  ASSERT_EQ(product.fields.size(), 5u);
  EXPECT_EQ(product.fields[1].name, "region");
  EXPECT_EQ(product.fields[1].description, "Operating region");
  EXPECT_EQ(request.lineage.size(), 3u);
  EXPECT_EQ(request.consumer_teams,
            (std::vector<std::string>{"analytics", "performance-dashboard"}));
  EXPECT_EQ(request.version.version, (SchemaVersion{2, 1, 0}));
  EXPECT_EQ(request.version.output_format, "parquet");
  EXPECT_EQ(request.version.descriptor_yaml, testing::kSpecExample);
}

}  // namespace
}  // namespace mesh
