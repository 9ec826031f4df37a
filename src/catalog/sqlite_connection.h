// SqliteConnection: one connection to an SQLite database file, with cached prepared statements
// and every error turned into a Status that names the database, the operation and SQLite's
// message. SqliteStatement binds and steps one cached statement and resets it when it goes out
// of scope; SqliteTransaction rolls back unless committed.
// External synchronization required: a connection and its statements serve one thread at a
// time (SqliteCatalog holds a mutex around each call).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace mesh {

class SqliteConnection;

class SqliteStatement {
 public:
  SqliteStatement(sqlite3_stmt* stmt, SqliteConnection* connection, std::string_view operation);
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Parameters are 1-based, as in SQL's ?1. A failed bind is reported by the next Step.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  SqliteStatement& Bind(int index, const std::optional<std::string>& value);
  SqliteStatement& Bind(int index, const std::optional<double>& value);
  SqliteStatement& Bind(int index, const std::optional<int64_t>& value);
  SqliteStatement& BindNull(int index);

  // True when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps until done (for statements that return no rows).
  Status Run();

  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  std::optional<int64_t> OptionalInt(int column) const;

 private:
  void NoteBind(int rc);

  sqlite3_stmt* stmt_;
  SqliteConnection* connection_;
  std::string operation_;
  int bind_error_ = 0;
};

class SqliteConnection {
 public:
  // Opens (creating when missing) the database at `path` in WAL mode with a busy timeout, so
  // that several processes can share it.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path,
                                                        int busy_timeout_ms);
  ~SqliteConnection();

  // Runs one or more statements without results.
  Status Exec(std::string_view sql, std::string_view operation);
  // A cached prepared statement for `sql` (the text is the cache key).
  Result<SqliteStatement> Prepare(std::string_view sql, std::string_view operation);

  int64_t LastInsertRowId() const;
  int Changes() const;
  const std::string& path() const { return path_; }

  // A Status for SQLite result code `rc` during `operation`: Conflict for a busy or locked
  // database and for unique-key violations (someone else wrote first), InvalidArgument for other
  // constraint violations, FailedPrecondition for a refusing trigger, IOError otherwise.
  Status Error(int rc, std::string_view operation) const;

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// BEGIN IMMEDIATE (a writer: takes the write lock up front, so two writers never deadlock in
// an upgrade) or BEGIN (a reader: one consistent snapshot). Rolls back unless Commit succeeded.
class SqliteTransaction {
 public:
  enum class Mode { kRead, kWrite };
  static Result<SqliteTransaction> Begin(SqliteConnection* connection, Mode mode,
                                         std::string_view operation);
  SqliteTransaction(SqliteTransaction&& other) noexcept;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();

  Status Commit();

 private:
  SqliteTransaction(SqliteConnection* connection, std::string operation)
      : connection_(connection), operation_(std::move(operation)) {}
  SqliteConnection* connection_;
  std::string operation_;
  bool open_ = true;
};

}  // namespace mesh
