#include "base/filesystem.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "base/fault_injection_filesystem.h"
#include "base/memory_filesystem.h"

namespace mesh {
namespace {

// Runs the same contract against each real and test implementation.
class FileSystemContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "posix") {
      char tmpl[] = "/tmp/mesh_fs_test_XXXXXX";
      ASSERT_NE(::mkdtemp(tmpl), nullptr);
      root_ = tmpl;
      fs_ = PosixFileSystem();
    } else if (GetParam() == "memory") {
      root_ = "/root";
      fs_ = std::make_shared<MemoryFileSystem>();
    } else {
      root_ = "/root";
      fs_ = std::make_shared<FaultInjectionFileSystem>(std::make_shared<MemoryFileSystem>());
    }
    ASSERT_TRUE(fs_->CreateDirs(root_).ok());
  }
  void TearDown() override {
    if (GetParam() == "posix") {
      std::string cmd = "rm -rf '" + root_ + "'";
      ASSERT_EQ(std::system(cmd.c_str()), 0);
    }
  }
  std::string root_;
  std::shared_ptr<FileSystem> fs_;
};

TEST_P(FileSystemContract, WritesReadsAndListsFiles) {
  ASSERT_TRUE(fs_->CreateDirs(JoinPath(root_, "a/b")).ok());
  ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, "a/b/x.yaml"), "hello").ok());
  ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, "a/y.yaml"), "world").ok());
  ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, "a/z.txt"), "skip").ok());
  auto text = fs_->ReadFile(JoinPath(root_, "a/b/x.yaml"));
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "hello");
  auto files = fs_->ListFilesRecursive(JoinPath(root_, "a"), ".yaml");
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0], JoinPath(root_, "a/b/x.yaml"));
  EXPECT_EQ((*files)[1], JoinPath(root_, "a/y.yaml"));
  EXPECT_FALSE(fs_->Exists(JoinPath(root_, "a/y.yaml.tmp-write")));
}

TEST_P(FileSystemContract, ReadAtReturnsShortReadAtEnd) {
  ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, "f"), "0123456789").ok());
  auto file = fs_->OpenForRead(JoinPath(root_, "f"));
  ASSERT_TRUE(file.ok());
  std::string out;
  ASSERT_TRUE((*file)->ReadAt(7, 10, &out).ok());
  EXPECT_EQ(out, "789");
  EXPECT_EQ(*(*file)->Size(), 10u);
}

TEST_P(FileSystemContract, MissingFileIsNotFoundNamingThePath) {
  auto text = fs_->ReadFile(JoinPath(root_, "nope.yaml"));
  ASSERT_FALSE(text.ok());
  EXPECT_TRUE(text.status().IsNotFound()) << text.status();
  EXPECT_NE(text.status().message().find("nope.yaml"), std::string::npos);
}

TEST_P(FileSystemContract, ReadFileRefusesFilesOverTheLimit) {
  ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, "big"), std::string(100, 'x')).ok());
  auto text = fs_->ReadFile(JoinPath(root_, "big"), 10);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kResourceExhausted);
}

INSTANTIATE_TEST_SUITE_P(AllFileSystems, FileSystemContract,
                         ::testing::Values("posix", "memory", "faulty"));

TEST(MemoryFileSystem, PowerLossDropsUnsyncedDataAndEntries) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.CreateDirs("/d").ok());
  ASSERT_TRUE(fs.WriteFileAtomically("/d/durable", "kept").ok());
  {
    auto file = fs.OpenForWrite("/d/unsynced");
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Append("lost").ok());
  }
  {
    auto file = fs.OpenForWrite("/d/synced-not-dir");
    ASSERT_TRUE((*file)->Append("data").ok());
    ASSERT_TRUE((*file)->Sync().ok());
  }
  fs.SimulatePowerLoss();
  EXPECT_EQ(*fs.ReadFile("/d/durable"), "kept");
  EXPECT_FALSE(fs.Exists("/d/unsynced"));
  EXPECT_FALSE(fs.Exists("/d/synced-not-dir"));  // its directory entry was never synced
}

TEST(FaultInjectionFileSystem, FailsTheNthCallOfAnOperation) {
  auto memory = std::make_shared<MemoryFileSystem>();
  FaultInjectionFileSystem fs(memory);
  ASSERT_TRUE(fs.CreateDirs("/d").ok());
  fs.FailNth(FsOp::kRename, 2);
  EXPECT_TRUE(fs.WriteFileAtomically("/d/a", "1").ok());
  Status second = fs.WriteFileAtomically("/d/b", "2");
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.IsIOError());
  EXPECT_NE(second.message().find("injected"), std::string::npos);
  // The failed atomic write left neither the target nor its temporary file behind.
  EXPECT_FALSE(memory->Exists("/d/b"));
  EXPECT_FALSE(memory->Exists("/d/b.tmp-write"));
  EXPECT_TRUE(fs.WriteFileAtomically("/d/c", "3").ok());
}

TEST(FaultInjectionFileSystem, FailAllSyncsUntilReset) {
  FaultInjectionFileSystem fs(std::make_shared<MemoryFileSystem>());
  ASSERT_TRUE(fs.CreateDirs("/d").ok());
  fs.FailAll(FsOp::kSync);
  EXPECT_FALSE(fs.WriteFileAtomically("/d/a", "1").ok());
  EXPECT_FALSE(fs.WriteFileAtomically("/d/a", "1").ok());
  fs.Reset();
  EXPECT_TRUE(fs.WriteFileAtomically("/d/a", "1").ok());
}

TEST(Paths, JoinDirAndBase) {
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(JoinPath("", "b"), "b");
  EXPECT_EQ(DirName("a/b/c.yaml"), "a/b");
  EXPECT_EQ(DirName("c.yaml"), ".");
  EXPECT_EQ(BaseName("a/b/c.yaml"), "c.yaml");
}

}  // namespace
}  // namespace mesh
