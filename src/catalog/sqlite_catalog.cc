#include "catalog/sqlite_catalog.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "catalog/audit_chain.h"
#include "catalog/sqlite_catalog_internal.h"
#include "catalog/sqlite_schema.h"

namespace mesh {
namespace {

using Mode = SqliteTransaction::Mode;

constexpr std::string_view kProductColumns =
    "SELECT p.id, p.name, p.domain, p.owner, p.description, p.fields, p.tags, "
    "p.current_snapshot, p.created_at, p.updated_at, v.major, v.minor, v.patch "
    "FROM products p LEFT JOIN versions v "
    "ON v.product_id = p.id AND v.snapshot = p.current_snapshot ";

constexpr std::string_view kVersionColumns =
    "SELECT p.name, v.major, v.minor, v.patch, v.snapshot, v.descriptor_yaml, v.report_json, "
    "v.content_hash, v.object_key, v.output_format, v.row_count, v.bytes, v.lag_hours, "
    "v.completeness, v.publisher, v.published_at, v.status, v.readable_until "
    "FROM versions v JOIN products p ON p.id = v.product_id ";

constexpr std::string_view kQuarantineColumns =
    "SELECT id, product, major, minor, patch, reason, report_json, object_key, person, "
    "created_at FROM quarantine ";

constexpr std::string_view kAuditColumns =
    "SELECT sequence, at, actor, action, target, outcome, details, prev_hash, hash "
    "FROM audit_log ";

std::string Concat(std::string_view a, std::string_view b) {
  return std::string(a) + std::string(b);
}

// Newlines and tabs separate entries in the stored text, so they become spaces inside one.
std::string Flatten(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return out;
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += '\n';
    out += Flatten(item);
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    out.emplace_back(text.substr(0, newline));
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return out;
}

std::string EncodeFields(const std::vector<SearchField>& fields) {
  std::vector<std::string> lines;
  for (const SearchField& field : fields) {
    lines.push_back(Flatten(field.name) + "\t" + Flatten(field.description));
  }
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::vector<SearchField> DecodeFields(std::string_view text) {
  std::vector<SearchField> out;
  for (const std::string& line : SplitLines(text)) {
    size_t tab = line.find('\t');
    out.push_back({line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)});
  }
  return out;
}

ProductRecord ReadProduct(const SqliteStatement& row) {
  ProductRecord product;
  product.name = row.Text(1);
  product.domain = row.Text(2);
  product.owner = row.Text(3);
  product.description = row.Text(4);
  product.fields = DecodeFields(row.Text(5));
  product.tags = SplitLines(row.Text(6));
  product.current_snapshot = row.Int(7);
  product.created_at = Timestamp{row.Int(8)};
  product.updated_at = Timestamp{row.Int(9)};
  if (!row.IsNull(10)) {
    product.current_version =
        SchemaVersion{static_cast<int>(row.Int(10)), static_cast<int>(row.Int(11)),
                      static_cast<int>(row.Int(12))};
  }
  return product;
}

VersionRecord ReadVersion(const SqliteStatement& row) {
  VersionRecord version;
  version.product = row.Text(0);
  version.version = SchemaVersion{static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2)),
                                  static_cast<int>(row.Int(3))};
  version.snapshot = row.Int(4);
  version.descriptor_yaml = row.Text(5);
  version.report_json = row.Text(6);
  version.content_hash = row.Text(7);
  version.object_key = row.Text(8);
  version.output_format = row.Text(9);
  version.row_count = row.Int(10);
  version.bytes = row.Int(11);
  version.lag_hours = row.OptionalDouble(12);
  version.completeness = row.Double(13);
  version.publisher = row.Text(14);
  version.published_at = Timestamp{row.Int(15)};
  version.status = ParseVersionStatus(row.Text(16)).value_or(VersionStatus::kRetired);
  if (auto until = row.OptionalInt(17)) version.readable_until = Timestamp{*until};
  return version;
}

