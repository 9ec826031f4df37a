#include "model/workspace.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace mesh {
namespace {

constexpr const char* kMesh =
    "name: m\nteams:\n  - id: team-sales\n    members: [ann]\ndomains:\n  - id: sales\n"
    "    owners: [team-sales]\n";

std::string Product(const std::string& name) {
  return "name: " + name +
         "\ndomain: sales\nowner: team-sales\nschema_version: 1.0.0\noutput_format: csv\n"
         "schema:\n  fields:\n    - {name: id, type: int64}\n";
}

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/mesh-workspace-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& relative, const std::string& text) {
    ASSERT_TRUE(fs_->CreateDirs(DirName(JoinPath(root_, relative))).ok());
    ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, relative), text).ok());
  }

  std::shared_ptr<FileSystem> fs_ = PosixFileSystem();
  std::string root_;
};

TEST_F(WorkspaceTest, FindsRootUpwardAndRefusesWithoutMeshYaml) {
  Write("products/sales/a.yaml", Product("a"));
  EXPECT_FALSE(Workspace::FindRoot(*fs_, JoinPath(root_, "products/sales")).ok());
  EXPECT_FALSE(Workspace::Open(fs_, root_).ok());
  Write("mesh.yaml", kMesh);
  Result<std::string> found = Workspace::FindRoot(*fs_, JoinPath(root_, "products/sales"));
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(*found, root_);
  EXPECT_TRUE(Workspace::Open(fs_, root_).ok());
}

TEST_F(WorkspaceTest, LoadsEveryProductSortedAndValidatesThem) {
  Write("mesh.yaml", kMesh);
  Write("products/sales/b.yaml", Product("b"));
  Write("products/sales/a.yaml", Product("a") + "colour: red\n");
  Write("products/sales/notes.txt", "ignored");
  Write("products/other/c.yaml", Product("a"));
  Result<Workspace> ws = Workspace::Open(fs_, root_);
  ASSERT_TRUE(ws.ok());
  Result<WorkspaceContents> contents = ws->Load();
  ASSERT_TRUE(contents.ok()) << contents.status();
  EXPECT_EQ(contents->files,
            (std::vector<std::string>{"mesh.yaml", "products/other/c.yaml", "products/sales/a.yaml",
                                      "products/sales/b.yaml"}));
  ASSERT_EQ(contents->descriptors.size(), 3u);
  ASSERT_EQ(contents->findings.size(), 2u);
  EXPECT_EQ(contents->findings[0].rule, "org.duplicate_id");
  EXPECT_EQ(contents->findings[0].file, "products/sales/a.yaml");
  EXPECT_EQ(contents->findings[1].rule, "descriptor.unknown_key");
  EXPECT_EQ(contents->CountErrors(), 2u);
  EXPECT_NE(contents->FindByFile("products/sales/b.yaml"), nullptr);
}

TEST_F(WorkspaceTest, SelectedFilesStillSeeOtherProductNames) {
  Write("mesh.yaml", kMesh);
  Write("products/sales/a.yaml", Product("dup"));
  Write("products/sales/b.yaml", Product("dup"));
  Result<WorkspaceContents> contents = Workspace::Open(fs_, root_)->Load({"products/sales/a.yaml"});
  ASSERT_TRUE(contents.ok()) << contents.status();
  ASSERT_EQ(contents->findings.size(), 1u);
  EXPECT_EQ(contents->findings[0].rule, "org.duplicate_id");
  EXPECT_NE(contents->findings[0].message.find("products/sales/b.yaml:1"), std::string::npos);
}

TEST_F(WorkspaceTest, BrokenFilesBecomeFindingsMissingFilesErrors) {
  Write("mesh.yaml", "name: [\n");
  Write("products/sales/a.yaml", "name: x\n  bad: indent\n");
  Result<WorkspaceContents> contents = Workspace::Open(fs_, root_)->Load();
  ASSERT_TRUE(contents.ok()) << contents.status();
  ASSERT_EQ(contents->findings.size(), 2u);
  EXPECT_EQ(contents->findings[0].rule, "org.syntax");
  EXPECT_EQ(contents->findings[1].rule, "descriptor.syntax");
  EXPECT_FALSE(Workspace::Open(fs_, root_)->Load({"products/none.yaml"}).ok());
}

}  // namespace
}  // namespace mesh
