// PostgresCatalog's access records (catalog.h "Access"; schema migration 3 in postgres_schema.cc).
// Changes that check a row before changing it (a revocation, a decision) lock that row first
// (SELECT ... FOR UPDATE), so that of two servers deciding at once the second sees the first.
#include "catalog/postgres_catalog.h"
#include "catalog/postgres_catalog_internal.h"

namespace mesh {
namespace {

const std::string kTokenColumns =
    "SELECT id, person, secret_sha256, created_by, created_at, expires_at, revoked_at, "
    "revoked_by FROM access_tokens ";

const std::string kGrantColumns =
    "SELECT id, product, team, level, pii, granted_by, granted_at, expires_at, request_id, "
    "revoked_at, revoked_by FROM access_grants ";

const std::string kRequestColumns =
    "SELECT r.id, r.product, r.team, r.person, r.purpose, r.level, r.pii, r.status, "
    "r.requested_at, r.decided_by, r.decided_at, r.decision_note, g.id "
    "FROM access_requests r LEFT JOIN access_grants g ON g.request_id = r.id ";

std::optional<Timestamp> OptionalTime(const pqxx::field& field) {
  if (auto micros = PgOptionalInt(field)) return Timestamp{*micros};
  return std::nullopt;
}

std::optional<int64_t> Micros(const std::optional<Timestamp>& time) {
  return time ? std::optional<int64_t>(time->micros) : std::nullopt;
}

std::optional<std::string> Text(const std::optional<std::string>& text) { return text; }

TokenRecord ReadToken(const pqxx::row& row) {
  TokenRecord token;
  token.id = PgText(row[0]);
  token.person = PgText(row[1]);
  token.secret_sha256 = PgText(row[2]);
  token.created_by = PgText(row[3]);
  token.created_at = Timestamp{PgInt(row[4])};
  token.expires_at = OptionalTime(row[5]);
  token.revoked_at = OptionalTime(row[6]);
  token.revoked_by = PgText(row[7]);
  return token;
}

GrantRecord ReadGrant(const pqxx::row& row) {
  GrantRecord grant;
  grant.id = PgInt(row[0]);
  grant.product = PgText(row[1]);
  grant.team = PgText(row[2]);
  grant.level = PgText(row[3]);
  grant.pii = PgText(row[4]) == "t";
  grant.granted_by = PgText(row[5]);
  grant.granted_at = Timestamp{PgInt(row[6])};
  grant.expires_at = OptionalTime(row[7]);
  grant.request_id = PgOptionalInt(row[8]);
  grant.revoked_at = OptionalTime(row[9]);
  grant.revoked_by = PgText(row[10]);
  return grant;
}

AccessRequestRecord ReadRequest(const pqxx::row& row) {
  AccessRequestRecord request;
  request.id = PgInt(row[0]);
  request.product = PgText(row[1]);
  request.team = PgText(row[2]);
  request.person = PgText(row[3]);
  request.purpose = PgText(row[4]);
  request.level = PgText(row[5]);
  request.pii = PgText(row[6]) == "t";
  request.status = ParseAccessRequestStatus(PgText(row[7])).value_or(AccessRequestStatus::kDenied);
  request.requested_at = Timestamp{PgInt(row[8])};
  request.decided_by = PgText(row[9]);
  request.decided_at = OptionalTime(row[10]);
  request.decision_note = PgText(row[11]);
  request.grant_id = PgOptionalInt(row[12]);
  return request;
}

template <typename Record, typename Reader>
std::vector<Record> ReadAll(const pqxx::result& rows, Reader read) {
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const pqxx::row& row : rows) out.push_back(read(row));
  return out;
}

Status TokenNotFound(std::string_view id) {
  return Status::NotFound("token " + std::string(id) +
                          " does not exist: list them with `mesh token list`");
}

Status GrantNotFound(int64_t id) {
  return Status::NotFound("grant " + std::to_string(id) +
                          " does not exist: list them with `mesh access list`");
}

Status RequestNotFound(int64_t id) {
  return Status::NotFound("access request " + std::to_string(id) +
                          " does not exist: list them with `mesh access list --all`");
}

int64_t InsertGrant(pqxx::transaction_base& transaction, const GrantRecord& grant) {
  return PgInt(ExecPrepared(transaction, "access_insert_grant",
                            PostgresParams()
                                .Add(grant.product)
                                .Add(grant.team)
                                .Add(grant.level)
                                .Add(grant.pii ? "true" : "false")
                                .Add(grant.granted_by)
                                .Add(grant.granted_at.micros)
                                .Add(Micros(grant.expires_at))
                                .Add(grant.request_id))
                   .at(0)[0]);
}

}  // namespace

