// End to end through the CLI's client mode: a real `mesh serve` on an ephemeral port over a
// temporary workspace, tokens made with `mesh token create`, then `mesh publish/read/versions/
// show/search/lineage/quarantine/audit/access/diff --server URL` run as subprocesses. Their output
// is compared with the same verbs in local mode on the same catalog (they must print the same), and
// the failure paths (no token, a rejected token, a refusal, a server that is down) must give the
// documented message and exit code.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "basic_workspace.h"
#include "mesh_binary.h"
#include "serve_process.h"

namespace mesh {
namespace {

namespace fs = std::filesystem;

using testing::MeshBinary;
using testing::MeshRun;
using testing::ReadAll;
using testing::RunMesh;
using testing::ServeProcess;

class ClientModeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(MeshBinary())) << "no mesh binary at " << MeshBinary();
    workspace_ = testing::MakeBasicWorkspaceWithOrders("mesh-client-mode");
    ASSERT_FALSE(workspace_.empty()) << "no temporary folder";
    std::ofstream(workspace_ / "data/bad_orders.csv")
        << "order_id,ordered_at,amount,customer_email\n"
           "1,2026-11-20T06:00:00Z,-1.00,a@example.org\n"
           "2,2026-11-20T07:00:00Z,3.00,b@example.org\n";
    ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);
    ::unsetenv("MESH_SERVER");
    ::unsetenv("MESH_TOKEN");
    ::unsetenv("MESH_CATALOG");
    ::unsetenv("MESH_LAKE");
    for (const char* person : {"alice", "carol", "dave"}) tokens_[person] = CreateToken(person);
    server_ = std::make_unique<ServeProcess>(
        "serve",
        std::vector<std::string>{MeshBinary(), "-C", workspace_.string(), "serve", "--listen",
                                 "127.0.0.1:0", "--quiet"},
        workspace_.parent_path());
    ASSERT_TRUE(server_->Launch());
    ASSERT_TRUE(server_->WaitUntilReady());
  }

  void TearDown() override {
    server_.reset();
    ::unsetenv("MESH_NOW");
    if (!workspace_.empty()) fs::remove_all(workspace_.parent_path());
  }

  std::string CreateToken(const std::string& person) {
    MeshRun created = RunMesh(workspace_, "token create --person " + person + " --json");
    EXPECT_EQ(created.exit_code, 0) << created.out << created.err;
    nlohmann::json json = nlohmann::json::parse(created.out, nullptr, false);
    return json.is_object() ? json.value("secret", "") : "";
  }

  // `mesh ARGUMENTS --server URL` with PERSON's token.
  MeshRun Remote(const std::string& person, const std::string& arguments) {
    return RunMesh(workspace_, arguments + " --server " + server_->Url(),
                   "MESH_TOKEN=" + tokens_[person]);
  }
  MeshRun Local(const std::string& arguments) { return RunMesh(workspace_, arguments); }

  // The verb prints the same, with the same exit code, in both modes.
  void ExpectSameInBothModes(const std::string& person, const std::string& arguments) {
    MeshRun local = Local(arguments);
    MeshRun remote = Remote(person, arguments);
    EXPECT_EQ(remote.exit_code, local.exit_code) << arguments << "\n" << remote.err;
    EXPECT_EQ(remote.out, local.out) << arguments << "\nremote stderr: " << remote.err;
    EXPECT_FALSE(local.out.empty()) << arguments << ": " << local.err;
  }

  void PublishThroughServer() {
    MeshRun publish = Remote("alice", "publish products/sales/orders.yaml data/orders.csv");
    ASSERT_EQ(publish.exit_code, 0) << publish.out << publish.err;
    EXPECT_NE(publish.out.find("published orders@1.2.0#1: 2 rows"), std::string::npos)
        << publish.out;
    EXPECT_NE(publish.out.find("(parquet) as sha256/"), std::string::npos) << publish.out;
  }

  fs::path workspace_;
  std::unique_ptr<ServeProcess> server_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(ClientModeTest, PublishThenMetadataVerbsPrintWhatLocalModePrints) {
  PublishThroughServer();
  MeshRun rejected = Remote("alice", "publish products/sales/orders.yaml data/bad_orders.csv");
  EXPECT_EQ(rejected.exit_code, 1) << rejected.out << rejected.err;
  EXPECT_NE(rejected.out.find("rejected: the data failed its checks; quarantined as entry 1"),
            std::string::npos)
      << rejected.out;

  for (const char* arguments :
       {"versions orders", "versions orders --json", "show orders", "show orders --json",
        "show orders@1.2.0#1 --json", "search orders", "search order --json",
        "lineage orders --json", "lineage orders --downstream", "quarantine list",
        "quarantine list orders --json", "quarantine show 1 --json", "quarantine show 1",
        "versions nothing_here"}) {
    ExpectSameInBothModes("alice", arguments);
  }
  for (const char* arguments :
       {"audit", "audit --json", "audit --product orders --action publish --json",
        "audit --person alice", "audit verify", "audit verify --json"}) {
    ExpectSameInBothModes("dave", arguments);
  }
}

