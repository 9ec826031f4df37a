// The ObjectStore contract test suite (TEST_Ps in object_store_test.cc). Every ObjectStore
// implementation instantiates it with a factory that makes an empty store:
//   INSTANTIATE_TEST_SUITE_P(S3, ObjectStoreContractTest, ::testing::Values(StoreFactory{...}));
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "lake/object_store.h"

namespace mesh {

struct StoreFactory {
  std::string name;
  // An empty store; `scratch` is a fresh directory removed after the test. nullptr on failure
  // (the factory reports why with ADD_FAILURE).
  std::function<std::shared_ptr<ObjectStore>(const std::string& scratch)> make;
};

// gtest prints the factory by name (and names the tests after it).
inline void PrintTo(const StoreFactory& factory, std::ostream* out) { *out << factory.name; }

class ObjectStoreContractTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::string scratch_;
  std::shared_ptr<ObjectStore> store_;
};

}  // namespace mesh
