#include "catalog/postgres_catalog.h"

#include <algorithm>
#include <map>
#include <pqxx/except>
#include <set>
#include <stdexcept>

#include "catalog/audit_chain.h"
#include "catalog/postgres_catalog_internal.h"
#include "catalog/postgres_connection.h"
#include "catalog/postgres_schema.h"

namespace mesh {
namespace {

const std::string kProductColumns =
    "SELECT p.name, p.domain, p.owner, p.description, p.field_names, p.field_descriptions, "
    "p.tags, p.current_snapshot, p.created_at, p.updated_at, v.major, v.minor, v.patch "
    "FROM products p LEFT JOIN versions v "
    "ON v.product_id = p.id AND v.snapshot = p.current_snapshot ";

const std::string kVersionColumns =
    "SELECT p.name, v.major, v.minor, v.patch, v.snapshot, v.descriptor_yaml, v.report_json, "
    "v.content_hash, v.object_key, v.output_format, v.row_count, v.bytes, v.lag_hours, "
    "v.completeness, v.publisher, v.published_at, v.status, v.readable_until "
    "FROM versions v JOIN products p ON p.id = v.product_id ";

const std::string kQuarantineColumns =
    "SELECT id, product, major, minor, patch, reason, report_json, object_key, person, "
    "created_at FROM quarantine ";

const std::string kAuditColumns =
    "SELECT sequence, at, actor, action, target, outcome, details, prev_hash, hash "
    "FROM audit_log ";

const std::string kAdvisoryLock =
    "SELECT pg_advisory_xact_lock(" + std::to_string(kPostgresLockClass) + ", ";

// Each query word's lexemes (folded and split by the same function that builds the index)
// become quoted prefix terms joined by AND, so no user input is read as tsquery syntax. The
// first column says whether the query had any words at all.
constexpr std::string_view kSearch = R"sql(
WITH words AS (
  SELECT string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')
         AS expression
  FROM unnest(mesh_search_document($1, '', '{}', '{}', '{}', ''))
)
SELECT w.expression IS NULL, hits.name, hits.domain, hits.description, hits.rank
FROM words w LEFT JOIN LATERAL (
  SELECT p.name, p.domain, p.description,
         ts_rank('{0.2, 0.3, 0.45, 1.0}', p.search, q.query, 1) AS rank
  FROM products p, to_tsquery('pg_catalog.simple', w.expression) AS q(query)
  WHERE p.search @@ q.query AND ($2::text IS NULL OR p.domain = $2::text)
    AND ($3::text IS NULL OR $3::text = ANY (p.tags))
  ORDER BY rank DESC, p.name
  LIMIT $4::bigint
) hits ON true
ORDER BY hits.rank DESC, hits.name
)sql";

// Every statement the catalog runs after migrating, declared on each pooled connection.
const std::map<std::string, std::string>& Statements() {
  static const auto* statements = new std::map<std::string, std::string>{
      {"lock_product", "SELECT id, current_snapshot FROM products WHERE name = $1 FOR UPDATE"},
      {"current_version",
       "SELECT major, minor, patch FROM versions WHERE product_id = $1 AND snapshot = $2"},
      {"insert_product",
       "INSERT INTO products (name, domain, owner, description, tags, field_names, "
       "field_descriptions, current_snapshot, created_at, updated_at) VALUES ($1, $2, $3, $4, "
       "$5::text[], $6::text[], $7::text[], $8, $9, $9) RETURNING id"},
      {"update_product",
       "UPDATE products SET domain = $2, owner = $3, description = $4, tags = $5::text[], "
       "field_names = $6::text[], field_descriptions = $7::text[], current_snapshot = $8, "
       "updated_at = $9 WHERE id = $1"},
      {"supersede_current",
       "UPDATE versions SET status = 'superseded' WHERE product_id = $1 AND status = 'current'"},
      {"deprecate_major",
       "UPDATE versions SET readable_until = $1 WHERE product_id = $2 AND major = $3 AND "
       "status <> 'retired' AND readable_until IS NULL"},
      {"insert_version",
       "INSERT INTO versions (product_id, snapshot, major, minor, patch, descriptor_yaml, "
       "report_json, content_hash, object_key, output_format, row_count, bytes, lag_hours, "
       "completeness, publisher, published_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
       "$9, $10, $11, $12, $13, $14, $15, $16, 'current')"},
      {"clear_lineage", "DELETE FROM lineage_edges WHERE downstream = $1"},
      {"insert_lineage",
       "INSERT INTO lineage_edges (upstream, downstream) "
       "SELECT DISTINCT upstream, $2::text FROM unnest($1::text[]) AS upstream"},
      {"clear_consumers", "DELETE FROM consumers WHERE product = $1"},
      {"insert_consumers",
       "INSERT INTO consumers (product, team) "
       "SELECT DISTINCT $1::text, team FROM unnest($2::text[]) AS team"},
      {"lock_audit", kAdvisoryLock + std::to_string(kPostgresAuditLock) + ")"},
      {"audit_head", "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"},
      {"insert_audit",
       "INSERT INTO audit_log (sequence, at, actor, action, target, outcome, details, "
       "prev_hash, hash) VALUES ($9, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING sequence"},
      {"get_product", kProductColumns + "WHERE p.name = $1"},
      {"list_products", kProductColumns +
                            "WHERE ($1::text IS NULL OR p.domain = $1::text) AND ($2::text IS "
                            "NULL OR p.owner = $2::text) ORDER BY p.name"},
      {"list_versions", kVersionColumns + "WHERE p.name = $1 ORDER BY v.snapshot DESC"},
      // $2..$4 select a schema version and $5 a snapshot; NULL means "any".
      {"get_version",
       kVersionColumns +
           "WHERE p.name = $1 AND ($2::int IS NULL OR (v.major = $2::int AND v.minor = $3::int "
           "AND v.patch = $4::int)) AND ($5::bigint IS NULL OR v.snapshot = $5::bigint) AND "
           "($2::int IS NOT NULL OR $5::bigint IS NOT NULL OR v.snapshot = p.current_snapshot) "
           "ORDER BY v.snapshot DESC LIMIT 1"},
      {"retire_major",
       "UPDATE versions SET status = 'retired' WHERE product_id = (SELECT id FROM products "
       "WHERE name = $1) AND major = $2 AND status = 'superseded'"},
      {"upstream",
       "SELECT upstream, downstream FROM lineage_edges WHERE downstream = $1 ORDER BY upstream"},
      {"downstream",
       "SELECT upstream, downstream FROM lineage_edges WHERE upstream = $1 ORDER BY downstream"},
      {"all_edges", "SELECT upstream, downstream FROM lineage_edges ORDER BY upstream, downstream"},
      {"list_consumers", "SELECT team FROM consumers WHERE product = $1 ORDER BY team"},
      {"search", std::string(kSearch)},
      {"insert_quarantine",
       "INSERT INTO quarantine (product, major, minor, patch, reason, report_json, object_key, "
       "person, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"},
      {"list_quarantine",
       kQuarantineColumns + "WHERE $1::text = '' OR product = $1::text ORDER BY id DESC"},
      {"get_quarantine", kQuarantineColumns + "WHERE id = $1"},
      {"remove_quarantine", "DELETE FROM quarantine WHERE id = $1"},
      {"list_audit", kAuditColumns +
                         "WHERE sequence > $1 AND ($2::text IS NULL OR actor = $2::text) AND "
                         "($3::text IS NULL OR starts_with(target, $3::text)) ORDER BY sequence "
                         "LIMIT $4"},
      {"schema_version", "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"},
      {"ping", "SELECT 1"},
  };
  return *statements;
}

void QuietNotices(pqxx::connection& connection) {
  // Notices (e.g. "relation already exists, skipping") would go to stderr otherwise.
  connection.set_variable("client_min_messages", "warning");
}

// Prepares every statement as soon as the connection opens. Preparing lazily would do it on
// first use, and libpqxx 6.4 leaks the result when that first use finds the connection broken.
// A statement that cannot be prepared yet (a schema older than this mesh, in upgrade tests)
// stays declared and reports its error, with the operation's name, when it is used.
void PrepareStatements(pqxx::connection& connection) {
  QuietNotices(connection);
  std::map<std::string, std::string> statements = Statements();
  statements.insert(PostgresServiceLevelStatements().begin(),
                    PostgresServiceLevelStatements().end());
  statements.insert(PostgresAccessStatements().begin(), PostgresAccessStatements().end());
  for (const auto& [name, sql] : statements) {
    connection.prepare(name, sql);
    try {
      connection.prepare_now(name);
    } catch (const pqxx::sql_error&) {
    }
  }
}

int Int32(const pqxx::field& field) { return static_cast<int>(PgInt(field)); }

ProductRecord ReadProduct(const pqxx::row& row) {
  ProductRecord product;
  product.name = PgText(row[0]);
  product.domain = PgText(row[1]);
  product.owner = PgText(row[2]);
  product.description = PgText(row[3]);
  std::vector<std::string> names = ReadTextArray(row[4]);
  std::vector<std::string> descriptions = ReadTextArray(row[5]);
  descriptions.resize(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    product.fields.push_back({std::move(names[i]), std::move(descriptions[i])});
  }
  product.tags = ReadTextArray(row[6]);
  product.current_snapshot = PgInt(row[7]);
  product.created_at = Timestamp{PgInt(row[8])};
  product.updated_at = Timestamp{PgInt(row[9])};
  if (!row[10].is_null()) {
    product.current_version = SchemaVersion{Int32(row[10]), Int32(row[11]), Int32(row[12])};
  }
  return product;
}

VersionRecord ReadVersion(const pqxx::row& row) {
  VersionRecord version;
  version.product = PgText(row[0]);
  version.version = SchemaVersion{Int32(row[1]), Int32(row[2]), Int32(row[3])};
  version.snapshot = PgInt(row[4]);
  version.descriptor_yaml = PgText(row[5]);
  version.report_json = PgText(row[6]);
  version.content_hash = PgText(row[7]);
  version.object_key = PgText(row[8]);
  version.output_format = PgText(row[9]);
  version.row_count = PgInt(row[10]);
  version.bytes = PgInt(row[11]);
  version.lag_hours = PgOptionalDouble(row[12]);
  version.completeness = PgOptionalDouble(row[13]).value_or(0);
  version.publisher = PgText(row[14]);
  version.published_at = Timestamp{PgInt(row[15])};
  version.status = ParseVersionStatus(PgText(row[16])).value_or(VersionStatus::kRetired);
  if (auto until = PgOptionalInt(row[17])) version.readable_until = Timestamp{*until};
  return version;
}

QuarantineEntry ReadQuarantine(const pqxx::row& row) {
  QuarantineEntry entry;
  entry.id = PgInt(row[0]);
  entry.product = PgText(row[1]);
  entry.attempted_version = SchemaVersion{Int32(row[2]), Int32(row[3]), Int32(row[4])};
  entry.reason = PgText(row[5]);
  entry.report_json = PgText(row[6]);
  entry.object_key = PgText(row[7]);
  entry.person = PgText(row[8]);
  entry.at = Timestamp{PgInt(row[9])};
  return entry;
}

AuditEntry ReadAudit(const pqxx::row& row) {
  AuditEntry entry;
  entry.sequence = PgInt(row[0]);
  entry.at = Timestamp{PgInt(row[1])};
  entry.actor = PgText(row[2]);
  entry.action = PgText(row[3]);
  entry.target = PgText(row[4]);
  entry.outcome = PgText(row[5]);
  entry.details = PgText(row[6]);
  entry.prev_hash = PgText(row[7]);
  entry.hash = PgText(row[8]);
  return entry;
}

std::string Describe(const VersionSelector& selector) {
  std::string out;
  if (selector.version) out += "@" + FormatSchemaVersion(*selector.version);
  if (selector.snapshot) out += "#" + std::to_string(*selector.snapshot);
  return out;
}

// The product's metadata as parameters $2..$7 of insert_product / update_product.
PostgresParams& AddProductFields(PostgresParams& params, const ProductRecord& product) {
  std::vector<std::string> names;
  std::vector<std::string> descriptions;
  for (const SearchField& field : product.fields) {
    names.push_back(field.name);
    descriptions.push_back(field.description);
  }
  return params.Add(product.domain)
      .Add(product.owner)
      .Add(product.description)
      .AddTextArray(product.tags)
      .AddTextArray(names)
      .AddTextArray(descriptions);
}

}  // namespace

