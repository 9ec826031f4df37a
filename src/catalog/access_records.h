// Access records kept by the Catalog (governance.md "Identity and access"): API tokens (only the
// SHA-256 of their secret), grants of a product's data to a team, and access requests with their
// decisions. Plain values; thread-compatible. The rules that decide who may create or use them
// live in src/access; the catalog stores them and keeps each change atomic with its audit entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace mesh {

struct TokenRecord {
  std::string id;             // public, names the token in list/revoke and the audit log
  std::string person;         // a person of mesh.yaml
  std::string secret_sha256;  // 64 lowercase hex characters; the secret itself is never stored
  std::string created_by;
  Timestamp created_at;
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> revoked_at;
  std::string revoked_by;  // empty unless revoked

  // Neither revoked nor expired at `now` (a token expires at its expires_at instant).
  bool IsUsable(Timestamp now) const;
};

// Data of one product granted to one team, up to a classification level.
struct GrantRecord {
  int64_t id = 0;  // assigned when added
  std::string product;
  std::string team;
  std::string level;  // the highest classification level covered ("confidential", "restricted")
  bool pii = false;   // also covers fields tagged pii, up to `level`
  std::string granted_by;
  Timestamp granted_at;
  std::optional<Timestamp> expires_at;
  std::optional<int64_t> request_id;  // the approved access request it came from
  std::optional<Timestamp> revoked_at;
  std::string revoked_by;  // empty unless revoked

  // Neither revoked nor expired at `now`.
  bool IsActive(Timestamp now) const;
};

enum class AccessRequestStatus { kPending, kApproved, kDenied };
std::string_view AccessRequestStatusName(AccessRequestStatus status);  // "pending", ...
std::optional<AccessRequestStatus> ParseAccessRequestStatus(std::string_view name);

// A person asks, for one of their teams, for a product's data up to a level, saying why.
struct AccessRequestRecord {
  int64_t id = 0;  // assigned when added
  std::string product;
  std::string team;
  std::string person;
  std::string purpose;
  std::string level;
  bool pii = false;
  AccessRequestStatus status = AccessRequestStatus::kPending;
  Timestamp requested_at;
  std::string decided_by;  // empty while pending
  std::optional<Timestamp> decided_at;
  std::string decision_note;        // the reason of a denial, an approver's remark
  std::optional<int64_t> grant_id;  // the grant an approval created
};

// The decision on a pending request. An approval carries the grant it creates (product, team,
// level and pii are the request's; the catalog fills request_id).
struct AccessDecision {
  int64_t request_id = 0;
  AccessRequestStatus status = AccessRequestStatus::kApproved;  // kApproved or kDenied
  std::string decided_by;
  Timestamp decided_at;
  std::string note;
  std::optional<GrantRecord> grant;  // required for an approval, absent for a denial
};

struct GrantFilter {
  std::optional<std::string> product;
  std::optional<std::string> team;
  bool include_revoked = false;  // expired grants are always listed: only a clock can tell
};

struct AccessRequestFilter {
  std::optional<std::string> product;
  std::optional<std::string> team;
  std::optional<std::string> person;
  std::optional<AccessRequestStatus> status;
};

}  // namespace mesh
