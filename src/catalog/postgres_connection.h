// The PostgreSQL plumbing under PostgresCatalog, on libpqxx 6.4.
//
// PostgresUri: a `postgresql://` catalog URI split into what libpq gets and what Meshwork keeps
// for itself (the pool size) and shows (the URI with its password masked).
//
// PostgresParams: the positional parameters ($1, $2, ...) of one statement, as text or NULL.
//
// PostgresConnectionPool: up to `pool_size` connections, opened on demand and reused. Each call
// borrows one connection for the whole of one transaction, so callers on several threads run in
// parallel on separate connections; a caller waits when all are busy. A connection that breaks
// (server restart, network) is dropped and the transaction is retried once on a fresh one,
// which is safe because a transaction that lost its connection before COMMIT was rolled back by
// the server. Every libpqxx exception is caught here and becomes a Status naming the catalog and
// the operation (PostgresErrorStatus). Each new session ends transactions left idle for a
// minute (idle_in_transaction_session_timeout, unless the URI sets it), so that a frozen or
// vanished process cannot hold its locks for long. Safe for concurrent use.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mesh {

struct PostgresUri {
  std::string conninfo;  // for libpq: the URI without Meshwork's own parameters
  std::string display;   // for messages and Catalog::Uri(): the password replaced by "***"
  int pool_size = 4;     // `pool_size=N` in the query string, 1..64

  // Accepts `postgresql://` and `postgres://` URIs (libpq's syntax). InvalidArgument for a
  // malformed pool_size.
  static Result<PostgresUri> Parse(std::string_view uri);
};

class PostgresParams {
 public:
  PostgresParams& Add(std::string_view text);
  PostgresParams& Add(const std::string& text) { return Add(std::string_view(text)); }
  PostgresParams& Add(const char* text) { return Add(std::string_view(text)); }
  PostgresParams& Add(int64_t value);
  PostgresParams& Add(int value) { return Add(int64_t{value}); }
  PostgresParams& Add(double value);
  PostgresParams& Add(const std::optional<std::string>& text);
  PostgresParams& Add(const std::optional<int64_t>& value);
  PostgresParams& Add(const std::optional<double>& value);
  PostgresParams& AddNull();
  // A text[] parameter (write `$n::text[]` in the SQL).
  PostgresParams& AddTextArray(const std::vector<std::string>& items);

  // InvalidArgument when a text holds a NUL byte (PostgreSQL text cannot store one).
  const Status& status() const { return status_; }
  // One pointer per parameter, nullptr for NULL; valid while this object lives unchanged.
  std::vector<const char*> Pointers() const;

 private:
  std::deque<std::optional<std::string>> values_;
  Status status_;
};

// Runs prepared statement `name` (declared by the pool's Setup) with `params`. Throws what
// libpqxx throws; call it inside a pool transaction body only.
pqxx::result ExecPrepared(pqxx::transaction_base& transaction, const std::string& name,
                          const PostgresParams& params);

// Column readers: NULL reads as "", 0 or nullopt.
std::string PgText(const pqxx::field& field);
int64_t PgInt(const pqxx::field& field);
std::optional<int64_t> PgOptionalInt(const pqxx::field& field);
std::optional<double> PgOptionalDouble(const pqxx::field& field);

// Reads a text[] column.
std::vector<std::string> ReadTextArray(const pqxx::field& field);

// The Status for an exception thrown while doing `operation` on the catalog `display_uri`:
//   serialization failure, deadlock, unique violation, lock timeout → Conflict ("retry");
//   other constraint violations and bad data (SQLSTATE 22xxx, 23xxx) → InvalidArgument;
//   an exception raised by a trigger (P0001, the audit log's refusal) → FailedPrecondition;
//   a connection lost during COMMIT → IOError saying the outcome is unknown;
//   anything else (unreachable server, missing table, ...) → IOError.
Status PostgresErrorStatus(const std::exception& error, std::string_view display_uri,
                           std::string_view operation);

class PostgresConnectionPool {
 public:
  // Declares the prepared statements on each new connection (libpqxx prepares them lazily, on
  // first use).
  using Setup = std::function<void(pqxx::connection&)>;

  // Opens the first connection now, so that an unreachable server or a bad URI is reported at
  // once.
  static Result<std::unique_ptr<PostgresConnectionPool>> Open(const PostgresUri& uri, Setup setup);
  ~PostgresConnectionPool();

  // Runs `body` inside one READ COMMITTED transaction and commits when it returns OK; rolls back
  // when it returns an error or throws. `body` may run twice (see the class comment): it must
  // assign its outputs rather than append to them.
  Status Write(std::string_view operation, const std::function<Status(pqxx::work&)>& body);
  // Runs `body` without an explicit transaction (each statement commits on its own): for reads
  // that are a single statement.
  Status Read(std::string_view operation,
              const std::function<Status(pqxx::transaction_base&)>& body);

  const std::string& display_uri() const { return uri_.display; }

 private:
  PostgresConnectionPool(PostgresUri uri, Setup setup) : uri_(std::move(uri)), setup_(setup) {}

  template <typename Transaction>
  Status Run(std::string_view operation, const std::function<Status(Transaction&)>& body);
  Result<std::unique_ptr<pqxx::connection>> Borrow(std::string_view operation);
  void Return(std::unique_ptr<pqxx::connection> connection);
  void Discard();

  const PostgresUri uri_;
  const Setup setup_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int open_ = 0;  // idle + borrowed
};

}  // namespace mesh
