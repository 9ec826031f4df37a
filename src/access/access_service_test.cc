// AccessService: the request → approve/deny flow, direct grants and revocations, who may do
// each, what every change and denial leaves in the audit log.
#include "access/access_service.h"

#include <gtest/gtest.h>

#include "access/access_test_support.h"
#include "catalog/audit_chain.h"

namespace mesh::access {
namespace {

class AccessServiceTest : public AccessFixture {
 protected:
  void SetUp() override {
    AccessFixture::SetUp();
    authorizer_ = std::make_unique<Authorizer>(&org_, catalog_.get(), &clock_);
    service_ = std::make_unique<AccessService>(authorizer_.get(), catalog_.get(), &clock_);
  }

  Principal Who(const std::string& person) { return authorizer_->PrincipalFor(person).ValueOr({}); }

  AccessRequestRecord MustRequest(const std::string& person, AccessRequestInput input) {
    auto request = service_->Request(Who(person), input);
    EXPECT_TRUE(request.ok()) << request.status();
    return request.ValueOr(AccessRequestRecord{});
  }

  AuditEntry LastAudit() { return catalog_->ListAudit({}).ValueOr({}).back(); }

  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<AccessService> service_;
};

TEST_F(AccessServiceTest, RequestApprovedByAnOwnerGrantsRestrictedForNinetyDays) {
  AccessRequestRecord request =
      MustRequest("frank", {"orders", std::nullopt, "fraud investigation", std::nullopt, true});
  EXPECT_EQ(request.team, "support");
  EXPECT_EQ(request.level, "restricted") << "the highest level of the product's fields";
  EXPECT_EQ(request.status, AccessRequestStatus::kPending);
  EXPECT_EQ(LastAudit().action, "access.request");
  EXPECT_EQ(LastAudit().actor, "frank");
  EXPECT_EQ(authorizer_->Check(Who("frank"), Permission::kReadData, {"orders", nullptr}).code(),
            StatusCode::kPermissionDenied);

  auto approved = service_->Approve(Who("alice"), request.id, std::nullopt, "ok for Q3");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->status, AccessRequestStatus::kApproved);
  auto grant = catalog_->GetGrant(*approved->grant_id);
  ASSERT_TRUE(grant.ok());
  EXPECT_EQ(grant->level, "restricted");
  EXPECT_TRUE(grant->pii);
  EXPECT_EQ(grant->expires_at, Timestamp{kTestNow.micros + 90 * kMicrosPerDay});
  EXPECT_EQ(LastAudit().action, "access.approve");
  EXPECT_TRUE(authorizer_->Check(Who("frank"), Permission::kReadData, {"orders", nullptr}).ok());
  EXPECT_TRUE(
      authorizer_->Withheld(Who("frank"), {"orders", nullptr}).ValueOr({{"failed", ""}}).empty());

  clock_.Advance(90 * kMicrosPerDay);
  EXPECT_EQ(authorizer_->Check(Who("frank"), Permission::kReadData, {"orders", nullptr}).code(),
            StatusCode::kPermissionDenied)
      << "the grant expired";
  EXPECT_TRUE(service_->Approve(Who("bob"), request.id, std::nullopt, "").status().IsConflict());
}

TEST_F(AccessServiceTest, OnlyOwnersOrAnAdminDecideAndEveryRefusalIsAudited) {
  AccessRequestRecord request =
      MustRequest("frank", {"orders", std::nullopt, "reporting", "confidential", false});
  for (const char* person : {"erin", "carol", "dave", "frank"}) {
    SCOPED_TRACE(person);
    auto refused = service_->Approve(Who(person), request.id, std::nullopt, "");
    EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied) << refused.status();
    EXPECT_EQ(LastAudit().action, "access.approve");
    EXPECT_EQ(LastAudit().outcome, "denied");
    EXPECT_EQ(LastAudit().actor, person);
  }
  EXPECT_EQ(catalog_->GetAccessRequest(request.id).ValueOr({}).status,
            AccessRequestStatus::kPending);
  auto approved = service_->Approve(Who("root"), request.id, std::nullopt, "");
  ASSERT_TRUE(approved.ok()) << approved.status();
  auto grant = catalog_->GetGrant(*approved->grant_id);
  EXPECT_FALSE(grant->expires_at.has_value()) << "a confidential grant has no default expiry";
}

TEST_F(AccessServiceTest, NobodyApprovesTheirOwnRequest) {
  AccessRequestRecord request =
      MustRequest("root", {"orders", std::nullopt, "backfill check", "confidential", false});
  auto refused = service_->Approve(Who("root"), request.id, std::nullopt, "");
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(refused.status().message().find("another owner decides"), std::string::npos);
}

