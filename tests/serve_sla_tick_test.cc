// `mesh serve` keeps service levels on its own (docs/sla.md "Ticks and incidents"): a real server
// on a workspace whose product missed its deadlines opens the incidents and calls the teams'
// webhooks without anyone running `mesh sla tick`; a consumer report filed through the API
// wakes the server's ticker, so its webhook leaves at once rather than at the next interval
// (an hour here). The server also answers / with how to build the web UI when it is not built.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "basic_workspace.h"
#include "mesh_binary.h"
#include "serve_process.h"
#include "sla/webhook_receiver_test.h"

namespace mesh {
namespace {

namespace fs = std::filesystem;

using testing::Eventually;
using testing::MeshBinary;
using testing::MeshRun;
using testing::ReadAll;
using testing::RunMesh;
using testing::ServeProcess;

// Whether the receiver was POSTed a notification with this event about this product.
bool Received(sla::HookServer& receiver, const std::string& event, const std::string& product) {
  for (const std::string& text : receiver.Bodies()) {
    nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_object() && body.value("event", "") == event &&
        body.value("product", "") == product) {
      return true;
    }
  }
  return false;
}

class ServeSlaTickTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(MeshBinary())) << "no mesh binary at " << MeshBinary();
    workspace_ = testing::MakeBasicWorkspaceWithOrders("mesh-serve-tick");
    ASSERT_FALSE(workspace_.empty()) << "no temporary folder";
    ::unsetenv("MESH_CATALOG");
    ::unsetenv("MESH_LAKE");
  }
  void TearDown() override {
    server_.reset();
    ::unsetenv("MESH_NOW");
    if (!workspace_.empty()) fs::remove_all(workspace_.parent_path());
  }

  // Both teams of orders (owner team-sales, consumer analytics) get a webhook on the receiver.
  void AddWebhooks(const sla::HookServer& receiver) {
    std::string mesh = ReadAll(workspace_ / "mesh.yaml");
    for (const std::string team : {"team-sales", "analytics"}) {
      const std::string line = "  - id: " + team + "\n";
      const size_t at = mesh.find(line);
      ASSERT_NE(at, std::string::npos) << team;
      mesh.insert(at + line.size(), "    webhook_url: " + receiver.Url("/" + team) + "\n");
    }
    std::ofstream(workspace_ / "mesh.yaml") << mesh;
  }

  std::string Token(const std::string& person) {
    MeshRun created = RunMesh(workspace_, "token create --person " + person + " --json");
    EXPECT_EQ(created.exit_code, 0) << created.out << created.err;
    nlohmann::json json = nlohmann::json::parse(created.out, nullptr, false);
    return json.is_object() ? json.value("secret", "") : "";
  }

  void StartServer(const std::vector<std::string>& extra) {
    std::vector<std::string> arguments{
        MeshBinary(), "-C", workspace_.string(), "serve", "--listen", "127.0.0.1:0", "--quiet"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServeProcess>("serve", arguments, workspace_.parent_path());
    ASSERT_TRUE(server_->Launch());
    ASSERT_TRUE(server_->WaitUntilReady());
  }

  fs::path workspace_;
  std::unique_ptr<ServeProcess> server_;
};

TEST_F(ServeSlaTickTest, ServerOpensIncidentsSendsWebhooksAndWakesForApiActions) {
  sla::HookServer receiver;
  AddWebhooks(receiver);
  // Published on 2026-11-20; orders is due daily at 06:00 Paris time.
  ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);
  MeshRun published =
      RunMesh(workspace_, "publish products/sales/orders.yaml data/orders.csv --as alice");
  ASSERT_EQ(published.exit_code, 0) << published.out << published.err;
  const std::string carol = Token("carol");

  // Three days on, nothing new was published: the server's first tick finds the missed days.
  ::setenv("MESH_NOW", "2026-11-23T08:00:00Z", 1);
  StartServer({"--sla-tick-interval", "3600"});
  EXPECT_TRUE(Eventually([&] { return Received(receiver, "incident_opened", "orders"); }))
      << "no incident webhook" << server_->Logs();
  httplib::Headers bearer = {{"Authorization", "Bearer " + carol}};
  auto incidents = server_->Client().Get("/api/v1/incidents?product=orders", bearer);
  ASSERT_TRUE(incidents);
  ASSERT_EQ(incidents->status, 200) << incidents->body;
  nlohmann::json listed = nlohmann::json::parse(incidents->body, nullptr, false);
  ASSERT_TRUE(listed.is_array()) << incidents->body;
  ASSERT_FALSE(listed.empty()) << "the consumer sees no incident";
  EXPECT_EQ(listed[0].value("kind", ""), "late") << incidents->body;
  // The tick's line follows its webhooks (it is written once the tick has ended).
  EXPECT_TRUE(Eventually([&] {
    return ReadAll(workspace_.parent_path() / "serve.err").find("incidents opened") !=
           std::string::npos;
  })) << server_->Logs();

  // The next interval is an hour away: only the wake-up after the API action sends this one.
  EXPECT_FALSE(Received(receiver, "report_opened", "orders"));
  auto report = server_->Client().Post("/api/v1/reports", bearer,
                                       R"({"product": "orders", "title": "Amounts look doubled"})",
                                       "application/json");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 201) << report->body;
  EXPECT_TRUE(Eventually([&] { return Received(receiver, "report_opened", "orders"); }))
      << "the report's webhook did not leave" << server_->Logs();
}

TEST_F(ServeSlaTickTest, IntervalZeroLeavesTicksToTheVerb) {
  ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);
  ASSERT_EQ(RunMesh(workspace_, "publish products/sales/orders.yaml data/orders.csv --as alice")
                .exit_code,
            0);
  const std::string carol = Token("carol");
  ::setenv("MESH_NOW", "2026-11-23T08:00:00Z", 1);
  StartServer({"--sla-tick-interval", "0"});
  EXPECT_NE(ReadAll(workspace_.parent_path() / "serve.err").find("SLA tick off"), std::string::npos)
      << server_->Logs();
  httplib::Headers bearer = {{"Authorization", "Bearer " + carol}};
  auto incidents = server_->Client().Get("/api/v1/incidents?product=orders", bearer);
  ASSERT_TRUE(incidents);
  EXPECT_EQ(nlohmann::json::parse(incidents->body, nullptr, false), nlohmann::json::array())
      << "a server with ticks off opened incidents: " << incidents->body;
  MeshRun tick = RunMesh(workspace_, "sla tick --json");
  ASSERT_EQ(tick.exit_code, 0) << tick.err;
  incidents = server_->Client().Get("/api/v1/incidents?product=orders", bearer);
  ASSERT_TRUE(incidents);
  EXPECT_NE(incidents->body.find("\"late\""), std::string::npos) << incidents->body;
}

TEST_F(ServeSlaTickTest, UnbuiltWebUiSaysHowToBuildIt) {
  const fs::path empty = workspace_.parent_path() / "no-ui";
  fs::create_directories(empty);
  StartServer({"--web-root", empty.string(), "--sla-tick-interval", "0"});
  EXPECT_NE(ReadAll(workspace_.parent_path() / "serve.err").find("not built"), std::string::npos)
      << server_->Logs();
  auto page = server_->Client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("npm run build"), std::string::npos) << page->body;
}

}  // namespace
}  // namespace mesh
