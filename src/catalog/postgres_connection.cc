#include "catalog/postgres_connection.h"

#include <poll.h>

#include <charconv>
#include <pqxx/array>
#include <pqxx/except>
#include <pqxx/prepared_statement>
#include <stdexcept>

namespace mesh {
namespace {

constexpr int kMaxPoolSize = 64;

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// libpq's messages start with "ERROR:  " and go on with DETAIL/HINT lines; the first line says it.
std::string Summary(std::string_view what) {
  std::string_view line = what.substr(0, what.find('\n'));
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "}) {
    if (StartsWith(line, prefix)) line.remove_prefix(prefix.size());
  }
  return std::string(line);
}

Result<int> ParsePoolSize(std::string_view text, std::string_view uri) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 ||
      value > kMaxPoolSize) {
    return Status::InvalidArgument("--catalog '" + std::string(uri) + "': pool_size '" +
                                   std::string(text) + "' is not a whole number from 1 to " +
                                   std::to_string(kMaxPoolSize));
  }
  return value;
}

// "user:secret@host" → "user:***@host".
std::string MaskAuthority(std::string_view authority) {
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(authority);
  std::string_view userinfo = authority.substr(0, at);
  size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return std::string(authority);
  return std::string(userinfo.substr(0, colon)) + ":***" + std::string(authority.substr(at));
}

// An idle connection has nothing to read. When the server has ended it (restart, idle timeout,
// pg_terminate_backend) its socket is readable (the farewell message, then EOF): such a
// connection is replaced before use rather than found broken half way through a transaction.
bool LooksAlive(const pqxx::connection& connection) {
  int fd = connection.sock();
  if (fd < 0) return false;
  pollfd ready{fd, POLLIN, 0};
  return ::poll(&ready, 1, 0) == 0;
}

// A session left idle inside an open transaction keeps its locks (a product's row, the audit
// lock) until PostgreSQL ends it. Meshwork never pauses inside a transaction, so such a session
// belongs to a process that froze or whose machine or network vanished: the kernel never closes
// its socket, and without a limit its locks would stall every other server's publishes (and all
// audited requests) until TCP keepalive gives up, hours later. Unless the URI sets a limit of
// its own (options=-c idle_in_transaction_session_timeout=...), PostgreSQL ends such sessions
// after a minute, which rolls their transactions back.
void ApplySessionDefaults(pqxx::connection& connection) {
  pqxx::nontransaction statement(connection);
  statement.exec(
      "SELECT set_config('idle_in_transaction_session_timeout', '60s', false) "
      "WHERE current_setting('idle_in_transaction_session_timeout') = '0'");
  statement.commit();
}

}  // namespace

Result<PostgresUri> PostgresUri::Parse(std::string_view uri) {
  size_t scheme_end = uri.find("://");
  std::string_view scheme = uri.substr(0, scheme_end);
  if (scheme_end == std::string_view::npos || (scheme != "postgresql" && scheme != "postgres")) {
    return Status::InvalidArgument("--catalog '" + std::string(uri) +
                                   "' is not a PostgreSQL URI: write "
                                   "postgresql://USER@HOST:PORT/DATABASE");
  }
  std::string_view rest = uri.substr(scheme_end + 3);
  size_t query_start = rest.find('?');
  std::string_view before_query = rest.substr(0, query_start);
  size_t path_start = before_query.find('/');
  std::string_view authority = before_query.substr(0, path_start);
  std::string_view path =
      path_start == std::string_view::npos ? std::string_view() : before_query.substr(path_start);

  PostgresUri parsed;
  std::string base = std::string(scheme) + "://";
  parsed.conninfo = base + std::string(before_query);
  parsed.display = base + MaskAuthority(authority) + std::string(path);
  if (query_start == std::string_view::npos) return parsed;

  std::string kept_query;
  std::string shown_query;
  std::string_view query = rest.substr(query_start + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::string_view key = pair.substr(0, pair.find('='));
    std::string_view value = key.size() < pair.size() ? pair.substr(key.size() + 1) : "";
    if (key == "pool_size") {
      ASSIGN_OR_RAISE(parsed.pool_size, ParsePoolSize(value, parsed.display));
      continue;
    }
    std::string shown = key == "password" ? std::string(key) + "=***" : std::string(pair);
    kept_query += (kept_query.empty() ? "?" : "&") + std::string(pair);
    shown_query += (shown_query.empty() ? "?" : "&") + shown;
  }
  parsed.conninfo += kept_query;
  parsed.display += shown_query;
  return parsed;
}

PostgresParams& PostgresParams::Add(std::string_view text) {
  if (text.find('\0') != std::string_view::npos && status_.ok()) {
    status_ = Status::InvalidArgument("parameter $" + std::to_string(values_.size() + 1) +
                                      " holds a NUL byte, which PostgreSQL text cannot store");
  }
  values_.emplace_back(std::string(text));
  return *this;
}

PostgresParams& PostgresParams::Add(int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

PostgresParams& PostgresParams::Add(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  values_.emplace_back(std::string(buffer, error == std::errc() ? end : buffer));
  return *this;
}

PostgresParams& PostgresParams::Add(const std::optional<std::string>& text) {
  return text ? Add(std::string_view(*text)) : AddNull();
}

PostgresParams& PostgresParams::Add(const std::optional<int64_t>& value) {
  return value ? Add(*value) : AddNull();
}

PostgresParams& PostgresParams::Add(const std::optional<double>& value) {
  return value ? Add(*value) : AddNull();
}

PostgresParams& PostgresParams::AddNull() {
  values_.emplace_back(std::nullopt);
  return *this;
}

// Array literal syntax: every element double-quoted, with `"` and `\` escaped by a backslash.
PostgresParams& PostgresParams::AddTextArray(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const std::string& item : items) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return Add(std::string_view(literal));
}

