#include "demo/former_workspace.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace mesh::demo {
namespace {

constexpr const char* kMeshYaml = R"(name: archive-mesh
teams:
  - id: team-sales
    members: [alice]
  - id: team-archive
    members: []   # the last scribe left
domains:
  - id: sales
    description: Orders
    owners: [team-sales, team-archive]
)";

class FormerWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/mesh-former-workspace-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    ASSERT_TRUE(fs_->CreateDirs(root_ + "/mesh/products/sales").ok());
    ASSERT_TRUE(fs_->CreateDirs(root_ + "/mesh/governance").ok());
    ASSERT_TRUE(
        fs_->WriteFileAtomically(root_ + "/mesh/products/sales/orders.yaml", "x: 1\n").ok());
    ASSERT_TRUE(fs_->WriteFileAtomically(root_ + "/mesh/governance/global.yaml", "y: 2\n").ok());
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  Result<Workspace> Former(const std::string& mesh_yaml, const std::string& team) {
    EXPECT_TRUE(fs_->WriteFileAtomically(root_ + "/mesh/mesh.yaml", mesh_yaml).ok());
    auto workspace = Workspace::Open(fs_, root_ + "/mesh");
    EXPECT_TRUE(workspace.ok()) << workspace.status();
    auto contents = workspace->Load({});
    EXPECT_TRUE(contents.ok() && contents->org) << contents.status();
    return WriteFormerWorkspace(*workspace, *contents->org, {team}, root_ + "/former");
  }

  std::shared_ptr<FileSystem> fs_ = PosixFileSystem();
  std::string root_;
};

TEST_F(FormerWorkspaceTest, TheEmptiedTeamGetsItsFormerMemberAndTheRestIsCopied) {
  auto former = Former(kMeshYaml, "team-archive");
  ASSERT_TRUE(former.ok()) << former.status();
  auto text = fs_->ReadFile(root_ + "/former/mesh.yaml");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("members: [team-archive-former-member]   # the last scribe left"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("members: [alice]"), std::string::npos);
  EXPECT_EQ(fs_->ReadFile(root_ + "/former/products/sales/orders.yaml").ValueOr(""), "x: 1\n");
  EXPECT_EQ(fs_->ReadFile(root_ + "/former/governance/global.yaml").ValueOr(""), "y: 2\n");
  auto contents = former->Load({});
  ASSERT_TRUE(contents.ok() && contents->org) << contents.status();
  EXPECT_TRUE(contents->org->IsMember(FormerMemberOf("team-archive"), "team-archive"));
}

TEST_F(FormerWorkspaceTest, ATeamWithoutAnEmptyMembersListIsAnErrorNamingMeshYaml) {
  std::string mesh_yaml = kMeshYaml;
  mesh_yaml.replace(mesh_yaml.find("    members: []   # the last scribe left\n"),
                    std::string("    members: []   # the last scribe left\n").size(), "");
  auto former = Former(mesh_yaml, "team-archive");
  ASSERT_FALSE(former.ok());
  EXPECT_EQ(former.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(former.status().message().find("mesh.yaml: team 'team-archive'"), std::string::npos)
      << former.status().message();
}

}  // namespace
}  // namespace mesh::demo
