// Shared fixture of the access tests: an organisation with one person per persona, a SQLite
// catalog in a scratch folder with two published products, and a fixed clock.
//   team-sales (alice, bob)  owns domain sales        -> owners of `orders`
//   analytics (carol)        owns domain marketing    -> owner of another domain
//   finance (erin)           consumer, confidential grant on orders (no pii)
//   support (frank)          consumer without grant
//   audit-team (gina)        consumer whose restricted grant has expired
//   governance (dave)        role governance
//   platform (root)          role admin
//   orders: confidential; customer_email restricted + pii; customer_name confidential + pii
//   menu:   internal;     chef_email confidential + pii
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "base/clock.h"
#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"
#include "model/organisation.h"

namespace mesh::access {

inline Team MakeTeam(std::string id, std::vector<std::string> members,
                     std::vector<std::string> roles = {}) {
  Team team;
  team.id = std::move(id);
  team.members = std::move(members);
  team.roles = std::move(roles);
  return team;
}

inline Organisation PersonaOrganisation() {
  Organisation org;
  org.file = "mesh.yaml";
  org.name = "test-mesh";
  org.teams = {MakeTeam("team-sales", {"alice", "bob"}),
               MakeTeam("analytics", {"carol"}),
               MakeTeam("finance", {"erin"}),
               MakeTeam("support", {"frank"}),
               MakeTeam("audit-team", {"gina"}),
               MakeTeam("governance", {"dave"}, {"governance"}),
               MakeTeam("platform", {"root"}, {"admin"})};
  Domain sales;
  sales.id = "sales";
  sales.owners = {"team-sales"};
  Domain marketing;
  marketing.id = "marketing";
  marketing.owners = {"analytics"};
  org.domains = {sales, marketing};
  return org;
}

inline constexpr std::string_view kOrdersYaml = R"(name: orders
domain: sales
owner: team-sales
description: One row per order
schema_version: 1.0.0
output_format: parquet
classification: confidential
schema:
  fields:
    - name: order_id
      type: int64
    - name: amount
      type: double
    - name: customer_name
      type: string
      tags: [pii]
    - name: customer_email
      type: string
      classification: restricted
      tags: [pii]
)";

inline constexpr std::string_view kMenuYaml = R"(name: menu
domain: marketing
owner: analytics
description: Dishes on offer
schema_version: 1.0.0
output_format: parquet
classification: internal
schema:
  fields:
    - name: dish
      type: string
    - name: chef_email
      type: string
      classification: confidential
      tags: [pii]
)";

inline constexpr Timestamp kTestNow{1'780'000'000'000'000};  // 2026-05-28T20:26:40Z

class AccessFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    auto catalog = SqliteCatalog::Open(scratch_ + "/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    catalog_ = std::move(*catalog);
    Publish("orders", "sales", "team-sales", kOrdersYaml);
    Publish("menu", "marketing", "analytics", kMenuYaml);
  }
  void TearDown() override {
    catalog_.reset();
    std::filesystem::remove_all(scratch_);
  }

  void Publish(const std::string& name, const std::string& domain, const std::string& owner,
               std::string_view yaml) {
    CommitVersionRequest request = MakeCommitRequest(name, "1.0.0", 0);
    request.product.domain = domain;
    request.product.owner = owner;
    request.version.descriptor_yaml = std::string(yaml);
    auto committed = catalog_->CommitVersion(request);
    ASSERT_TRUE(committed.ok()) << committed.status();
  }

  // A grant written straight into the catalog (the service's rules are tested on their own).
  int64_t StoreGrant(const std::string& product, const std::string& team, const std::string& level,
                     bool pii, std::optional<Timestamp> expires_at) {
    GrantRecord grant;
    grant.product = product;
    grant.team = team;
    grant.level = level;
    grant.pii = pii;
    grant.granted_by = "alice";
    grant.granted_at = Timestamp{kTestNow.micros - kMicrosPerDay};
    grant.expires_at = expires_at;
    AuditEntry audit{0, grant.granted_at, "alice", "access.grant", product, "ok", "", "", ""};
    auto id = catalog_->AddGrant(grant, audit);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ValueOr(0);
  }

  std::string scratch_;
  Organisation org_ = PersonaOrganisation();
  FixedClock clock_{kTestNow};
  std::unique_ptr<SqliteCatalog> catalog_;
};

}  // namespace mesh::access
