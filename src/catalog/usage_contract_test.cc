// The read meter's part of the Catalog contract (catalog_contract_test.h): every implementation
// records reads append-only and lists them by time window and product, oldest first.
#include <gtest/gtest.h>

#include "catalog/catalog_contract_test.h"

namespace mesh {
namespace {

ReadUsageRecord MakeRead(std::string product, std::string team, int64_t bytes, int64_t second) {
  ReadUsageRecord read;
  read.product = std::move(product);
  read.snapshot = 1;
  read.person = "carol";
  read.team = std::move(team);
  read.bytes = bytes;
  read.at = Timestamp{second * kMicrosPerSecond};
  return read;
}

TEST_P(CatalogContractTest, ReadsAreRecordedAndListedByWindowOldestFirst) {
  auto first = catalog_->RecordRead(MakeRead("orders", "analytics", 100, 20));
  auto second = catalog_->RecordRead(MakeRead("missions", "finance", 7, 10));
  auto third = catalog_->RecordRead(MakeRead("orders", "finance", 0, 30));
  ASSERT_TRUE(first.ok() && second.ok() && third.ok()) << first.status();
  EXPECT_LT(*first, *second);
  EXPECT_LT(*second, *third);

  auto all = catalog_->ListReads({});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].product, "missions");
  EXPECT_EQ((*all)[0].team, "finance");
  EXPECT_EQ((*all)[0].bytes, 7);
  EXPECT_EQ((*all)[0].person, "carol");
  EXPECT_EQ((*all)[0].at, Timestamp{10 * kMicrosPerSecond});
  EXPECT_EQ((*all)[1].id, *first);

  ReadUsageQuery window;
  window.from = Timestamp{20 * kMicrosPerSecond};  // inclusive
  window.to = Timestamp{30 * kMicrosPerSecond};    // exclusive
  auto in_window = catalog_->ListReads(window).ValueOr({});
  ASSERT_EQ(in_window.size(), 1u);
  EXPECT_EQ(in_window[0].id, *first);

  ReadUsageQuery of_orders;
  of_orders.product = "orders";
  EXPECT_EQ(catalog_->ListReads(of_orders).ValueOr({}).size(), 2u);
}

TEST_P(CatalogContractTest, ReadsSeenByAnotherHandle) {
  ASSERT_TRUE(catalog_->RecordRead(MakeRead("orders", "analytics", 5, 1)).ok());
  auto other = OpenAnother();
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->ListReads({}).ValueOr({}).size(), 1u);
}

TEST_P(CatalogContractTest, MalformedReadsAreRefused) {
  auto no_person = MakeRead("orders", "analytics", 5, 1);
  no_person.person.clear();
  EXPECT_EQ(catalog_->RecordRead(no_person).status().code(), StatusCode::kInvalidArgument);
  auto negative = MakeRead("orders", "analytics", -1, 1);
  EXPECT_EQ(catalog_->RecordRead(negative).status().code(), StatusCode::kInvalidArgument);
  auto no_snapshot = MakeRead("orders", "analytics", 1, 1);
  no_snapshot.snapshot = 0;
  EXPECT_EQ(catalog_->RecordRead(no_snapshot).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(catalog_->ListReads({}).ValueOr({}).empty());
}

}  // namespace
}  // namespace mesh
