// Service levels, incidents, consumer reports, notifications, usage, maturity and health over
// real HTTP (docs/api.md "Service levels, incidents, consumer reports, usage and health"): the
// answers carry what the CLI's --json carries, incidents and reports are shown only to the people
// they concern, and only owners change them.
#include <nlohmann/json.hpp>

#include "server_harness.h"
#include "sla/sla_tick.h"

namespace mesh::server::testing {
namespace {

// Daily at 06:00 UTC, consumed by analytics (carol).
inline constexpr const char* kShipmentsYaml = R"(name: shipments
domain: sales
owner: team-sales
description: One row per shipment
schema_version: 1.0.0
output_format: csv
classification: internal
consumer_teams: [analytics]
event_time: shipped_at
support:
  email: shipping@example.org
sla:
  availability: "06:00 daily"
  timezone: UTC
  max_lag_hours: 24
  min_completeness: 0.9
schema:
  fields:
    - name: shipment_id
      type: int64
      required: true
    - name: shipped_at
      type: timestamp
      required: true
)";

inline constexpr const char* kShipmentsCsv =
    "shipment_id,shipped_at\n1,2026-11-20T07:00:00Z\n2,2026-11-20T07:30:00Z\n";

class ServerSlaApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    harness_.Write("products/sales/shipments.yaml", kShipmentsYaml);
    ASSERT_TRUE(harness_.Start());
    ASSERT_EQ(harness_.Publish("tok-alice", "shipments", kShipmentsYaml, kShipmentsCsv), 201)
        << harness_.last_error_;
  }

  nlohmann::json Get(const std::string& path, const std::string& token, int expected = 200) {
    auto response = harness_.Client().Get(path.c_str(), ServerHarness::Bearer(token));
    EXPECT_TRUE(response) << path;
    if (!response) return nullptr;
    EXPECT_EQ(response->status, expected) << path << " as " << token << ": " << response->body;
    return nlohmann::json::parse(response->body, nullptr, false);
  }

  nlohmann::json Post(const std::string& path, const std::string& token, const std::string& body,
                      int expected) {
    auto response = harness_.Client().Post(path.c_str(), ServerHarness::Bearer(token), body,
                                           "application/json");
    EXPECT_TRUE(response) << path;
    if (!response) return nullptr;
    EXPECT_EQ(response->status, expected) << path << " as " << token << ": " << response->body;
    return nlohmann::json::parse(response->body, nullptr, false);
  }

  // Two days on, with nothing published since: the 2026-11-22 period is missed. The tick opens
  // its `late` incident.
  void MissAPeriodAndTick() {
    harness_.clock().Set(*ParseTimestamp("2026-11-22T08:00:00Z"));
    sla::TickRequest tick;
    tick.catalog = &harness_.catalog();
    tick.clock = &harness_.clock();
    Result<sla::TickReport> report = sla::RunSlaTick(tick);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }

  static std::set<int64_t> Ids(const nlohmann::json& list) {
    std::set<int64_t> ids;
    for (const auto& item : list) ids.insert(item["id"].get<int64_t>());
    return ids;
  }

  ServerHarness harness_;
};

