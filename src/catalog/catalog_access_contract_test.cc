// The Catalog contract for access records and the audit hash chain. These are TEST_Ps of
// CatalogContractTest, so every implementation that instantiates the contract suite runs them.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "catalog/audit_chain.h"
#include "catalog/catalog_contract_test.h"

namespace mesh {
namespace {

AuditEntry Audit(const std::string& actor, const std::string& action, const std::string& target) {
  return AuditEntry{0, Timestamp{1'000'000}, actor, action, target, "ok", "", "", ""};
}

TokenRecord Token(const std::string& id, const std::string& person) {
  TokenRecord token;
  token.id = id;
  token.person = person;
  token.secret_sha256 = std::string(64, 'b');
  token.created_by = "local-admin";
  token.created_at = Timestamp{10'000'000};
  return token;
}

GrantRecord Grant(const std::string& product, const std::string& team, const std::string& level) {
  GrantRecord grant;
  grant.product = product;
  grant.team = team;
  grant.level = level;
  grant.granted_by = "alice";
  grant.granted_at = Timestamp{20'000'000};
  return grant;
}

AccessRequestRecord Request(const std::string& product, const std::string& team) {
  AccessRequestRecord request;
  request.product = product;
  request.team = team;
  request.person = "carol";
  request.purpose = "monthly churn model";
  request.level = "restricted";
  request.pii = true;
  request.requested_at = Timestamp{30'000'000};
  return request;
}

AccessDecision Approval(int64_t request_id, const AccessRequestRecord& request) {
  AccessDecision decision;
  decision.request_id = request_id;
  decision.status = AccessRequestStatus::kApproved;
  decision.decided_by = "alice";
  decision.decided_at = Timestamp{40'000'000};
  GrantRecord grant = Grant(request.product, request.team, request.level);
  grant.pii = request.pii;
  grant.expires_at = Timestamp{50'000'000};
  decision.grant = grant;
  return decision;
}

// Walks the whole log through the interface.
AuditChainVerifier VerifyLog(Catalog& catalog) {
  AuditChainVerifier verifier;
  int64_t after = 0;
  while (true) {
    auto page = catalog.ListAudit({after, {}, {}, 100});
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok() || page->empty()) break;
    for (const AuditEntry& entry : *page) EXPECT_TRUE(verifier.Add(entry).ok());
    after = page->back().sequence;
  }
  return verifier;
}

TEST_P(CatalogContractTest, AccessTokensAreStoredListedAndRevokedWithTheirAudit) {
  ASSERT_TRUE(
      catalog_->AddToken(Token("t1", "carol"), Audit("local-admin", "token.create", "t1")).ok());
  TokenRecord expiring = Token("t2", "alice");
  expiring.expires_at = Timestamp{99'000'000};
  ASSERT_TRUE(catalog_->AddToken(expiring, Audit("local-admin", "token.create", "t2")).ok());
  EXPECT_EQ(
      catalog_->AddToken(Token("t1", "bob"), Audit("local-admin", "token.create", "t1")).code(),
      StatusCode::kAlreadyExists);

  auto got = catalog_->GetToken("t2");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->person, "alice");
  EXPECT_EQ(got->secret_sha256, std::string(64, 'b'));
  EXPECT_EQ(got->created_by, "local-admin");
  EXPECT_EQ(got->created_at, Timestamp{10'000'000});
  EXPECT_EQ(got->expires_at, Timestamp{99'000'000});
  EXPECT_FALSE(got->revoked_at.has_value());
  EXPECT_TRUE(catalog_->GetToken("nope").status().IsNotFound());
  EXPECT_EQ(catalog_->ListTokens(std::nullopt).ValueOr({}).size(), 2u);
  auto carols = catalog_->ListTokens(std::string("carol")).ValueOr({});
  ASSERT_EQ(carols.size(), 1u);
  EXPECT_EQ(carols[0].id, "t1");