const std::map<std::string, std::string>& PostgresAccessStatements() {
  static const auto* statements = new std::map<std::string, std::string>{
      {"access_token_exists", "SELECT 1 FROM access_tokens WHERE id = $1"},
      {"access_insert_token",
       "INSERT INTO access_tokens (id, person, secret_sha256, created_by, created_at, "
       "expires_at) VALUES ($1, $2, $3, $4, $5, $6)"},
      {"access_get_token", kTokenColumns + "WHERE id = $1"},
      {"access_lock_token", kTokenColumns + "WHERE id = $1 FOR UPDATE"},
      {"access_list_tokens",
       kTokenColumns + "WHERE $1::text IS NULL OR person = $1::text ORDER BY created_at, id"},
      {"access_revoke_token",
       "UPDATE access_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1"},
      {"access_insert_grant",
       "INSERT INTO access_grants (product, team, level, pii, granted_by, granted_at, "
       "expires_at, request_id) VALUES ($1, $2, $3, $4::boolean, $5, $6, $7, $8) RETURNING id"},
      {"access_get_grant", kGrantColumns + "WHERE id = $1"},
      {"access_lock_grant", kGrantColumns + "WHERE id = $1 FOR UPDATE"},
      {"access_list_grants",
       kGrantColumns +
           "WHERE ($1::text IS NULL OR product = $1::text) AND ($2::text IS NULL OR team = "
           "$2::text) AND ($3::bigint = 1 OR revoked_at IS NULL) ORDER BY id"},
      {"access_revoke_grant",
       "UPDATE access_grants SET revoked_at = $2, revoked_by = $3 WHERE id = $1"},
      {"access_insert_request",
       "INSERT INTO access_requests (product, team, person, purpose, level, pii, status, "
       "requested_at) VALUES ($1, $2, $3, $4, $5, $6::boolean, 'pending', $7) RETURNING id"},
      {"access_get_request", kRequestColumns + "WHERE r.id = $1"},
      {"access_lock_request",
       "SELECT status, decided_by FROM access_requests WHERE id = $1 "
       "FOR UPDATE"},
      {"access_list_requests",
       kRequestColumns +
           "WHERE ($1::text IS NULL OR r.product = $1::text) AND ($2::text IS NULL OR r.team = "
           "$2::text) AND ($3::text IS NULL OR r.person = $3::text) AND ($4::text IS NULL OR "
           "r.status = $4::text) ORDER BY r.id"},
      {"access_decide_request",
       "UPDATE access_requests SET status = $2, decided_by = $3, decided_at = $4, "
       "decision_note = $5 WHERE id = $1"},
  };
  return *statements;
}

Status PostgresCatalog::AddToken(const TokenRecord& token, const AuditEntry& audit) {
  return pool_->Write("record token " + token.id, [&](pqxx::work& transaction) -> Status {
    if (!ExecPrepared(transaction, "access_token_exists", PostgresParams().Add(token.id)).empty()) {
      return Status::AlreadyExists("token id " + token.id + " is already taken");
    }
    ExecPrepared(transaction, "access_insert_token",
                 PostgresParams()
                     .Add(token.id)
                     .Add(token.person)
                     .Add(token.secret_sha256)
                     .Add(token.created_by)
                     .Add(token.created_at.micros)
                     .Add(Micros(token.expires_at)));
    PostgresInsertAudit(transaction, audit);
    return Status::OK();
  });
}

