// Security of the REST API over real HTTP: authentication on every route, the personas ×
// endpoints matrix, path tricks, request smuggling basics, size and time limits.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "server_harness.h"

namespace mesh::server::testing {
namespace {

// Sends `request` as is on a fresh connection; returns what the server answered (maybe empty).
std::string RawExchange(int port, const std::string& request, int timeout_seconds = 10) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "";
  }
  timeval timeout{timeout_seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[4096];
  ssize_t got;
  while ((got = ::recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, got);
  ::close(fd);
  return answer;
}

int StatusOf(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0) return -1;
  return std::atoi(answer.c_str() + 9);
}

// Everything a request could change, to compare before and after.
struct Snapshot {
  std::vector<std::string> products;  // name@snapshot
  size_t audit_entries = 0;
  size_t tokens = 0;
  size_t quarantined = 0;
  std::vector<std::string> grants;    // id:active
  std::vector<std::string> requests;  // id:status
  bool operator==(const Snapshot&) const = default;
};

class ServerSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.read_timeout_seconds = 1;
    options.max_upload_bytes = 4096;
    ASSERT_TRUE(harness_.Start(options));
    ASSERT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, kOrdersCsv), 201);
    ASSERT_EQ(harness_.Publish("tok-mark", "leads", kLeadsYaml, kLeadsCsv), 201);
  }

  Snapshot Take() {
    Snapshot snapshot;
    Result<std::vector<ProductRecord>> products = harness_.catalog().ListProducts({});
    for (const ProductRecord& product : *products) {
      snapshot.products.push_back(product.name + "#" + std::to_string(product.current_snapshot));
    }
    snapshot.audit_entries = harness_.catalog().ListAudit({})->size();
    snapshot.tokens = harness_.tokens().List(std::nullopt)->size();
    snapshot.quarantined = harness_.catalog().ListQuarantine("")->size();
    GrantFilter all_grants;
    all_grants.include_revoked = true;
    Result<std::vector<GrantRecord>> grants = harness_.catalog().ListGrants(all_grants);
    Result<std::vector<AccessRequestRecord>> requests = harness_.catalog().ListAccessRequests({});
    EXPECT_TRUE(grants.ok() && requests.ok());
    const std::vector<GrantRecord> no_grants;
    const std::vector<AccessRequestRecord> no_requests;
    for (const GrantRecord& grant : grants.ok() ? *grants : no_grants) {
      snapshot.grants.push_back(std::to_string(grant.id) + ":" +
                                (grant.IsActive(harness_.clock().Now()) ? "active" : "inactive"));
    }
    for (const AccessRequestRecord& request : requests.ok() ? *requests : no_requests) {
      snapshot.requests.push_back(std::to_string(request.id) + ":" +
                                  std::string(AccessRequestStatusName(request.status)));
    }
    return snapshot;
  }

  // A concrete path for a route pattern.
  static std::string PathOf(const Route& route) {
    std::string path = route.pattern;
    for (auto [param, value] : {std::pair{"{name}", "orders"}, std::pair{"{id}", "1"}}) {
      const size_t at = path.find(param);
      if (at != std::string::npos) path.replace(at, std::string(param).size(), value);
    }
    return path;
  }

  // Sends the route's request (with a body that would succeed) and the given headers.
  int Send(const Route& route, const httplib::Headers& headers) {
    httplib::Client client = harness_.Client();
    const std::string path = PathOf(route);
    auto status = [](const httplib::Result& result) { return result ? result->status : -1; };
    if (route.method == "GET") return status(client.Get(path.c_str(), headers));
    if (route.method == "DELETE") return status(client.Delete(path.c_str(), headers));
    if (path == "/api/v1/products/orders/versions") {
      httplib::MultipartFormDataItems items = {{"descriptor", kOrdersYaml, "d.yaml", ""},
                                               {"data", kOrdersCsv, "data.csv", ""}};
      return status(client.Post(path.c_str(), headers, items));
    }
    return status(client.Post(path.c_str(), headers, R"({"person":"victor"})", "application/json"));
  }

  ServerHarness harness_;
};