QuarantineEntry ReadQuarantine(const SqliteStatement& row) {
  QuarantineEntry entry;
  entry.id = row.Int(0);
  entry.product = row.Text(1);
  entry.attempted_version = SchemaVersion{
      static_cast<int>(row.Int(2)), static_cast<int>(row.Int(3)), static_cast<int>(row.Int(4))};
  entry.reason = row.Text(5);
  entry.report_json = row.Text(6);
  entry.object_key = row.Text(7);
  entry.person = row.Text(8);
  entry.at = Timestamp{row.Int(9)};
  return entry;
}

AuditEntry ReadAudit(const SqliteStatement& row) {
  AuditEntry entry;
  entry.sequence = row.Int(0);
  entry.at = Timestamp{row.Int(1)};
  entry.actor = row.Text(2);
  entry.action = row.Text(3);
  entry.target = row.Text(4);
  entry.outcome = row.Text(5);
  entry.details = row.Text(6);
  entry.prev_hash = row.Text(7);
  entry.hash = row.Text(8);
  return entry;
}

// Each word of the user's query becomes a quoted FTS5 prefix phrase, so no user input is ever
// read as FTS5 syntax ("AND", "*", quotes, column filters).
std::string ToMatchExpression(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view word = text.substr(start, i - start);
    bool has_token_char = std::any_of(word.begin(), word.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!has_token_char) continue;
    std::string quoted;
    for (char c : word) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    if (!out.empty()) out += ' ';
    out += "\"" + quoted + "\"*";
  }
  return out;
}

std::string Describe(const VersionSelector& selector) {
  std::string out;
  if (selector.version) out += "@" + FormatSchemaVersion(*selector.version);
  if (selector.snapshot) out += "#" + std::to_string(*selector.snapshot);
  return out;
}

}  // namespace

Result<std::unique_ptr<SqliteCatalog>> SqliteCatalog::Open(const std::string& path,
                                                           Options options) {
  ASSIGN_OR_RAISE(auto connection, SqliteConnection::Open(path, options.busy_timeout_ms));
  std::unique_ptr<SqliteCatalog> catalog(new SqliteCatalog(std::move(connection)));
  std::shared_ptr<Clock> clock = options.clock ? options.clock : SystemClock();
  RETURN_NOT_OK(catalog->Migrate(options.migrate_to, clock.get()));
  return catalog;
}

Status SqliteCatalog::Migrate(int migrate_to, Clock* clock) {
  RETURN_NOT_OK(connection_->Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
      "create schema_migrations"));
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, "migrate schema"));
  ASSIGN_OR_RAISE(int applied, ReadSchemaVersion());
  auto migrations = SqliteCatalogMigrations();
  int known = migrations.back().version;
  if (applied > known) {
    return Status::FailedPrecondition("catalog " + connection_->path() + " has schema version " +
                                      std::to_string(applied) + " but this mesh knows only up to " +
                                      std::to_string(known) + ": upgrade mesh");
  }
  for (const SqliteMigration& migration : migrations) {
    if (migrate_to > 0 && migration.version > migrate_to) break;
    // Each migration is applied once, by number: a catalog made by a build that lacked one in the
    // middle (numbers are reserved per feature) still gets it.
    {
      ASSIGN_OR_RAISE(auto done, connection_->Prepare("SELECT 1 FROM schema_migrations WHERE "
                                                      "version = ?1",
                                                      "read applied migrations"));
      done.Bind(1, int64_t{migration.version});
      ASSIGN_OR_RAISE(bool already, done.Step());
      if (already) continue;
    }
    std::string operation = "apply migration " + std::to_string(migration.version) + " (" +
                            std::string(migration.name) + ")";
    RETURN_NOT_OK(connection_->Exec(migration.sql, operation));
    ASSIGN_OR_RAISE(auto record, connection_->Prepare("INSERT INTO schema_migrations (version, "
                                                      "name, applied_at) VALUES (?1, ?2, ?3)",
                                                      operation));
    RETURN_NOT_OK(record.Bind(1, int64_t{migration.version})
                      .Bind(2, migration.name)
                      .Bind(3, clock->Now().micros)
                      .Run());
  }
  return transaction.Commit();
}

