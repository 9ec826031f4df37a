// The three-server test of issue 11: one throwaway PostgreSQL catalog, one moto S3 lake (its
// signature checks on), and three real `mesh serve` processes on them, started at once on an
// empty catalog. Through all of them at once it drives publishes, reads, lineage, tokens and
// grants, and kills and stops servers, and checks that the behaviour of the embedded defaults
// holds: exactly one winner per snapshot with clean 409s for the others, nothing lost or
// duplicated, reads identical through every server, grants enforced everywhere at once, a
// SIGKILLed server leaving nothing half-done, SIGTERM draining.
//
// Races are made certain rather than hoped for: the test takes the product's row lock in the
// catalog itself (as a slow server would hold it), waits until PostgreSQL shows the publishes
// queued behind it, and then lets go. Every fixture is named *Postgres* so that ctest runs it
// with the shared PostgreSQL fixture (tests/cmake/postgres.cmake); without PostgreSQL or
// moto_server the tests fail, they never skip.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <latch>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/sha256.h"
#include "catalog/postgres_schema.h"
#include "catalog/postgres_test_server.h"
#include "lake/s3_object_store.h"
#include "mesh_binary.h"
#include "moto_server_test.h"
#include "serve_process.h"

namespace mesh {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kMeshYaml = R"(name: scale-out
teams:
  - id: platform
    members: [root]
    roles: [admin]
  - id: governance
    members: [dave]
    roles: [governance]
  - id: team-sales
    members: [alice]
  - id: analytics
    members: [carol]
domains:
  - id: sales
    owners: [team-sales]
)";

constexpr const char* kGlobalPolicy = R"(naming:
  product: snake_case
  field: snake_case
  domain: kebab-case
required: [description, classification]
allowed_formats: [parquet, csv, jsonl]
classification:
  levels: [public, internal, confidential, restricted]
  pii_min_level: confidential
)";

// Confidential (readers outside sales need a grant), with a restricted pii field.
constexpr const char* kOrdersYaml = R"(name: orders
domain: sales
owner: team-sales
description: One row per order
schema_version: 1.0.0
output_format: parquet
classification: confidential
schema:
  primary_key: [order_id]
  fields:
    - name: order_id
      type: int64
      required: true
    - name: amount
      type: double
    - name: customer_email
      type: string
      classification: restricted
      tags: [pii]
)";

// Built from orders: its lineage edge is what the lineage checks look for.
constexpr const char* kOrderTotalsYaml = R"(name: order_totals
domain: sales
owner: team-sales
description: Daily order totals for finance
schema_version: 1.0.0
output_format: csv
classification: internal
lineage: [orders]
schema:
  fields:
    - name: day
      type: date
      required: true
    - name: total
      type: double
)";

// Orders data whose one row names `id`, so that every attempt's data differs.
std::string OrdersCsv(int id) {
  return "order_id,amount,customer_email\n" + std::to_string(id) + "," + std::to_string(id) +
         ".5,buyer" + std::to_string(id) + "@example.org\n";
}

using testing::Eventually;
using testing::MeshBinary;
using testing::ReadAll;
using testing::ServeProcess;

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

struct HttpAnswer {
  int status = -1;  // -1: no answer (connection refused or cut)
  std::string body;
  httplib::Headers headers;

