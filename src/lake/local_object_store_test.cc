// Durability and failure behaviour of the local lake: every failing write, fsync, rename and
// directory fsync in turn, and power loss, must leave no half object and no stray temporary.
#include "lake/local_object_store.h"

#include <gtest/gtest.h>

#include "base/fault_injection_filesystem.h"
#include "base/memory_filesystem.h"
#include "base/sha256.h"
#include "lake/fault_injection_object_store.h"
#include "lake/memory_object_store.h"
#include "lake/open_object_store.h"

namespace mesh {
namespace {

constexpr char kRoot[] = "/lake";

// Every file under objects/ must sit at the path its own content hashes to.
void ExpectOnlyWholeObjects(FileSystem* fs) {
  auto files = fs->ListFilesRecursive(std::string(kRoot) + "/objects", "");
  ASSERT_TRUE(files.ok()) << files.status();
  for (const std::string& path : *files) {
    auto data = fs->ReadFile(path);
    ASSERT_TRUE(data.ok()) << path;
    std::string hex = Sha256Hex(*data).ValueOr("");
    EXPECT_EQ(path, std::string(kRoot) + "/objects/" + hex.substr(0, 2) + "/" + hex.substr(2))
        << "half or misplaced object";
  }
}

size_t TempFileCount(FileSystem* fs) {
  auto files = fs->ListFilesRecursive(std::string(kRoot) + "/tmp", "");
  return files.ok() ? files->size() : 0;
}

struct FaultCase {
  FsOp op;
  const char* name;
  bool object_may_remain;  // the failure comes after the object became visible, whole
};

class LocalObjectStoreFaultTest : public ::testing::TestWithParam<FaultCase> {};

TEST_P(LocalObjectStoreFaultTest, FailureLeavesNoHalfObjectNorTemporary) {
  auto memory = std::make_shared<MemoryFileSystem>();
  auto faulty = std::make_shared<FaultInjectionFileSystem>(memory);
  auto store = LocalObjectStore::Make(faulty, kRoot);
  ASSERT_TRUE(store.ok());
  const std::string data(5000, 'd');
  const std::string key = ObjectKeyForSha256(Sha256Hex(data).ValueOr(""));

  faulty->FailNth(GetParam().op, 1);
  auto writer = (*store)->NewWriter();
  Result<ObjectRef> ref = Status::IOError("not attempted");
  if (writer.ok()) {
    Status appended = (*writer)->Append(std::string_view(data).substr(0, 2000));
    if (appended.ok()) appended = (*writer)->Append(std::string_view(data).substr(2000));
    if (appended.ok()) {
      ref = (*writer)->Commit();
    } else {
      EXPECT_FALSE((*writer)->Commit().ok());
    }
    writer->reset();
  }
  EXPECT_FALSE(ref.ok()) << "the injected " << GetParam().name << " failure was not reported";
  EXPECT_EQ(faulty->Calls(GetParam().op) >= 1, true);
  faulty->Reset();

  ExpectOnlyWholeObjects(memory.get());
  EXPECT_EQ(TempFileCount(memory.get()), 0u);
  if (!GetParam().object_may_remain) {
    EXPECT_FALSE((*store)->Exists(key).ValueOr(true));
  }

  memory->SimulatePowerLoss();
  ExpectOnlyWholeObjects(memory.get());

  // The store still works, and a retry stores the object.
  auto retried = (*store)->Put(data);
  ASSERT_TRUE(retried.ok()) << retried.status();
  EXPECT_EQ(retried->key, key);
  EXPECT_TRUE((*store)->Verify(key).ok());
}

INSTANTIATE_TEST_SUITE_P(EachOperation, LocalObjectStoreFaultTest,
                         ::testing::Values(FaultCase{FsOp::kOpenWrite, "create", false},
                                           FaultCase{FsOp::kAppend, "write", false},
                                           FaultCase{FsOp::kSync, "fsync", false},
                                           FaultCase{FsOp::kClose, "close", false},
                                           FaultCase{FsOp::kCreateDirs, "mkdir", false},
                                           FaultCase{FsOp::kRename, "rename", false},
                                           FaultCase{FsOp::kSyncDir, "dir_fsync", true}),
                         [](const ::testing::TestParamInfo<FaultCase>& info) {
                           return info.param.name;
                         });

TEST(LocalObjectStoreTest, CommittedObjectSurvivesPowerLoss) {
  auto memory = std::make_shared<MemoryFileSystem>();
  auto store = LocalObjectStore::Make(memory, kRoot);
  ASSERT_TRUE(store.ok());
  auto ref = (*store)->Put("durable bytes");
  ASSERT_TRUE(ref.ok());
  auto pending = (*store)->NewWriter();
  ASSERT_TRUE(pending.ok());
  ASSERT_TRUE((*pending)->Append("never committed").ok());
  memory->SimulatePowerLoss();
  EXPECT_EQ((*store)->Get(ref->key).ValueOr(""), "durable bytes");
  ExpectOnlyWholeObjects(memory.get());
}

TEST(LocalObjectStoreTest, LayoutIsShardedByTheFirstTwoHexDigits) {
  auto memory = std::make_shared<MemoryFileSystem>();
  auto store = LocalObjectStore::Make(memory, kRoot);
  ASSERT_TRUE(store.ok());
  auto ref = (*store)->Put("abc");
  ASSERT_TRUE(ref.ok());
  EXPECT_EQ((*store)->PathOf(ref->key).ValueOr(""),
            "/lake/objects/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(memory->Exists(
      "/lake/objects/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

// A killed writer's temporary file (its pid no longer runs) is swept when the store opens; a
// live writer's (this process) and a file not named like a temporary stay.
TEST(LocalObjectStoreTest, OpeningSweepsTemporaryFilesOfWritersThatNoLongerRun) {
  auto fs = std::make_shared<MemoryFileSystem>();
  auto store = LocalObjectStore::Make(fs, kRoot);
  ASSERT_TRUE(store.ok());
  auto writer = (*store)->NewWriter();  // a live writer of this process
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Append("in progress").ok());
  const std::string tmp = std::string(kRoot) + "/tmp/";
  ASSERT_TRUE(fs->WriteFileAtomically(tmp + "99999999-0-123.part", "killed").ok());
  ASSERT_TRUE(fs->WriteFileAtomically(tmp + "2147483647-3-9.part", "killed too").ok());
  ASSERT_TRUE(fs->WriteFileAtomically(tmp + "notes.txt", "not ours").ok());
  EXPECT_EQ(TempFileCount(fs.get()), 4u);

  auto reopened = LocalObjectStore::Make(fs, kRoot);
  ASSERT_TRUE(reopened.ok());
  EXPECT_FALSE(fs->Exists(tmp + "99999999-0-123.part"));
  EXPECT_FALSE(fs->Exists(tmp + "2147483647-3-9.part"));
  EXPECT_TRUE(fs->Exists(tmp + "notes.txt"));
  EXPECT_EQ(TempFileCount(fs.get()), 2u);  // notes.txt and the live writer's file
  auto committed = (*writer)->Commit();    // the live writer was not disturbed
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  EXPECT_EQ((*reopened)->SweepAbandonedTempFiles().ValueOr(99), 0u);
}

TEST(LocalObjectStoreTest, NeverOverwritesAnExistingObjectOfOtherSize) {
  auto memory = std::make_shared<MemoryFileSystem>();
  auto store = LocalObjectStore::Make(memory, kRoot);
  ASSERT_TRUE(store.ok());
  std::string key = ObjectKeyForSha256(Sha256Hex("abc").ValueOr(""));
  std::string path = (*store)->PathOf(key).ValueOr("");
  ASSERT_TRUE(memory->CreateDirs(DirName(path)).ok());
  ASSERT_TRUE(memory->WriteFileAtomically(path, "damaged").ok());
  auto ref = (*store)->Put("abc");
  EXPECT_EQ(ref.status().code(), StatusCode::kCorruption) << ref.status();
  EXPECT_EQ(memory->ReadFile(path).ValueOr(""), "damaged");
  EXPECT_EQ((*store)->Verify(key).code(), StatusCode::kCorruption);
  EXPECT_EQ(TempFileCount(memory.get()), 0u);
}

TEST(FaultInjectionObjectStoreTest, FailsTheNthCommitAndLeavesNothing) {
  auto memory = std::make_shared<MemoryObjectStore>();
  FaultInjectionObjectStore store(memory);
  store.FailNth(ObjectOp::kCommit, 2);
  EXPECT_TRUE(store.Put("first").ok());
  EXPECT_TRUE(store.Put("second").status().IsIOError());
  EXPECT_TRUE(store.Put("third").ok());
  EXPECT_EQ(memory->ObjectCount(), 2u);
  EXPECT_EQ(store.Calls(ObjectOp::kCommit), 3);
}

TEST(FaultInjectionObjectStoreTest, FailsAppendAndOpen) {
  FaultInjectionObjectStore store(std::make_shared<MemoryObjectStore>());
  store.FailNth(ObjectOp::kAppend, 1);
  EXPECT_TRUE(store.Put("x").status().IsIOError());
  auto ref = store.Put("x");
  ASSERT_TRUE(ref.ok());
  store.FailNth(ObjectOp::kOpen, 1);
  EXPECT_TRUE(store.Get(ref->key).status().IsIOError());
  EXPECT_EQ(store.Get(ref->key).ValueOr(""), "x");
}

TEST(OpenObjectStoreTest, ParsesUris) {
  auto memory = std::make_shared<MemoryFileSystem>();
  auto local = OpenObjectStore("file:/srv/lake", memory);
  ASSERT_TRUE(local.ok()) << local.status();
  EXPECT_EQ((*local)->Uri(), "file:/srv/lake");
  auto triple = OpenObjectStore("file:///srv/lake2", memory);
  ASSERT_TRUE(triple.ok());
  EXPECT_EQ((*triple)->Uri(), "file:/srv/lake2");
  EXPECT_TRUE(OpenObjectStore("s3://ab/x", memory).status().IsInvalidArgument());
  EXPECT_TRUE(OpenObjectStore("file:", memory).status().IsInvalidArgument());
  EXPECT_TRUE(OpenObjectStore("/srv/lake", memory).status().IsInvalidArgument());
  EXPECT_EQ(DefaultLakeUri("/ws"), "file:/ws/.mesh/lake");
}

}  // namespace
}  // namespace mesh
