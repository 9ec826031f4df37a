// SqliteCatalog's access records: tokens, grants, access requests (access_records.h). Each change
// runs in one write transaction together with its audit entry.
#include "catalog/sqlite_catalog.h"

namespace mesh {
namespace {

using Mode = SqliteTransaction::Mode;

constexpr std::string_view kTokenColumns =
    "SELECT id, person, secret_sha256, created_by, created_at, expires_at, revoked_at, "
    "revoked_by FROM access_tokens ";

constexpr std::string_view kGrantColumns =
    "SELECT id, product, team, level, pii, granted_by, granted_at, expires_at, request_id, "
    "revoked_at, revoked_by FROM access_grants ";

constexpr std::string_view kRequestColumns =
    "SELECT r.id, r.product, r.team, r.person, r.purpose, r.level, r.pii, r.status, "
    "r.requested_at, r.decided_by, r.decided_at, r.decision_note, g.id "
    "FROM access_requests r LEFT JOIN access_grants g ON g.request_id = r.id ";

std::string Concat(std::string_view a, std::string_view b) {
  return std::string(a) + std::string(b);
}

std::optional<Timestamp> OptionalTime(const SqliteStatement& row, int column) {
  if (auto micros = row.OptionalInt(column)) return Timestamp{*micros};
  return std::nullopt;
}

std::optional<int64_t> Micros(const std::optional<Timestamp>& at) {
  if (at) return at->micros;
  return std::nullopt;
}

TokenRecord ReadToken(const SqliteStatement& row) {
  TokenRecord token;
  token.id = row.Text(0);
  token.person = row.Text(1);
  token.secret_sha256 = row.Text(2);
  token.created_by = row.Text(3);
  token.created_at = Timestamp{row.Int(4)};
  token.expires_at = OptionalTime(row, 5);
  token.revoked_at = OptionalTime(row, 6);
  token.revoked_by = row.Text(7);
  return token;
}

GrantRecord ReadGrant(const SqliteStatement& row) {
  GrantRecord grant;
  grant.id = row.Int(0);
  grant.product = row.Text(1);
  grant.team = row.Text(2);
  grant.level = row.Text(3);
  grant.pii = row.Int(4) != 0;
  grant.granted_by = row.Text(5);
  grant.granted_at = Timestamp{row.Int(6)};
  grant.expires_at = OptionalTime(row, 7);
  grant.request_id = row.OptionalInt(8);
  grant.revoked_at = OptionalTime(row, 9);
  grant.revoked_by = row.Text(10);
  return grant;
}

AccessRequestRecord ReadRequest(const SqliteStatement& row) {
  AccessRequestRecord request;
  request.id = row.Int(0);
  request.product = row.Text(1);
  request.team = row.Text(2);
  request.person = row.Text(3);
  request.purpose = row.Text(4);
  request.level = row.Text(5);
  request.pii = row.Int(6) != 0;
  request.status = ParseAccessRequestStatus(row.Text(7)).value_or(AccessRequestStatus::kDenied);
  request.requested_at = Timestamp{row.Int(8)};
  request.decided_by = row.Text(9);
  request.decided_at = OptionalTime(row, 10);
  request.decision_note = row.Text(11);
  request.grant_id = row.OptionalInt(12);
  return request;
}

template <typename Record, typename Reader>
Result<std::vector<Record>> ReadAll(SqliteStatement& query, Reader reader) {
  std::vector<Record> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(reader(query));
  }
  return out;
}

}  // namespace

Status SqliteCatalog::AddToken(const TokenRecord& token, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation = "record token " + token.id + " of " + token.person;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto exists,
                  connection_->Prepare("SELECT 1 FROM access_tokens WHERE id = ?1", operation));
  exists.Bind(1, token.id);
  ASSIGN_OR_RAISE(bool taken, exists.Step());
  if (taken) return Status::AlreadyExists("token id " + token.id + " is already taken");
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO access_tokens (id, person, secret_sha256, "
                                       "created_by, created_at, expires_at) VALUES (?1, ?2, ?3, "
                                       "?4, ?5, ?6)",
                                       operation));
  RETURN_NOT_OK(insert.Bind(1, token.id)
                    .Bind(2, token.person)
                    .Bind(3, token.secret_sha256)
                    .Bind(4, token.created_by)
                    .Bind(5, token.created_at.micros)
                    .Bind(6, Micros(token.expires_at))
                    .Run());
  RETURN_NOT_OK(InsertAudit(audit).status());
  return transaction.Commit();
}

Result<TokenRecord> SqliteCatalog::GetToken(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kTokenColumns, "WHERE id = ?1"), "read token"));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) {
    return Status::NotFound("token " + std::string(id) +
                            " does not exist: list them with `mesh token list`");
  }
  return ReadToken(query);
}

