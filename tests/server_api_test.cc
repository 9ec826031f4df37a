// The REST API end to end over real HTTP: publish, then read it back through every metadata and
// data endpoint.
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "server_harness.h"

namespace mesh::server::testing {
namespace {

class ServerApiTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(harness_.Start()); }

  nlohmann::json GetJson(const std::string& path, const std::string& token, int expected = 200) {
    auto response = harness_.Client().Get(path.c_str(), ServerHarness::Bearer(token));
    EXPECT_TRUE(response) << path;
    if (!response) return nullptr;
    EXPECT_EQ(response->status, expected) << path << ": " << response->body;
    return nlohmann::json::parse(response->body, nullptr, false);
  }

  ServerHarness harness_;
};

TEST_F(ServerApiTest, HealthAndReadinessNeedNoToken) {
  auto health = harness_.Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto ready = harness_.Client().Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
}

TEST_F(ServerApiTest, PublishThenShowVersionsSearchLineageAndRead) {
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
  ASSERT_EQ(harness_.Publish("tok-mark", "leads", kLeadsYaml, kLeadsCsv), 201);

  nlohmann::json products = GetJson("/api/v1/products", "tok-victor");
  ASSERT_TRUE(products.is_array());
  EXPECT_EQ(products.size(), 2u);

  nlohmann::json show = GetJson("/api/v1/products/orders", "tok-victor");
  EXPECT_EQ(show["ref"], "orders@1.0.0#1");
  EXPECT_EQ(show["rows"], 2);
  EXPECT_EQ(show["publisher"], "alice");

  nlohmann::json versions = GetJson("/api/v1/products/orders/versions", "tok-victor");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0]["ref"], "orders@1.0.0#1");

  nlohmann::json hits = GetJson("/api/v1/search?q=leads", "tok-victor");
  ASSERT_EQ(hits.size(), 1u) << hits.dump();
  EXPECT_EQ(hits[0]["product"], "leads");

  nlohmann::json lineage = GetJson("/api/v1/lineage?node=orders&direction=downstream", "tok-carol");
  EXPECT_EQ(lineage["node"], "orders");

  GetJson("/api/v1/products/nothing", "tok-victor", 404);
  GetJson("/api/v1/products/orders?version=banana", "tok-victor", 400);
}

TEST_F(ServerApiTest, ReadStreamsEveryFormatAndWithholdsFieldsAboveTheGrant) {
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
  // carol's team holds a confidential grant: the restricted pii field is withheld.
  auto csv = harness_.Client().Get("/api/v1/products/orders/data?format=csv",
                                   ServerHarness::Bearer("tok-carol"));
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->get_header_value("X-Mesh-Withheld-Fields"), "customer_email");
  EXPECT_EQ(csv->body, "order_id,amount\r\n1,10.5\r\n2,3\r\n");
  // The summary headers a client (mesh read --server) prints from.
  EXPECT_EQ(csv->get_header_value("X-Mesh-Ref"), "orders@1.0.0#1");
  EXPECT_EQ(csv->get_header_value("X-Mesh-Status"), "current");
  EXPECT_EQ(csv->get_header_value("X-Mesh-Rows"), "2");
  EXPECT_EQ(csv->get_header_value("X-Mesh-Columns"), "order_id,amount");
  EXPECT_EQ(
      csv->get_header_value("X-Mesh-Withheld-Reasons"),
      R"([{"field":"customer_email","reason":"classified restricted; the grants of analytics cover confidential"}])");

  auto jsonl = harness_.Client().Get("/api/v1/products/orders/data?format=jsonl",
                                     ServerHarness::Bearer("tok-carol"));
  ASSERT_TRUE(jsonl);
  EXPECT_EQ(jsonl->body.find("customer_email"), std::string::npos);
  EXPECT_NE(jsonl->body.find("\"order_id\":2"), std::string::npos) << jsonl->body;

  auto parquet =
      harness_.Client().Get("/api/v1/products/orders/data", ServerHarness::Bearer("tok-carol"));
  ASSERT_TRUE(parquet);
  EXPECT_EQ(parquet->body.substr(0, 4), "PAR1") << parquet->body;
  EXPECT_EQ(parquet->body.find("customer_email"), std::string::npos);

  // The owner reads everything.
  auto full = harness_.Client().Get("/api/v1/products/orders/data?format=csv",
                                    ServerHarness::Bearer("tok-alice"));
  ASSERT_TRUE(full);
  EXPECT_EQ(full->get_header_value("X-Mesh-Withheld-Fields"), "");
  EXPECT_NE(full->body.find("a@example.org"), std::string::npos);

  // Every read is audited.
  Result<std::vector<AuditEntry>> audit = harness_.catalog().ListAudit({});
  ASSERT_TRUE(audit.ok());
  int reads = 0;
  for (const AuditEntry& entry : *audit) reads += entry.action == "read";
  EXPECT_EQ(reads, 4);
}

