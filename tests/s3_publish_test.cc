// End to end through an S3 lake: `mesh publish --lake s3://...` against moto (signatures
// checked), then `mesh show --json` and a read back of the published object whose bytes must
// hash to the catalog's content hash and the object's key. A wrong secret fails the publish with
// a clear 403 that does not print the secret.
#include <gtest/gtest.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "basic_workspace.h"
#include "lake/s3_object_store.h"
#include "mesh_binary.h"
#include "moto_server_test.h"

namespace mesh {
namespace {

namespace fs = std::filesystem;

using testing::MeshBinary;

struct MeshRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

MeshRun RunMesh(const fs::path& workspace, const std::string& arguments) {
  testing::MeshRun run = testing::RunMesh(workspace, arguments);
  return {run.exit_code, run.out + run.err};
}

class S3PublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(MeshBinary())) << "no mesh binary at " << MeshBinary();
    auto moto = MotoServer::Shared();
    ASSERT_TRUE(moto.ok()) << moto.status();
    moto_ = *moto;
    auto store = moto_->NewStore();
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    lake_ = store_->Uri();
    workspace_ = testing::MakeBasicWorkspaceWithOrders("mesh-s3-publish");
    ASSERT_FALSE(workspace_.empty()) << "no temporary folder";
    S3Options options = moto_->Options();
    ::setenv("AWS_ENDPOINT_URL", options.endpoint.c_str(), 1);
    ::unsetenv("AWS_ENDPOINT_URL_S3");
    ::setenv("AWS_REGION", "us-east-1", 1);
    ::setenv("AWS_ACCESS_KEY_ID", options.credentials.access_key_id.c_str(), 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", options.credentials.secret_access_key.c_str(), 1);
    ::unsetenv("AWS_SESSION_TOKEN");
    ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);
  }

  void TearDown() override {
    ::unsetenv("MESH_NOW");
    if (!workspace_.empty()) fs::remove_all(workspace_.parent_path());
  }

  // The JSON of `mesh show REF --json` from the S3 lake's catalog.
  nlohmann::json Show(const std::string& ref) {
    MeshRun show = RunMesh(workspace_, "show " + ref + " --json --lake " + lake_);
    EXPECT_EQ(show.exit_code, 0) << show.output;
    return nlohmann::json::parse(show.output, nullptr, false);
  }

  void ExpectStoredAndIntact(const nlohmann::json& version) {
    ASSERT_TRUE(version.is_object());
    std::string key = version.value("object_key", "");
    std::string hash = version.value("content_hash", "");
    EXPECT_EQ(key, "sha256/" + hash);
    EXPECT_EQ(store_->Size(key).ValueOr(0), version.value("bytes", uint64_t{1}));
    EXPECT_TRUE(store_->Verify(key).ok());
    auto bytes = store_->Get(key);
    ASSERT_TRUE(bytes.ok()) << bytes.status();
    EXPECT_EQ(Sha256Hex(*bytes).ValueOr(""), hash);
    EXPECT_EQ(bytes->substr(0, 4), "PAR1") << "orders publishes Parquet";
  }

  MotoServer* moto_ = nullptr;
  std::unique_ptr<S3ObjectStore> store_;
  std::string lake_;
  fs::path workspace_;
};

TEST_F(S3PublishTest, PublishThroughS3ThenShowAndReadBackWithHashVerification) {
  MeshRun publish = RunMesh(workspace_,
                            "publish products/sales/orders.yaml data/orders.csv --as "
                            "alice --lake " +
                                lake_);
  ASSERT_EQ(publish.exit_code, 0) << publish.output;
  EXPECT_NE(publish.output.find("published orders@1.2.0#1: 2 rows"), std::string::npos)
      << publish.output;
  nlohmann::json first = Show("orders#1");
  ExpectStoredAndIntact(first);
  EXPECT_FALSE(fs::exists(workspace_ / ".mesh/lake/objects") &&
               !fs::is_empty(workspace_ / ".mesh/lake/objects"))
      << "the data went to the local lake, not to S3";

  // The same data again: a new snapshot, the same content-addressed object, not rewritten.
  ::setenv("MESH_NOW", "2026-11-20T09:00:00Z", 1);
  MeshRun again = RunMesh(workspace_,
                          "publish products/sales/orders.yaml data/orders.csv --as bob "
                          "--lake " +
                              lake_);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  nlohmann::json second = Show("orders#2");
  ExpectStoredAndIntact(second);
  auto staging = store_->ListStaging();
  ASSERT_TRUE(staging.ok()) << staging.status();
  EXPECT_TRUE(staging->empty());
}

TEST_F(S3PublishTest, WrongSecretFailsWithAClear403) {
  ::setenv("AWS_SECRET_ACCESS_KEY", "definitely-wrong-secret", 1);
  MeshRun publish = RunMesh(workspace_,
                            "publish products/sales/orders.yaml data/orders.csv --as "
                            "alice --lake " +
                                lake_);
  EXPECT_NE(publish.exit_code, 0) << publish.output;
  EXPECT_NE(publish.output.find("HTTP 403 SignatureDoesNotMatch"), std::string::npos)
      << publish.output;
  EXPECT_NE(publish.output.find("s3://" + store_->location().bucket + "/lake/"), std::string::npos)
      << publish.output;
  EXPECT_EQ(publish.output.find("definitely-wrong-secret"), std::string::npos) << publish.output;
}

TEST_F(S3PublishTest, MissingCredentialsAreAnInputError) {
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
  MeshRun publish = RunMesh(workspace_,
                            "publish products/sales/orders.yaml data/orders.csv --as "
                            "alice --lake " +
                                lake_);
  EXPECT_EQ(publish.exit_code, 2) << publish.output;
  EXPECT_NE(publish.output.find("AWS_SECRET_ACCESS_KEY"), std::string::npos) << publish.output;
}

}  // namespace
}  // namespace mesh
