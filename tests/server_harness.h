// Test support for the REST API: a throw-away workspace (mesh.yaml with every persona, two
// domains, policies, descriptors), a SQLite catalog and a local lake in a temporary folder, and an
// ApiServer on an ephemeral loopback port, answered over real HTTP. The identity pieces are test
// doubles until the access module's real TokenService and Authorizer are wired in: tokens are
// looked up in a table, and the decider applies governance.md's rules to a grant table.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/filesystem.h"
#include "catalog/open_catalog.h"
#include "lake/open_object_store.h"
#include "model/workspace.h"
#include "server/access_decider.h"
#include "server/api_server.h"

namespace mesh::server::testing {

inline constexpr const char* kMeshYaml = R"(name: server-test
teams:
  - id: platform
    members: [root]
    roles: [admin]
  - id: governance
    members: [dave]
    roles: [governance]
  - id: team-sales
    members: [alice]
  - id: team-marketing
    members: [mark]
  - id: analytics
    members: [carol]
  - id: viewers
    members: [victor]
  - id: lapsed
    members: [lena]
domains:
  - id: sales
    owners: [team-sales]
  - id: marketing
    owners: [team-marketing]
)";

inline constexpr const char* kGlobalPolicy = R"(naming:
  product: snake_case
  field: snake_case
  domain: kebab-case
required: [description, classification]
allowed_formats: [parquet, csv, jsonl]
classification:
  levels: [public, internal, confidential, restricted]
  pii_min_level: confidential
)";

// Confidential, with a restricted pii field.
inline constexpr const char* kOrdersYaml = R"(name: orders
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

inline constexpr const char* kOrdersCsv =
    "order_id,amount,customer_email\n1,10.5,a@example.org\n2,3,b@example.org\n";

inline constexpr const char* kLeadsYaml = R"(name: leads
domain: marketing
owner: team-marketing
description: Sales leads from campaigns
schema_version: 1.0.0
output_format: csv
classification: internal
schema:
  fields:
    - name: lead_id
      type: int64
      required: true
    - name: campaign
      type: string
)";

inline constexpr const char* kLeadsCsv = "lead_id,campaign\n1,spring\n2,autumn\n";

// Tokens by secret; "expired" and "revoked" ones fail like unknown ones.
class FakeTokenService final : public access::TokenService {
 public:
  explicit FakeTokenService(Organisation org) : org_(std::move(org)) {}

  void AddToken(const std::string& secret, const std::string& person, bool usable = true) {
    std::lock_guard<std::mutex> lock(mutex_);
    tokens_[secret] = {person, usable};
  }

  Result<access::CreatedToken> Create(std::string_view person, std::optional<Timestamp>,
                                      std::string_view) override {
    if (!org_.HasPerson(person)) return Status::InvalidArgument("unknown person");
    std::lock_guard<std::mutex> lock(mutex_);
    access::CreatedToken created;
    created.info.id = "t" + std::to_string(tokens_.size() + 1);
    created.info.person = std::string(person);
    created.secret = "mesh_" + created.info.id + "_secret";
    tokens_[created.secret] = {std::string(person), true};
    return created;
  }
  Status Revoke(std::string_view id, std::string_view) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [secret, token] : tokens_) {
      if (secret.rfind("mesh_" + std::string(id) + "_", 0) == 0) {
        token.usable = false;
        return Status::OK();
      }
    }
    return Status::NotFound("no token " + std::string(id));
  }
  Result<std::vector<access::TokenInfo>> List(std::optional<std::string>) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<access::TokenInfo> list;
    for (const auto& [secret, token] : tokens_) list.push_back({secret, token.person, {}, {}, {}});
    return list;
  }
  Result<access::Principal> Authenticate(std::string_view secret) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tokens_.find(std::string(secret));
    if (it == tokens_.end() || !it->second.usable) return Status::Unauthenticated("bad token");
    access::Principal principal;
    principal.person = it->second.person;
    principal.teams = org_.TeamsOf(principal.person);
    for (const char* role : {"admin", "governance"}) {
      if (org_.HasRole(principal.person, role)) principal.roles.push_back(role);
    }
    return principal;
  }

 private:
  struct Token {
    std::string person;
    bool usable = true;
  };
  Organisation org_;
  std::mutex mutex_;
  std::map<std::string, Token> tokens_;
};

