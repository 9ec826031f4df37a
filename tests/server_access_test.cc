// The access workflow over real HTTP (docs/api.md "Access requests and grants"): a request,
// its approval and the read that then returns the column; a denial; a grant and its revocation;
// a restricted grant that expires; and the answers to wrong input. The harness's personas are in
// server_harness.h.
#include <nlohmann/json.hpp>

#include "server_harness.h"

namespace mesh::server::testing {
namespace {

using Json = nlohmann::json;

struct Answer {
  int status = -1;
  std::string body;
  Json json;
  std::string withheld;  // X-Mesh-Withheld-Fields
};

class ServerAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(harness_.Start());
    ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201)
        << harness_.last_error_;
  }

  static Answer From(const httplib::Result& result) {
    Answer answer;
    if (!result) return answer;
    answer.status = result->status;
    answer.body = result->body;
    answer.json = Json::parse(result->body, nullptr, false);
    answer.withheld = result->get_header_value("X-Mesh-Withheld-Fields");
    return answer;
  }
  Answer Get(const std::string& path, const std::string& person) {
    return From(harness_.Client().Get(path.c_str(), ServerHarness::Bearer("tok-" + person)));
  }
  Answer Post(const std::string& path, const std::string& person, const Json& body) {
    return From(harness_.Client().Post(path.c_str(), ServerHarness::Bearer("tok-" + person),
                                       body.dump(), "application/json"));
  }
  Answer ReadCsv(const std::string& person) {
    return Get("/api/v1/products/orders/data?format=csv", person);
  }
  // Asks as `person`; the new request's id.
  int64_t Ask(const std::string& person, const Json& body) {
    Answer asked = Post("/api/v1/access/requests", person, body);
    EXPECT_EQ(asked.status, 201) << asked.body;
    return asked.json.value("id", int64_t{0});
  }
  std::string RequestPath(int64_t id, const std::string& verb = "") {
    return "/api/v1/access/requests/" + std::to_string(id) + (verb.empty() ? "" : "/" + verb);
  }
  std::vector<AuditEntry> Audit() { return *harness_.catalog().ListAudit({}); }
  static bool Has(const std::vector<AuditEntry>& audit, const std::string& actor,
                  const std::string& action, const std::string& outcome) {
    for (const AuditEntry& entry : audit) {
      if (entry.actor == actor && entry.action == action && entry.outcome == outcome &&
          entry.target == "orders") {
        return true;
      }
    }
    return false;
  }
  static std::vector<int64_t> Ids(const Json& list) {
    std::vector<int64_t> ids;
    for (const Json& item : list) ids.push_back(item.value("id", int64_t{0}));
    return ids;
  }

  ServerHarness harness_;
};