std::vector<const char*> PostgresParams::Pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& value : values_) out.push_back(value ? value->c_str() : nullptr);
  return out;
}

pqxx::result ExecPrepared(pqxx::transaction_base& transaction, const std::string& name,
                          const PostgresParams& params) {
  if (!params.status().ok()) throw std::invalid_argument(params.status().message());
  std::vector<const char*> pointers = params.Pointers();
  return transaction.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
}

std::string PgText(const pqxx::field& field) { return field.is_null() ? "" : field.c_str(); }

int64_t PgInt(const pqxx::field& field) { return field.is_null() ? 0 : field.as<int64_t>(); }

std::optional<int64_t> PgOptionalInt(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<int64_t>();
}

std::optional<double> PgOptionalDouble(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<double>();
}

std::vector<std::string> ReadTextArray(const pqxx::field& field) {
  std::vector<std::string> out;
  pqxx::array_parser parser = field.as_array();
  while (true) {
    auto [juncture, text] = parser.get_next();
    if (juncture == pqxx::array_parser::done) break;
    if (juncture == pqxx::array_parser::string_value) out.push_back(std::move(text));
    if (juncture == pqxx::array_parser::null_value) out.emplace_back();
  }
  return out;
}

Status PostgresErrorStatus(const std::exception& error, std::string_view display_uri,
                           std::string_view operation) {
  std::string prefix = "catalog " + std::string(display_uri) + ": " + std::string(operation) + ": ";
  std::string what = Summary(error.what());
  if (dynamic_cast<const pqxx::serialization_failure*>(&error) ||
      dynamic_cast<const pqxx::deadlock_detected*>(&error)) {
    return Status::Conflict(prefix + "a concurrent change won (" + what + "): re-read and retry");
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&error)) {
    return Status::IOError(prefix +
                           "the connection was lost during COMMIT, so whether it took "
                           "effect is unknown (" +
                           what + "): re-read the catalog before retrying");
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&error)) {
    return Status::IOError(prefix + "cannot reach the PostgreSQL server: " + what);
  }
  if (dynamic_cast<const std::invalid_argument*>(&error)) {
    return Status::InvalidArgument(prefix + what);
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error)) {
    const std::string& state = sql->sqlstate();
    if (state == "23505" || state == "40001" || state == "40P01" || state == "55P03") {
      return Status::Conflict(prefix + "someone else wrote first (" + what +
                              "): re-read and retry");
    }
    if (StartsWith(state, "22") || StartsWith(state, "23")) {
      return Status::InvalidArgument(prefix + what);
    }
    if (state == "P0001") return Status::FailedPrecondition(prefix + what);
  }
  return Status::IOError(prefix + what);
}

Result<std::unique_ptr<PostgresConnectionPool>> PostgresConnectionPool::Open(const PostgresUri& uri,
                                                                             Setup setup) {
  std::unique_ptr<PostgresConnectionPool> pool(new PostgresConnectionPool(uri, std::move(setup)));
  ASSIGN_OR_RAISE(auto first, pool->Borrow("connect"));
  pool->Return(std::move(first));
  return pool;
}

PostgresConnectionPool::~PostgresConnectionPool() = default;

Result<std::unique_ptr<pqxx::connection>> PostgresConnectionPool::Borrow(
    std::string_view operation) {
  std::unique_lock<std::mutex> lock(mu_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < uri_.pool_size; });
  while (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    if (LooksAlive(*connection)) return connection;
    --open_;  // closed by the server while idle: replaced below
  }
  ++open_;
  lock.unlock();
  try {
    auto connection = std::make_unique<pqxx::connection>(uri_.conninfo);
    ApplySessionDefaults(*connection);
    setup_(*connection);
    return connection;
  } catch (const std::exception& error) {
    Discard();
    return PostgresErrorStatus(error, uri_.display, std::string(operation) + " (connecting)");
  }
}

void PostgresConnectionPool::Return(std::unique_ptr<pqxx::connection> connection) {
  if (!connection->is_open()) {
    connection.reset();
    Discard();
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(connection));
  available_.notify_one();
}

void PostgresConnectionPool::Discard() {
  std::lock_guard<std::mutex> lock(mu_);
  --open_;
  available_.notify_one();
}

template <typename Transaction>
Status PostgresConnectionPool::Run(std::string_view operation,
                                   const std::function<Status(Transaction&)>& body) {
  for (int attempt = 1;; ++attempt) {
    ASSIGN_OR_RAISE(auto connection, Borrow(operation));
    Status status;
    try {
      Transaction transaction(*connection);
      status = body(transaction);
      if (status.ok()) {
        transaction.commit();
      } else {
        transaction.abort();
      }
    } catch (const pqxx::broken_connection& error) {
      connection.reset();
      Discard();
      if (attempt == 1) continue;
      return PostgresErrorStatus(error, uri_.display, operation);
    } catch (const std::exception& error) {
      status = PostgresErrorStatus(error, uri_.display, operation);
    }
    Return(std::move(connection));
    return status;
  }
}

Status PostgresConnectionPool::Write(std::string_view operation,
                                     const std::function<Status(pqxx::work&)>& body) {
  return Run<pqxx::work>(operation, body);
}

Status PostgresConnectionPool::Read(std::string_view operation,
                                    const std::function<Status(pqxx::transaction_base&)>& body) {
  std::function<Status(pqxx::nontransaction&)> adapted = [&](pqxx::nontransaction& transaction) {
    return body(transaction);
  };
  return Run<pqxx::nontransaction>(operation, adapted);
}

}  // namespace mesh