TEST_F(ServerApiTest, ReadsHonourReadableUntilAndAreMeteredAsMeshReadDoes) {
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
  std::string major = kOrdersYaml;
  major.replace(major.find("name: amount"), 12, "name: total");
  major.replace(major.find("schema_version: 1.0.0"), 21, "schema_version: 2.0.0");
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", major,
                             "order_id,total,customer_email\n1,4,c@example.org\n"),
            201)
      << harness_.last_error_;
  auto read = [&](const std::string& query) {
    return harness_.Client().Get(("/api/v1/products/orders/data?format=csv" + query).c_str(),
                                 ServerHarness::Bearer("tok-carol"));
  };
  auto old_major = read("&version=1.0");
  ASSERT_TRUE(old_major);
  EXPECT_EQ(old_major->status, 200) << old_major->body;
  EXPECT_EQ(old_major->body, "order_id,amount\r\n1,10.5\r\n2,3\r\n");

  // The superseded major stays readable for the deprecation period (90 days by default).
  harness_.clock().Advance(91 * kMicrosPerDay);
  auto expired = read("&version=1.0");
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->status, 409) << expired->body;
  EXPECT_NE(expired->body.find("no longer readable"), std::string::npos) << expired->body;
  auto current = read("");
  ASSERT_TRUE(current);
  EXPECT_EQ(current->status, 200);
  EXPECT_EQ(current->get_header_value("X-Mesh-Ref"), "orders@2.0.0#2");
  EXPECT_EQ(current->body, "order_id,total\r\n1,4\r\n");

  // Both completed reads were metered to carol's team, with the bytes sent.
  Result<std::vector<ReadUsageRecord>> reads = harness_.catalog().ListReads({});
  ASSERT_TRUE(reads.ok());
  ASSERT_EQ(reads->size(), 2u);
  EXPECT_EQ((*reads)[0].team, "analytics");
  EXPECT_EQ((*reads)[0].snapshot, 1);
  EXPECT_EQ((*reads)[0].bytes, static_cast<int64_t>(old_major->body.size()));
  EXPECT_EQ((*reads)[1].snapshot, 2);
}

TEST_F(ServerApiTest, PublishRefusalsAndRejectionsAreAnsweredWithTheOutcome) {
  // A schema change without the version bump it needs is refused (422) with findings.
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
  std::string renamed = kOrdersYaml;
  renamed.replace(renamed.find("name: amount"), 12, "name: total");
  EXPECT_EQ(harness_.Publish("tok-alice", "orders", renamed,
                             "order_id,total,customer_email\n1,2,x@y.z\n"),
            422);
  // Data failing an error check is quarantined (422), and the quarantine endpoints show it.
  EXPECT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml,
                             "order_id,amount,customer_email\n1,1,a@b.c\n1,2,b@c.d\n"),
            422)
      << harness_.last_error_;
  auto list = harness_.Client().Get("/api/v1/quarantine?product=orders",
                                    ServerHarness::Bearer("tok-victor"));
  ASSERT_TRUE(list);
  nlohmann::json entries = nlohmann::json::parse(list->body);
  ASSERT_EQ(entries.size(), 1u) << list->body;
  auto one = harness_.Client().Get(
      ("/api/v1/quarantine/" + std::to_string(entries[0]["id"].get<int64_t>())).c_str(),
      ServerHarness::Bearer("tok-victor"));
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  // The current version is still the first.
  EXPECT_EQ(harness_.catalog().GetProduct("orders")->current_snapshot, 1);
}