TEST_F(ClientModeTest, ARefusedPublishPrintsTheSameFindingsAsLocalMode) {
  PublishThroughServer();
  const fs::path descriptor = workspace_ / "products/sales/orders.yaml";
  std::string text = ReadAll(descriptor);
  const std::string anchor = "description: One row per order\n";
  ASSERT_NE(text.find(anchor), std::string::npos);
  text.replace(text.find(anchor), anchor.size(), anchor + "desciption_typo: 1\n");
  std::ofstream(descriptor) << text;
  MeshRun local = Local("publish products/sales/orders.yaml data/orders.csv --as alice");
  MeshRun remote = Remote("alice", "publish products/sales/orders.yaml data/orders.csv");
  EXPECT_EQ(local.exit_code, 1) << local.out << local.err;
  EXPECT_EQ(remote.exit_code, 1) << remote.out << remote.err;
  EXPECT_EQ(remote.out, local.out);
  EXPECT_NE(remote.out.find("refused: nothing was published"), std::string::npos) << remote.out;
  EXPECT_NE(remote.out.find("products/sales/orders.yaml:"), std::string::npos) << remote.out;
}

TEST_F(ClientModeTest, ReadStreamsTheSameBytesAndSummaryAsLocalMode) {
  PublishThroughServer();
  for (const char* format : {"csv", "jsonl", "parquet"}) {
    const std::string arguments = std::string("read orders --format ") + format;
    MeshRun local = Local(arguments + " --as alice");
    MeshRun remote = Remote("alice", arguments);
    ASSERT_EQ(remote.exit_code, 0) << remote.err;
    EXPECT_EQ(remote.out, local.out) << format;
    EXPECT_EQ(remote.err, local.err) << format;
  }
  MeshRun local = Local("read orders#1 --as alice -o out/local.csv --format csv --json");
  MeshRun remote =
      Remote("alice", "read orders#1 --as alice -o out/remote.csv --format csv --json");
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(ReadAll(workspace_ / "out/remote.csv"), ReadAll(workspace_ / "out/local.csv"));
  EXPECT_FALSE(fs::exists(workspace_ / "out/remote.csv.part"));
  nlohmann::json local_json = nlohmann::json::parse(local.out, nullptr, false);
  nlohmann::json remote_json = nlohmann::json::parse(remote.out, nullptr, false);
  ASSERT_TRUE(remote_json.is_object()) << remote.out;
  remote_json["output"] = local_json["output"];
  EXPECT_EQ(remote_json, local_json);

  // Carol (analytics) is not in the owning team: the pii field is withheld by the server.
  MeshRun carol = Remote("carol", "read orders --format jsonl --json");
  ASSERT_EQ(carol.exit_code, 0) << carol.err;
  EXPECT_EQ(carol.out.find("customer_email"), std::string::npos) << carol.out;
  nlohmann::json summary = nlohmann::json::parse(carol.err, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << carol.err;
  ASSERT_EQ(summary["withheld"].size(), 1u) << carol.err;
  EXPECT_EQ(summary["withheld"][0]["field"], "customer_email");
  EXPECT_FALSE(summary["withheld"][0]["reason"].get<std::string>().empty());
  EXPECT_EQ(summary["columns"], nlohmann::json({"order_id", "ordered_at", "amount"}));
}

TEST_F(ClientModeTest, RefusalsAndBadTokensGiveTheDocumentedMessagesAndExitCodes) {
  PublishThroughServer();
  MeshRun not_owner = Remote("carol", "publish products/sales/orders.yaml data/orders.csv");
  EXPECT_EQ(not_owner.exit_code, 1) << not_owner.out << not_owner.err;
  EXPECT_NE(not_owner.err.find("refused by the server at " + server_->Url()), std::string::npos)
      << not_owner.err;

  MeshRun wrong_as = Remote("alice", "publish products/sales/orders.yaml data/orders.csv --as bob");
  EXPECT_EQ(wrong_as.exit_code, 2) << wrong_as.err;
  EXPECT_NE(wrong_as.err.find("MESH_TOKEN is the token of alice"), std::string::npos)
      << wrong_as.err;

  MeshRun bad_token = RunMesh(workspace_, "versions orders --server " + server_->Url(),
                              "MESH_TOKEN=mesh_nope_0000");
  EXPECT_EQ(bad_token.exit_code, 2) << bad_token.err;
  EXPECT_NE(bad_token.err.find("the server at " + server_->Url() +
                               " did not accept the token in MESH_TOKEN"),
            std::string::npos)
      << bad_token.err;

  MeshRun no_token = RunMesh(workspace_, "show orders --server " + server_->Url());
  EXPECT_EQ(no_token.exit_code, 2) << no_token.err;
  EXPECT_NE(
      no_token.err.find("no API token for the server at " + server_->Url() + ": export MESH_TOKEN"),
      std::string::npos)
      << no_token.err;

  MeshRun not_governance = Remote("alice", "audit");
  EXPECT_EQ(not_governance.exit_code, 1) << not_governance.err;
  EXPECT_NE(not_governance.err.find("refused by the server"), std::string::npos)
      << not_governance.err;

  MeshRun unknown = Remote("alice", "show nothing_here");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;

  MeshRun both = Remote("alice", "versions orders --catalog sqlite:x.db");
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_NE(both.err.find("leave out --catalog and --lake, or --server"), std::string::npos)
      << both.err;

  MeshRun dot = Remote("alice", "lineage orders --dot");
  EXPECT_EQ(dot.exit_code, 2) << dot.err;
}

TEST_F(ClientModeTest, MeshServerEnvironmentSelectsTheServerUnlessLocalStoresAreGiven) {
  PublishThroughServer();
  const std::string environment =
      "MESH_SERVER=" + server_->Url() + " MESH_TOKEN=" + tokens_["alice"];
  MeshRun remote = RunMesh(workspace_, "versions orders --json", environment);
  MeshRun local = Local("versions orders --json");
  EXPECT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(remote.out, local.out);
  // An explicit --catalog means local mode: an empty catalog elsewhere knows no orders.
  MeshRun explicit_local =
      RunMesh(workspace_, "versions orders --catalog sqlite:" + (workspace_ / "other.db").string(),
              environment);
  EXPECT_NE(explicit_local.out + explicit_local.err, remote.out);
  EXPECT_EQ(explicit_local.out.find("orders@1.2.0#1"), std::string::npos) << explicit_local.out;
}

// The access workflow done through the server and, step by step, by the local verbs (--as) on a
// twin workspace: every step prints the same and exits alike, refusals included.
TEST_F(ClientModeTest, AccessVerbsThroughTheServerPrintWhatLocalModePrints) {
  const fs::path twin = testing::MakeBasicWorkspaceWithOrders("mesh-client-twin");
  ASSERT_FALSE(twin.empty());
  PublishThroughServer();  // access is to published products
  MeshRun published =
      RunMesh(twin, "publish products/sales/orders.yaml data/orders.csv --as alice");
  ASSERT_EQ(published.exit_code, 0) << published.out << published.err;
  struct Step {
    const char* person;
    const char* arguments;
    int exit_code;
  };
  const Step steps[] = {
      {"carol", "access request orders --purpose 'churn model' --pii", 0},
      {"alice", "access list", 0},
      {"carol", "access approve 1 --note 'my own'", 1},  // no one approves their own request
      {"alice", "access approve 1 --expires 30d --note 'for the model'", 0},
      {"alice", "access approve 1", 1},  // already decided
      {"alice", "access grant orders --team governance --level confidential --json", 0},
      {"carol", "access grant orders --team analytics --level confidential", 1},  // not an owner
      {"alice", "access list --all --json", 0},
      {"alice", "access revoke 2 --reason 'no longer needed' --json", 0},
      {"carol", "access request orders --purpose 'a second look' --level confidential", 0},
      {"alice", "access deny 2 --reason 'the first grant covers it'", 0},
      {"dave", "access list --all", 0},
      {"dave", "access list --status denied --json", 0},
      {"alice", "access request nothing_here --purpose x", 2},
      {"alice", "access list --status bogus", 2},
  };
  for (const Step& step : steps) {
    // Listing needs no person locally; every other verb acts as --as.
    const std::string arguments(step.arguments);
    const bool acts = arguments.rfind("access list", 0) != 0;
    MeshRun local = RunMesh(twin, arguments + (acts ? std::string(" --as ") + step.person : ""));
    MeshRun remote = Remote(step.person, step.arguments);
    EXPECT_EQ(local.exit_code, step.exit_code) << step.arguments << "\n" << local.err;
    EXPECT_EQ(remote.exit_code, step.exit_code) << step.arguments << "\n" << remote.err;
    EXPECT_EQ(remote.out, local.out) << step.arguments << "\nremote stderr: " << remote.err;
  }
  fs::remove_all(twin.parent_path());

  // The server audited each change as the token's person.
  MeshRun audit = Local("audit --json");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  for (const char* action :
       {"access.request", "access.approve", "access.grant", "access.revoke", "access.deny"}) {
    EXPECT_NE(audit.out.find(action), std::string::npos) << action << "\n" << audit.out;
  }

  // --as names who acts locally; with a server it must be the token's person.
  MeshRun wrong_as = Remote("alice", "access request orders --purpose x --as carol");
  EXPECT_EQ(wrong_as.exit_code, 2) << wrong_as.err;
  MeshRun no_person = Local("access request orders --purpose x");
  EXPECT_EQ(no_person.exit_code, 2) << no_person.err;
  EXPECT_NE(no_person.err.find("--as PERSON"), std::string::npos) << no_person.err;
}

TEST_F(ClientModeTest, DiffThroughTheServerPrintsWhatLocalModePrints) {
  ExpectSameInBothModes("carol", "diff products/sales/orders.yaml");
  PublishThroughServer();
  ExpectSameInBothModes("carol", "diff products/sales/orders.yaml --json");
  // Dropping a field consumers read is breaking; 1.2.0 is not a major bump.
  const fs::path descriptor = workspace_ / "products/sales/orders.yaml";
  std::string text = ReadAll(descriptor);
  const std::string field =
      "    - name: customer_email\n      type: string\n      classification: confidential\n"
      "      tags: [pii]\n";
  ASSERT_NE(text.find(field), std::string::npos);
  text.erase(text.find(field), field.size());
  std::ofstream(descriptor) << text;
  for (const char* arguments :
       {"diff products/sales/orders.yaml", "diff products/sales/orders.yaml --json"}) {
    MeshRun local = Local(arguments);
    MeshRun remote = Remote("carol", arguments);
    EXPECT_EQ(local.exit_code, 1) << local.out << local.err;
    EXPECT_EQ(remote.exit_code, 1) << remote.out << remote.err;
    EXPECT_EQ(remote.out, local.out) << arguments << "\nremote stderr: " << remote.err;
  }
  EXPECT_NE(Local("diff products/sales/orders.yaml").out.find("(affects analytics)"),
            std::string::npos);

  // Client mode needs no workspace: the descriptor file alone, from anywhere.
  MeshRun outside = RunMesh(workspace_.parent_path(),
                            "diff " + descriptor.string() + " --server " + server_->Url(),
                            "MESH_TOKEN=" + tokens_["carol"]);
  EXPECT_EQ(outside.exit_code, 1) << outside.out << outside.err;
  EXPECT_NE(outside.out.find("needs: major bump"), std::string::npos) << outside.out;

  std::ofstream(workspace_ / "not_a_descriptor.yaml") << "just: [a, list\n";
  MeshRun broken = Remote("carol", "diff not_a_descriptor.yaml");
  EXPECT_EQ(broken.exit_code, 2) << broken.out << broken.err;
  EXPECT_NE(broken.err.find("not_a_descriptor.yaml"), std::string::npos) << broken.err;
}

TEST_F(ClientModeTest, AServerThatIsDownIsAClearInputError) {
  const std::string url = server_->Url();
  server_->Stop();
  MeshRun down =
      RunMesh(workspace_, "publish products/sales/orders.yaml data/orders.csv --server " + url,
              "MESH_TOKEN=" + tokens_["alice"]);
  EXPECT_EQ(down.exit_code, 2) << down.err;
  EXPECT_NE(down.err.find("cannot connect to the server at " + url), std::string::npos) << down.err;
  EXPECT_NE(down.err.find("is `mesh serve` running there?"), std::string::npos) << down.err;
}

}  // namespace
}  // namespace mesh