int64_t PostgresInsertAudit(pqxx::transaction_base& transaction, const AuditEntry& given) {
  ExecPrepared(transaction, "lock_audit", PostgresParams());
  pqxx::result head = ExecPrepared(transaction, "audit_head", PostgresParams());
  AuditEntry entry = given;
  Status chained = ChainAuditEntry(head.empty() ? 0 : PgInt(head[0][0]),
                                   head.empty() ? "" : PgText(head[0][1]), &entry);
  if (!chained.ok()) throw std::runtime_error(chained.message());
  PostgresParams params;
  params.Add(entry.at.micros)
      .Add(entry.actor)
      .Add(entry.action)
      .Add(entry.target)
      .Add(entry.outcome)
      .Add(entry.details)
      .Add(entry.prev_hash)
      .Add(entry.hash)
      .Add(entry.sequence);
  return PgInt(ExecPrepared(transaction, "insert_audit", params).at(0)[0]);
}

namespace {

template <typename Record, typename Reader>
std::vector<Record> ReadAll(const pqxx::result& rows, Reader read) {
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const pqxx::row& row : rows) out.push_back(read(row));
  return out;
}

std::vector<LineageEdge> ReadEdges(const pqxx::result& rows) {
  return ReadAll<LineageEdge>(rows, [](const pqxx::row& row) {
    return LineageEdge{PgText(row[0]), PgText(row[1])};
  });
}

}  // namespace

