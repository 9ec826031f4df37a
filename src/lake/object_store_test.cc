// The ObjectStore contract, run against every implementation: the in-process ones are
// instantiated at the end of this file, the S3 store in tests/s3_object_store_test.cc.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <thread>

#include "base/memory_filesystem.h"
#include "base/sha256.h"
#include "lake/fault_injection_object_store.h"
#include "lake/local_object_store.h"
#include "lake/memory_object_store.h"
#include "lake/object_store_contract_test.h"

namespace mesh {
namespace {

std::string MakeScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "mesh-lake-XXXXXX").string();
  char* dir = ::mkdtemp(pattern.data());
  return dir ? std::string(dir) : std::string();
}

}  // namespace

void ObjectStoreContractTest::SetUp() {
  scratch_ = MakeScratchDir();
  ASSERT_FALSE(scratch_.empty());
  store_ = GetParam().make(scratch_);
  ASSERT_NE(store_, nullptr) << "could not create the " << GetParam().name << " store";
}

void ObjectStoreContractTest::TearDown() {
  store_.reset();
  std::filesystem::remove_all(scratch_);
}

namespace {

TEST_P(ObjectStoreContractTest, PutReturnsContentAddressedKeyAndGetReturnsBytes) {
  auto ref = store_->Put("hello lake");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(ref->sha256, Sha256Hex("hello lake").ValueOr(""));
  EXPECT_EQ(ref->key, "sha256/" + ref->sha256);
  EXPECT_EQ(ref->bytes, 10u);
  EXPECT_EQ(store_->Get(ref->key).ValueOr("?"), "hello lake");
  EXPECT_EQ(store_->Size(ref->key).ValueOr(0), 10u);
  EXPECT_TRUE(store_->Exists(ref->key).ValueOr(false));
  EXPECT_TRUE(store_->Verify(ref->key).ok());
}

TEST_P(ObjectStoreContractTest, StreamedWriteIsInvisibleUntilCommit) {
  auto writer = store_->NewWriter();
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Append("part one, ").ok());
  ASSERT_TRUE((*writer)->Append("part two").ok());
  std::string key = ObjectKeyForSha256(Sha256Hex("part one, part two").ValueOr(""));
  EXPECT_FALSE(store_->Exists(key).ValueOr(true));
  auto ref = (*writer)->Commit();
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(ref->key, key);
  EXPECT_EQ(store_->Get(key).ValueOr(""), "part one, part two");
}

TEST_P(ObjectStoreContractTest, RangedReads) {
  auto ref = store_->Put("0123456789");
  ASSERT_TRUE(ref.ok());
  auto reader = store_->Open(ref->key);
  ASSERT_TRUE(reader.ok());
  std::string out;
  ASSERT_TRUE((*reader)->ReadAt(3, 4, &out).ok());
  EXPECT_EQ(out, "3456");
  ASSERT_TRUE((*reader)->ReadAt(8, 10, &out).ok());
  EXPECT_EQ(out, "89");
  ASSERT_TRUE((*reader)->ReadAt(20, 1, &out).ok());
  EXPECT_EQ(out, "");
}

TEST_P(ObjectStoreContractTest, AbortLeavesNothing) {
  auto writer = store_->NewWriter();
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Append("discard me").ok());
  ASSERT_TRUE((*writer)->Abort().ok());
  EXPECT_FALSE((*writer)->Commit().ok());
  std::string key = ObjectKeyForSha256(Sha256Hex("discard me").ValueOr(""));
  EXPECT_FALSE(store_->Exists(key).ValueOr(true));
}

TEST_P(ObjectStoreContractTest, DestroyedWriterIsAborted) {
  {
    auto writer = store_->NewWriter();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Append("forgotten").ok());
  }
  std::string key = ObjectKeyForSha256(Sha256Hex("forgotten").ValueOr(""));
  EXPECT_FALSE(store_->Exists(key).ValueOr(true));
}

TEST_P(ObjectStoreContractTest, SameContentTwiceIsIdempotent) {
  auto first = store_->Put("same");
  auto second = store_->Put("same");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(first->key, second->key);
  EXPECT_EQ(store_->Get(first->key).ValueOr(""), "same");
}