TEST_F(ServerSecurityTest, EveryProtectedRouteAnswers401ToEveryBadTokenAndChangesNothing) {
  Result<access::CreatedToken> revoked = harness_.tokens().Create("root", std::nullopt, "root");
  ASSERT_TRUE(revoked.ok());
  ASSERT_TRUE(harness_.tokens().Revoke(revoked->info.id, "root").ok());
  const std::vector<httplib::Headers> bad = {
      {},
      {{"Authorization", "Basic cm9vdDpyb290"}},
      {{"Authorization", "Bearer"}},
      {{"Authorization", "Bearer tok-root extra"}},
      {{"Authorization", "tok-root"}},
      {{"Authorization", "Bearer unknown-token"}},
      {{"Authorization", "Bearer tok-expired"}},
      {{"Authorization", "Bearer " + revoked->secret}},
      {{"Authorization", "Bearer tok-roou"}},  // tampered
      {{"X-User", "root"}},
      {{"X-Forwarded-User", "root"}},
      {{"Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290In0."}},  // unsigned JWT
  };
  int protected_routes = 0;
  for (const Route& route : harness_.server().routes().routes()) {
    if (!route.permission) continue;
    ++protected_routes;
    for (const httplib::Headers& headers : bad) {
      const Snapshot before = Take();
      EXPECT_EQ(Send(route, headers), 401)
          << route.method << " " << route.pattern << " with "
          << (headers.empty() ? "no header"
                              : headers.begin()->first + ": " + headers.begin()->second);
      EXPECT_EQ(Take(), before) << route.method << " " << route.pattern;
    }
  }
  EXPECT_GE(protected_routes, 12);
}

