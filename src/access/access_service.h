// AccessService: requests, approvals, denials, grants and revocations of access to a product's
// data (governance.md "Identity and access", docs/access.md), shared by the CLI (`mesh access`)
// and the server. Every permission goes through the Authorizer; every change and every denial is
// audited (actions access.request, access.approve, access.deny, access.grant, access.revoke;
// outcome "ok" or "denied"). Restricted levels are granted only by approving a request, and those
// grants expire (default kDefaultRequestOnlyGrantDays days).
// Thread-safe (the Authorizer and the Catalog are).
#pragma once

#include <optional>
#include <string>

#include "access/authorizer.h"
#include "catalog/catalog.h"

namespace mesh::access {

inline constexpr int64_t kDefaultRequestOnlyGrantDays = 90;

struct AccessRequestInput {
  std::string product;
  std::optional<std::string> team;   // default: the requester's only team
  std::string purpose;               // required
  std::optional<std::string> level;  // default: the highest level needed to read every field
  bool pii = false;
};

struct GrantInput {
  std::string product;
  std::string team;
  std::string level;
  bool pii = false;
  std::optional<Timestamp> expires_at;
};

class AccessService {
 public:
  AccessService(const Authorizer* authorizer, Catalog* catalog, const Clock* clock)
      : authorizer_(authorizer), catalog_(catalog), clock_(clock) {}

  // Any person, for one of their own teams, with a purpose; InvalidArgument names what is
  // missing or wrong (team, purpose, level).
  Result<AccessRequestRecord> Request(const Principal& who, const AccessRequestInput& input);
  // Owners of the product (or an admin), never the requester. A request-only level's grant
  // expires at `expires_at`, by default kDefaultRequestOnlyGrantDays after the approval.
  Result<AccessRequestRecord> Approve(const Principal& who, int64_t request_id,
                                      std::optional<Timestamp> expires_at, const std::string& note);
  Result<AccessRequestRecord> Deny(const Principal& who, int64_t request_id,
                                   const std::string& reason);
  // A grant without a request, for levels below the request-only ones.
  Result<GrantRecord> Grant(const Principal& who, const GrantInput& input);
  Result<GrantRecord> Revoke(const Principal& who, int64_t grant_id, const std::string& reason);

 private:
  // Audits a refusal and returns it; returns the audit's failure when it cannot be recorded.
  Status Refuse(const Principal& who, std::string_view action, std::string_view target,
                const Status& refusal);
  Status CheckManage(const Principal& who, std::string_view action, std::string_view product);
  Result<std::string> RequestedLevel(const Principal& who, const AccessRequestInput& input);
  Result<std::string> RequestTeam(const Principal& who, const AccessRequestInput& input);
  AuditEntry Audit(const Principal& who, std::string_view action, std::string_view target,
                   std::string details) const;

  const Authorizer* authorizer_;
  Catalog* catalog_;
  const Clock* clock_;
};

}  // namespace mesh::access