Result<TokenRecord> PostgresCatalog::GetToken(std::string_view id) {
  std::optional<TokenRecord> token;
  RETURN_NOT_OK(pool_->Read("read token", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "access_get_token", PostgresParams().Add(id));
    if (!rows.empty()) token = ReadToken(rows[0]);
    return Status::OK();
  }));
  if (!token) return TokenNotFound(id);
  return *std::move(token);
}

Result<std::vector<TokenRecord>> PostgresCatalog::ListTokens(
    const std::optional<std::string>& person) {
  std::vector<TokenRecord> out;
  RETURN_NOT_OK(pool_->Read("list tokens", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<TokenRecord>(
        ExecPrepared(transaction, "access_list_tokens", PostgresParams().Add(Text(person))),
        ReadToken);
    return Status::OK();
  }));
  return out;
}

Status PostgresCatalog::RevokeToken(std::string_view id, std::string_view revoked_by, Timestamp at,
                                    const AuditEntry& audit) {
  return pool_->Write("revoke token " + std::string(id), [&](pqxx::work& transaction) -> Status {
    pqxx::result rows = ExecPrepared(transaction, "access_lock_token", PostgresParams().Add(id));
    if (rows.empty()) return TokenNotFound(id);
    TokenRecord token = ReadToken(rows[0]);
    if (token.revoked_at) {
      return Status::FailedPrecondition("token " + std::string(id) + " was already revoked on " +
                                        FormatTimestamp(*token.revoked_at) + " by " +
                                        token.revoked_by);
    }
    ExecPrepared(transaction, "access_revoke_token",
                 PostgresParams().Add(id).Add(at.micros).Add(revoked_by));
    PostgresInsertAudit(transaction, audit);
    return Status::OK();
  });
}

Result<int64_t> PostgresCatalog::AddGrant(const GrantRecord& grant, const AuditEntry& audit) {
  int64_t id = 0;
  RETURN_NOT_OK(
      pool_->Write("grant " + grant.product + " to " + grant.team, [&](pqxx::work& transaction) {
        id = InsertGrant(transaction, grant);
        PostgresInsertAudit(transaction, audit);
        return Status::OK();
      }));
  return id;
}

Result<GrantRecord> PostgresCatalog::GetGrant(int64_t id) {
  std::optional<GrantRecord> grant;
  RETURN_NOT_OK(pool_->Read("read grant", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "access_get_grant", PostgresParams().Add(id));
    if (!rows.empty()) grant = ReadGrant(rows[0]);
    return Status::OK();
  }));
  if (!grant) return GrantNotFound(id);
  return *std::move(grant);
}

Result<std::vector<GrantRecord>> PostgresCatalog::ListGrants(const GrantFilter& filter) {
  std::vector<GrantRecord> out;
  RETURN_NOT_OK(pool_->Read("list grants", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<GrantRecord>(ExecPrepared(transaction, "access_list_grants",
                                            PostgresParams()
                                                .Add(filter.product)
                                                .Add(filter.team)
                                                .Add(int64_t{filter.include_revoked ? 1 : 0})),
                               ReadGrant);
    return Status::OK();
  }));
  return out;
}

Status PostgresCatalog::RevokeGrant(int64_t id, std::string_view revoked_by, Timestamp at,
                                    const AuditEntry& audit) {
  return pool_->Write("revoke grant " + std::to_string(id), [&](pqxx::work& transaction) -> Status {
    pqxx::result rows = ExecPrepared(transaction, "access_lock_grant", PostgresParams().Add(id));
    if (rows.empty()) return GrantNotFound(id);
    GrantRecord grant = ReadGrant(rows[0]);
    if (grant.revoked_at) {
      return Status::FailedPrecondition("grant " + std::to_string(id) + " was already revoked on " +
                                        FormatTimestamp(*grant.revoked_at) + " by " +
                                        grant.revoked_by);
    }
    ExecPrepared(transaction, "access_revoke_grant",
                 PostgresParams().Add(id).Add(at.micros).Add(revoked_by));
    PostgresInsertAudit(transaction, audit);
    return Status::OK();
  });
}