TEST_F(ServerApiTest, AccessLogHasOneJsonLinePerRequest) {
  harness_.Client().Get("/healthz");
  harness_.Client().Get("/api/v1/products", ServerHarness::Bearer("tok-victor"));
  // The line is written once the answer is sent, so it may trail the client's read a little.
  std::vector<std::string> log = harness_.AccessLog();
  for (int i = 0; i < 500 && log.size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    log = harness_.AccessLog();
  }
  ASSERT_EQ(log.size(), 2u);
  // Each line is written by the worker that answered, so the two may come in either order.
  nlohmann::json line = nlohmann::json::parse(log[0]);
  if (line["path"] == "/healthz") line = nlohmann::json::parse(log[1]);
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/api/v1/products");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["person"], "victor");
  EXPECT_TRUE(line.contains("duration_ms"));
  EXPECT_TRUE(line.contains("bytes"));
  EXPECT_TRUE(line.contains("time"));
}

TEST_F(ServerApiTest, MetricsCountRequestsByRouteAndStatusForAdminsOnly) {
  harness_.Client().Get("/api/v1/products", ServerHarness::Bearer("tok-victor"));
  auto denied = harness_.Client().Get("/metrics", ServerHarness::Bearer("tok-victor"));
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  // Counted once the answer is sent: ask until the count shows (or give up after 5 s).
  const std::string counted =
      "mesh_http_requests_total{route=\"/api/v1/products\",method=\"GET\",status=\"200\"} 1";
  httplib::Result metrics = harness_.Client().Get("/metrics", ServerHarness::Bearer("tok-root"));
  for (int i = 0; i < 500 && metrics && metrics->body.find(counted) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = harness_.Client().Get("/metrics", ServerHarness::Bearer("tok-root"));
  }
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find(counted), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("mesh_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics->body.find("mesh_http_requests_in_flight "), std::string::npos);
}

TEST_F(ServerApiTest, DiffAnswersWhatMeshDiffPrintsAndWritesNothing) {
  ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
  auto diff = [&](const std::string& yaml) {
    auto response =
        harness_.Client().Post("/api/v1/products/orders/diff", ServerHarness::Bearer("tok-victor"),
                               yaml, "application/yaml");
    EXPECT_TRUE(response);
    return response ? std::make_pair(response->status,
                                     nlohmann::json::parse(response->body, nullptr, false))
                    : std::make_pair(-1, nlohmann::json());
  };
  std::string renamed = kOrdersYaml;
  renamed.replace(renamed.find("name: amount"), 12, "name: total");
  auto [status, breaking] = diff(renamed);
  ASSERT_EQ(status, 200) << breaking.dump();
  EXPECT_EQ(breaking["product"], "orders");
  EXPECT_EQ(breaking["current"], "orders@1.0.0#1");
  EXPECT_EQ(breaking["required_bump"], "major");
  EXPECT_EQ(breaking["least_version"], "2.0.0");
  EXPECT_EQ(breaking["ok"], false);
  std::set<std::string> kinds;
  for (const nlohmann::json& change : breaking["changes"]) kinds.insert(change["kind"]);
  EXPECT_EQ(kinds, (std::set<std::string>{"breaking", "minor"}))
      << breaking.dump();  // -amount +total
  ASSERT_FALSE(breaking["findings"].empty());
  EXPECT_EQ(breaking["findings"][0]["rule"], "version.bump_required");

  std::string bumped = renamed;
  bumped.replace(bumped.find("schema_version: 1.0.0"), 21, "schema_version: 2.0.0");
  auto [bumped_status, enough] = diff(bumped);
  EXPECT_EQ(bumped_status, 200);
  EXPECT_EQ(enough["ok"], true) << enough.dump();
  EXPECT_EQ(enough["declared_bump"], "major");

  EXPECT_EQ(diff(kLeadsYaml).first, 400) << "the descriptor names another product";
  EXPECT_EQ(diff("name: orders\n").first, 400);
  EXPECT_EQ(diff("").first, 400);
  EXPECT_EQ(harness_.catalog().GetProduct("orders")->current_snapshot, 1);
}

}  // namespace
}  // namespace mesh::server::testing