  Json json() const { return Json::parse(body, nullptr, false); }
  std::string ErrorCode() const {
    Json parsed = json();
    return parsed.is_object() && parsed.contains("error") ? parsed["error"].value("code", "") : "";
  }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

HttpAnswer Answer(const httplib::Result& result) {
  HttpAnswer answer;
  if (!result) return answer;
  answer.status = result->status;
  answer.body = result->body;
  answer.headers = result->headers;
  return answer;
}

httplib::Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class PostgresS3ScaleOutTest : public ::testing::Test {
 protected:
  static constexpr int kServers = 3;

  void SetUp() override {
    ASSERT_TRUE(fs::exists(MeshBinary())) << "no mesh binary at " << MeshBinary();
    auto postgres = PostgresTestServer::Shared();
    ASSERT_TRUE(postgres.ok()) << postgres.status();
    postgres_ = *postgres;
    auto catalog = postgres_->CreateScratchSchema();
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    catalog_uri_ = *catalog;
    // The servers end transactions left idle after 3 s instead of the default minute, so that
    // the frozen-server test need not wait long (the test's own connections keep no limit).
    server_catalog_uri_ = catalog_uri_;
    const size_t options = server_catalog_uri_.find("options=");
    ASSERT_NE(options, std::string::npos) << catalog_uri_;
    server_catalog_uri_.insert(options + 8, "-cidle_in_transaction_session_timeout%3D3s%20");
    auto moto = MotoServer::Shared();
    ASSERT_TRUE(moto.ok()) << moto.status();
    auto store = (*moto)->NewStore();
    ASSERT_TRUE(store.ok()) << store.status();
    lake_ = std::move(*store);
    SetS3Environment((*moto)->Options());
    ::setenv("MESH_NOW", "2026-11-20T08:00:00Z", 1);

    char pattern[] = "/tmp/mesh-scale-out-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    workspace_ = root_ / "ws";
    WriteWorkspace();

    // All three at once on an empty catalog: they race to migrate it.
    for (int i = 0; i < kServers; ++i) servers_.push_back(NewServer(std::string(1, 'A' + i)));
    for (auto& server : servers_) ASSERT_TRUE(server->Launch());
    for (auto& server : servers_) ASSERT_TRUE(server->WaitUntilReady());

    // The admin's token from the CLI, the others from the API through A: they work through all.
    Json root = MeshJson("token create --person root --json");
    ASSERT_TRUE(root.contains("secret")) << root;
    tokens_["root"] = root["secret"].get<std::string>();
    for (const char* person : {"alice", "carol", "dave"}) {
      HttpAnswer created = CreateToken(0, person);
      ASSERT_EQ(created.status, 201) << created.body;
      tokens_[person] = created.json().value("secret", "");
    }
  }

  void TearDown() override {
    for (auto& server : servers_) server->Signal(SIGTERM);
    for (auto& server : servers_) server->WaitForExit();
    servers_.clear();
    ::unsetenv("MESH_NOW");
    if (postgres_ != nullptr && !catalog_uri_.empty()) {
      (void)postgres_->DropScratchSchema(catalog_uri_);
    }
    if (!root_.empty()) fs::remove_all(root_);
  }

  static void SetS3Environment(const S3Options& options) {
    ::setenv("AWS_ENDPOINT_URL", options.endpoint.c_str(), 1);
    ::unsetenv("AWS_ENDPOINT_URL_S3");
    ::setenv("AWS_REGION", "us-east-1", 1);
    ::setenv("AWS_ACCESS_KEY_ID", options.credentials.access_key_id.c_str(), 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", options.credentials.secret_access_key.c_str(), 1);
    ::unsetenv("AWS_SESSION_TOKEN");
    ::unsetenv("MESH_CATALOG");
    ::unsetenv("MESH_LAKE");
  }

  void WriteWorkspace() {
    const std::map<std::string, std::string> files = {
        {"mesh.yaml", kMeshYaml},
        {"governance/global.yaml", kGlobalPolicy},
        {"products/sales/orders.yaml", kOrdersYaml},
        {"products/sales/order_totals.yaml", kOrderTotalsYaml}};
    for (const auto& [path, text] : files) {
      fs::create_directories((workspace_ / path).parent_path());
      std::ofstream(workspace_ / path) << text;
    }
  }

  // A server on the shared catalog and lake, with a spool folder of its own.
  std::unique_ptr<ServeProcess> NewServer(const std::string& name) {
    std::vector<std::string> arguments = {MeshBinary(),
                                          "-C",
                                          workspace_.string(),
                                          "serve",
                                          "--listen",
                                          "127.0.0.1:0",
                                          "--threads",
                                          "8",
                                          "--spool-dir",
                                          (root_ / ("spool-" + name)).string(),
                                          "--catalog",
                                          server_catalog_uri_,
                                          "--lake",
                                          lake_->Uri()};
    return std::make_unique<ServeProcess>(name, std::move(arguments), root_);
  }

  ServeProcess& Server(int index) { return *servers_.at(index); }

  struct MeshRun {
    int exit_code = -1;
    std::string output;
  };

  // `mesh ARGUMENTS --catalog <the shared catalog>` in the workspace; stdout and stderr.
  MeshRun Mesh(const std::string& arguments) {
    testing::MeshRun run =
        testing::RunMesh(workspace_, arguments + " --catalog " + ShellQuote(catalog_uri_));
    return {run.exit_code, run.out + run.err};
  }

  // The JSON a `mesh ... --json` printed (from its first '{'); null when it failed.
  Json MeshJson(const std::string& arguments) {
    MeshRun run = Mesh(arguments);
    EXPECT_EQ(run.exit_code, 0) << "mesh " << arguments << ":\n" << run.output;
    size_t start = run.output.find('{');
    if (run.exit_code != 0 || start == std::string::npos) return Json();
    return Json::parse(run.output.substr(start), nullptr, false);
  }

  // POST /api/v1/tokens through `server`, as the admin.
  HttpAnswer CreateToken(int server, const std::string& person) {
    return Answer(Server(server).Client().Post("/api/v1/tokens", Bearer(tokens_["root"]),
                                               Json{{"person", person}}.dump(),
                                               "application/json"));
  }

  HttpAnswer Get(int server, const std::string& path, const std::string& person) {
    return Answer(Server(server).Client().Get(path.c_str(), Bearer(tokens_[person])));
  }

  HttpAnswer Publish(int server, const std::string& name, const std::string& yaml,
                     const std::string& csv) {
    httplib::MultipartFormDataItems items = {{"descriptor", yaml, "descriptor.yaml", ""},
                                             {"data", csv, "data.csv", "text/csv"}};
    return Answer(Server(server).Client().Post(("/api/v1/products/" + name + "/versions").c_str(),
                                               Bearer(tokens_["alice"]), items));
  }

  // Publishes orders through `server` and expects it published; its answer's JSON.
  Json PublishOrders(int server, int id) {
    HttpAnswer answer = Publish(server, "orders", kOrdersYaml, OrdersCsv(id));
    EXPECT_EQ(answer.status, 201) << answer.body << Server(server).Logs();
    return answer.json();
  }

  // `GET /api/v1/products/orders/versions` through `server`, newest first.
  Json Versions(int server, const std::string& product = "orders") {
    HttpAnswer answer = Get(server, "/api/v1/products/" + product + "/versions", "alice");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }

  // A connection of the test's own to the shared catalog, as another server's would be.
  std::unique_ptr<pqxx::connection> Connect() {
    return std::make_unique<pqxx::connection>(catalog_uri_);
  }

  // How many connections of this catalog wait for a lock (they share the test's schema-named
  // application_name; other tests' catalogs have their own).
  int WaitingForLocks() {
    pqxx::connection connection(catalog_uri_);
    pqxx::work transaction(connection);
    return transaction
        .exec1(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
            "application_name = current_setting('application_name') AND pid <> pg_backend_pid()")[0]
        .as<int>();
  }

  // A lock that every publish's commit takes, held by the test (as a slow server would) until
  // Release(): publishes through every server prepare in full, then queue behind it.
  //  - kProductRow: the product's row (SELECT ... FOR UPDATE), taken first in a commit;
  //  - kAuditAppends: the advisory lock that orders audit appends, taken last; a product's first
  //    publishes, which have no row to lock yet, meet before it at the unique product name.
  enum class CommitLock { kProductRow, kAuditAppends };

  class HeldLock {
   public:
    HeldLock(pqxx::connection& connection, CommitLock lock, const std::string& product)
        : transaction_(connection) {
      if (lock == CommitLock::kProductRow) {
        transaction_.exec_params("SELECT id FROM products WHERE name = $1 FOR UPDATE", product);
      } else {
        transaction_.exec_params("SELECT pg_advisory_xact_lock($1, $2)", kPostgresLockClass,
                                 kPostgresAuditLock);
      }
    }
    void Release() { transaction_.abort(); }

   private:
    pqxx::work transaction_;
  };

  // Publishes `product` with data[i] through server i % 3, all at once, while the test holds
  // `lock`; lets go once every one of them has been checked, stored in the lake and is waiting
  // inside its commit. The answers, in the order of `data`.
  std::vector<HttpAnswer> PublishHeldAtCommit(const std::vector<std::string>& data,
                                              CommitLock lock = CommitLock::kProductRow,
                                              const std::string& product = "orders",
                                              const std::string& yaml = kOrdersYaml) {
    const int racers = static_cast<int>(data.size());
    std::vector<HttpAnswer> answers(data.size());
    auto connection = Connect();
    HeldLock held(*connection, lock, product);
    std::vector<std::thread> threads;
    for (int i = 0; i < racers; ++i) {
      threads.emplace_back([&, i] { answers[i] = Publish(i % kServers, product, yaml, data[i]); });
    }
    EXPECT_TRUE(Eventually([&] { return WaitingForLocks() == racers; }))
        << WaitingForLocks() << " of " << racers << " publishes reached the commit";
    held.Release();
    for (std::thread& thread : threads) thread.join();
    return answers;
  }

  // The one 201 among `answers` (its index), every other a clean 409 conflict; -1 when none won.
  static int OnlyWinner(const std::vector<HttpAnswer>& answers) {
    int winner = -1;
    for (size_t i = 0; i < answers.size(); ++i) {
      if (answers[i].status == 201) {
        EXPECT_EQ(winner, -1) << "two winners: " << winner << " and " << i;
        winner = static_cast<int>(i);
      } else {
        EXPECT_EQ(answers[i].status, 409) << answers[i].body;
        EXPECT_EQ(answers[i].ErrorCode(), "conflict") << answers[i].body;
        EXPECT_NE(answers[i].body.find("run the publish again"), std::string::npos)
            << answers[i].body;
      }
    }
    return winner;
  }

  // Adds the snapshot and object of every 201 among `answers` to `won` (a snapshot won twice
  // fails); every other answer must be a clean 409 conflict.
  static void RecordWinners(const std::vector<HttpAnswer>& answers,
                            std::map<int64_t, std::string>* won) {
    for (const HttpAnswer& answer : answers) {
      if (answer.status != 201) {
        EXPECT_EQ(answer.status, 409) << answer.body;
        EXPECT_EQ(answer.ErrorCode(), "conflict") << answer.body;
        continue;
      }
      const Json published = answer.json();
      const int64_t snapshot = published.value("snapshot", int64_t{0});
      EXPECT_TRUE(won->emplace(snapshot, published.value("object_key", "")).second)
          << "snapshot " << snapshot << " won twice";
    }
  }

  // Every object under the lake's sha256/ is whole: its bytes hash to its name. No staging object
  // or unfinished multipart upload is left when `expect_no_staging`.
  void ExpectLakeWhole(bool expect_no_staging = true) {
    auto keys = lake_->client().ListKeys(lake_->location().prefix + "/sha256/");
    ASSERT_TRUE(keys.ok()) << keys.status();
    for (const std::string& key : *keys) {
      std::string relative = key.substr(lake_->location().prefix.size() + 1);
      EXPECT_TRUE(lake_->Verify(relative).ok()) << relative;
    }
    if (expect_no_staging) {
      auto staging = lake_->ListStaging();
      ASSERT_TRUE(staging.ok()) << staging.status();
      EXPECT_TRUE(staging->empty()) << staging->size() << " staging leftovers";
    }
  }

  // Versions are snapshots N..1 without a gap or a repeat, one current; every one's object is in
  // the lake and hashes to its content hash.
  void ExpectVersionsWhole(const Json& versions) {
    ASSERT_TRUE(versions.is_array()) << versions;
    const int count = static_cast<int>(versions.size());
    for (int i = 0; i < count; ++i) {
      const Json& version = versions[i];
      EXPECT_EQ(version.value("snapshot", 0), count - i) << versions;
      EXPECT_EQ(version.value("status", ""), i == 0 ? "current" : "superseded") << version;
      const std::string key = version.value("object_key", "");
      EXPECT_TRUE(lake_->Verify(key).ok()) << key;
    }
  }

  PostgresTestServer* postgres_ = nullptr;
  std::string catalog_uri_;
  std::string server_catalog_uri_;
  std::unique_ptr<S3ObjectStore> lake_;
  fs::path root_;
  fs::path workspace_;
  std::vector<std::unique_ptr<ServeProcess>> servers_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(PostgresS3ScaleOutTest, ServersStartedAtOnceMigrateTheCatalogOnce) {
  auto connection = Connect();
  pqxx::work transaction(*connection);
  pqxx::result applied = transaction.exec(
      "SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY "
      "version");
  const auto migrations = PostgresCatalogMigrations();
  ASSERT_EQ(applied.size(), migrations.size());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(applied[i][0].as<int>(), migrations[i].version);
    EXPECT_EQ(applied[i][1].as<int>(), 1);
  }
  for (int i = 0; i < kServers; ++i) {
    HttpAnswer ready = Answer(Server(i).Client().Get("/readyz"));
    EXPECT_EQ(ready.status, 200) << ready.body;
    HttpAnswer me = Get(i, "/api/v1/me", "carol");
    EXPECT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json().value("person", ""), "carol");
  }
}

// Six publishes of one product through the three servers, all prepared against snapshot 1 and
// queued on the catalog's row lock: exactly one becomes snapshot 2, the other five get a clean
// 409 and leave nothing behind. Then free-for-all rounds, and three uploads of the same bytes:
// however they interleave, the winners are exactly the snapshots, numbered without gaps.
TEST_F(PostgresS3ScaleOutTest, RacingPublishesThroughThreeServersHaveExactlyOneWinner) {
  PublishOrders(0, 1);
  constexpr int kRacers = 6;
  std::vector<std::string> uploads;
  for (int i = 0; i < kRacers; ++i) uploads.push_back(OrdersCsv(100 + i));
  std::vector<HttpAnswer> answers = PublishHeldAtCommit(uploads);
  const int winner = OnlyWinner(answers);
  ASSERT_NE(winner, -1);
  EXPECT_EQ(answers[winner].json().value("snapshot", 0), 2) << answers[winner].body;
  Json versions = Versions(1);
  ASSERT_EQ(versions.size(), 2u) << versions;
  EXPECT_EQ(versions[0]["object_key"], answers[winner].json()["object_key"]);
  HttpAnswer data = Get(2, "/api/v1/products/orders/data?format=csv", "alice");
  ASSERT_EQ(data.status, 200) << data.body;
  EXPECT_NE(data.body.find("buyer" + std::to_string(100 + winner) + "@example.org"),
            std::string::npos)
      << data.body;

  // Free for all: three rounds of one publish per server, released together.
  std::map<int64_t, std::string> won;  // snapshot -> object key, from the 201 answers
  won[1] = versions[1]["object_key"];
  won[2] = versions[0]["object_key"];
  for (int round = 0; round < 3; ++round) {
    std::vector<HttpAnswer> round_answers(kServers);
    std::latch start(kServers);
    std::vector<std::thread> racers;
    for (int i = 0; i < kServers; ++i) {
      racers.emplace_back([&, i] {
        start.arrive_and_wait();
        round_answers[i] = Publish(i, "orders", kOrdersYaml, OrdersCsv(200 + round * 10 + i));
      });
    }
    for (std::thread& racer : racers) racer.join();
    RecordWinners(round_answers, &won);
  }
  // The same bytes through every server: one stored object (the second and third writers'
  // conditional writes find it there), and still exactly one new snapshot.
  {
    std::vector<HttpAnswer> same = PublishHeldAtCommit(std::vector<std::string>(3, OrdersCsv(300)));
    EXPECT_NE(OnlyWinner(same), -1);
    RecordWinners(same, &won);
  }
  for (int server = 0; server < kServers; ++server) {
    Json all = Versions(server);
    ExpectVersionsWhole(all);
    ASSERT_EQ(all.size(), won.size()) << all;
    for (const Json& version : all) {
      EXPECT_EQ(version.value("object_key", ""), won[version.value("snapshot", int64_t{0})]);
    }
  }
  ExpectLakeWhole();
  // One audit entry per published snapshot (none for a lost race), and the hash chain intact.
  HttpAnswer audit = Get(0, "/api/v1/audit?product=orders&limit=1000", "dave");
  ASSERT_EQ(audit.status, 200) << audit.body;
  size_t published = 0;
  const Json entries = audit.json();
  for (const Json& entry : entries) {
    if (entry.value("action", "") != "publish") continue;
    EXPECT_EQ(entry.value("outcome", ""), "ok") << entry;  // a lost race leaves no entry
    ++published;
  }
  EXPECT_EQ(published, won.size()) << audit.body;
  MeshRun verify = Mesh("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

// A product's very first publishes have no row to lock: they meet at the catalog's unique
// product name. All three are held inside their commits (behind the audit lock that every commit
// takes last), then let go: one creates the product, the others get a clean 409.
TEST_F(PostgresS3ScaleOutTest, RacingFirstPublishesOfANewProductHaveExactlyOneWinner) {
  const std::vector<std::string> uploads = {"day,total\n2026-11-18,101.5\n",
                                            "day,total\n2026-11-18,202.5\n",
                                            "day,total\n2026-11-18,303.5\n"};
  std::vector<HttpAnswer> answers =
      PublishHeldAtCommit(uploads, CommitLock::kAuditAppends, "order_totals", kOrderTotalsYaml);
  const int winner = OnlyWinner(answers);
  ASSERT_NE(winner, -1);
  EXPECT_EQ(answers[winner].json().value("snapshot", 0), 1) << answers[winner].body;
  for (int server = 0; server < kServers; ++server) {
    Json versions = Versions(server, "order_totals");
    ASSERT_EQ(versions.size(), 1u) << versions;
    ExpectVersionsWhole(versions);
    HttpAnswer data = Get(server, "/api/v1/products/order_totals/data", "carol");
    EXPECT_EQ(data.status, 200) << data.body;
    EXPECT_EQ(data.Header("X-Mesh-Ref"), "order_totals@1.0.0#1");
    EXPECT_NE(data.body.find(uploads[winner].substr(10, 16)), std::string::npos) << data.body;
  }
  ExpectLakeWhole();
}

// A version published through A is listed and readable through B and C at once, with the same
// bytes; lineage recorded through A is answered by C; search through B finds it.
TEST_F(PostgresS3ScaleOutTest, WhatOneServerPublishesTheOthersServeAtOnce) {
  Json first = PublishOrders(0, 7);
  ASSERT_EQ(first.value("snapshot", 0), 1) << first;
  std::optional<std::string> parquet;
  std::optional<std::string> csv;
  for (int server = 0; server < kServers; ++server) {
    Json versions = Versions(server);
    ASSERT_EQ(versions.size(), 1u) << versions;
    EXPECT_EQ(versions[0]["object_key"], first["object_key"]);
    HttpAnswer stored = Get(server, "/api/v1/products/orders/data", "alice");
    ASSERT_EQ(stored.status, 200) << stored.body;
    EXPECT_EQ(stored.body.substr(0, 4), "PAR1");
    EXPECT_EQ(stored.Header("X-Mesh-Ref"), "orders@1.0.0#1");
    HttpAnswer text = Get(server, "/api/v1/products/orders/data?format=csv", "alice");
    ASSERT_EQ(text.status, 200) << text.body;
    EXPECT_NE(text.body.find("7,7.5,buyer7@example.org"), std::string::npos) << text.body;
    if (!parquet) parquet = stored.body, csv = text.body;
    EXPECT_EQ(stored.body, *parquet) << "server " << server << " serves other Parquet bytes";
    EXPECT_EQ(text.body, *csv) << "server " << server << " serves other CSV bytes";
  }

  // A second snapshot through C is current through A straight away.
  Json second = PublishOrders(2, 8);
  EXPECT_EQ(second.value("snapshot", 0), 2) << second;
  HttpAnswer current = Get(0, "/api/v1/products/orders/data?format=csv", "alice");
  EXPECT_EQ(current.Header("X-Mesh-Ref"), "orders@1.0.0#2");
  EXPECT_NE(current.body.find("buyer8@example.org"), std::string::npos) << current.body;

  HttpAnswer totals =
      Publish(0, "order_totals", kOrderTotalsYaml, "day,total\n2026-11-19,10.5\n2026-11-20,3\n");
  ASSERT_EQ(totals.status, 201) << totals.body;
  HttpAnswer downstream = Get(2, "/api/v1/lineage?node=orders&direction=downstream", "carol");
  ASSERT_EQ(downstream.status, 200) << downstream.body;
  std::set<std::string> names;
  const Json graph = downstream.json();
  for (const Json& node : graph["nodes"]) names.insert(node.value("name", ""));
  EXPECT_TRUE(names.count("order_totals")) << downstream.body;
  HttpAnswer upstream = Get(1, "/api/v1/lineage?node=order_totals&direction=upstream", "carol");
  ASSERT_EQ(upstream.status, 200) << upstream.body;
  EXPECT_NE(upstream.body.find("\"orders\""), std::string::npos) << upstream.body;
  HttpAnswer search = Get(1, "/api/v1/search?q=finance", "carol");
  ASSERT_EQ(search.status, 200) << search.body;
  EXPECT_NE(search.body.find("order_totals"), std::string::npos) << search.body;
  ExpectLakeWhole();
}

// The refusal paths hold as on the embedded defaults: a quality rejection through one server is
// quarantined (its data kept in S3) and seen by the others, a missing major bump is refused with
// its rule, neither changes the current version; the major that follows tells the consumers.
TEST_F(PostgresS3ScaleOutTest, RejectionsAndRefusalsLeaveTheCurrentVersionAndAreSeenEverywhere) {
  Json first = PublishOrders(0, 1);
  ASSERT_EQ(first.value("snapshot", 0), 1) << first;

  HttpAnswer rejected =
      Publish(1, "orders", kOrdersYaml, "order_id,amount,customer_email\n,2.5,x@example.org\n");
  ASSERT_EQ(rejected.status, 422) << rejected.body;
  EXPECT_EQ(rejected.json().value("result", ""), "rejected") << rejected.body;
  ASSERT_TRUE(rejected.json().contains("quarantine_id")) << rejected.body;
  const int64_t quarantine_id = rejected.json()["quarantine_id"];

  std::string narrowed = kOrdersYaml;
  const std::string email =
      "    - name: customer_email\n      type: string\n"
      "      classification: restricted\n      tags: [pii]\n";
  ASSERT_NE(narrowed.find(email), std::string::npos);
  narrowed.erase(narrowed.find(email), email.size());
  narrowed.replace(narrowed.find("schema_version: 1.0.0"), 21, "schema_version: 1.1.0");
  HttpAnswer refused = Publish(2, "orders", narrowed, "order_id,amount\n2,2.5\n");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json().value("result", ""), "refused") << refused.body;
  EXPECT_NE(refused.body.find("version.bump_required"), std::string::npos) << refused.body;

  for (int server = 0; server < kServers; ++server) {
    Json versions = Versions(server);
    ASSERT_EQ(versions.size(), 1u) << "server " << server << ": " << versions;
    EXPECT_EQ(versions[0]["object_key"], first["object_key"]);
    HttpAnswer entry = Get(server, "/api/v1/quarantine/" + std::to_string(quarantine_id), "alice");
    ASSERT_EQ(entry.status, 200) << entry.body;
    const std::string key = entry.json().value("object_key", "");
    ASSERT_FALSE(key.empty()) << entry.body;
    EXPECT_TRUE(lake_->Verify(key).ok()) << "the quarantined data is kept in the lake: " << key;
  }

  // The bump it needed: 2.0.0, now documented and with analytics as a consumer, who is told.
  narrowed.replace(narrowed.find("schema_version: 1.1.0"), 21, "schema_version: 2.0.0");
  narrowed.replace(
      narrowed.find("schema:\n"), 8,
      "consumer_teams: [analytics]\ndocumentation_url: https://wiki.example.org/orders\nschema:\n");
  HttpAnswer major = Publish(0, "orders", narrowed, "order_id,amount\n3,3.5\n");
  ASSERT_EQ(major.status, 201) << major.body;
  HttpAnswer told = Get(1, "/api/v1/notifications", "carol");
  ASSERT_EQ(told.status, 200) << told.body;
  EXPECT_NE(told.body.find("major_released"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("orders@1.x stays readable until"), std::string::npos) << told.body;
  ExpectLakeWhole();
}

// Tokens and grants live in the catalog, so whatever one server (or the CLI) records, every
// server enforces on the next request.
TEST_F(PostgresS3ScaleOutTest, TokensAndGrantsMadeAnywhereAreEnforcedEverywhere) {
  PublishOrders(0, 1);
  for (int server = 0; server < kServers; ++server) {
    HttpAnswer denied = Get(server, "/api/v1/products/orders/data?format=csv", "carol");
    EXPECT_EQ(denied.status, 403) << "server " << server << ": " << denied.body;
  }
  Json grant = MeshJson(
      "access grant orders --as alice --team analytics --level confidential "
      "--json");
  ASSERT_TRUE(grant.contains("id")) << grant;
  for (int server = 0; server < kServers; ++server) {
    HttpAnswer read = Get(server, "/api/v1/products/orders/data?format=csv", "carol");
    EXPECT_EQ(read.status, 200) << "server " << server << ": " << read.body;
    EXPECT_EQ(read.Header("X-Mesh-Withheld-Fields"), "customer_email");
    EXPECT_EQ(read.body.find("example.org"), std::string::npos) << read.body;
  }
  MeshRun revoke = Mesh("access revoke " + std::to_string(grant["id"].get<int64_t>()) +
                        " --as alice --reason done");
  ASSERT_EQ(revoke.exit_code, 0) << revoke.output;
  for (int server = 0; server < kServers; ++server) {
    HttpAnswer denied = Get(server, "/api/v1/products/orders/data?format=csv", "carol");
    EXPECT_EQ(denied.status, 403) << "server " << server << ": " << denied.body;
  }

  // A token made through C works through B; revoked through B, no server accepts it.
  HttpAnswer created = CreateToken(2, "carol");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = created.json().value("secret", "");
  const std::string id = created.json().value("id", "");
  ASSERT_FALSE(secret.empty()) << created.body;
  HttpAnswer me = Answer(Server(1).Client().Get("/api/v1/me", Bearer(secret)));
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().value("person", ""), "carol");
  HttpAnswer revoked =
      Answer(Server(1).Client().Delete(("/api/v1/tokens/" + id).c_str(), Bearer(tokens_["root"])));
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  for (int server = 0; server < kServers; ++server) {
    HttpAnswer refused = Answer(Server(server).Client().Get("/api/v1/me", Bearer(secret)));
    EXPECT_EQ(refused.status, 401) << "server " << server << ": " << refused.body;
  }
}

// B is killed while its publish waits inside the catalog commit: A and C keep serving, B's
// transaction never commits, the next publish gets the next snapshot, and a restarted B serves
// the same catalog.
TEST_F(PostgresS3ScaleOutTest, ServerKilledMidPublishLeavesTheOthersServingAndTheCatalogWhole) {
  PublishOrders(0, 1);
  HttpAnswer killed_publish;
  {
    auto connection = Connect();
    HeldLock lock(*connection, CommitLock::kProductRow, "orders");
    std::thread publisher(
        [&] { killed_publish = Publish(1, "orders", kOrdersYaml, OrdersCsv(666)); });
    EXPECT_TRUE(Eventually([&] { return WaitingForLocks() == 1; }))
        << "B's publish never reached the commit" << Server(1).Logs();
    Server(1).Signal(SIGKILL);
    std::optional<int> status = Server(1).WaitForExit();
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(WIFSIGNALED(*status) && WTERMSIG(*status) == SIGKILL);
    publisher.join();
    EXPECT_EQ(killed_publish.status, -1) << killed_publish.body;
    for (int server : {0, 2}) {
      HttpAnswer read = Get(server, "/api/v1/products/orders/data?format=csv", "alice");
      EXPECT_EQ(read.status, 200) << read.body;
      EXPECT_EQ(read.Header("X-Mesh-Ref"), "orders@1.0.0#1");
    }
    lock.Release();
  }
  Json next = PublishOrders(2, 2);
  EXPECT_EQ(next.value("snapshot", 0), 2) << next;
  Json versions = Versions(0);
  ASSERT_EQ(versions.size(), 2u) << versions;
  ExpectVersionsWhole(versions);
  EXPECT_EQ(versions[0]["object_key"], next["object_key"]);
  HttpAnswer read = Get(2, "/api/v1/products/orders/data?format=csv", "alice");
  EXPECT_EQ(read.body.find("buyer666"), std::string::npos) << read.body;
  EXPECT_EQ(Mesh("audit verify").exit_code, 0);
  // B had stored its object before it reached the commit: an unused, whole object.
  ExpectLakeWhole();

  servers_[1] = NewServer("B2");
  ASSERT_TRUE(Server(1).Launch());
  ASSERT_TRUE(Server(1).WaitUntilReady());
  Json after = Versions(1);
  ASSERT_EQ(after.size(), 2u) << after;
  Json third = PublishOrders(1, 3);
  EXPECT_EQ(third.value("snapshot", 0), 3) << third;
}

// The database drops every connection of every server (a failover, a restart, an administrator):
// each server opens new ones and goes on serving and publishing.
TEST_F(PostgresS3ScaleOutTest, EveryServerSurvivesTheDatabaseDroppingItsConnections) {
  PublishOrders(0, 1);
  for (int server = 0; server < kServers; ++server) Versions(server);  // every pool in use
  {
    pqxx::connection connection(catalog_uri_);
    pqxx::work transaction(connection);
    pqxx::result dropped = transaction.exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
        "current_setting('application_name') AND pid <> pg_backend_pid()");
    EXPECT_GE(dropped.size(), static_cast<size_t>(kServers));
  }
  for (int server = 0; server < kServers; ++server) {
    HttpAnswer ready = Answer(Server(server).Client().Get("/readyz"));
    EXPECT_EQ(ready.status, 200) << "server " << server << ": " << ready.body;
    Json versions = Versions(server);
    EXPECT_EQ(versions.size(), 1u) << versions;
  }
  Json second = PublishOrders(1, 2);
  EXPECT_EQ(second.value("snapshot", 0), 2) << second;
}

// B freezes in the middle of a commit (SIGSTOP: a hung process, or a machine gone from the
// network without closing its sockets), holding the product's row lock and the audit lock. The
// database ends B's idle transaction (the pool's default limit is a minute; these servers' URI
// says 3 s), so A's publish goes through; B, thawed, finds its commit lost and answers 409.
TEST_F(PostgresS3ScaleOutTest, FrozenServerDoesNotStallTheOthers) {
  PublishOrders(0, 1);
  HttpAnswer frozen_publish;
  std::thread publisher;
  {
    auto connection = Connect();
    HeldLock held(*connection, CommitLock::kAuditAppends, "orders");
    publisher =
        std::thread([&] { frozen_publish = Publish(1, "orders", kOrdersYaml, OrdersCsv(13)); });
    EXPECT_TRUE(Eventually([&] { return WaitingForLocks() == 1; }))
        << "B's publish never reached the commit" << Server(1).Logs();
    EXPECT_TRUE(Server(1).Freeze()) << "server 1 did not stop";
    held.Release();  // B's session takes the audit lock and then idles, frozen, holding both
  }
  Json next = PublishOrders(0, 2);
  EXPECT_EQ(next.value("snapshot", 0), 2) << next;
  Server(1).Signal(SIGCONT);
  publisher.join();
  EXPECT_EQ(frozen_publish.status, 409) << frozen_publish.body << Server(1).Logs();
  EXPECT_EQ(frozen_publish.ErrorCode(), "conflict") << frozen_publish.body;
  for (int server = 0; server < kServers; ++server) {
    Json versions = Versions(server);
    ASSERT_EQ(versions.size(), 2u) << versions;
    ExpectVersionsWhole(versions);
    EXPECT_EQ(versions[0]["object_key"], next["object_key"]);
  }
  EXPECT_EQ(Mesh("audit verify").exit_code, 0);
}

// SIGTERM while a publish is in flight: the server stops accepting, the publish completes with
// its 201, and the process exits 0; the other servers see the snapshot.
TEST_F(PostgresS3ScaleOutTest, SigtermFinishesTheInFlightPublishThenExitsZero) {
  PublishOrders(0, 1);
  HttpAnswer in_flight;
  const int port = Server(2).port();
  {
    auto connection = Connect();
    HeldLock lock(*connection, CommitLock::kProductRow, "orders");
    std::thread publisher([&] { in_flight = Publish(2, "orders", kOrdersYaml, OrdersCsv(5)); });
    EXPECT_TRUE(Eventually([&] { return WaitingForLocks() == 1; }))
        << "C's publish never reached the commit" << Server(2).Logs();
    Server(2).Signal(SIGTERM);
    EXPECT_TRUE(Eventually([&] {
      httplib::Client probe("127.0.0.1", port);
      probe.set_connection_timeout(1, 0);
      return !probe.Get("/healthz");
    })) << "C still accepts connections after SIGTERM";
    EXPECT_TRUE(Server(2).Running()) << "C exited before its in-flight publish finished";
    lock.Release();
    publisher.join();
  }
  EXPECT_EQ(in_flight.status, 201) << in_flight.body;
  EXPECT_EQ(in_flight.json().value("snapshot", 0), 2) << in_flight.body;
  std::optional<int> status = Server(2).WaitForExit();
  ASSERT_TRUE(status.has_value()) << "C did not exit after SIGTERM" << Server(2).Logs();
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << "wait status " << *status << Server(2).Logs();
  for (int server : {0, 1}) {
    Json versions = Versions(server);
    ASSERT_EQ(versions.size(), 2u) << versions;
    EXPECT_EQ(versions[0]["object_key"], in_flight.json()["object_key"]);
  }
  ExpectLakeWhole();
}

}  // namespace
}  // namespace mesh