Result<int> SqliteCatalog::SchemaVersionNumber() {
  std::lock_guard<std::mutex> lock(mu_);
  return ReadSchemaVersion();
}

Result<int> SqliteCatalog::ReadSchemaVersion() {
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                                       "read schema version"));
  ASSIGN_OR_RAISE(bool row, query.Step());
  return row ? static_cast<int>(query.Int(0)) : 0;
}

Status SqliteCatalog::MaybeFailStep(int step) const {
  if (fail_commit_at_step_ == step) {
    return Status::IOError("catalog " + connection_->path() +
                           ": injected failure before write step " + std::to_string(step));
  }
  return Status::OK();
}

Result<std::optional<ProductRecord>> SqliteCatalog::FindProduct(std::string_view name) {
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kProductColumns, "WHERE p.name = ?1"),
                                                   "read product"));
  query.Bind(1, name);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) return std::optional<ProductRecord>();
  return std::optional<ProductRecord>(ReadProduct(query));
}

Result<VersionRecord> SqliteCatalog::CommitVersion(const CommitVersionRequest& request) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string& name = request.product.name;
  const std::string operation = "commit version of " + name;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(std::optional<ProductRecord> previous, FindProduct(name));
  int64_t current = previous ? previous->current_snapshot : 0;
  if (current != request.expected_current_snapshot) {
    return Status::Conflict("product " + name +
                            " changed while this publish was prepared: its current snapshot is #" +
                            std::to_string(current) + ", this publish was checked against #" +
                            std::to_string(request.expected_current_snapshot) +
                            ": another publish won; re-read the current version and retry");
  }
  if (previous && current > 0 && request.version.version < previous->current_version) {
    return Status::FailedPrecondition("version.lowered: " + name + " is at " +
                                      FormatSchemaVersion(previous->current_version) +
                                      "; version " + FormatSchemaVersion(request.version.version) +
                                      " is lower: a version is never lowered");
  }
  const int64_t snapshot = current + 1;
  const Timestamp now = request.version.published_at;
  RETURN_NOT_OK(MaybeFailStep(1));
  ASSIGN_OR_RAISE(int64_t product_id, UpsertProduct(request.product, snapshot, now));
  RETURN_NOT_OK(MaybeFailStep(2));
  RETURN_NOT_OK(SupersedeCurrent(product_id, previous, request));
  RETURN_NOT_OK(MaybeFailStep(3));
  RETURN_NOT_OK(InsertVersion(product_id, snapshot, request.version));
  RETURN_NOT_OK(MaybeFailStep(4));
  RETURN_NOT_OK(ReplaceLineage(name, request.lineage));
  RETURN_NOT_OK(MaybeFailStep(5));
  RETURN_NOT_OK(ReplaceConsumers(name, request.consumer_teams));
  RETURN_NOT_OK(SqliteInsertNotifications(connection_.get(), "version", snapshot, name,
                                          request.notifications, now, operation));
  RETURN_NOT_OK(MaybeFailStep(6));
  RETURN_NOT_OK(InsertAudit(request.audit).status());
  RETURN_NOT_OK(MaybeFailStep(7));
  RETURN_NOT_OK(transaction.Commit());
  VersionRecord committed = request.version;
  committed.product = name;
  committed.snapshot = snapshot;
  committed.status = VersionStatus::kCurrent;
  committed.readable_until.reset();
  return committed;
}

