// The fixture of the publish tests: a copy of tests/scenario-workspaces/basic (products/sales/
// orders.yaml, owned by team-sales: alice, bob) in a temporary folder, an SQLite catalog in its
// .mesh/, a fault-injecting lake over an in-memory one, a fixed clock, and data files.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "catalog/sqlite_catalog.h"
#include "lake/fault_injection_object_store.h"
#include "lake/memory_object_store.h"
#include "publish/publisher.h"

namespace mesh::testing {

inline constexpr const char* kOrders = "products/sales/orders.yaml";

inline constexpr const char* kGoodOrders =
    "order_id,ordered_at,amount,customer_email\n"
    "1,2026-11-20T06:00:00Z,10.50,a@example.org\n"
    "2,2026-11-20T07:00:00Z,3.00,b@example.org\n";

// amount below its min: 0 on an error-severity check.
inline constexpr const char* kNegativeAmount =
    "order_id,ordered_at,amount,customer_email\n"
    "1,2026-11-20T06:00:00Z,-1.00,a@example.org\n"
    "2,2026-11-20T07:00:00Z,3.00,b@example.org\n";

// The orders descriptor without its customer_email field.
inline constexpr const char* kCustomerEmailField =
    "    - name: customer_email\n      type: string\n      classification: confidential\n"
    "      tags: [pii]\n";

class PublishFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/mesh-publish-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    std::filesystem::copy(std::string(MESH_SOURCE_DIR) + "/tests/scenario-workspaces/basic", root_,
                          std::filesystem::copy_options::recursive);
    Write("good.csv", kGoodOrders);
    Write("bad.csv", kNegativeAmount);
    ASSERT_TRUE(fs_->CreateDirs(root_ + "/.mesh").ok());
    auto catalog = SqliteCatalog::Open(root_ + "/.mesh/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    catalog_ = std::move(*catalog);
    lake_ = std::make_shared<FaultInjectionObjectStore>(memory_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& relative, const std::string& text) {
    ASSERT_TRUE(fs_->CreateDirs(DirName(JoinPath(root_, relative))).ok());
    ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, relative), text).ok());
  }

  // The basic workspace's orders descriptor with `from` replaced by `to`.
  void EditOrders(const std::string& from, const std::string& to) {
    auto text = fs_->ReadFile(JoinPath(root_, kOrders));
    ASSERT_TRUE(text.ok());
    const size_t at = text->find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text->replace(at, from.size(), to);
    Write(kOrders, *text);
  }

  // A publish request of orders with `data`, by `person`, on the fixture's stores.
  PublishRequest Request(const Workspace& workspace, const std::string& data,
                         const std::string& person = "alice") {
    PublishRequest request;
    request.workspace = &workspace;
    request.descriptor_file = kOrders;
    request.data_path = JoinPath(root_, data);
    request.data_format = format::DataFormat::kCsv;
    request.person = person;
    request.catalog = catalog_.get();
    request.lake = lake_.get();
    request.clock = &clock_;
    request.openlineage_dir = JoinPath(root_, ".mesh/openlineage");
    return request;
  }

  Result<PublishOutcome> Run(const std::string& data, const std::string& person = "alice") {
    auto workspace = Workspace::Open(fs_, root_);
    if (!workspace.ok()) return workspace.status();
    return Publish(Request(*workspace, data, person));
  }

  int64_t CurrentSnapshot() {
    auto product = catalog_->GetProduct("orders");
    return product.ok() ? product->current_snapshot : 0;
  }

  std::shared_ptr<FileSystem> fs_ = PosixFileSystem();
  std::string root_;
  std::unique_ptr<SqliteCatalog> catalog_;
  std::shared_ptr<MemoryObjectStore> memory_ = std::make_shared<MemoryObjectStore>();
  std::shared_ptr<FaultInjectionObjectStore> lake_;
  FixedClock clock_{*ParseTimestamp("2026-11-20T08:00:00Z")};
};

}  // namespace mesh::testing