Result<std::vector<TokenRecord>> SqliteCatalog::ListTokens(
    const std::optional<std::string>& person) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kTokenColumns,
                                                          "WHERE ?1 IS NULL OR person = ?1 "
                                                          "ORDER BY created_at, id"),
                                                   "list tokens"));
  query.Bind(1, person);
  return ReadAll<TokenRecord>(query, ReadToken);
}

Status SqliteCatalog::RevokeToken(std::string_view id, std::string_view revoked_by, Timestamp at,
                                  const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation = "revoke token " + std::string(id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kTokenColumns, "WHERE id = ?1"), operation));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) {
    return Status::NotFound("token " + std::string(id) +
                            " does not exist: list them with `mesh token list`");
  }
  if (!query.IsNull(6)) {
    return Status::FailedPrecondition("token " + std::string(id) + " was already revoked on " +
                                      FormatTimestamp(Timestamp{query.Int(6)}) + " by " +
                                      query.Text(7));
  }
  ASSIGN_OR_RAISE(auto revoke, connection_->Prepare("UPDATE access_tokens SET revoked_at = ?2, "
                                                    "revoked_by = ?3 WHERE id = ?1",
                                                    operation));
  RETURN_NOT_OK(revoke.Bind(1, id).Bind(2, at.micros).Bind(3, revoked_by).Run());
  RETURN_NOT_OK(InsertAudit(audit).status());
  return transaction.Commit();
}

Result<int64_t> SqliteCatalog::InsertGrant(const GrantRecord& grant) {
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO access_grants (product, team, level, pii, "
                                       "granted_by, granted_at, expires_at, request_id) VALUES "
                                       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       "record grant of " + grant.product + " to " + grant.team));
  RETURN_NOT_OK(insert.Bind(1, grant.product)
                    .Bind(2, grant.team)
                    .Bind(3, grant.level)
                    .Bind(4, int64_t{grant.pii ? 1 : 0})
                    .Bind(5, grant.granted_by)
                    .Bind(6, grant.granted_at.micros)
                    .Bind(7, Micros(grant.expires_at))
                    .Bind(8, grant.request_id)
                    .Run());
  return connection_->LastInsertRowId();
}

Result<int64_t> SqliteCatalog::AddGrant(const GrantRecord& grant, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite,
                                           "grant " + grant.product + " to " + grant.team));
  ASSIGN_OR_RAISE(int64_t id, InsertGrant(grant));
  RETURN_NOT_OK(InsertAudit(audit).status());
  RETURN_NOT_OK(transaction.Commit());
  return id;
}

Result<std::optional<GrantRecord>> SqliteCatalog::FindGrant(int64_t id) {
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kGrantColumns, "WHERE id = ?1"), "read grant"));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) return std::optional<GrantRecord>();
  return std::optional<GrantRecord>(ReadGrant(query));
}

Result<GrantRecord> SqliteCatalog::GetGrant(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(std::optional<GrantRecord> grant, FindGrant(id));
  if (!grant) {
    return Status::NotFound("grant " + std::to_string(id) +
                            " does not exist: list them with `mesh access list`");
  }
  return *std::move(grant);
}

Result<std::vector<GrantRecord>> SqliteCatalog::ListGrants(const GrantFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kGrantColumns,
                                              "WHERE (?1 IS NULL OR product = ?1) AND (?2 IS NULL "
                                              "OR team = ?2) AND (?3 = 1 OR revoked_at IS NULL) "
                                              "ORDER BY id"),
                                       "list grants"));
  query.Bind(1, filter.product).Bind(2, filter.team).Bind(3, int64_t{filter.include_revoked});
  return ReadAll<GrantRecord>(query, ReadGrant);
}