PostgresCatalog::PostgresCatalog(std::unique_ptr<PostgresConnectionPool> pool)
    : pool_(std::move(pool)) {}

PostgresCatalog::~PostgresCatalog() = default;

Result<std::unique_ptr<PostgresCatalog>> PostgresCatalog::Open(const std::string& uri,
                                                               Options options) {
  ASSIGN_OR_RAISE(PostgresUri parsed, PostgresUri::Parse(uri));
  std::shared_ptr<Clock> clock = options.clock ? options.clock : SystemClock();
  {
    // Migrate on a connection of its own, so that the pool's connections prepare their
    // statements against the migrated schema.
    PostgresUri single = parsed;
    single.pool_size = 1;
    ASSIGN_OR_RAISE(auto migrator, PostgresConnectionPool::Open(single, QuietNotices));
    RETURN_NOT_OK(Migrate(*migrator, options.migrate_to, clock.get()));
  }
  ASSIGN_OR_RAISE(auto pool, PostgresConnectionPool::Open(parsed, PrepareStatements));
  return std::unique_ptr<PostgresCatalog>(new PostgresCatalog(std::move(pool)));
}

std::string PostgresCatalog::Uri() const { return pool_->display_uri(); }

Status PostgresCatalog::Migrate(PostgresConnectionPool& pool, int migrate_to, Clock* clock) {
  return pool.Write("migrate schema", [&](pqxx::work& transaction) -> Status {
    transaction.exec(kAdvisoryLock + std::to_string(kPostgresMigrationLock) + ")");
    // Looked up first rather than CREATE TABLE IF NOT EXISTS, which needs the CREATE privilege
    // even when the table exists: a role without it can open an up-to-date catalog.
    if (transaction.exec1("SELECT to_regclass('schema_migrations') IS NULL")[0].as<bool>()) {
      transaction.exec(
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at BIGINT NOT NULL)");
    }
    // Each migration is applied unless recorded, so one numbered below the highest applied
    // (added later on a parallel branch) still runs.
    std::set<int> applied;
    for (const pqxx::row& row : transaction.exec("SELECT version FROM schema_migrations")) {
      applied.insert(row[0].as<int>());
    }
    auto migrations = PostgresCatalogMigrations();
    std::set<int> known;
    for (const PostgresMigration& migration : migrations) known.insert(migration.version);
    for (int version : applied) {
      if (known.count(version) == 0) {
        return Status::FailedPrecondition(
            "catalog " + pool.display_uri() + " has schema migration " + std::to_string(version) +
            ", which this mesh does not know (it knows up to " +
            std::to_string(migrations.back().version) + "): upgrade mesh");
      }
    }
    for (const PostgresMigration& migration : migrations) {
      if (applied.count(migration.version) > 0) continue;
      if (migrate_to > 0 && migration.version > migrate_to) break;
      transaction.exec(std::string(migration.sql));
      transaction.exec_params(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          migration.version, std::string(migration.name), clock->Now().micros);
    }
    return Status::OK();
  });
}