TEST_F(ServerSlaApiTest, ProductSlaHasStatusComplianceAndDailyHistory) {
  nlohmann::json fresh = Get("/api/v1/products/shipments/sla", "tok-victor");
  EXPECT_EQ(fresh["product"], "shipments");
  EXPECT_EQ(fresh["status"], "met");
  EXPECT_EQ(fresh["within_sla"], true);
  EXPECT_EQ(fresh["sla"]["availability"], "06:00 daily");
  EXPECT_EQ(fresh["newest"]["ref"], "shipments@1.0.0#1");
  EXPECT_EQ(fresh["target"], 1.0);

  MissAPeriodAndTick();
  nlohmann::json late = Get("/api/v1/products/shipments/sla?from=2026-11-20", "tok-victor");
  EXPECT_EQ(late["status"], "breached");
  EXPECT_EQ(late["within_sla"], false);
  EXPECT_EQ(late["open_incidents"], 1);
  EXPECT_EQ(late["window"]["from"], "2026-11-20");
  EXPECT_EQ(late["window"]["to"], "2026-11-22");
  EXPECT_EQ(late["report"]["periods"], 2);
  EXPECT_EQ(late["report"]["met"], 1);
  EXPECT_EQ(late["report"]["compliance"], 0.5);
  EXPECT_EQ(late["report"]["breach_counts"]["late"], 1);
  ASSERT_EQ(late["history"].size(), 2u) << late["history"].dump();
  EXPECT_EQ(late["history"][0]["period"], "2026-11-21");
  EXPECT_EQ(late["history"][0]["compliance"], 1.0);
  EXPECT_EQ(late["history"][1]["period"], "2026-11-22");
  EXPECT_EQ(late["history"][1]["compliance"], 0.0);

  // A product without an SLA says so; an unknown one is 404; a bad date is 400.
  ASSERT_EQ(harness_.Publish("tok-mark", "leads", kLeadsYaml, kLeadsCsv), 201);
  EXPECT_EQ(Get("/api/v1/products/leads/sla", "tok-victor")["status"], "none");
  Get("/api/v1/products/nothing/sla", "tok-victor", 404);
  nlohmann::json bad = Get("/api/v1/products/shipments/sla?from=yesterday", "tok-victor", 400);
  EXPECT_NE(bad["error"]["message"].get<std::string>().find("query parameter 'from'"),
            std::string::npos);

  nlohmann::json report = Get("/api/v1/sla?from=2026-11-20&domain=sales", "tok-victor");
  EXPECT_EQ(report["totals"]["periods"], 2);
  EXPECT_EQ(report["totals"]["met"], 1);
  ASSERT_EQ(report["worst_offenders"].size(), 1u);
  EXPECT_EQ(report["worst_offenders"][0]["product"], "shipments");
  // A domain no product belongs to is 404, naming the domains there are.
  nlohmann::json nowhere = Get("/api/v1/sla?domain=nowhere", "tok-victor", 404);
  const std::string message = nowhere["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("no domain 'nowhere'"), std::string::npos) << message;
  EXPECT_NE(message.find("known domains: "), std::string::npos) << message;
  EXPECT_NE(message.find("sales"), std::string::npos) << message;
}

// `mesh sla status --json` and `mesh sla tick --json` over HTTP.
TEST_F(ServerSlaApiTest, StatusOfEveryProductAndATickRunByAdmins) {
  ASSERT_EQ(harness_.Publish("tok-mark", "leads", kLeadsYaml, kLeadsCsv), 201);
  nlohmann::json all = Get("/api/v1/sla/status", "tok-victor");
  ASSERT_TRUE(all.is_array()) << all.dump();
  ASSERT_EQ(all.size(), 2u) << all.dump();
  std::map<std::string, std::string> status;
  for (const nlohmann::json& row : all) status[row["product"]] = row["status"];
  EXPECT_EQ(status["shipments"], "met");
  EXPECT_EQ(status["leads"], "none");
  EXPECT_EQ(Get("/api/v1/sla/status?domain=sales", "tok-victor").size(), 1u);
  Get("/api/v1/sla/status?domain=nowhere", "tok-victor", 404);

  harness_.clock().Set(*ParseTimestamp("2026-11-22T08:00:00Z"));
  Post("/api/v1/sla/tick", "tok-alice", "", 403);
  nlohmann::json tick = Post("/api/v1/sla/tick", "tok-root", "", 200);
  EXPECT_EQ(tick["now"], "2026-11-22T08:00:00Z") << tick.dump();
  ASSERT_EQ(tick["products"].size(), 1u) << tick.dump();
  EXPECT_EQ(tick["products"][0]["product"], "shipments");
  EXPECT_EQ(tick["products"][0]["periods_missed"], 1);
  EXPECT_EQ(tick["products"][0]["incidents_opened"].size(), 1u);
  EXPECT_EQ(tick["webhooks"]["attempted"], 0);
  // The same instant again changes nothing; the product is now outside its SLA.
  EXPECT_EQ(Post("/api/v1/sla/tick", "tok-root", "", 200)["products"].size(), 0u);
  Post("/api/v1/sla/tick?product=nothing", "tok-root", "", 404);
  nlohmann::json after = Get("/api/v1/sla/status?domain=sales", "tok-victor");
  EXPECT_EQ(after[0]["status"], "breached") << after.dump();
}

TEST_F(ServerSlaApiTest, IncidentsAreShownToThoseTheyConcernAndChangedByOwnersOnly) {
  MissAPeriodAndTick();
  nlohmann::json owners = Get("/api/v1/incidents?product=shipments", "tok-alice");
  ASSERT_EQ(owners.size(), 1u) << owners.dump();
  const int64_t id = owners[0]["id"];
  EXPECT_EQ(owners[0]["kind"], "late");
  EXPECT_EQ(owners[0]["status"], "open");
  EXPECT_EQ(Get("/api/v1/incidents?status=open", "tok-carol").size(), 1u);  // a consumer
  EXPECT_EQ(Get("/api/v1/incidents", "tok-dave").size(), 1u);               // governance
  EXPECT_EQ(Get("/api/v1/incidents", "tok-victor").size(), 0u);             // not concerned
  EXPECT_EQ(Get("/api/v1/incidents", "tok-mark").size(), 0u);
  const std::string path = "/api/v1/incidents/" + std::to_string(id);
  Get(path, "tok-victor", 403);
  Get("/api/v1/incidents?status=sleeping", "tok-alice", 400);
  Get("/api/v1/incidents/999", "tok-alice", 404);

  Post(path + "/acknowledge", "tok-carol", "{}", 403);  // consumers may not
  Post(path + "/close", "tok-dave", "{}", 403);         // nor governance
  nlohmann::json acked = Post(path + "/acknowledge", "tok-alice", R"({"note":"on it"})", 200);
  EXPECT_EQ(acked["status"], "acknowledged");
  EXPECT_EQ(acked["acknowledged_by"], "alice");
  Post(path + "/acknowledge", "tok-alice", "{}", 409);
  Post(path + "/close", "tok-alice", R"({"note":42})", 400);
  nlohmann::json closed = Post(path + "/close", "tok-alice", R"({"note":"republished"})", 200);
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(closed["note"], "republished");
  EXPECT_EQ(Get(path, "tok-carol")["closed_by"], "alice");
  EXPECT_EQ(Get("/api/v1/incidents", "tok-alice").size(), 0u);  // active only by default
  EXPECT_EQ(Get("/api/v1/incidents?status=all", "tok-alice").size(), 1u);

  // Closing told the owner and consumer teams.
  nlohmann::json told = Get("/api/v1/notifications", "tok-carol");
  bool closed_notice = false;
  for (const auto& notification : told) closed_notice |= notification["event"] == "incident_closed";
  EXPECT_TRUE(closed_notice) << told.dump();
  Result<std::vector<AuditEntry>> audit = harness_.catalog().ListAudit({});
  ASSERT_TRUE(audit.ok());
  std::set<std::string> actions;
  for (const AuditEntry& entry : *audit) actions.insert(entry.action + "/" + entry.actor);
  EXPECT_TRUE(actions.count("incident.ack/alice"));
  EXPECT_TRUE(actions.count("incident.close/alice"));
}

TEST_F(ServerSlaApiTest, ConsumerReportsAreFiledListedCommentedAndResolvedByOwners) {
  nlohmann::json opened = Post("/api/v1/reports", "tok-victor",
                               R"({"product":"shipments","summary":"dates are a day off"})", 201);
  const int64_t id = opened["id"];
  EXPECT_EQ(opened["title"], "dates are a day off");
  EXPECT_EQ(opened["summary"], "dates are a day off");
  EXPECT_EQ(opened["opened_by"], "victor");
  EXPECT_EQ(opened["person"], "victor");
  EXPECT_EQ(opened["status"], "open");
  EXPECT_EQ(opened["support"], "email shipping@example.org");
  Post("/api/v1/reports", "tok-victor", R"({"product":"shipments"})", 400);
  Post("/api/v1/reports", "tok-victor", R"({"product":"nothing","title":"x"})", 404);
  Post("/api/v1/reports", "tok-victor", R"({"product":"shipments","title":7})", 400);

  // The author, the owners, the consumers and governance see it; others do not.
  for (const char* token : {"tok-victor", "tok-alice", "tok-carol", "tok-dave", "tok-root"}) {
    EXPECT_EQ(Ids(Get("/api/v1/reports?product=shipments", token)), std::set<int64_t>{id}) << token;
  }
  EXPECT_TRUE(Get("/api/v1/reports", "tok-mark").empty());
  const std::string path = "/api/v1/reports/" + std::to_string(id);
  Get(path, "tok-mark", 403);
  Post(path + "/comments", "tok-mark", R"({"body":"me too"})", 403);
  nlohmann::json commented =
      Post(path + "/comments", "tok-alice", R"({"body":"looking into it"})", 201);
  ASSERT_EQ(commented["comments"].size(), 1u);
  EXPECT_EQ(commented["comments"][0]["person"], "alice");

  Post(path + "/resolve", "tok-victor", "", 403);  // the author is no owner
  Post(path + "/resolve", "tok-carol", "", 403);
  nlohmann::json resolved = Post(path + "/resolve", "tok-alice", "", 200);
  EXPECT_EQ(resolved["status"], "resolved");
  EXPECT_EQ(resolved["resolved_by"], "alice");
  Post(path + "/resolve", "tok-alice", "", 409);
  EXPECT_TRUE(Get("/api/v1/reports?status=open", "tok-alice").empty());
  EXPECT_EQ(Get("/api/v1/reports?status=resolved", "tok-alice").size(), 1u);
  Get("/api/v1/reports?status=pending", "tok-alice", 400);

  std::set<std::string> events;
  for (const auto& notification : Get("/api/v1/notifications", "tok-alice")) {
    events.insert(notification["event"]);
  }
  EXPECT_EQ(events, (std::set<std::string>{"report_opened", "report_resolved"}));
}

TEST_F(ServerSlaApiTest, UsageForGovernanceMaturityAndDoctorForEveryone) {
  nlohmann::json usage = Get("/api/v1/usage?from=2026-11-01&to=2026-11-30", "tok-dave");
  EXPECT_EQ(usage["from"], "2026-11-01") << usage.dump();
  EXPECT_EQ(usage["to"], "2026-11-30");
  nlohmann::json by_default = Get("/api/v1/usage?by=team", "tok-root");
  EXPECT_EQ(by_default["to"], "2026-11-20") << by_default.dump();
  EXPECT_EQ(by_default["from"], "2026-10-22");
  Get("/api/v1/usage", "tok-victor", 403);
  Get("/api/v1/usage?by=planet", "tok-dave", 400);
  Get("/api/v1/usage?format=xml", "tok-dave", 400);
  auto csv =
      harness_.Client().Get("/api/v1/usage?by=team&format=csv", ServerHarness::Bearer("tok-dave"));
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200) << csv->body;
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv->body.rfind("team,", 0), 0u) << csv->body;

  nlohmann::json maturity = Get("/api/v1/maturity", "tok-victor");
  EXPECT_TRUE(maturity["phase"].is_number()) << maturity.dump();
  EXPECT_EQ(maturity["window_days"], 30);
  EXPECT_EQ(maturity["phases"].size(), 4u);
  nlohmann::json doctor = Get("/api/v1/doctor?window_days=7", "tok-victor");
  EXPECT_EQ(doctor["window_days"], 7);
  EXPECT_TRUE(doctor["findings"].is_array());
  Get("/api/v1/doctor?window_days=0", "tok-victor", 400);
}

}  // namespace
}  // namespace mesh::server::testing