Result<int64_t> SqliteCatalog::UpsertProduct(const ProductRecord& product, int64_t snapshot,
                                             Timestamp now) {
  ASSIGN_OR_RAISE(
      auto upsert,
      connection_->Prepare(
          "INSERT INTO products (name, domain, owner, description, fields, tags, "
          "current_snapshot, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
          "ON CONFLICT (name) DO UPDATE SET domain = excluded.domain, owner = excluded.owner, "
          "description = excluded.description, fields = excluded.fields, tags = excluded.tags, "
          "current_snapshot = excluded.current_snapshot, updated_at = excluded.updated_at "
          "RETURNING id",
          "record product " + product.name));
  upsert.Bind(1, product.name)
      .Bind(2, product.domain)
      .Bind(3, product.owner)
      .Bind(4, product.description)
      .Bind(5, EncodeFields(product.fields))
      .Bind(6, JoinLines(product.tags))
      .Bind(7, snapshot)
      .Bind(8, now.micros);
  ASSIGN_OR_RAISE(bool row, upsert.Step());
  if (!row) return Status::Internal("record product " + product.name + ": no id returned");
  int64_t id = upsert.Int(0);
  RETURN_NOT_OK(upsert.Run());
  return id;
}

Status SqliteCatalog::SupersedeCurrent(int64_t product_id,
                                       const std::optional<ProductRecord>& previous,
                                       const CommitVersionRequest& request) {
  ASSIGN_OR_RAISE(auto supersede, connection_->Prepare("UPDATE versions SET status = "
                                                       "'superseded' WHERE product_id = ?1 AND "
                                                       "status = 'current'",
                                                       "supersede current version"));
  RETURN_NOT_OK(supersede.Bind(1, product_id).Run());
  bool new_major = previous && previous->current_snapshot > 0 &&
                   request.version.version.major > previous->current_version.major;
  if (!new_major || !request.previous_major_readable_until) return Status::OK();
  ASSIGN_OR_RAISE(auto deprecate,
                  connection_->Prepare("UPDATE versions SET readable_until = ?1 WHERE product_id "
                                       "= ?2 AND major = ?3 AND status <> 'retired' AND "
                                       "readable_until IS NULL",
                                       "deprecate previous major"));
  return deprecate.Bind(1, request.previous_major_readable_until->micros)
      .Bind(2, product_id)
      .Bind(3, int64_t{previous->current_version.major})
      .Run();
}

Status SqliteCatalog::InsertVersion(int64_t product_id, int64_t snapshot,
                                    const VersionRecord& version) {
  ASSIGN_OR_RAISE(
      auto insert,
      connection_->Prepare(
          "INSERT INTO versions (product_id, snapshot, major, minor, patch, descriptor_yaml, "
          "report_json, content_hash, object_key, output_format, row_count, bytes, lag_hours, "
          "completeness, publisher, published_at, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'current')",
          "record version"));
  return insert.Bind(1, product_id)
      .Bind(2, snapshot)
      .Bind(3, int64_t{version.version.major})
      .Bind(4, int64_t{version.version.minor})
      .Bind(5, int64_t{version.version.patch})
      .Bind(6, version.descriptor_yaml)
      .Bind(7, version.report_json)
      .Bind(8, version.content_hash)
      .Bind(9, version.object_key)
      .Bind(10, version.output_format)
      .Bind(11, version.row_count)
      .Bind(12, version.bytes)
      .Bind(13, version.lag_hours)
      .Bind(14, version.completeness)
      .Bind(15, version.publisher)
      .Bind(16, version.published_at.micros)
      .Run();
}

Status SqliteCatalog::ReplaceLineage(std::string_view product,
                                     const std::vector<std::string>& upstream) {
  ASSIGN_OR_RAISE(auto clear, connection_->Prepare("DELETE FROM lineage_edges WHERE downstream "
                                                   "= ?1",
                                                   "replace lineage"));
  RETURN_NOT_OK(clear.Bind(1, product).Run());
  for (const std::string& input : std::set<std::string>(upstream.begin(), upstream.end())) {
    ASSIGN_OR_RAISE(auto insert, connection_->Prepare("INSERT INTO lineage_edges (upstream, "
                                                      "downstream) VALUES (?1, ?2)",
                                                      "record lineage edge"));
    RETURN_NOT_OK(insert.Bind(1, input).Bind(2, product).Run());
  }
  return Status::OK();
}