TEST_F(ServerAccessTest, RequestApproveAndTheReadNowReturnsTheColumn) {
  // carol's team reads orders up to confidential: the restricted pii column is left out.
  Answer before = ReadCsv("carol");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.withheld, "customer_email");
  EXPECT_EQ(before.body.find("a@example.org"), std::string::npos);

  Answer asked = Post("/api/v1/access/requests", "carol",
                      {{"product", "orders"},
                       {"purpose", "Reconcile refunds by customer"},
                       {"level", "restricted"},
                       {"pii", true}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json["status"], "pending");
  EXPECT_EQ(asked.json["team"], "analytics");  // carol's only team
  EXPECT_EQ(asked.json["person"], "carol");
  EXPECT_EQ(asked.json["level"], "restricted");
  EXPECT_EQ(asked.json["requested_at"], "2026-11-20T08:00:00Z");
  EXPECT_TRUE(asked.json["grant_id"].is_null());
  const int64_t id = asked.json["id"];

  // Everyone sees it; the inbox (decidable) shows it to its owners only, not to the asker.
  EXPECT_EQ(Ids(Get("/api/v1/access/requests", "victor").json), std::vector<int64_t>{id});
  EXPECT_EQ(Ids(Get("/api/v1/access/requests?decidable=true", "alice").json),
            std::vector<int64_t>{id});
  EXPECT_TRUE(Get("/api/v1/access/requests?decidable=true", "carol").json.empty());
  EXPECT_TRUE(Get("/api/v1/access/requests?decidable=true", "mark").json.empty());
  EXPECT_EQ(Ids(Get("/api/v1/access/requests?decidable=true", "root").json),
            std::vector<int64_t>{id});

  Answer approved = Post(RequestPath(id, "approve"), "alice", {{"note", "for Q4 only"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json["status"], "approved");
  EXPECT_EQ(approved.json["decided_by"], "alice");
  EXPECT_EQ(approved.json["note"], "for Q4 only");
  ASSERT_TRUE(approved.json["grant_id"].is_number());
  EXPECT_EQ(Get(RequestPath(id), "victor").json, approved.json);
  EXPECT_TRUE(Get("/api/v1/access/requests", "alice").json.empty()) << "none pending any more";

  // The restricted grant expires 90 days after the approval by default.
  Answer grants = Get("/api/v1/access/grants?product=orders&team=analytics", "victor");
  ASSERT_EQ(grants.status, 200);
  ASSERT_EQ(grants.json.size(), 2u) << grants.body;  // the fixture's confidential one and this
  const Json& grant = grants.json[1];
  EXPECT_EQ(grant["id"], approved.json["grant_id"]);
  EXPECT_EQ(grant["request_id"], id);
  EXPECT_EQ(grant["level"], "restricted");
  EXPECT_EQ(grant["pii"], true);
  EXPECT_EQ(grant["expires_at"], "2027-02-18T08:00:00Z");
  EXPECT_EQ(grant["active"], true);

  Answer after = ReadCsv("carol");
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.withheld, "");
  EXPECT_EQ(after.body,
            "order_id,amount,customer_email\r\n1,10.5,a@example.org\r\n2,3,b@example.org\r\n");

  const std::vector<AuditEntry> audit = Audit();
  EXPECT_TRUE(Has(audit, "carol", "access.request", "ok"));
  EXPECT_TRUE(Has(audit, "alice", "access.approve", "ok"));
  // A request is decided once.
  Answer again = Post(RequestPath(id, "deny"), "alice", {{"reason", "changed my mind"}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json["error"]["code"], "conflict");
}

TEST_F(ServerAccessTest, ADenialGrantsNothingAndRefusalsAreAudited) {
  const int64_t id = Ask("victor", {{"product", "orders"}, {"purpose", "Churn model features"}});
  EXPECT_EQ(Get(RequestPath(id), "victor").json["level"], "restricted")
      << "by default the level reading every field needs";

  // mark owns another domain: refused before anything happens, audited as the CLI would.
  const size_t entries = Audit().size();
  Answer stranger = Post(RequestPath(id, "approve"), "mark", Json::object());
  EXPECT_EQ(stranger.status, 403) << stranger.body;
  EXPECT_EQ(stranger.json["error"]["code"], "permission_denied");
  ASSERT_EQ(Audit().size(), entries + 1);
  EXPECT_EQ(Audit().back().action, "access.approve");
  EXPECT_EQ(Audit().back().outcome, "denied");
  EXPECT_EQ(Audit().back().target, "orders");
  EXPECT_EQ(Get(RequestPath(id), "victor").json["status"], "pending");

  // A denial says why; the web UI's inbox sends its note field as "note".
  EXPECT_EQ(Post(RequestPath(id, "deny"), "alice", Json::object()).status, 400);
  EXPECT_EQ(Post(RequestPath(id, "deny"), "alice", {{"reason", "  "}}).status, 400);
  Answer denied = Post(RequestPath(id, "deny"), "alice", {{"note", "Use the aggregate product"}});
  ASSERT_EQ(denied.status, 200) << denied.body;
  EXPECT_EQ(denied.json["status"], "denied");
  EXPECT_EQ(denied.json["note"], "Use the aggregate product");
  EXPECT_TRUE(denied.json["grant_id"].is_null());
  EXPECT_TRUE(Has(Audit(), "alice", "access.deny", "ok"));

  EXPECT_EQ(ReadCsv("victor").status, 403);
  EXPECT_TRUE(Get("/api/v1/access/grants?team=viewers&all=true", "victor").json.empty());
  EXPECT_EQ(Post(RequestPath(id, "approve"), "alice", Json::object()).status, 409);
  EXPECT_EQ(Ids(Get("/api/v1/access/requests?status=denied", "dave").json),
            std::vector<int64_t>{id});
}

TEST_F(ServerAccessTest, OwnersGrantAndRevokeAndTheLibrarysRefusalsAreAuditedOnce) {
  Answer granted = Post("/api/v1/products/orders/grants", "alice",
                        {{"team", "viewers"}, {"level", "confidential"}, {"expires", "30d"}});
  ASSERT_EQ(granted.status, 201) << granted.body;
  EXPECT_EQ(granted.json["expires_at"], "2026-12-20T08:00:00Z");
  EXPECT_TRUE(granted.json["request_id"].is_null());
  Answer read = ReadCsv("victor");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.withheld, "customer_email");

  // Restricted data is granted only through an approved request: refused by the library,
  // audited by it, once.
  const size_t entries = Audit().size();
  Answer restricted = Post("/api/v1/products/orders/grants", "alice",
                           {{"team", "viewers"}, {"level", "restricted"}});
  EXPECT_EQ(restricted.status, 403) << restricted.body;
  ASSERT_EQ(Audit().size(), entries + 1);
  EXPECT_EQ(Audit().back().action, "access.grant");
  EXPECT_EQ(Audit().back().outcome, "denied");

  const std::string revoke =
      "/api/v1/access/grants/" + std::to_string(granted.json["id"].get<int64_t>()) + "/revoke";
  EXPECT_EQ(Post(revoke, "victor", {{"reason", "mine now"}}).status, 403);
  EXPECT_EQ(Post(revoke, "mark", Json::object()).status, 403);
  Answer revoked = Post(revoke, "alice", {{"reason", "project over"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json["active"], false);
  EXPECT_EQ(revoked.json["revoked_by"], "alice");
  EXPECT_TRUE(Has(Audit(), "alice", "access.revoke", "ok"));

  EXPECT_EQ(ReadCsv("victor").status, 403);
  EXPECT_TRUE(Get("/api/v1/access/grants?team=viewers", "victor").json.empty());
  EXPECT_EQ(Get("/api/v1/access/grants?team=viewers&all=true", "victor").json.size(), 1u);
  Answer twice = Post(revoke, "alice", Json::object());
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json["error"]["code"], "failed_precondition");
}

TEST_F(ServerAccessTest, AnApprovedRestrictedGrantExpiresAndTheColumnIsWithheldAgain) {
  const int64_t id = Ask(
      "carol",
      {{"product", "orders"}, {"purpose", "Refund audit"}, {"level", "restricted"}, {"pii", true}});
  ASSERT_EQ(Post(RequestPath(id, "approve"), "alice", {{"expires", "2026-12-01"}}).status, 200);
  EXPECT_EQ(ReadCsv("carol").withheld, "");

  harness_.clock().Set(*ParseTimestamp("2026-12-01T00:00:00Z"));
  Answer expired = ReadCsv("carol");
  ASSERT_EQ(expired.status, 200) << "the confidential grant still holds: " << expired.body;
  EXPECT_EQ(expired.withheld, "customer_email");
  Answer active = Get("/api/v1/access/grants?product=orders&team=analytics", "carol");
  EXPECT_EQ(active.json.size(), 1u) << active.body;
  Answer all = Get("/api/v1/access/grants?product=orders&team=analytics&all=true", "carol");
  ASSERT_EQ(all.json.size(), 2u) << all.body;
  EXPECT_EQ(all.json[1]["active"], false);

  // lena's team held a grant that expired: the denial says so.
  Answer lapsed = ReadCsv("lena");
  EXPECT_EQ(lapsed.status, 403);
  EXPECT_NE(lapsed.body.find("expired on 2026-10-01"), std::string::npos) << lapsed.body;
}

TEST_F(ServerAccessTest, WrongInputIsAnsweredWithWhatToChange) {
  auto code = [](const Answer& answer) -> std::string {
    if (!answer.json.is_object() || !answer.json.contains("error")) return "";
    return answer.json["error"].value("code", "");
  };
  Answer no_purpose = Post("/api/v1/access/requests", "victor", {{"product", "orders"}});
  EXPECT_EQ(no_purpose.status, 400);
  EXPECT_NE(no_purpose.body.find("purpose"), std::string::npos) << no_purpose.body;
  EXPECT_EQ(
      Post("/api/v1/access/requests", "victor", {{"product", "nothing"}, {"purpose", "x"}}).status,
      404);
  EXPECT_EQ(code(Post("/api/v1/access/requests", "victor",
                      {{"product", "orders"}, {"purpose", "x"}, {"pii", "yes"}})),
            "invalid_argument");
  EXPECT_EQ(code(Post("/api/v1/access/requests", "victor",
                      {{"product", "orders"}, {"purpose", "x"}, {"team", "analytics"}})),
            "invalid_argument")
      << "not one of victor's teams";
  EXPECT_EQ(code(Post("/api/v1/access/requests", "victor",
                      {{"product", "orders"}, {"purpose", "x"}, {"level", "secret"}})),
            "invalid_argument");
  auto raw = harness_.Client().Post("/api/v1/access/requests", ServerHarness::Bearer("tok-victor"),
                                    "[1,2]", "application/json");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 400);

  EXPECT_EQ(Get("/api/v1/access/requests/abc", "victor").status, 400);
  EXPECT_EQ(Get("/api/v1/access/requests/99", "victor").status, 404);
  EXPECT_EQ(Post("/api/v1/access/requests/99/approve", "alice", Json::object()).status, 404);
  EXPECT_EQ(Post("/api/v1/access/grants/99/revoke", "alice", Json::object()).status, 404);
  EXPECT_EQ(Post("/api/v1/products/nothing/grants", "alice",
                 {{"team", "viewers"}, {"level", "confidential"}})
                .status,
            404);
  EXPECT_EQ(code(Get("/api/v1/access/requests?status=open", "victor")), "invalid_argument");
  EXPECT_EQ(code(Get("/api/v1/access/grants?all=yes", "victor")), "invalid_argument");

  const int64_t id = Ask("victor", {{"product", "orders"}, {"purpose", "x"}});
  EXPECT_EQ(code(Post(RequestPath(id, "approve"), "alice", {{"expires", "2026-01-01"}})),
            "invalid_argument")
      << "an expiry in the past";
  EXPECT_EQ(code(Post(RequestPath(id, "approve"), "alice", {{"expires", "soon"}})),
            "invalid_argument");
  EXPECT_EQ(Get(RequestPath(id), "victor").json["status"], "pending");
}

}  // namespace
}  // namespace mesh::server::testing