  ASSERT_TRUE(catalog_
                  ->RevokeToken("t1", "local-admin", Timestamp{12'000'000},
                                Audit("local-admin", "token.revoke", "t1"))
                  .ok());
  auto revoked = OpenAnother()->GetToken("t1");
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(revoked->revoked_at, Timestamp{12'000'000});
  EXPECT_EQ(revoked->revoked_by, "local-admin");
  EXPECT_FALSE(revoked->IsUsable(Timestamp{13'000'000}));
  EXPECT_EQ(
      catalog_->RevokeToken("t1", "x", Timestamp{13'000'000}, Audit("x", "token.revoke", "t1"))
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_TRUE(
      catalog_->RevokeToken("nope", "x", Timestamp{13'000'000}, Audit("x", "token.revoke", "nope"))
          .IsNotFound());
  auto audit = catalog_->ListAudit({}).ValueOr({});
  ASSERT_EQ(audit.size(), 3u) << "two creations and one revocation; failures write nothing";
  EXPECT_EQ(audit[2].action, "token.revoke");
}

TEST_P(CatalogContractTest, AccessGrantsAreFilteredAndRevoked) {
  auto first = catalog_->AddGrant(Grant("orders", "analytics", "confidential"),
                                  Audit("alice", "access.grant", "orders"));
  ASSERT_TRUE(first.ok()) << first.status();
  GrantRecord with_pii = Grant("orders", "finance", "restricted");
  with_pii.pii = true;
  with_pii.expires_at = Timestamp{90'000'000};
  auto second = catalog_->AddGrant(with_pii, Audit("alice", "access.grant", "orders"));
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(catalog_
                  ->AddGrant(Grant("missions", "analytics", "confidential"),
                             Audit("alice", "access.grant", "missions"))
                  .ok());
  EXPECT_NE(*first, *second);

  auto got = catalog_->GetGrant(*second);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->team, "finance");
  EXPECT_EQ(got->level, "restricted");
  EXPECT_TRUE(got->pii);
  EXPECT_EQ(got->expires_at, Timestamp{90'000'000});
  EXPECT_FALSE(got->request_id.has_value());
  EXPECT_TRUE(got->IsActive(Timestamp{89'999'999}));
  EXPECT_FALSE(got->IsActive(Timestamp{90'000'000})) << "a grant ends at its expiry instant";

  EXPECT_EQ(catalog_->ListGrants({}).ValueOr({}).size(), 3u);
  EXPECT_EQ(catalog_->ListGrants({"orders", {}, false}).ValueOr({}).size(), 2u);
  EXPECT_EQ(catalog_->ListGrants({{}, "analytics", false}).ValueOr({}).size(), 2u);
  EXPECT_EQ(catalog_->ListGrants({"orders", "analytics", false}).ValueOr({}).size(), 1u);