Result<int> PostgresCatalog::SchemaVersionNumber() {
  int version = 0;
  RETURN_NOT_OK(pool_->Read("read schema version", [&](pqxx::transaction_base& transaction) {
    version = static_cast<int>(PgInt(ExecPrepared(transaction, "schema_version", {}).at(0)[0]));
    return Status::OK();
  }));
  return version;
}

Status PostgresCatalog::Ping() {
  return pool_->Read("health check", [&](pqxx::transaction_base& transaction) {
    ExecPrepared(transaction, "ping", {});
    return Status::OK();
  });
}

Status PostgresCatalog::MaybeFailStep(int step) const {
  if (fail_commit_at_step_ == step) {
    return Status::IOError("catalog " + Uri() + ": injected failure before write step " +
                           std::to_string(step));
  }
  return Status::OK();
}

Result<VersionRecord> PostgresCatalog::CommitVersion(const CommitVersionRequest& request) {
  const std::string& name = request.product.name;
  const int64_t snapshot = request.expected_current_snapshot + 1;
  const Timestamp now = request.version.published_at;
  Status status = pool_->Write("commit version of " + name, [&](pqxx::work& transaction) {
    pqxx::result locked = ExecPrepared(transaction, "lock_product", PostgresParams().Add(name));
    const bool exists = !locked.empty();
    const int64_t product_id = exists ? PgInt(locked[0][0]) : 0;
    const int64_t current = exists ? PgInt(locked[0][1]) : 0;
    if (current != request.expected_current_snapshot) {
      return Status::Conflict("product " + name +
                              " changed while this publish was prepared: its current snapshot "
                              "is #" +
                              std::to_string(current) + ", this publish was checked against #" +
                              std::to_string(request.expected_current_snapshot) +
                              ": another publish won; re-read the current version and retry");
    }
    std::optional<SchemaVersion> previous_version;
    if (current > 0) {
      pqxx::result row = ExecPrepared(transaction, "current_version",
                                      PostgresParams().Add(product_id).Add(current));
      previous_version =
          SchemaVersion{Int32(row.at(0)[0]), Int32(row.at(0)[1]), Int32(row.at(0)[2])};
      if (request.version.version < *previous_version) {
        return Status::FailedPrecondition("version.lowered: " + name + " is at " +
                                          FormatSchemaVersion(*previous_version) + "; version " +
                                          FormatSchemaVersion(request.version.version) +
                                          " is lower: a version is never lowered");
      }
    }
    RETURN_NOT_OK(MaybeFailStep(1));
    PostgresParams product;
    int64_t id = product_id;
    if (exists) {
      AddProductFields(product.Add(product_id), request.product).Add(snapshot).Add(now.micros);
      ExecPrepared(transaction, "update_product", product);
    } else {
      AddProductFields(product.Add(name), request.product).Add(snapshot).Add(now.micros);
      id = PgInt(ExecPrepared(transaction, "insert_product", product).at(0)[0]);
    }
    RETURN_NOT_OK(MaybeFailStep(2));
    ExecPrepared(transaction, "supersede_current", PostgresParams().Add(id));
    if (previous_version && request.version.version.major > previous_version->major &&
        request.previous_major_readable_until) {
      ExecPrepared(transaction, "deprecate_major",
                   PostgresParams()
                       .Add(request.previous_major_readable_until->micros)
                       .Add(id)
                       .Add(previous_version->major));
    }
    RETURN_NOT_OK(MaybeFailStep(3));
    const VersionRecord& version = request.version;
    ExecPrepared(transaction, "insert_version",
                 PostgresParams()
                     .Add(id)
                     .Add(snapshot)
                     .Add(version.version.major)
                     .Add(version.version.minor)
                     .Add(version.version.patch)
                     .Add(version.descriptor_yaml)
                     .Add(version.report_json)
                     .Add(version.content_hash)
                     .Add(version.object_key)
                     .Add(version.output_format)
                     .Add(version.row_count)
                     .Add(version.bytes)
                     .Add(version.lag_hours)
                     .Add(version.completeness)
                     .Add(version.publisher)
                     .Add(version.published_at.micros));
    RETURN_NOT_OK(MaybeFailStep(4));
    ExecPrepared(transaction, "clear_lineage", PostgresParams().Add(name));
    ExecPrepared(transaction, "insert_lineage",
                 PostgresParams().AddTextArray(request.lineage).Add(name));
    RETURN_NOT_OK(MaybeFailStep(5));
    ExecPrepared(transaction, "clear_consumers", PostgresParams().Add(name));
    ExecPrepared(transaction, "insert_consumers",
                 PostgresParams().Add(name).AddTextArray(request.consumer_teams));
    PostgresInsertNotifications(transaction, "version", snapshot, name, request.notifications, now);
    RETURN_NOT_OK(MaybeFailStep(6));
    PostgresInsertAudit(transaction, request.audit);
    return MaybeFailStep(7);
  });
  RETURN_NOT_OK(status);
  VersionRecord committed = request.version;
  committed.product = name;
  committed.snapshot = snapshot;
  committed.status = VersionStatus::kCurrent;
  committed.readable_until.reset();
  return committed;
}