Status SqliteCatalog::ReplaceConsumers(std::string_view product,
                                       const std::vector<std::string>& teams) {
  ASSIGN_OR_RAISE(auto clear, connection_->Prepare("DELETE FROM consumers WHERE product = ?1",
                                                   "replace consumers"));
  RETURN_NOT_OK(clear.Bind(1, product).Run());
  for (const std::string& team : std::set<std::string>(teams.begin(), teams.end())) {
    ASSIGN_OR_RAISE(auto insert, connection_->Prepare("INSERT INTO consumers (product, team) "
                                                      "VALUES (?1, ?2)",
                                                      "record consumer team"));
    RETURN_NOT_OK(insert.Bind(1, product).Bind(2, team).Run());
  }
  return Status::OK();
}

// Called inside a write transaction, so the head read here is still the head at insert time.
Result<int64_t> SqliteCatalog::InsertAudit(const AuditEntry& given) {
  AuditEntry entry = given;
  {
    ASSIGN_OR_RAISE(auto head, connection_->Prepare("SELECT sequence, hash FROM audit_log ORDER "
                                                    "BY sequence DESC LIMIT 1",
                                                    "read the audit chain's head"));
    ASSIGN_OR_RAISE(bool row, head.Step());
    RETURN_NOT_OK(ChainAuditEntry(row ? head.Int(0) : 0, row ? head.Text(1) : "", &entry));
  }
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO audit_log (sequence, at, actor, action, "
                                       "target, outcome, details, prev_hash, hash) VALUES (?9, "
                                       "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       "append audit entry"));
  insert.Bind(9, entry.sequence);
  RETURN_NOT_OK(insert.Bind(1, entry.at.micros)
                    .Bind(2, entry.actor)
                    .Bind(3, entry.action)
                    .Bind(4, entry.target)
                    .Bind(5, entry.outcome)
                    .Bind(6, entry.details)
                    .Bind(7, entry.prev_hash)
                    .Bind(8, entry.hash)
                    .Run());
  return entry.sequence;
}

Result<ProductRecord> SqliteCatalog::GetProduct(std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(std::optional<ProductRecord> product, FindProduct(name));
  if (!product) {
    return Status::NotFound("product " + std::string(name) + " is not in the catalog " + Uri() +
                            ": check the name with `mesh search`");
  }
  return *std::move(product);
}

Result<std::vector<ProductRecord>> SqliteCatalog::ListProducts(const ProductFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kProductColumns,
                                              "WHERE (?1 IS NULL OR p.domain = ?1) AND (?2 IS "
                                              "NULL OR p.owner = ?2) ORDER BY p.name"),
                                       "list products"));
  query.Bind(1, filter.domain).Bind(2, filter.owner);
  std::vector<ProductRecord> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadProduct(query));
  }
  return out;
}

Result<std::vector<VersionRecord>> SqliteCatalog::QueryVersions(std::string_view sql,
                                                                std::string_view product,
                                                                std::string_view operation,
                                                                const VersionSelector& selector) {
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kVersionColumns, sql), operation));
  query.Bind(1, product);
  if (selector.version) {
    query.Bind(2, int64_t{selector.version->major})
        .Bind(3, int64_t{selector.version->minor})
        .Bind(4, int64_t{selector.version->patch});
  }
  if (selector.snapshot) query.Bind(5, *selector.snapshot);
  std::vector<VersionRecord> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadVersion(query));
  }
  return out;
}

Result<std::vector<VersionRecord>> SqliteCatalog::ListVersions(std::string_view product) {
  std::lock_guard<std::mutex> lock(mu_);
  return QueryVersions("WHERE p.name = ?1 ORDER BY v.snapshot DESC", product, "list versions",
                       VersionSelector());
}

