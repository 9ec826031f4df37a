// The Authorizer's decision table: personas × permissions on one confidential product, grant
// expiry through the clock, and the fields withheld from each reader.
#include "access/authorizer.h"

#include <gtest/gtest.h>

#include "access/access_test_support.h"

namespace mesh::access {
namespace {

class AuthorizerTest : public AccessFixture {
 protected:
  void SetUp() override {
    AccessFixture::SetUp();
    authorizer_ = std::make_unique<Authorizer>(&org_, catalog_.get(), &clock_);
    StoreGrant("orders", "finance", "confidential", false, std::nullopt);
    // gina's team had a restricted grant with pii; it ended an hour ago.
    StoreGrant("orders", "audit-team", "restricted", true,
               Timestamp{kTestNow.micros - kMicrosPerHour});
  }

  Status Decide(const std::string& person, Permission permission,
                const std::string& product = "orders") {
    auto principal = authorizer_->PrincipalFor(person);
    EXPECT_TRUE(principal.ok()) << principal.status();
    if (!principal.ok()) return principal.status();
    return authorizer_->Check(*principal, permission, Resource{product, nullptr});
  }

  std::vector<std::string> WithheldNames(const std::string& person,
                                         const std::string& product = "orders") {
    auto principal = authorizer_->PrincipalFor(person);
    EXPECT_TRUE(principal.ok());
    auto withheld = authorizer_->Withheld(*principal, Resource{product, nullptr});
    EXPECT_TRUE(withheld.ok()) << withheld.status();
    std::vector<std::string> names;
    for (const WithheldField& field : withheld.ValueOr({})) names.push_back(field.field);
    return names;
  }