  ASSERT_TRUE(catalog_
                  ->RevokeGrant(*first, "bob", Timestamp{25'000'000},
                                Audit("bob", "access.revoke", "orders"))
                  .ok());
  EXPECT_EQ(catalog_->ListGrants({"orders", {}, false}).ValueOr({}).size(), 1u);
  auto all = OpenAnother()->ListGrants({"orders", {}, true}).ValueOr({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].revoked_at, Timestamp{25'000'000});
  EXPECT_EQ(all[0].revoked_by, "bob");
  EXPECT_EQ(catalog_
                ->RevokeGrant(*first, "bob", Timestamp{26'000'000},
                              Audit("bob", "access.revoke", "orders"))
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(
      catalog_
          ->RevokeGrant(999, "bob", Timestamp{26'000'000}, Audit("bob", "access.revoke", "orders"))
          .IsNotFound());
  EXPECT_TRUE(catalog_->GetGrant(999).status().IsNotFound());
}

TEST_P(CatalogContractTest, AccessChangeAndItsAuditEntryAreAllOrNothing) {
  AuditEntry invalid = Audit("", "access.grant", "orders");  // an audit entry needs an actor
  EXPECT_FALSE(catalog_->AddGrant(Grant("orders", "analytics", "confidential"), invalid).ok());
  EXPECT_TRUE(catalog_->ListGrants({}).ValueOr({}).empty());
  EXPECT_FALSE(catalog_->AddToken(Token("t1", "carol"), invalid).ok());
  EXPECT_TRUE(catalog_->GetToken("t1").status().IsNotFound());
  EXPECT_FALSE(catalog_->AddAccessRequest(Request("orders", "analytics"), invalid).ok());
  EXPECT_TRUE(catalog_->ListAccessRequests({}).ValueOr({}).empty());

  auto id = catalog_->AddAccessRequest(Request("orders", "analytics"),
                                       Audit("carol", "access.request", "orders"));
  ASSERT_TRUE(id.ok());
  EXPECT_FALSE(
      catalog_->DecideAccessRequest(Approval(*id, Request("orders", "analytics")), invalid).ok());
  auto still = catalog_->GetAccessRequest(*id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->status, AccessRequestStatus::kPending);
  EXPECT_TRUE(catalog_->ListGrants({}).ValueOr({}).empty());
  EXPECT_TRUE(catalog_->ListAudit({}).ValueOr({}).size() == 1u);
}

TEST_P(CatalogContractTest, AccessRequestApprovalRecordsItsGrantAndDenialDoesNot) {
  AccessRequestRecord asked = Request("orders", "analytics");
  auto first = catalog_->AddAccessRequest(asked, Audit("carol", "access.request", "orders"));
  auto second = catalog_->AddAccessRequest(Request("missions", "analytics"),
                                           Audit("carol", "access.request", "missions"));
  ASSERT_TRUE(first.ok() && second.ok());
  auto pending = catalog_->GetAccessRequest(*first);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->status, AccessRequestStatus::kPending);
  EXPECT_EQ(pending->purpose, "monthly churn model");
  EXPECT_EQ(pending->level, "restricted");
  EXPECT_TRUE(pending->pii);
  EXPECT_EQ(pending->requested_at, Timestamp{30'000'000});
  EXPECT_FALSE(pending->grant_id.has_value());

  auto approved = catalog_->DecideAccessRequest(Approval(*first, asked),
                                                Audit("alice", "access.approve", "orders"));
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->status, AccessRequestStatus::kApproved);
  EXPECT_EQ(approved->decided_by, "alice");
  EXPECT_EQ(approved->decided_at, Timestamp{40'000'000});
  ASSERT_TRUE(approved->grant_id.has_value());
  auto grant = catalog_->GetGrant(*approved->grant_id);
  ASSERT_TRUE(grant.ok());
  EXPECT_EQ(grant->request_id, *first);
  EXPECT_EQ(grant->product, "orders");
  EXPECT_EQ(grant->level, "restricted");
  EXPECT_TRUE(grant->pii);
  EXPECT_EQ(grant->expires_at, Timestamp{50'000'000});

  auto again = catalog_->DecideAccessRequest(Approval(*first, asked),
                                             Audit("bob", "access.approve", "orders"));
  EXPECT_TRUE(again.status().IsConflict()) << again.status();

  AccessDecision denial;
  denial.request_id = *second;
  denial.status = AccessRequestStatus::kDenied;
  denial.decided_by = "bob";
  denial.decided_at = Timestamp{41'000'000};
  denial.note = "aggregate product exists";
  auto denied = catalog_->DecideAccessRequest(denial, Audit("bob", "access.deny", "missions"));
  ASSERT_TRUE(denied.ok()) << denied.status();
  EXPECT_EQ(denied->status, AccessRequestStatus::kDenied);
  EXPECT_EQ(denied->decision_note, "aggregate product exists");
  EXPECT_FALSE(denied->grant_id.has_value());
  EXPECT_EQ(catalog_->ListGrants({}).ValueOr({}).size(), 1u);

  AccessDecision approval_without_grant = Approval(*second, asked);
  approval_without_grant.grant.reset();
  EXPECT_TRUE(catalog_->DecideAccessRequest(approval_without_grant, Audit("a", "b", "c"))
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(catalog_->DecideAccessRequest(Approval(999, asked), Audit("a", "b", "c"))
                  .status()
                  .IsNotFound());

  EXPECT_EQ(catalog_->ListAccessRequests({}).ValueOr({}).size(), 2u);
  AccessRequestFilter only_denied;
  only_denied.status = AccessRequestStatus::kDenied;
  auto denied_list = catalog_->ListAccessRequests(only_denied).ValueOr({});
  ASSERT_EQ(denied_list.size(), 1u);
  EXPECT_EQ(denied_list[0].product, "missions");
  AccessRequestFilter by_product;
  by_product.product = "orders";
  by_product.person = "carol";
  EXPECT_EQ(catalog_->ListAccessRequests(by_product).ValueOr({}).size(), 1u);
  by_product.person = "dave";
  EXPECT_TRUE(catalog_->ListAccessRequests(by_product).ValueOr({}).empty());
}