Result<ProductRecord> PostgresCatalog::GetProduct(std::string_view name) {
  std::optional<ProductRecord> product;
  RETURN_NOT_OK(pool_->Read("read product", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "get_product", PostgresParams().Add(name));
    if (!rows.empty()) product = ReadProduct(rows[0]);
    return Status::OK();
  }));
  if (!product) {
    return Status::NotFound("product " + std::string(name) + " is not in the catalog " + Uri() +
                            ": check the name with `mesh search`");
  }
  return *std::move(product);
}

Result<std::vector<ProductRecord>> PostgresCatalog::ListProducts(const ProductFilter& filter) {
  std::vector<ProductRecord> out;
  RETURN_NOT_OK(pool_->Read("list products", [&](pqxx::transaction_base& transaction) {
    out =
        ReadAll<ProductRecord>(ExecPrepared(transaction, "list_products",
                                            PostgresParams().Add(filter.domain).Add(filter.owner)),
                               ReadProduct);
    return Status::OK();
  }));
  return out;
}

Result<std::vector<VersionRecord>> PostgresCatalog::ListVersions(std::string_view product) {
  std::vector<VersionRecord> out;
  RETURN_NOT_OK(pool_->Read("list versions", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<VersionRecord>(
        ExecPrepared(transaction, "list_versions", PostgresParams().Add(product)), ReadVersion);
    return Status::OK();
  }));
  return out;
}