  std::unique_ptr<Authorizer> authorizer_;
};

struct Expectation {
  const char* persona;
  const char* person;
  bool read_data, publish, manage_access, governance, admin;
};

// admin and governance roles give no data: only owners and grants do.
constexpr Expectation kTable[] = {
    {"admin", "root", false, false, true, true, true},
    {"governance", "dave", false, false, false, true, false},
    {"owner of the domain", "alice", true, true, true, false, false},
    {"owner of another domain", "carol", false, false, false, false, false},
    {"consumer with grant", "erin", true, false, false, false, false},
    {"consumer without grant", "frank", false, false, false, false, false},
    {"consumer with expired grant", "gina", false, false, false, false, false},
};

TEST_F(AuthorizerTest, PersonasTimesPermissionsOnAConfidentialProduct) {
  for (const Expectation& row : kTable) {
    SCOPED_TRACE(row.persona);
    EXPECT_TRUE(Decide(row.person, Permission::kAuthenticated).ok());
    EXPECT_TRUE(Decide(row.person, Permission::kRequestAccess).ok());
    const std::pair<Permission, bool> cells[] = {{Permission::kReadData, row.read_data},
                                                 {Permission::kPublish, row.publish},
                                                 {Permission::kManageAccess, row.manage_access},
                                                 {Permission::kGovernance, row.governance},
                                                 {Permission::kAdmin, row.admin}};
    for (const auto& [permission, allowed] : cells) {
      Status decision = Decide(row.person, permission);
      if (allowed) {
        EXPECT_TRUE(decision.ok()) << PermissionName(permission) << ": " << decision;
      } else {
        EXPECT_EQ(decision.code(), StatusCode::kPermissionDenied)
            << PermissionName(permission) << ": " << decision;
      }
    }
  }
}

TEST_F(AuthorizerTest, DenialsSayWhatIsMissing) {
  Status frank = Decide("frank", Permission::kReadData);
  EXPECT_NE(frank.message().find("needs an active grant of confidential to one of the teams "
                                 "support"),
            std::string::npos)
      << frank;
  EXPECT_NE(frank.message().find("mesh access request orders --as frank"), std::string::npos);
  EXPECT_NE(frank.message().find("team-sales"), std::string::npos) << "names who to ask";
  Status gina = Decide("gina", Permission::kReadData);
  EXPECT_NE(gina.message().find("to audit-team expired on"), std::string::npos) << gina;
  Status carol = Decide("carol", Permission::kPublish);
  EXPECT_NE(carol.message().find("only members of team-sales"), std::string::npos) << carol;
  Status dave = Decide("dave", Permission::kAdmin);
  EXPECT_NE(dave.message().find("needs the admin role"), std::string::npos) << dave;
}

TEST_F(AuthorizerTest, GrantExpiresAtItsInstantOnTheClock) {
  StoreGrant("orders", "support", "confidential", false,
             Timestamp{kTestNow.micros + kMicrosPerDay});
  EXPECT_TRUE(Decide("frank", Permission::kReadData).ok());
  clock_.Advance(kMicrosPerDay - 1);
  EXPECT_TRUE(Decide("frank", Permission::kReadData).ok());
  clock_.Advance(1);
  EXPECT_EQ(Decide("frank", Permission::kReadData).code(), StatusCode::kPermissionDenied);
}

TEST_F(AuthorizerTest, RevokedGrantNoLongerCounts) {
  int64_t id = StoreGrant("orders", "support", "confidential", false, std::nullopt);
  EXPECT_TRUE(Decide("frank", Permission::kReadData).ok());
  AuditEntry audit{0, kTestNow, "alice", "access.revoke", "orders", "ok", "", "", ""};
  ASSERT_TRUE(catalog_->RevokeGrant(id, "alice", kTestNow, audit).ok());
  Status denied = Decide("frank", Permission::kReadData);
  EXPECT_EQ(denied.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(denied.message().find("was revoked"), std::string::npos) << denied;
}

TEST_F(AuthorizerTest, GrantToAnotherProductOrTeamDoesNotCount) {
  StoreGrant("menu", "support", "restricted", true, std::nullopt);
  EXPECT_EQ(Decide("frank", Permission::kReadData).code(), StatusCode::kPermissionDenied);
}

TEST_F(AuthorizerTest, WithheldFieldsFollowTheReadersGrants) {
  EXPECT_TRUE(WithheldNames("alice").empty()) << "owners see every field, pii included";
  EXPECT_TRUE(WithheldNames("bob").empty());
  // erin's grant covers confidential without pii: the pii fields and the restricted one go.
  EXPECT_EQ(WithheldNames("erin"), (std::vector<std::string>{"customer_name", "customer_email"}));
  StoreGrant("orders", "finance", "confidential", true, std::nullopt);
  EXPECT_EQ(WithheldNames("erin"), (std::vector<std::string>{"customer_email"}));
  StoreGrant("orders", "finance", "restricted", true, Timestamp{kTestNow.micros + kMicrosPerDay});
  EXPECT_TRUE(WithheldNames("erin").empty());
  clock_.Advance(kMicrosPerDay);
  EXPECT_EQ(WithheldNames("erin"), (std::vector<std::string>{"customer_email"}))
      << "the restricted grant expired";
}

TEST_F(AuthorizerTest, RestrictedGrantWithoutPiiStillWithholdsPiiFields) {
  StoreGrant("orders", "support", "restricted", false, std::nullopt);
  EXPECT_EQ(WithheldNames("frank"), (std::vector<std::string>{"customer_name", "customer_email"}));
  auto principal = authorizer_->PrincipalFor("frank");
  auto withheld = authorizer_->Withheld(*principal, Resource{"orders", nullptr});
  ASSERT_TRUE(withheld.ok());
  EXPECT_EQ(withheld->front().reason,
            "tagged pii at confidential; no active grant covering pii to support");
}

TEST_F(AuthorizerTest, InternalProductIsReadByEveryoneButItsConfidentialPiiFieldIsWithheld) {
  for (const char* person : {"root", "dave", "alice", "erin", "frank"}) {
    SCOPED_TRACE(person);
    EXPECT_TRUE(Decide(person, Permission::kReadData, "menu").ok());
    EXPECT_EQ(WithheldNames(person, "menu"), (std::vector<std::string>{"chef_email"}));
  }
  EXPECT_TRUE(WithheldNames("carol", "menu").empty()) << "carol's team owns marketing";
  auto principal = authorizer_->PrincipalFor("frank");
  auto withheld = authorizer_->Withheld(*principal, Resource{"menu", nullptr});
  ASSERT_TRUE(withheld.ok());
  EXPECT_EQ(withheld->front().reason, "classified confidential; no active grant to support");
}

TEST_F(AuthorizerTest, UnknownPeopleAndProductsAreRefused) {
  EXPECT_TRUE(authorizer_->PrincipalFor("mallory").status().IsNotFound());
  Principal forged{"mallory", {"team-sales"}, {"admin"}};
  EXPECT_EQ(authorizer_->Check(forged, Permission::kAuthenticated, {}).code(),
            StatusCode::kPermissionDenied);
  // Teams and roles come from mesh.yaml, not from the principal value.
  Principal inflated{"frank", {"team-sales"}, {"admin"}};
  EXPECT_EQ(authorizer_->Check(inflated, Permission::kAdmin, {}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(authorizer_->Check(inflated, Permission::kReadData, Resource{"orders", nullptr}).code(),
            StatusCode::kPermissionDenied);
  auto alice = authorizer_->PrincipalFor("alice");
  EXPECT_TRUE(
      authorizer_->Check(*alice, Permission::kReadData, Resource{"nothing", nullptr}).IsNotFound());
}

TEST_F(AuthorizerTest, ProductWithoutOrWithAnUnknownLevelCountsAsTheHighest) {
  Descriptor descriptor;
  descriptor.name = "secretive";
  descriptor.domain = "sales";
  descriptor.owner = "team-sales";
  Field field;
  field.name = "x";
  descriptor.schema.fields = {field};
  StoreGrant("secretive", "support", "confidential", false, std::nullopt);
  auto frank = authorizer_->PrincipalFor("frank");
  Resource resource{"secretive", &descriptor};
  EXPECT_EQ(authorizer_->Check(*frank, Permission::kReadData, resource).code(),
            StatusCode::kPermissionDenied);
  descriptor.classification = "top-secret";
  EXPECT_EQ(authorizer_->Check(*frank, Permission::kReadData, resource).code(),
            StatusCode::kPermissionDenied);
  StoreGrant("secretive", "support", "restricted", false, std::nullopt);
  EXPECT_TRUE(authorizer_->Check(*frank, Permission::kReadData, resource).ok());
  auto alice = authorizer_->PrincipalFor("alice");
  EXPECT_TRUE(authorizer_->Check(*alice, Permission::kPublish, resource).ok())
      << "a descriptor not yet in the catalog decides by its own domain and owner";
}

TEST(AccessLevelsTest, DefaultTaxonomyAndCustomOnes) {
  AccessLevels levels = AccessLevels::Default();
  EXPECT_TRUE(levels.IsOpen("public"));
  EXPECT_TRUE(levels.IsOpen("internal"));
  EXPECT_FALSE(levels.IsOpen("confidential"));
  EXPECT_FALSE(levels.NeedsRequest("confidential"));
  EXPECT_TRUE(levels.NeedsRequest("restricted"));
  EXPECT_FALSE(levels.IsOpen("unknown"));
  EXPECT_TRUE(levels.NeedsRequest(""));
  AccessLevels custom = AccessLevels::FromTaxonomy({"open", "team", "secret", "top"});
  EXPECT_TRUE(custom.IsOpen("team"));
  EXPECT_FALSE(custom.IsOpen("secret"));
  EXPECT_FALSE(custom.NeedsRequest("secret"));
  EXPECT_TRUE(custom.NeedsRequest("top"));
  AccessLevels five =
      AccessLevels::FromTaxonomy({"public", "internal", "confidential", "restricted", "sealed"});
  EXPECT_TRUE(five.NeedsRequest("sealed"));
  EXPECT_FALSE(five.NeedsRequest("confidential"));
}

TEST(PermissionTest, NamesRoundTrip) {
  for (Permission permission :
       {Permission::kAuthenticated, Permission::kReadData, Permission::kPublish,
        Permission::kManageAccess, Permission::kRequestAccess, Permission::kGovernance,
        Permission::kAdmin}) {
    EXPECT_EQ(ParsePermission(PermissionName(permission)), permission);
  }
  EXPECT_FALSE(ParsePermission("root").has_value());
}

}  // namespace
}  // namespace mesh::access