// governance.md's rules over a fixed grant table: team → product → level covered.
class RulesDecider final : public AccessDecider {
 public:
  explicit RulesDecider(Organisation org) : org_(std::move(org)) {}
  void Grant(const std::string& team, const std::string& product, const std::string& level) {
    grants_[team][product] = level;
  }

  Status Check(const access::Principal& principal, access::Permission permission,
               const access::Resource& resource) const override {
    const bool admin = Has(principal.roles, "admin");
    switch (permission) {
      case access::Permission::kAuthenticated:
      case access::Permission::kRequestAccess:
        return Status::OK();
      case access::Permission::kAdmin:
        return admin ? Status::OK() : Status::PermissionDenied("needs the admin role");
      case access::Permission::kGovernance:
        return admin || Has(principal.roles, "governance")
                   ? Status::OK()
                   : Status::PermissionDenied("needs the governance role");
      case access::Permission::kPublish:
      case access::Permission::kManageAccess:
        return OwnsDomain(principal, resource) ? Status::OK()
                                               : Status::PermissionDenied("not an owner");
      case access::Permission::kReadData:
        return Level(principal, resource) >= ProductLevel(resource)
                   ? Status::OK()
                   : Status::PermissionDenied("needs a grant");
    }
    return Status::PermissionDenied("unknown permission");
  }

  Result<std::vector<access::WithheldField>> Withheld(
      const access::Principal& principal, const access::Resource& resource) const override {
    std::vector<access::WithheldField> withheld;
    const int level = Level(principal, resource);
    for (const Field& field : resource.descriptor->schema.fields) {
      const int field_level = LevelOf(
          field.classification.value_or(resource.descriptor->classification.value_or("public")));
      if (field_level > level) withheld.push_back({field.name, "above the grant"});
    }
    return withheld;
  }

 private:
  static bool Has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  }
  static int LevelOf(const std::string& level) {
    static const std::vector<std::string> kLevels = {"public", "internal", "confidential",
                                                     "restricted"};
    return static_cast<int>(std::find(kLevels.begin(), kLevels.end(), level) - kLevels.begin());
  }
  static int ProductLevel(const access::Resource& resource) {
    return resource.descriptor ? LevelOf(resource.descriptor->classification.value_or("public"))
                               : 99;
  }
  bool OwnsDomain(const access::Principal& principal, const access::Resource& resource) const {
    if (resource.descriptor == nullptr) return false;
    for (const std::string& team : principal.teams) {
      if (org_.OwnsDomain(team, resource.descriptor->domain)) return true;
    }
    return false;
  }
  // The highest level the principal may read of the product.
  int Level(const access::Principal& principal, const access::Resource& resource) const {
    if (Has(principal.roles, "admin") || OwnsDomain(principal, resource)) return 3;
    int level = LevelOf("internal");
    for (const std::string& team : principal.teams) {
      auto by_team = grants_.find(team);
      if (by_team == grants_.end()) continue;
      auto grant = by_team->second.find(resource.product);
      if (grant != by_team->second.end()) level = std::max(level, LevelOf(grant->second));
    }
    return level;
  }

  Organisation org_;
  std::map<std::string, std::map<std::string, std::string>> grants_;
};

class ServerHarness {
 public:
  ServerHarness() {
    char pattern[] = "/tmp/mesh-server-test-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) std::abort();
    root_ = pattern;
    Write("mesh.yaml", kMeshYaml);
    Write("governance/global.yaml", kGlobalPolicy);
    Write("products/sales/orders.yaml", kOrdersYaml);
    Write("products/marketing/leads.yaml", kLeadsYaml);
    Write(".mesh/keep", "");
  }
  ~ServerHarness() {
    Stop();
    std::filesystem::remove_all(root_);
  }