Status SqliteCatalog::RevokeGrant(int64_t id, std::string_view revoked_by, Timestamp at,
                                  const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation = "revoke grant " + std::to_string(id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(std::optional<GrantRecord> grant, FindGrant(id));
  if (!grant) {
    return Status::NotFound("grant " + std::to_string(id) +
                            " does not exist: list them with `mesh access list`");
  }
  if (grant->revoked_at) {
    return Status::FailedPrecondition("grant " + std::to_string(id) + " was already revoked on " +
                                      FormatTimestamp(*grant->revoked_at) + " by " +
                                      grant->revoked_by);
  }
  ASSIGN_OR_RAISE(auto revoke, connection_->Prepare("UPDATE access_grants SET revoked_at = ?2, "
                                                    "revoked_by = ?3 WHERE id = ?1",
                                                    operation));
  RETURN_NOT_OK(revoke.Bind(1, id).Bind(2, at.micros).Bind(3, revoked_by).Run());
  RETURN_NOT_OK(InsertAudit(audit).status());
  return transaction.Commit();
}

Result<int64_t> SqliteCatalog::AddAccessRequest(const AccessRequestRecord& request,
                                                const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation =
      "record access request of " + request.person + " for " + request.product;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO access_requests (product, team, person, "
                                       "purpose, level, pii, status, requested_at) VALUES (?1, "
                                       "?2, ?3, ?4, ?5, ?6, 'pending', ?7)",
                                       operation));
  RETURN_NOT_OK(insert.Bind(1, request.product)
                    .Bind(2, request.team)
                    .Bind(3, request.person)
                    .Bind(4, request.purpose)
                    .Bind(5, request.level)
                    .Bind(6, int64_t{request.pii ? 1 : 0})
                    .Bind(7, request.requested_at.micros)
                    .Run());
  int64_t id = connection_->LastInsertRowId();
  RETURN_NOT_OK(InsertAudit(audit).status());
  RETURN_NOT_OK(transaction.Commit());
  return id;
}

Result<std::optional<AccessRequestRecord>> SqliteCatalog::FindAccessRequest(int64_t id) {
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kRequestColumns, "WHERE r.id = ?1"),
                                                   "read access request"));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) return std::optional<AccessRequestRecord>();
  return std::optional<AccessRequestRecord>(ReadRequest(query));
}

Result<AccessRequestRecord> SqliteCatalog::GetAccessRequest(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(std::optional<AccessRequestRecord> request, FindAccessRequest(id));
  if (!request) {
    return Status::NotFound("access request " + std::to_string(id) +
                            " does not exist: list them with `mesh access list --all`");
  }
  return *std::move(request);
}

Result<std::vector<AccessRequestRecord>> SqliteCatalog::ListAccessRequests(
    const AccessRequestFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kRequestColumns,
                                              "WHERE (?1 IS NULL OR r.product = ?1) AND (?2 IS "
                                              "NULL OR r.team = ?2) AND (?3 IS NULL OR r.person = "
                                              "?3) AND (?4 IS NULL OR r.status = ?4) ORDER BY "
                                              "r.id"),
                                       "list access requests"));
  std::optional<std::string> status;
  if (filter.status) status = std::string(AccessRequestStatusName(*filter.status));
  query.Bind(1, filter.product).Bind(2, filter.team).Bind(3, filter.person).Bind(4, status);
  return ReadAll<AccessRequestRecord>(query, ReadRequest);
}

Result<AccessRequestRecord> SqliteCatalog::DecideAccessRequest(const AccessDecision& decision,
                                                               const AuditEntry& audit) {
  const bool approve = decision.status == AccessRequestStatus::kApproved;
  if (decision.status == AccessRequestStatus::kPending || (approve && !decision.grant)) {
    return Status::InvalidArgument("a decision on access request " +
                                   std::to_string(decision.request_id) +
                                   " approves with a grant or denies");
  }
  std::lock_guard<std::mutex> lock(mu_);
  const std::string operation = "decide access request " + std::to_string(decision.request_id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(std::optional<AccessRequestRecord> request,
                  FindAccessRequest(decision.request_id));
  if (!request) {
    return Status::NotFound("access request " + std::to_string(decision.request_id) +
                            " does not exist: list them with `mesh access list --all`");
  }
  if (request->status != AccessRequestStatus::kPending) {
    return Status::Conflict("access request " + std::to_string(decision.request_id) + " was " +
                            std::string(AccessRequestStatusName(request->status)) + " by " +
                            request->decided_by + " already");
  }
  ASSIGN_OR_RAISE(auto update,
                  connection_->Prepare("UPDATE access_requests SET status = ?2, decided_by = ?3, "
                                       "decided_at = ?4, decision_note = ?5 WHERE id = ?1",
                                       operation));
  RETURN_NOT_OK(update.Bind(1, decision.request_id)
                    .Bind(2, AccessRequestStatusName(decision.status))
                    .Bind(3, decision.decided_by)
                    .Bind(4, decision.decided_at.micros)
                    .Bind(5, decision.note)
                    .Run());
  if (approve) {
    GrantRecord grant = *decision.grant;
    grant.request_id = decision.request_id;
    RETURN_NOT_OK(InsertGrant(grant).status());
  }
  RETURN_NOT_OK(InsertAudit(audit).status());
  ASSIGN_OR_RAISE(request, FindAccessRequest(decision.request_id));
  RETURN_NOT_OK(transaction.Commit());
  return *std::move(request);
}

}  // namespace mesh