Result<VersionRecord> PostgresCatalog::GetVersion(std::string_view product,
                                                  const VersionSelector& selector) {
  PostgresParams params;
  params.Add(product);
  if (selector.version) {
    params.Add(selector.version->major).Add(selector.version->minor).Add(selector.version->patch);
  } else {
    params.AddNull().AddNull().AddNull();
  }
  params.Add(selector.snapshot);
  std::optional<VersionRecord> found;
  RETURN_NOT_OK(pool_->Read("read version", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "get_version", params);
    if (!rows.empty()) found = ReadVersion(rows[0]);
    return Status::OK();
  }));
  if (found) return *std::move(found);
  return Status::NotFound("version " + std::string(product) + Describe(selector) +
                          " is not in the catalog " + Uri() + ": list them with `mesh versions " +
                          std::string(product) + "`");
}

Status PostgresCatalog::RetireMajor(std::string_view product, int major, const AuditEntry& audit) {
  std::string operation = "retire " + std::string(product) + " major " + std::to_string(major);
  return pool_->Write(operation, [&](pqxx::work& transaction) {
    pqxx::result retired =
        ExecPrepared(transaction, "retire_major", PostgresParams().Add(product).Add(major));
    if (retired.affected_rows() == 0) {
      return Status::NotFound(std::string(product) + " has no superseded snapshot of major " +
                              std::to_string(major) +
                              " to retire (the current major cannot be retired)");
    }
    PostgresInsertAudit(transaction, audit);
    return Status::OK();
  });
}