Result<VersionRecord> SqliteCatalog::GetVersion(std::string_view product,
                                                const VersionSelector& selector) {
  std::lock_guard<std::mutex> lock(mu_);
  // ?2..?4 select a schema version and ?5 a snapshot; unbound parameters are NULL.
  constexpr std::string_view kSelect =
      "WHERE p.name = ?1 AND (?2 IS NULL OR (v.major = ?2 AND v.minor = ?3 AND v.patch = ?4)) "
      "AND (?5 IS NULL OR v.snapshot = ?5) AND (?2 IS NOT NULL OR ?5 IS NOT NULL OR "
      "v.snapshot = p.current_snapshot) ORDER BY v.snapshot DESC LIMIT 1";
  ASSIGN_OR_RAISE(auto found, QueryVersions(kSelect, product, "read version", selector));
  if (!found.empty()) return std::move(found.front());
  return Status::NotFound("version " + std::string(product) + Describe(selector) +
                          " is not in the catalog " + Uri() + ": list them with `mesh versions " +
                          std::string(product) + "`");
}

Status SqliteCatalog::RetireMajor(std::string_view product, int major, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "retire " + std::string(product) + " major " + std::to_string(major);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto retire, connection_->Prepare(
                                   "UPDATE versions SET status = 'retired' WHERE product_id = "
                                   "(SELECT id FROM products WHERE name = ?1) AND major = ?2 AND "
                                   "status = 'superseded'",
                                   operation));
  RETURN_NOT_OK(retire.Bind(1, product).Bind(2, int64_t{major}).Run());
  if (connection_->Changes() == 0) {
    return Status::NotFound(std::string(product) + " has no superseded snapshot of major " +
                            std::to_string(major) +
                            " to retire (the current major cannot be "
                            "retired)");
  }
  RETURN_NOT_OK(InsertAudit(audit).status());
  return transaction.Commit();
}

Result<std::vector<LineageEdge>> SqliteCatalog::QueryEdges(std::string_view sql,
                                                           std::string_view node) {
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(sql, "read lineage"));
  if (!node.empty()) query.Bind(1, node);
  std::vector<LineageEdge> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back({query.Text(0), query.Text(1)});
  }
  return out;
}

Result<std::vector<LineageEdge>> SqliteCatalog::Upstream(std::string_view node) {
  std::lock_guard<std::mutex> lock(mu_);
  return QueryEdges(
      "SELECT upstream, downstream FROM lineage_edges WHERE downstream = ?1 ORDER BY upstream",
      node);
}

Result<std::vector<LineageEdge>> SqliteCatalog::Downstream(std::string_view node) {
  std::lock_guard<std::mutex> lock(mu_);
  return QueryEdges(
      "SELECT upstream, downstream FROM lineage_edges WHERE upstream = ?1 ORDER BY downstream",
      node);
}

Result<std::vector<LineageEdge>> SqliteCatalog::ListLineageEdges() {
  std::lock_guard<std::mutex> lock(mu_);
  return QueryEdges("SELECT upstream, downstream FROM lineage_edges ORDER BY upstream, downstream",
                    "");
}

Result<std::vector<std::string>> SqliteCatalog::ListConsumers(std::string_view product) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare("SELECT team FROM consumers WHERE product = ?1 ORDER BY "
                                       "team",
                                       "list consumers"));
  query.Bind(1, product);
  std::vector<std::string> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(query.Text(0));
  }
  return out;
}

Result<std::vector<SearchHit>> SqliteCatalog::Search(const SearchQuery& request) {
  std::string match = ToMatchExpression(request.text);
  if (match.empty()) {
    return Status::InvalidArgument("search query '" + request.text +
                                   "' has no words to look for: give a name, a field or a tag");
  }
  std::lock_guard<std::mutex> lock(mu_);
  // Column weights: a hit in the name counts most, then tags, domain, description, fields.
  ASSIGN_OR_RAISE(
      auto query,
      connection_->Prepare(
          "SELECT p.name, p.domain, p.description, "
          "bm25(product_search, 10.0, 3.0, 2.0, 5.0, 4.0) AS rank "
          "FROM product_search JOIN products p ON p.id = product_search.rowid "
          "WHERE product_search MATCH ?1 AND (?2 IS NULL OR p.domain = ?2) AND (?3 IS NULL OR "
          "instr(char(10) || p.tags || char(10), char(10) || ?3 || char(10)) > 0) "
          "ORDER BY rank, p.name LIMIT ?4",
          "search"));
  query.Bind(1, match).Bind(2, request.domain).Bind(3, request.tag);
  query.Bind(4, int64_t{std::max(request.limit, 1)});
  std::vector<SearchHit> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back({query.Text(0), query.Text(1), query.Text(2), -query.Double(3)});
  }
  return out;
}

