#include "sla/sla_report.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"

namespace mesh::sla {
namespace {

// A catalog with `orders` (operations) published; mesh.yaml declares operations and finance.
class SelectSlaProductsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    auto catalog = SqliteCatalog::Open(scratch_ + "/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    catalog_ = std::move(*catalog);
    auto committed = catalog_->CommitVersion(MakeCommitRequest("orders", "1.0.0", 0));
    ASSERT_TRUE(committed.ok()) << committed.status();
    organisation_.domains = {Domain{"operations", "", {"team-operations"}, {}, {}, {}},
                             Domain{"finance", "", {"team-finance"}, {}, {}, {}}};
  }
  void TearDown() override {
    catalog_.reset();
    std::filesystem::remove_all(scratch_);
  }

  std::string scratch_;
  std::unique_ptr<SqliteCatalog> catalog_;
  Organisation organisation_;
};

TEST_F(SelectSlaProductsTest, KnownDomainGivesItsPublishedProducts) {
  auto products = SelectSlaProducts(*catalog_, "", "operations", &organisation_);
  ASSERT_TRUE(products.ok()) << products.status();
  ASSERT_EQ(products->size(), 1u);
  EXPECT_EQ((*products)[0].name, "orders");
}

TEST_F(SelectSlaProductsTest, DomainOfMeshYamlWithoutProductsIsAnEmptySelection) {
  auto products = SelectSlaProducts(*catalog_, "", "finance", &organisation_);
  ASSERT_TRUE(products.ok()) << products.status();
  EXPECT_TRUE(products->empty());
}

TEST_F(SelectSlaProductsTest, UnknownDomainIsNotFoundAndNamesTheKnownOnes) {
  auto products = SelectSlaProducts(*catalog_, "", "nowhere", &organisation_);
  ASSERT_FALSE(products.ok());
  EXPECT_EQ(products.status().code(), StatusCode::kNotFound);
  EXPECT_NE(products.status().message().find("'nowhere'"), std::string::npos);
  EXPECT_NE(products.status().message().find("known domains: finance, operations"),
            std::string::npos)
      << products.status().message();
}

TEST_F(SelectSlaProductsTest, WithoutOrganisationTheCatalogsDomainsAreKnown) {
  auto known = SelectSlaProducts(*catalog_, "", "operations");
  ASSERT_TRUE(known.ok()) << known.status();
  EXPECT_EQ(known->size(), 1u);
  auto unknown = SelectSlaProducts(*catalog_, "", "finance");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("known domains: operations"), std::string::npos)
      << unknown.status().message();
}

TEST_F(SelectSlaProductsTest, NoDomainGivesEveryPublishedProduct) {
  auto products = SelectSlaProducts(*catalog_, "", "", &organisation_);
  ASSERT_TRUE(products.ok()) << products.status();
  EXPECT_EQ(products->size(), 1u);
}

}  // namespace
}  // namespace mesh::sla
