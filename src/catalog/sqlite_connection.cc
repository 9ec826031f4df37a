#include "catalog/sqlite_connection.h"

#include <sqlite3.h>

namespace mesh {

SqliteStatement::SqliteStatement(sqlite3_stmt* stmt, SqliteConnection* connection,
                                 std::string_view operation)
    : stmt_(stmt), connection_(connection), operation_(operation) {}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : stmt_(other.stmt_),
      connection_(other.connection_),
      operation_(std::move(other.operation_)),
      bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

SqliteStatement::~SqliteStatement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void SqliteStatement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  NoteBind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> SqliteStatement::Step() {
  if (bind_error_ != 0) return connection_->Error(bind_error_, operation_);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, operation_);
}

Status SqliteStatement::Run() {
  while (true) {
    ASSIGN_OR_RAISE(bool row, Step());
    if (!row) return Status::OK();
  }
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double SqliteStatement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size))
              : std::string();
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::optional<double> SqliteStatement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

std::optional<int64_t> SqliteStatement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, path));
  if (rc != SQLITE_OK) return connection->Error(rc, "open");
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  RETURN_NOT_OK(connection->Exec("PRAGMA journal_mode=WAL", "switch to WAL mode"));
  RETURN_NOT_OK(connection->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON",
                                 "set durability pragmas"));
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status SqliteConnection::Exec(std::string_view sql, std::string_view operation) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::OK();
  std::string detail = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  Status base = Error(rc, operation);
  return Status(base.code(), "catalog " + path_ + ": " + std::string(operation) + ": " + detail);
}

Result<SqliteStatement> SqliteConnection::Prepare(std::string_view sql,
                                                  std::string_view operation) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, operation);
    it = statements_.emplace(std::string(sql), stmt).first;
  }
  return SqliteStatement(it->second, this, operation);
}

int64_t SqliteConnection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int SqliteConnection::Changes() const { return sqlite3_changes(db_); }

Status SqliteConnection::Error(int rc, std::string_view operation) const {
  std::string message = "catalog " + path_ + ": " + std::string(operation) + ": " +
                        (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Conflict(message + " (the catalog is busy with another writer; retry)");
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Status::Conflict(message);
      }
      if (rc == SQLITE_CONSTRAINT_TRIGGER) return Status::FailedPrecondition(message);
      return Status::InvalidArgument(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(message);
    default:
      return Status::IOError(message);
  }
}

Result<SqliteTransaction> SqliteTransaction::Begin(SqliteConnection* connection, Mode mode,
                                                   std::string_view operation) {
  const char* sql = mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN";
  RETURN_NOT_OK(connection->Exec(sql, std::string(operation) + ": begin transaction"));
  return SqliteTransaction(connection, std::string(operation));
}

SqliteTransaction::SqliteTransaction(SqliteTransaction&& other) noexcept
    : connection_(other.connection_), operation_(std::move(other.operation_)), open_(other.open_) {
  other.open_ = false;
}

SqliteTransaction::~SqliteTransaction() {
  if (open_) (void)connection_->Exec("ROLLBACK", operation_ + ": roll back");
}

Status SqliteTransaction::Commit() {
  Status st = connection_->Exec("COMMIT", operation_ + ": commit");
  if (st.ok()) open_ = false;
  return st;
}

}  // namespace mesh