Result<int64_t> SqliteCatalog::AddQuarantine(const QuarantineEntry& entry,
                                             const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "quarantine a publish of " + entry.product;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto insert,
                  connection_->Prepare("INSERT INTO quarantine (product, major, minor, patch, "
                                       "reason, report_json, object_key, person, created_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                       operation));
  RETURN_NOT_OK(insert.Bind(1, entry.product)
                    .Bind(2, int64_t{entry.attempted_version.major})
                    .Bind(3, int64_t{entry.attempted_version.minor})
                    .Bind(4, int64_t{entry.attempted_version.patch})
                    .Bind(5, entry.reason)
                    .Bind(6, entry.report_json)
                    .Bind(7, entry.object_key)
                    .Bind(8, entry.person)
                    .Bind(9, entry.at.micros)
                    .Run());
  int64_t id = connection_->LastInsertRowId();
  RETURN_NOT_OK(InsertAudit(audit).status());
  RETURN_NOT_OK(transaction.Commit());
  return id;
}

Result<std::vector<QuarantineEntry>> SqliteCatalog::ListQuarantine(std::string_view product) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(
                      Concat(kQuarantineColumns, "WHERE ?1 = '' OR product = ?1 ORDER BY id DESC"),
                      "list quarantine"));
  query.Bind(1, product);
  std::vector<QuarantineEntry> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadQuarantine(query));
  }
  return out;
}

Result<QuarantineEntry> SqliteCatalog::GetQuarantine(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kQuarantineColumns, "WHERE id = ?1"),
                                                   "read quarantine entry"));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) {
    return Status::NotFound("quarantine entry " + std::to_string(id) +
                            " does not exist: list them with `mesh quarantine list`");
  }
  return ReadQuarantine(query);
}

Status SqliteCatalog::RemoveQuarantine(int64_t id, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "remove quarantine entry " + std::to_string(id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(auto remove,
                  connection_->Prepare("DELETE FROM quarantine WHERE id = ?1", operation));
  RETURN_NOT_OK(remove.Bind(1, id).Run());
  if (connection_->Changes() == 0) {
    return Status::NotFound("quarantine entry " + std::to_string(id) + " does not exist");
  }
  RETURN_NOT_OK(InsertAudit(audit).status());
  return transaction.Commit();
}

Result<int64_t> SqliteCatalog::AppendAudit(const AuditEntry& entry) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, "append audit entry"));
  ASSIGN_OR_RAISE(int64_t sequence, InsertAudit(entry));
  RETURN_NOT_OK(transaction.Commit());
  return sequence;
}

Result<std::vector<AuditEntry>> SqliteCatalog::ListAudit(const AuditQuery& request) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(
      auto query,
      connection_->Prepare(Concat(kAuditColumns,
                                  "WHERE sequence > ?1 AND (?2 IS NULL OR actor = ?2) AND (?3 IS "
                                  "NULL OR substr(target, 1, length(?3)) = ?3) ORDER BY sequence "
                                  "LIMIT ?4"),
                           "list audit log"));
  query.Bind(1, request.after_sequence)
      .Bind(2, request.actor)
      .Bind(3, request.target_prefix)
      .Bind(4, int64_t{std::max(request.limit, 1)});
  std::vector<AuditEntry> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadAudit(query));
  }
  return out;
}

}  // namespace mesh