TEST_P(ObjectStoreContractTest, EmptyObjectIsStorable) {
  auto ref = store_->Put("");
  ASSERT_TRUE(ref.ok()) << ref.status();
  EXPECT_EQ(ref->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(store_->Get(ref->key).ValueOr("x"), "");
}

TEST_P(ObjectStoreContractTest, MissingAndMalformedKeys) {
  std::string missing = ObjectKeyForSha256(std::string(64, 'a'));
  EXPECT_FALSE(store_->Exists(missing).ValueOr(true));
  EXPECT_TRUE(store_->Open(missing).status().IsNotFound());
  EXPECT_TRUE(store_->Get(missing).status().IsNotFound());
  EXPECT_TRUE(store_->Delete(missing).IsNotFound());
  for (const std::string& bad :
       std::vector<std::string>{"", "sha256/", "sha256/xyz", "md5/" + std::string(64, 'a'),
                                "sha256/../../etc/passwd", "sha256/" + std::string(64, 'A')}) {
    EXPECT_TRUE(store_->Open(bad).status().IsInvalidArgument()) << bad;
    EXPECT_TRUE(store_->Exists(bad).status().IsInvalidArgument()) << bad;
  }
}

TEST_P(ObjectStoreContractTest, DeleteRemovesObject) {
  auto ref = store_->Put("quarantined");
  ASSERT_TRUE(ref.ok());
  ASSERT_TRUE(store_->Delete(ref->key).ok());
  EXPECT_FALSE(store_->Exists(ref->key).ValueOr(true));
}

TEST_P(ObjectStoreContractTest, GetRefusesObjectsOverTheLimit) {
  auto ref = store_->Put(std::string(100, 'x'));
  ASSERT_TRUE(ref.ok());
  EXPECT_EQ(store_->Get(ref->key, 99).status().code(), StatusCode::kResourceExhausted);
}

TEST_P(ObjectStoreContractTest, ConcurrentWritersOfSameAndDifferentContent) {
  std::vector<std::thread> threads;
  std::vector<Status> results(8);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      std::string data = "object-" + std::to_string(i % 2) + std::string(1000, 'z');
      results[i] = store_->Put(data).status();
    });
  }
  for (auto& t : threads) t.join();
  for (const Status& st : results) EXPECT_TRUE(st.ok()) << st;
  for (int i = 0; i < 2; ++i) {
    std::string data = "object-" + std::to_string(i) + std::string(1000, 'z');
    std::string key = ObjectKeyForSha256(Sha256Hex(data).ValueOr(""));
    EXPECT_EQ(store_->Get(key).ValueOr(""), data);
    EXPECT_TRUE(store_->Verify(key).ok());
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllStores, ObjectStoreContractTest,
    ::testing::Values(StoreFactory{"Memory",
                                   [](const std::string&) {
                                     return std::make_shared<MemoryObjectStore>();
                                   }},
                      StoreFactory{"LocalOnMemoryFs",
                                   [](const std::string&) -> std::shared_ptr<ObjectStore> {
                                     auto fs = std::make_shared<MemoryFileSystem>();
                                     auto store = LocalObjectStore::Make(fs, "/lake");
                                     return store.ok() ? std::move(*store) : nullptr;
                                   }},
                      StoreFactory{"LocalOnPosix",
                                   [](const std::string& scratch) -> std::shared_ptr<ObjectStore> {
                                     auto store = LocalObjectStore::Make(PosixFileSystem(),
                                                                         scratch + "/lake");
                                     return store.ok() ? std::move(*store) : nullptr;
                                   }},
                      StoreFactory{"FaultInjectionWithoutFaults",
                                   [](const std::string&) -> std::shared_ptr<ObjectStore> {
                                     return std::make_shared<FaultInjectionObjectStore>(
                                         std::make_shared<MemoryObjectStore>());
                                   }}),
    [](const ::testing::TestParamInfo<StoreFactory>& info) { return info.param.name; });

}  // namespace
}  // namespace mesh