TEST_F(AccessServiceTest, DenialNeedsAReasonAndGrantsNothing) {
  AccessRequestRecord request =
      MustRequest("frank", {"orders", std::nullopt, "curiosity", std::nullopt, false});
  EXPECT_TRUE(service_->Deny(Who("alice"), request.id, " ").status().IsInvalidArgument());
  auto denied = service_->Deny(Who("alice"), request.id, "use the aggregate product");
  ASSERT_TRUE(denied.ok()) << denied.status();
  EXPECT_EQ(denied->status, AccessRequestStatus::kDenied);
  EXPECT_EQ(denied->decision_note, "use the aggregate product");
  EXPECT_TRUE(catalog_->ListGrants({}).ValueOr({}).empty());
  EXPECT_EQ(LastAudit().action, "access.deny");
  EXPECT_TRUE(service_->Approve(Who("bob"), request.id, std::nullopt, "").status().IsConflict());
}

TEST_F(AccessServiceTest, RequestsSayWhatIsMissingOrWrong) {
  auto who = Who("frank");
  EXPECT_TRUE(service_->Request(who, {"orders", std::nullopt, "", std::nullopt, false})
                  .status()
                  .IsInvalidArgument());
  auto wrong_team = service_->Request(who, {"orders", "finance", "x", std::nullopt, false});
  EXPECT_TRUE(wrong_team.status().IsInvalidArgument());
  EXPECT_NE(wrong_team.status().message().find("not a member of team finance"), std::string::npos);
  EXPECT_TRUE(service_->Request(who, {"nothing", std::nullopt, "x", std::nullopt, false})
                  .status()
                  .IsNotFound());
  EXPECT_TRUE(service_->Request(who, {"orders", std::nullopt, "x", "secret", false})
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(service_->Request(who, {"orders", std::nullopt, "x", "internal", false})
                  .status()
                  .IsInvalidArgument());
  auto owner = service_->Request(Who("alice"), {"orders", std::nullopt, "x", std::nullopt, false});
  EXPECT_NE(owner.status().message().find("is an owner of orders"), std::string::npos);
  AccessRequestRecord menu =
      MustRequest("frank", {"menu", std::nullopt, "chef contact list", std::nullopt, true});
  EXPECT_EQ(menu.level, "confidential");
  EXPECT_TRUE(catalog_->ListAccessRequests({}).ValueOr({}).size() == 1u);
}

TEST_F(AccessServiceTest, DirectGrantsBelowRestrictedAndRevocation) {
  auto grant = service_->Grant(Who("bob"), {"orders", "support", "confidential", true,
                                            Timestamp{kTestNow.micros + kMicrosPerDay}});
  ASSERT_TRUE(grant.ok()) << grant.status();
  EXPECT_EQ(LastAudit().action, "access.grant");
  EXPECT_EQ(LastAudit().outcome, "ok");
  EXPECT_EQ(authorizer_->Withheld(Who("frank"), {"orders", nullptr}).ValueOr({}).size(), 1u);

  auto restricted = service_->Grant(Who("bob"), {"orders", "support", "restricted", true, {}});
  EXPECT_EQ(restricted.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(restricted.status().message().find("only by approving an access request"),
            std::string::npos);
  EXPECT_EQ(LastAudit().outcome, "denied");
  auto outsider = service_->Grant(Who("carol"), {"orders", "analytics", "confidential", true, {}});
  EXPECT_EQ(outsider.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(LastAudit().actor, "carol");
  EXPECT_TRUE(service_->Grant(Who("bob"), {"orders", "nobody", "confidential", false, {}})
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(service_->Grant(Who("bob"), {"orders", "support", "public", false, {}})
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(service_->Grant(Who("bob"), {"orders", "support", "confidential", false, kTestNow})
                  .status()
                  .IsInvalidArgument());

  EXPECT_EQ(service_->Revoke(Who("erin"), grant->id, "").status().code(),
            StatusCode::kPermissionDenied);
  auto revoked = service_->Revoke(Who("alice"), grant->id, "project over");
  ASSERT_TRUE(revoked.ok()) << revoked.status();
  EXPECT_EQ(revoked->revoked_by, "alice");
  EXPECT_EQ(LastAudit().action, "access.revoke");
  EXPECT_EQ(authorizer_->Check(Who("frank"), Permission::kReadData, {"orders", nullptr}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Revoke(Who("alice"), grant->id, "").status().code(),
            StatusCode::kFailedPrecondition);

  AuditChainVerifier verifier;
  for (const AuditEntry& entry : catalog_->ListAudit({}).ValueOr({})) {
    ASSERT_TRUE(verifier.Add(entry).ok());
  }
  EXPECT_TRUE(verifier.intact());
}

}  // namespace
}  // namespace mesh::access
