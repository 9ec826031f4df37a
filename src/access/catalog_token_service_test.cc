// CatalogTokenService: creation shows the secret once and stores only its hash; Authenticate
// accepts exactly the issued, unexpired, unrevoked secret of a person still in mesh.yaml and
// gives the same answer for every other failure.
#include "access/catalog_token_service.h"

#include <gtest/gtest.h>

#include <set>

#include "access/access_test_support.h"
#include "base/sha256.h"

namespace mesh::access {
namespace {

class TokenServiceTest : public AccessFixture {
 protected:
  void SetUp() override {
    AccessFixture::SetUp();
    service_ = std::make_unique<CatalogTokenService>(&org_, catalog_.get(), &clock_);
  }

  CreatedToken MustCreate(const std::string& person, std::optional<Timestamp> expires = {}) {
    auto created = service_->Create(person, expires, "local-admin");
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ValueOr(CreatedToken{});
  }

  void ExpectRejected(const std::string& secret) {
    auto principal = service_->Authenticate(secret);
    ASSERT_EQ(principal.status().code(), StatusCode::kUnauthenticated) << secret;
    EXPECT_EQ(principal.status().message(),
              "the token is not valid (malformed, unknown, expired or revoked): ask an admin for "
              "a new one with `mesh token create`")
        << "every failure reads the same";
  }

  std::unique_ptr<CatalogTokenService> service_;
};

TEST_F(TokenServiceTest, CreatedTokenAuthenticatesAsItsPersonWithTeamsAndRoles) {
  CreatedToken token = MustCreate("dave");
  EXPECT_EQ(token.secret.size(), 5u + 12 + 1 + 64);
  EXPECT_EQ(token.secret.substr(0, 5 + 12), "mesh_" + token.info.id);
  EXPECT_EQ(token.info.person, "dave");
  EXPECT_EQ(token.info.created_at, kTestNow);
  auto principal = service_->Authenticate(token.secret);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->person, "dave");
  EXPECT_EQ(principal->teams, std::vector<std::string>{"governance"});
  EXPECT_TRUE(principal->HasRole("governance"));
}

TEST_F(TokenServiceTest, OnlyTheHashIsStoredAndCreationIsAudited) {
  CreatedToken token = MustCreate("carol");
  auto stored = catalog_->GetToken(token.info.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->secret_sha256, Sha256Hex(token.secret).ValueOr(""));
  EXPECT_EQ(stored->created_by, "local-admin");
  auto audit = catalog_->ListAudit({}).ValueOr({});
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().action, "token.create");
  EXPECT_EQ(audit.back().target, "token:" + token.info.id);
  EXPECT_EQ(audit.back().details.find(token.secret.substr(18)), std::string::npos)
      << "the secret never reaches the audit log";
}

TEST_F(TokenServiceTest, TokensAreDistinctAndRandom) {
  std::set<std::string> secrets;
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    CreatedToken token = MustCreate("carol");
    secrets.insert(token.secret);
    ids.insert(token.info.id);
  }
  EXPECT_EQ(secrets.size(), 20u);
  EXPECT_EQ(ids.size(), 20u);
}

TEST_F(TokenServiceTest, ExpiredTokenIsRejectedFromItsExpiryOn) {
  CreatedToken token = MustCreate("carol", Timestamp{kTestNow.micros + kMicrosPerHour});
  EXPECT_TRUE(service_->Authenticate(token.secret).ok());
  clock_.Advance(kMicrosPerHour - 1);
  EXPECT_TRUE(service_->Authenticate(token.secret).ok());
  clock_.Advance(1);
  ExpectRejected(token.secret);
}

TEST_F(TokenServiceTest, RevokedTokenIsRejectedAndRevocationIsAudited) {
  CreatedToken token = MustCreate("carol");
  CreatedToken other = MustCreate("carol");
  ASSERT_TRUE(service_->Revoke(token.info.id, "local-admin").ok());
  ExpectRejected(token.secret);
  EXPECT_TRUE(service_->Authenticate(other.secret).ok()) << "only the revoked token stops";
  EXPECT_EQ(service_->Revoke(token.info.id, "local-admin").code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(service_->Revoke("000000000000", "local-admin").IsNotFound());
  EXPECT_EQ(catalog_->ListAudit({}).ValueOr({}).back().action, "token.revoke");
  auto listed = service_->List(std::string("carol"));
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  for (const TokenInfo& info : *listed) {
    EXPECT_EQ(info.revoked_at.has_value(), info.id == token.info.id) << info.id;
  }
}

TEST_F(TokenServiceTest, TamperedUnknownAndMalformedSecretsAreRejected) {
  CreatedToken token = MustCreate("carol");
  std::string tampered = token.secret;
  tampered.back() = tampered.back() == 'a' ? 'b' : 'a';
  ExpectRejected(tampered);
  std::string other_id = token.secret;
  other_id[5] = other_id[5] == '0' ? '1' : '0';
  ExpectRejected(other_id);
  ExpectRejected("mesh_000000000000_" + std::string(64, '0'));
  ExpectRejected("");
  ExpectRejected("Bearer " + token.secret);
  ExpectRejected(token.secret + "0");
  ExpectRejected(token.secret.substr(0, token.secret.size() - 1));
  std::string upper = token.secret;
  upper.back() = 'A';
  ExpectRejected(upper);
  ExpectRejected("mesh_" + token.info.id);
  ExpectRejected(std::string("mesh_") + token.info.id + "_" + std::string(63, 'a') + '\0');
  EXPECT_TRUE(service_->Authenticate(token.secret).ok());
}

TEST_F(TokenServiceTest, TokenOfSomeoneWhoLeftMeshYamlStopsWorking) {
  CreatedToken token = MustCreate("frank");
  org_.teams[3].members.clear();  // support loses frank
  ExpectRejected(token.secret);
}

TEST_F(TokenServiceTest, CreationRefusesUnknownPeopleAndPastExpiries) {
  EXPECT_TRUE(
      service_->Create("mallory", std::nullopt, "local-admin").status().IsInvalidArgument());
  EXPECT_TRUE(service_->Create("carol", kTestNow, "local-admin").status().IsInvalidArgument());
  EXPECT_TRUE(catalog_->ListTokens(std::nullopt).ValueOr({}).empty());
}

TEST(TokenIdOfSecretTest, AcceptsOnlyTheExactShape) {
  const std::string good = "mesh_0123456789ab_" + std::string(64, 'f');
  EXPECT_EQ(TokenIdOfSecret(good), "0123456789ab");
  EXPECT_FALSE(TokenIdOfSecret("mesh-0123456789ab_" + std::string(64, 'f')));
  EXPECT_FALSE(TokenIdOfSecret("mesh_0123456789ab-" + std::string(64, 'f')));
  EXPECT_FALSE(TokenIdOfSecret("mesh_0123456789aB_" + std::string(64, 'f')));
  EXPECT_FALSE(TokenIdOfSecret("mesh_0123456789ab_" + std::string(64, 'g')));
  EXPECT_FALSE(TokenIdOfSecret("mesh_0123456789ab_" + std::string(65, 'f')));
}

TEST(RandomHexTest, GivesTwoDigitsPerByte) {
  auto hex = RandomHex(16);
  ASSERT_TRUE(hex.ok());
  EXPECT_EQ(hex->size(), 32u);
  EXPECT_NE(*hex, RandomHex(16).ValueOr(""));
}

}  // namespace
}  // namespace mesh::access