Result<int64_t> PostgresCatalog::AddAccessRequest(const AccessRequestRecord& request,
                                                  const AuditEntry& audit) {
  int64_t id = 0;
  RETURN_NOT_OK(
      pool_->Write("record access request of " + request.person + " for " + request.product,
                   [&](pqxx::work& transaction) {
                     id = PgInt(ExecPrepared(transaction, "access_insert_request",
                                             PostgresParams()
                                                 .Add(request.product)
                                                 .Add(request.team)
                                                 .Add(request.person)
                                                 .Add(request.purpose)
                                                 .Add(request.level)
                                                 .Add(request.pii ? "true" : "false")
                                                 .Add(request.requested_at.micros))
                                    .at(0)[0]);
                     PostgresInsertAudit(transaction, audit);
                     return Status::OK();
                   }));
  return id;
}

Result<AccessRequestRecord> PostgresCatalog::GetAccessRequest(int64_t id) {
  std::optional<AccessRequestRecord> request;
  RETURN_NOT_OK(pool_->Read("read access request", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "access_get_request", PostgresParams().Add(id));
    if (!rows.empty()) request = ReadRequest(rows[0]);
    return Status::OK();
  }));
  if (!request) return RequestNotFound(id);
  return *std::move(request);
}

Result<std::vector<AccessRequestRecord>> PostgresCatalog::ListAccessRequests(
    const AccessRequestFilter& filter) {
  std::optional<std::string> status;
  if (filter.status) status = std::string(AccessRequestStatusName(*filter.status));
  std::vector<AccessRequestRecord> out;
  RETURN_NOT_OK(pool_->Read("list access requests", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<AccessRequestRecord>(
        ExecPrepared(
            transaction, "access_list_requests",
            PostgresParams().Add(filter.product).Add(filter.team).Add(filter.person).Add(status)),
        ReadRequest);
    return Status::OK();
  }));
  return out;
}

Result<AccessRequestRecord> PostgresCatalog::DecideAccessRequest(const AccessDecision& decision,
                                                                 const AuditEntry& audit) {
  const bool approve = decision.status == AccessRequestStatus::kApproved;
  if (decision.status == AccessRequestStatus::kPending || (approve && !decision.grant)) {
    return Status::InvalidArgument("a decision on access request " +
                                   std::to_string(decision.request_id) +
                                   " approves with a grant or denies");
  }
  std::optional<AccessRequestRecord> decided;
  RETURN_NOT_OK(pool_->Write(
      "decide access request " + std::to_string(decision.request_id),
      [&](pqxx::work& transaction) -> Status {
        pqxx::result rows = ExecPrepared(transaction, "access_lock_request",
                                         PostgresParams().Add(decision.request_id));
        if (rows.empty()) return RequestNotFound(decision.request_id);
        const std::string status = PgText(rows[0][0]);
        if (status != "pending") {
          return Status::Conflict("access request " + std::to_string(decision.request_id) +
                                  " was " + status + " by " + PgText(rows[0][1]) + " already");
        }
        ExecPrepared(transaction, "access_decide_request",
                     PostgresParams()
                         .Add(decision.request_id)
                         .Add(AccessRequestStatusName(decision.status))
                         .Add(decision.decided_by)
                         .Add(decision.decided_at.micros)
                         .Add(decision.note));
        if (approve) {
          GrantRecord grant = *decision.grant;
          grant.request_id = decision.request_id;
          InsertGrant(transaction, grant);
        }
        PostgresInsertAudit(transaction, audit);
        pqxx::result after = ExecPrepared(transaction, "access_get_request",
                                          PostgresParams().Add(decision.request_id));
        decided = ReadRequest(after.at(0));
        return Status::OK();
      }));
  return *std::move(decided);
}

}  // namespace mesh