Result<std::vector<LineageEdge>> PostgresCatalog::Upstream(std::string_view node) {
  std::vector<LineageEdge> out;
  RETURN_NOT_OK(pool_->Read("read lineage", [&](pqxx::transaction_base& transaction) {
    out = ReadEdges(ExecPrepared(transaction, "upstream", PostgresParams().Add(node)));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<LineageEdge>> PostgresCatalog::Downstream(std::string_view node) {
  std::vector<LineageEdge> out;
  RETURN_NOT_OK(pool_->Read("read lineage", [&](pqxx::transaction_base& transaction) {
    out = ReadEdges(ExecPrepared(transaction, "downstream", PostgresParams().Add(node)));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<LineageEdge>> PostgresCatalog::ListLineageEdges() {
  std::vector<LineageEdge> out;
  RETURN_NOT_OK(pool_->Read("read lineage", [&](pqxx::transaction_base& transaction) {
    out = ReadEdges(ExecPrepared(transaction, "all_edges", PostgresParams()));
    return Status::OK();
  }));
  return out;
}

Result<std::vector<std::string>> PostgresCatalog::ListConsumers(std::string_view product) {
  std::vector<std::string> out;
  RETURN_NOT_OK(pool_->Read("list consumers", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<std::string>(
        ExecPrepared(transaction, "list_consumers", PostgresParams().Add(product)),
        [](const pqxx::row& row) { return PgText(row[0]); });
    return Status::OK();
  }));
  return out;
}

Result<std::vector<SearchHit>> PostgresCatalog::Search(const SearchQuery& request) {
  bool no_words = false;
  std::vector<SearchHit> out;
  RETURN_NOT_OK(pool_->Read("search", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "search",
                                     PostgresParams()
                                         .Add(request.text)
                                         .Add(request.domain)
                                         .Add(request.tag)
                                         .Add(int64_t{std::max(request.limit, 1)}));
    out.clear();
    for (const pqxx::row& row : rows) {
      no_words = no_words || row[0].as<bool>();
      if (row[1].is_null()) continue;
      out.push_back(
          {PgText(row[1]), PgText(row[2]), PgText(row[3]), PgOptionalDouble(row[4]).value_or(0)});
    }
    return Status::OK();
  }));
  if (no_words) {
    return Status::InvalidArgument("search query '" + request.text +
                                   "' has no words to look for: give a name, a field or a tag");
  }
  return out;
}

Result<int64_t> PostgresCatalog::AddQuarantine(const QuarantineEntry& entry,
                                               const AuditEntry& audit) {
  int64_t id = 0;
  RETURN_NOT_OK(
      pool_->Write("quarantine a publish of " + entry.product, [&](pqxx::work& transaction) {
        pqxx::result inserted = ExecPrepared(transaction, "insert_quarantine",
                                             PostgresParams()
                                                 .Add(entry.product)
                                                 .Add(entry.attempted_version.major)
                                                 .Add(entry.attempted_version.minor)
                                                 .Add(entry.attempted_version.patch)
                                                 .Add(entry.reason)
                                                 .Add(entry.report_json)
                                                 .Add(entry.object_key)
                                                 .Add(entry.person)
                                                 .Add(entry.at.micros));
        id = PgInt(inserted.at(0)[0]);
        PostgresInsertAudit(transaction, audit);
        return Status::OK();
      }));
  return id;
}

Result<std::vector<QuarantineEntry>> PostgresCatalog::ListQuarantine(std::string_view product) {
  std::vector<QuarantineEntry> out;
  RETURN_NOT_OK(pool_->Read("list quarantine", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<QuarantineEntry>(
        ExecPrepared(transaction, "list_quarantine", PostgresParams().Add(product)),
        ReadQuarantine);
    return Status::OK();
  }));
  return out;
}

Result<QuarantineEntry> PostgresCatalog::GetQuarantine(int64_t id) {
  std::optional<QuarantineEntry> found;
  RETURN_NOT_OK(pool_->Read("read quarantine entry", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "get_quarantine", PostgresParams().Add(id));
    if (!rows.empty()) found = ReadQuarantine(rows[0]);
    return Status::OK();
  }));
  if (!found) {
    return Status::NotFound("quarantine entry " + std::to_string(id) +
                            " does not exist: list them with `mesh quarantine list`");
  }
  return *std::move(found);
}

Status PostgresCatalog::RemoveQuarantine(int64_t id, const AuditEntry& audit) {
  return pool_->Write(
      "remove quarantine entry " + std::to_string(id), [&](pqxx::work& transaction) {
        pqxx::result removed =
            ExecPrepared(transaction, "remove_quarantine", PostgresParams().Add(id));
        if (removed.affected_rows() == 0) {
          return Status::NotFound("quarantine entry " + std::to_string(id) + " does not exist");
        }
        PostgresInsertAudit(transaction, audit);
        return Status::OK();
      });
}

Result<int64_t> PostgresCatalog::AppendAudit(const AuditEntry& entry) {
  int64_t sequence = 0;
  RETURN_NOT_OK(pool_->Write("append audit entry", [&](pqxx::work& transaction) {
    sequence = PostgresInsertAudit(transaction, entry);
    return Status::OK();
  }));
  return sequence;
}

Result<std::vector<AuditEntry>> PostgresCatalog::ListAudit(const AuditQuery& request) {
  std::vector<AuditEntry> out;
  RETURN_NOT_OK(pool_->Read("list audit log", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<AuditEntry>(ExecPrepared(transaction, "list_audit",
                                           PostgresParams()
                                               .Add(request.after_sequence)
                                               .Add(request.actor)
                                               .Add(request.target_prefix)
                                               .Add(int64_t{std::max(request.limit, 1)})),
                              ReadAudit);
    return Status::OK();
  }));
  return out;
}

}  // namespace mesh