TEST_P(CatalogContractTest, AccessRequestDecidedByTwoHandlesAtOnceHasOneWinner) {
  AccessRequestRecord asked = Request("orders", "analytics");
  auto id = catalog_->AddAccessRequest(asked, Audit("carol", "access.request", "orders"));
  ASSERT_TRUE(id.ok());
  std::vector<std::unique_ptr<Catalog>> handles;
  for (int i = 0; i < 4; ++i) handles.push_back(OpenAnother());
  std::atomic<int> won{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (auto& handle : handles) {
    threads.emplace_back([&, catalog = handle.get()] {
      auto decided = catalog->DecideAccessRequest(Approval(*id, asked),
                                                  Audit("alice", "access.approve", "orders"));
      if (decided.ok()) ++won;
      if (decided.status().IsConflict()) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicts.load(), 3);
  EXPECT_EQ(catalog_->ListGrants({}).ValueOr({}).size(), 1u);
}

TEST_P(CatalogContractTest, AuditChainLinksEveryEntryWrittenByAnyChange) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  ASSERT_TRUE(catalog_->AppendAudit(Audit("carol", "read", "p_one@1.0.0#1")).ok());
  ASSERT_TRUE(
      catalog_->AddToken(Token("t1", "carol"), Audit("local-admin", "token.create", "t1")).ok());
  ASSERT_TRUE(catalog_
                  ->AddGrant(Grant("p_one", "analytics", "confidential"),
                             Audit("alice", "access.grant", "p_one"))
                  .ok());
  auto log = catalog_->ListAudit({}).ValueOr({});
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].prev_hash, kAuditGenesisHash);
  for (size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].sequence, static_cast<int64_t>(i + 1));
    EXPECT_EQ(log[i].hash, AuditEntryHash(log[i]).ValueOr(""));
    if (i > 0) {
      EXPECT_EQ(log[i].prev_hash, log[i - 1].hash);
    }
  }
  AuditChainVerifier verifier = VerifyLog(*catalog_);
  EXPECT_TRUE(verifier.intact());
  EXPECT_EQ(verifier.entries(), 4);
  EXPECT_EQ(verifier.head_hash(), log.back().hash);
}

TEST_P(CatalogContractTest, AuditChainStaysOneChainUnderConcurrentAppends) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20;
  std::vector<std::unique_ptr<Catalog>> handles;
  for (int i = 0; i < kThreads; ++i) handles.push_back(OpenAnother());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        AuditEntry entry = Audit("writer" + std::to_string(t), "read", "p" + std::to_string(i));
        if (!handles[t]->AppendAudit(entry).ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  AuditChainVerifier verifier = VerifyLog(*catalog_);
  EXPECT_TRUE(verifier.intact()) << (verifier.problems().empty()
                                         ? ""
                                         : verifier.problems().front().message);
  EXPECT_EQ(verifier.entries(), kThreads * kPerThread);
  EXPECT_EQ(verifier.head_sequence(), kThreads * kPerThread);
}

}  // namespace
}  // namespace mesh