  // Opens the stores and starts the server; false (with the reason) on failure.
  ::testing::AssertionResult Start(ServerOptions options = {}) {
    Result<Workspace> workspace = Workspace::Open(fs_, root_);
    if (!workspace.ok()) return ::testing::AssertionFailure() << workspace.status().ToString();
    workspace_ = std::make_unique<Workspace>(std::move(*workspace));
    Result<WorkspaceContents> contents = workspace_->Load();
    if (!contents.ok() || !contents->org) return ::testing::AssertionFailure() << "mesh.yaml";
    Result<std::unique_ptr<Catalog>> catalog =
        OpenCatalog("sqlite:" + root_ + "/.mesh/catalog.db", fs_.get());
    if (!catalog.ok()) return ::testing::AssertionFailure() << catalog.status().ToString();
    catalog_ = std::move(*catalog);
    Result<std::unique_ptr<ObjectStore>> lake =
        OpenObjectStore("file:" + root_ + "/.mesh/lake", fs_);
    if (!lake.ok()) return ::testing::AssertionFailure() << lake.status().ToString();
    lake_ = std::move(*lake);
    tokens_ = std::make_unique<FakeTokenService>(*contents->org);
    decider_ = std::make_unique<RulesDecider>(*contents->org);
    for (const char* person : {"root", "dave", "alice", "mark", "carol", "victor", "lena"}) {
      tokens_->AddToken(std::string("tok-") + person, person);
    }
    tokens_->AddToken("tok-expired", "alice", /*usable=*/false);
    decider_->Grant("analytics", "orders", "confidential");
    ServerServices services{workspace_.get(), catalog_.get(), lake_.get(),
                            tokens_.get(),    decider_.get(), &clock_};
    options.port = 0;
    options.threads = options.threads > 0 ? options.threads : 4;
    if (options.spool_dir.empty()) options.spool_dir = root_ + "/.mesh/spool";
    options.access_log = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex_);
      access_log_.push_back(line);
    };
    Result<std::unique_ptr<ApiServer>> server = ApiServer::Make(services, options);
    if (!server.ok()) return ::testing::AssertionFailure() << server.status().ToString();
    server_ = std::move(*server);
    Result<int> port = server_->Bind();
    if (!port.ok()) return ::testing::AssertionFailure() << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    return ::testing::AssertionSuccess();
  }

  void Stop() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }
  static httplib::Headers Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  // Publishes `yaml` + `csv` as `token`'s person; the HTTP status (-1: no answer).
  int Publish(const std::string& token, const std::string& name, const std::string& yaml,
              const std::string& csv) {
    httplib::MultipartFormDataItems items = {{"descriptor", yaml, "descriptor.yaml", ""},
                                             {"data", csv, "data.csv", "text/csv"}};
    auto response =
        Client().Post(("/api/v1/products/" + name + "/versions").c_str(), Bearer(token), items);
    if (response && response->status >= 400) last_error_ = response->body;
    return response ? response->status : -1;
  }
  std::string last_error_;

  void Write(const std::string& relative, const std::string& text) {
    ASSERT_TRUE(fs_->CreateDirs(DirName(JoinPath(root_, relative))).ok());
    ASSERT_TRUE(fs_->WriteFileAtomically(JoinPath(root_, relative), text).ok());
  }

  std::vector<std::string> AccessLog() {
    std::lock_guard<std::mutex> lock(log_mutex_);
    return access_log_;
  }

  int port() const { return port_; }
  const std::string& root() const { return root_; }
  Catalog& catalog() { return *catalog_; }
  FakeTokenService& tokens() { return *tokens_; }
  RulesDecider& decider() { return *decider_; }
  FixedClock& clock() { return clock_; }  // the server's clock (2026-11-20T08:00:00Z at start)
  ApiServer& server() { return *server_; }

 private:
  std::shared_ptr<FileSystem> fs_ = PosixFileSystem();
  std::string root_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<ObjectStore> lake_;
  std::unique_ptr<FakeTokenService> tokens_;
  std::unique_ptr<RulesDecider> decider_;
  FixedClock clock_{*ParseTimestamp("2026-11-20T08:00:00Z")};
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex log_mutex_;
  std::vector<std::string> access_log_;
};

}  // namespace mesh::server::testing