TEST_F(ServerSecurityTest, PersonasTimesEndpointsMatrix) {
  struct Case {
    std::string method;
    std::string path;
    std::map<std::string, bool> allowed;  // person → allowed
  };
  const std::vector<std::string> personas = {"root",  "dave",   "alice", "mark",
                                             "carol", "victor", "lena"};
  auto only = [&](std::set<std::string> who) {
    std::map<std::string, bool> allowed;
    for (const std::string& person : personas) allowed[person] = who.count(person) > 0;
    return allowed;
  };
  const std::vector<Case> cases = {
      {"GET", "/api/v1/products",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/products/orders",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      // Roles give no data (docs/access.md): the admin reads orders only through a grant.
      {"GET", "/api/v1/products/orders/data", only({"alice", "carol"})},
      {"GET", "/api/v1/products/leads/data",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"POST", "/api/v1/products/orders/versions", only({"alice"})},
      {"GET", "/api/v1/audit", only({"root", "dave"})},
      {"GET", "/api/v1/tokens", only({"root"})},
      {"POST", "/api/v1/tokens", only({"root"})},
      {"GET", "/metrics", only({"root"})},
      // Service levels, incidents, reports, usage and health (sla_routes.cc, usage_routes.cc).
      {"GET", "/api/v1/products/orders/sla",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/sla", only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/incidents",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/reports",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/notifications",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/usage", only({"root", "dave"})},
      {"GET", "/api/v1/maturity",
       only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
      {"GET", "/api/v1/doctor", only({"root", "dave", "alice", "mark", "carol", "victor", "lena"})},
  };
  for (const Case& test : cases) {
    for (const std::string& person : personas) {
      Route route;
      route.method = test.method;
      route.pattern = test.path;
      const Snapshot before = Take();
      const int status = Send(route, ServerHarness::Bearer("tok-" + person));
      const bool expected = test.allowed.at(person);
      if (expected) {
        EXPECT_TRUE(status == 200 || status == 201)
            << person << " " << test.method << " " << test.path << ": " << status;
        continue;
      }
      EXPECT_EQ(status, 403) << person << " " << test.method << " " << test.path;
      Snapshot after = Take();
      EXPECT_EQ(after.products, before.products) << person << " " << test.path;
      EXPECT_EQ(after.tokens, before.tokens) << person << " " << test.path;
      EXPECT_EQ(after.audit_entries, before.audit_entries + 1)
          << "the denial of " << person << " " << test.path << " is audited";
      auto last = harness_.catalog().ListAudit({});
      EXPECT_EQ(last->back().outcome, "denied");
      EXPECT_EQ(last->back().actor, person);
    }
  }
}

// The access routes (and the diff) for every persona: who may ask, see, decide, grant, revoke. Each
// attempt gets a fresh pending request (asked by carol) or a fresh grant (to viewers), so an
// allowed attempt never spoils the next; a denied one changes nothing and is audited as the CLI
// does.
TEST_F(ServerSecurityTest, AccessRoutesPersonasMatrix) {
  const std::vector<std::string> personas = {"root",  "dave",   "alice", "mark",
                                             "carol", "victor", "lena"};
  auto post = [&](const std::string& path, const std::string& token, const std::string& body) {
    auto response = harness_.Client().Post(path.c_str(), ServerHarness::Bearer(token), body,
                                           "application/json");
    return response ? std::make_pair(response->status, response->body)
                    : std::make_pair(-1, std::string());
  };
  auto fresh_request = [&] {
    auto [status, body] = post("/api/v1/access/requests", "tok-carol",
                               R"({"product":"orders","purpose":"audit","level":"restricted"})");
    EXPECT_EQ(status, 201) << body;
    return std::to_string(nlohmann::json::parse(body, nullptr, false).value("id", 0));
  };
  auto fresh_grant = [&] {
    auto [status, body] = post("/api/v1/products/orders/grants", "tok-alice",
                               R"({"team":"viewers","level":"confidential"})");
    EXPECT_EQ(status, 201) << body;
    return std::to_string(nlohmann::json::parse(body, nullptr, false).value("id", 0));
  };
  struct Case {
    std::string method;
    std::function<std::string()> path;  // makes what the attempt needs
    std::string body;
    std::set<std::string> allowed;
    std::string denial_action;            // what a denial is audited as
    std::map<std::string, int> answered;  // allowed, but refused for another reason
  };
  const std::set<std::string> everyone(personas.begin(), personas.end());
  const std::vector<Case> cases = {
      {"GET", [] { return "/api/v1/access/requests?status=all"; }, "", everyone, "", {}},
      {"GET", [&] { return "/api/v1/access/requests/" + fresh_request(); }, "", everyone, "", {}},
      {"GET", [] { return "/api/v1/access/grants?all=true"; }, "", everyone, "", {}},
      {"POST",
       [] { return "/api/v1/access/requests"; },
       R"({"product":"orders","purpose":"monthly report","level":"restricted"})",
       everyone,
       "",
       {{"alice", 400}}},  // an owner reads all of it already
      {"POST",
       [&] { return "/api/v1/access/requests/" + fresh_request() + "/approve"; },
       R"({"note":"fine"})",
       {"root", "alice"},
       "access.approve",
       {}},
      {"POST",
       [&] { return "/api/v1/access/requests/" + fresh_request() + "/deny"; },
       R"({"reason":"no"})",
       {"root", "alice"},
       "access.deny",
       {}},
      {"POST",
       [] { return "/api/v1/products/orders/grants"; },
       R"({"team":"viewers","level":"confidential"})",
       {"root", "alice"},
       "access.grant",
       {}},
      {"POST",
       [&] { return "/api/v1/access/grants/" + fresh_grant() + "/revoke"; },
       R"({"reason":"done"})",
       {"root", "alice"},
       "access.revoke",
       {}},
      {"POST", [] { return "/api/v1/products/leads/diff"; }, kLeadsYaml, everyone, "", {}},
  };
  for (const Case& test : cases) {
    for (const std::string& person : personas) {
      const std::string path = test.path();
      const Snapshot before = Take();
      httplib::Client client = harness_.Client();
      const std::string token = "tok-" + person;
      httplib::Result result = test.method == "GET"
                                   ? client.Get(path.c_str(), ServerHarness::Bearer(token))
                                   : client.Post(path.c_str(), ServerHarness::Bearer(token),
                                                 test.body, "application/json");
      ASSERT_TRUE(result) << person << " " << path;
      const std::string what = person + " " + test.method + " " + path + ": " + result->body;
      if (auto other = test.answered.find(person); other != test.answered.end()) {
        EXPECT_EQ(result->status, other->second) << what;
        continue;
      }
      if (test.allowed.count(person)) {
        EXPECT_TRUE(result->status == 200 || result->status == 201) << what;
        continue;
      }
      EXPECT_EQ(result->status, 403) << what;
      Snapshot after = Take();
      EXPECT_EQ(after.grants, before.grants) << what;
      EXPECT_EQ(after.requests, before.requests) << what;
      EXPECT_EQ(after.audit_entries, before.audit_entries + 1) << "the denial is audited: " << what;
      AuditEntry last = harness_.catalog().ListAudit({})->back();
      EXPECT_EQ(last.outcome, "denied") << what;
      EXPECT_EQ(last.actor, person) << what;
      EXPECT_EQ(last.action, test.denial_action) << what;
      EXPECT_EQ(last.target, "orders") << what;
    }
  }
}

TEST_F(ServerSecurityTest, PathTricksNeverBypassTheRouteTable) {
  const std::string auth = "Authorization: Bearer tok-victor\r\n";
  for (const std::string target :
       {"/api/v1/products/orders/../../tokens", "/api/v1/products/%2e%2e/tokens",
        "/api/v1/products/orders/%2e%2e/%2e%2e/tokens", "/api/v1/tokens%2f", "//api/v1/tokens",
        "/api/v1//tokens", "/api/v1/tokens/", "/API/V1/TOKENS", "/api/v1/Tokens",
        "/api/v1/%74okens", "/api/v1/products/orders%2f..%2f..%2ftokens",
        "/api/v1/products/orders/data/..", "/api/v1/products/orders/data/"}) {
    const std::string answer =
        RawExchange(harness_.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth +
                                         "Connection: close\r\n\r\n");
    const int status = StatusOf(answer);
    EXPECT_TRUE(status == 400 || status == 403 || status == 404) << target << " → " << status;
  }
  const std::string overlong = RawExchange(
      harness_.port(), "GET /api/v1/products/" + std::string(6000, 'a') +
                           " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n");
  const int status = StatusOf(overlong);
  EXPECT_TRUE(status == 414 || status == 400) << status;
}

TEST_F(ServerSecurityTest, ConflictingFramingIsRefused) {
  const Snapshot before = Take();
  const std::string body = R"({"person":"victor"})";
  const std::string head =
      "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\n"
      "Authorization: Bearer tok-root\r\nContent-Type: application/json\r\n"
      "Connection: close\r\n";
  EXPECT_EQ(StatusOf(RawExchange(harness_.port(),
                                 head + "Content-Length: " + std::to_string(body.size()) +
                                     "\r\nContent-Length: 3\r\n\r\n" + body)),
            400);
  EXPECT_EQ(StatusOf(RawExchange(harness_.port(),
                                 head + "Content-Length: " + std::to_string(body.size()) +
                                     "\r\nTransfer-Encoding: chunked\r\n\r\n" + body)),
            400);
  EXPECT_EQ(Take().tokens, before.tokens);
  auto health = harness_.Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServerSecurityTest, OversizedBodiesAre413AndTheServerStaysUp) {
  const Snapshot before = Take();
  auto big_json = harness_.Client().Post("/api/v1/tokens", ServerHarness::Bearer("tok-root"),
                                         std::string(200 * 1024, ' '), "application/json");
  ASSERT_TRUE(big_json);
  EXPECT_EQ(big_json->status, 413);
  std::string big_csv = "order_id,amount,customer_email\n";
  while (big_csv.size() < 10000) big_csv += "1,1,a@b.c\n";
  EXPECT_EQ(harness_.Publish("tok-alice", "orders", kOrdersYaml, big_csv), 413);
  auto get_with_body = harness_.Client().Get("/api/v1/products", ServerHarness::Bearer("tok-root"));
  ASSERT_TRUE(get_with_body);
  EXPECT_EQ(RawExchange(harness_.port(),
                        "GET /api/v1/products HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        "tok-root\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
                .substr(9, 3),
            "413");
  const Snapshot after = Take();
  EXPECT_EQ(after.products, before.products);
  EXPECT_EQ(after.tokens, before.tokens);
  auto health = harness_.Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServerSecurityTest, SlowClientIsCutOffWith408AndTheServerStaysUp) {
  const std::string boundary = "b0undary";
  const std::string head =
      "POST /api/v1/products/orders/versions HTTP/1.1\r\nHost: x\r\n"
      "Authorization: Bearer tok-alice\r\nContent-Type: multipart/form-data; boundary=" +
      boundary + "\r\nContent-Length: 100000\r\n\r\n--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"descriptor\"\r\n\r\nname: ord";
  // The client sends the start of the body and then nothing: the read times out after 1 s.
  const std::string answer = RawExchange(harness_.port(), head, 10);
  EXPECT_EQ(StatusOf(answer), 408) << answer;
  auto health = harness_.Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(harness_.catalog().GetProduct("orders")->current_snapshot, 1);
}

TEST_F(ServerSecurityTest, PublishOfAnotherDomainsDescriptorUnderOwnNameIsDenied) {
  // mark owns marketing; an upload claiming the sales product 'orders' in marketing's domain
  // must not take it over.
  std::string hijack = kOrdersYaml;
  hijack.replace(hijack.find("domain: sales"), 13, "domain: marketing");
  hijack.replace(hijack.find("owner: team-sales"), 17, "owner: team-marketing");
  const Snapshot before = Take();
  EXPECT_EQ(harness_.Publish("tok-mark", "orders", hijack, kOrdersCsv), 403);
  EXPECT_EQ(Take().products, before.products);
}

}  // namespace
}  // namespace mesh::server::testing
