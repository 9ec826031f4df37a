// The Catalog contract test suite. Every Catalog implementation instantiates it with a backend
// that creates empty catalogs and opens handles to them (several handles to one catalog must
// see each other's commits, as separate processes would):
//   INSTANTIATE_TEST_SUITE_P(Sqlite, CatalogContractTest, ::testing::Values(SqliteBackend()));
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "catalog/catalog.h"

namespace mesh {

struct CatalogBackend {
  std::string name;
  // Prepares an empty catalog under the scratch directory and returns where it is.
  std::function<std::string(const std::string& scratch)> create;
  // Opens a new handle (its own connection) to the catalog at `location`.
  std::function<Result<std::unique_ptr<Catalog>>(const std::string& location)> open;
  // Removes what `create` made outside the scratch directory (optional).
  std::function<void(const std::string& location)> destroy = nullptr;
};

// Test names and failure messages show the backend's name rather than its bytes.
inline void PrintTo(const CatalogBackend& backend, std::ostream* out) { *out << backend.name; }

class CatalogContractTest : public ::testing::TestWithParam<CatalogBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  std::unique_ptr<Catalog> OpenAnother();

  std::string scratch_;
  std::string location_;
  std::unique_ptr<Catalog> catalog_;
};

// A scratch directory under the system's temporary directory (empty string on failure).
std::string MakeCatalogScratchDir();

// A publish request for `name` at `version` ("2.1.0"), based on `expected_snapshot`.
CommitVersionRequest MakeCommitRequest(const std::string& name, const std::string& version,
                                       int64_t expected_snapshot);

}  // namespace mesh
