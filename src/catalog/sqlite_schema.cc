#include "catalog/sqlite_schema.h"

namespace mesh {
namespace {

// Times are INTEGER microseconds since the Unix epoch (UTC). Schema versions are stored as
// three integers so that SQL can order them.
constexpr std::string_view kCoreTables = R"sql(
CREATE TABLE products (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE CHECK (name <> ''),
  domain           TEXT NOT NULL CHECK (domain <> ''),
  owner            TEXT NOT NULL CHECK (owner <> ''),
  description      TEXT NOT NULL DEFAULT '',
  fields           TEXT NOT NULL DEFAULT '',  -- one "name<TAB>description" line per field
  tags             TEXT NOT NULL DEFAULT '',  -- one tag per line
  current_snapshot INTEGER NOT NULL DEFAULT 0 CHECK (current_snapshot >= 0),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);

CREATE TABLE versions (
  product_id      INTEGER NOT NULL REFERENCES products(id),
  snapshot        INTEGER NOT NULL CHECK (snapshot >= 1),
  major           INTEGER NOT NULL CHECK (major >= 0),
  minor           INTEGER NOT NULL CHECK (minor >= 0),
  patch           INTEGER NOT NULL CHECK (patch >= 0),
  descriptor_yaml TEXT NOT NULL,
  report_json     TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  object_key      TEXT NOT NULL,
  output_format   TEXT NOT NULL,
  row_count       INTEGER NOT NULL CHECK (row_count >= 0),
  bytes           INTEGER NOT NULL CHECK (bytes >= 0),
  lag_hours       REAL,
  completeness    REAL NOT NULL CHECK (completeness >= 0 AND completeness <= 1),
  publisher       TEXT NOT NULL CHECK (publisher <> ''),
  published_at    INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('current', 'superseded', 'retired')),
  readable_until  INTEGER,
  PRIMARY KEY (product_id, snapshot)
) WITHOUT ROWID;
CREATE UNIQUE INDEX versions_one_current ON versions(product_id) WHERE status = 'current';
CREATE INDEX versions_by_semver ON versions(product_id, major, minor, patch, snapshot);

-- upstream is a product name or "source:<system>/<object>"; downstream is a product name.
CREATE TABLE lineage_edges (
  upstream   TEXT NOT NULL CHECK (upstream <> ''),
  downstream TEXT NOT NULL CHECK (downstream <> ''),
  PRIMARY KEY (upstream, downstream)
) WITHOUT ROWID;
CREATE INDEX lineage_by_downstream ON lineage_edges(downstream, upstream);

CREATE TABLE consumers (
  product TEXT NOT NULL,
  team    TEXT NOT NULL CHECK (team <> ''),
  PRIMARY KEY (product, team)
) WITHOUT ROWID;

CREATE TABLE quarantine (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  product           TEXT NOT NULL CHECK (product <> ''),
  major             INTEGER NOT NULL,
  minor             INTEGER NOT NULL,
  patch             INTEGER NOT NULL,
  reason            TEXT NOT NULL CHECK (reason <> ''),
  report_json       TEXT NOT NULL,
  object_key        TEXT NOT NULL,
  person            TEXT NOT NULL CHECK (person <> ''),
  created_at        INTEGER NOT NULL
);
CREATE INDEX quarantine_by_product ON quarantine(product, id);

-- Append-only: the triggers refuse every UPDATE and DELETE. prev_hash/hash hold the hash chain
-- that the server adds (each entry's hash covers its fields and the previous hash).
CREATE TABLE audit_log (
  sequence  INTEGER PRIMARY KEY AUTOINCREMENT,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL CHECK (actor <> ''),
  action    TEXT NOT NULL CHECK (action <> ''),
  target    TEXT NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome <> ''),
  details   TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL DEFAULT '',
  hash      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_actor ON audit_log(actor, sequence);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
)sql";

// Full-text search over products, kept in step with the products table by triggers.
// bm25 column weights are chosen at query time.
constexpr std::string_view kSearchIndex = R"sql(
CREATE VIRTUAL TABLE product_search USING fts5(
  name, description, fields, tags, domain,
  content = 'products', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
  INSERT INTO product_search(rowid, name, description, fields, tags, domain)
  VALUES (new.id, new.name, new.description, new.fields, new.tags, new.domain);
END;
CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
  INSERT INTO product_search(product_search, rowid, name, description, fields, tags, domain)
  VALUES ('delete', old.id, old.name, old.description, old.fields, old.tags, old.domain);
END;
CREATE TRIGGER products_search_update AFTER UPDATE ON products BEGIN
  INSERT INTO product_search(product_search, rowid, name, description, fields, tags, domain)
  VALUES ('delete', old.id, old.name, old.description, old.fields, old.tags, old.domain);
  INSERT INTO product_search(rowid, name, description, fields, tags, domain)
  VALUES (new.id, new.name, new.description, new.fields, new.tags, new.domain);
END;
INSERT INTO product_search(product_search) VALUES ('rebuild');
)sql";

// Service level monitoring (docs/sla.md): per-period availability decisions and tick state,
// incidents (one per product and breach), notifications to teams with their webhook
// deliveries, and consumer reports with comments.
constexpr std::string_view kServiceLevels = R"sql(
CREATE TABLE sla_periods (
  product      TEXT NOT NULL CHECK (product <> ''),
  deadline     INTEGER NOT NULL,
  period_start INTEGER NOT NULL,
  period       TEXT NOT NULL,
  availability TEXT NOT NULL,
  met          INTEGER NOT NULL CHECK (met IN (0, 1)),
  met_by       TEXT NOT NULL DEFAULT '',
  evaluated_at INTEGER NOT NULL,
  PRIMARY KEY (product, deadline)
) WITHOUT ROWID;

CREATE TABLE sla_tick_state (
  product           TEXT PRIMARY KEY CHECK (product <> ''),
  evaluated_through INTEGER NOT NULL,
  ticked_at         INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE incidents (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  product         TEXT NOT NULL CHECK (product <> ''),
  kind            TEXT NOT NULL CHECK (kind IN ('late', 'lag', 'completeness')),
  breach_key      TEXT NOT NULL CHECK (breach_key <> ''),
  breach_at       INTEGER NOT NULL,
  summary         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
  opened_at       INTEGER NOT NULL,
  acknowledged_by TEXT NOT NULL DEFAULT '',
  acknowledged_at INTEGER,
  closed_by       TEXT NOT NULL DEFAULT '',
  closed_at       INTEGER,
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (product, breach_key)
);
CREATE INDEX incidents_by_status ON incidents(status, id);

CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  team       TEXT NOT NULL CHECK (team <> ''),
  product    TEXT NOT NULL,
  subject    TEXT NOT NULL CHECK (subject IN ('incident', 'report')),
  subject_id INTEGER NOT NULL,
  event      TEXT NOT NULL CHECK (event <> ''),
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notifications_by_team ON notifications(team, id);

CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL UNIQUE REFERENCES notifications(id),
  url             TEXT NOT NULL CHECK (url <> ''),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  delivered_at    INTEGER
);
CREATE INDEX webhook_deliveries_by_status ON webhook_deliveries(status, id);

CREATE TABLE consumer_reports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  product     TEXT NOT NULL CHECK (product <> ''),
  title       TEXT NOT NULL CHECK (title <> ''),
  body        TEXT NOT NULL DEFAULT '',
  opened_by   TEXT NOT NULL CHECK (opened_by <> ''),
  opened_at   INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_by TEXT NOT NULL DEFAULT '',
  resolved_at INTEGER
);
CREATE INDEX consumer_reports_by_product ON consumer_reports(product, id);

CREATE TABLE report_comments (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id  INTEGER NOT NULL REFERENCES consumer_reports(id),
  person     TEXT NOT NULL CHECK (person <> ''),
  body       TEXT NOT NULL CHECK (body <> ''),
  created_at INTEGER NOT NULL
);
CREATE INDEX report_comments_by_report ON report_comments(report_id, id);
)sql";

// The read meter (usage_records.h): one row per successful data read. Append-only like the
// audit log: charge-back must not change after the fact.
constexpr std::string_view kUsageTables = R"sql(
CREATE TABLE read_usage (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  product  TEXT NOT NULL CHECK (product <> ''),
  snapshot INTEGER NOT NULL CHECK (snapshot >= 1),
  person   TEXT NOT NULL CHECK (person <> ''),
  team     TEXT NOT NULL,
  bytes    INTEGER NOT NULL CHECK (bytes >= 0),
  at       INTEGER NOT NULL
);
CREATE INDEX read_usage_by_time ON read_usage(at, id);
CREATE TRIGGER read_usage_no_update BEFORE UPDATE ON read_usage
BEGIN SELECT RAISE(ABORT, 'the read meter is append-only: entries cannot be changed'); END;
CREATE TRIGGER read_usage_no_delete BEFORE DELETE ON read_usage
BEGIN SELECT RAISE(ABORT, 'the read meter is append-only: entries cannot be deleted'); END;
)sql";

// API tokens (only the SHA-256 of the secret), grants of a product's data to a team, access
// requests and their decisions (access_records.h). Levels are classification level names.
constexpr std::string_view kAccessTables = R"sql(
CREATE TABLE access_tokens (
  id            TEXT PRIMARY KEY CHECK (id <> ''),
  person        TEXT NOT NULL CHECK (person <> ''),
  secret_sha256 TEXT NOT NULL CHECK (length(secret_sha256) = 64),
  created_by    TEXT NOT NULL CHECK (created_by <> ''),
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER,
  revoked_at    INTEGER,
  revoked_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_tokens_by_person ON access_tokens(person, created_at);

CREATE TABLE access_requests (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  product       TEXT NOT NULL CHECK (product <> ''),
  team          TEXT NOT NULL CHECK (team <> ''),
  person        TEXT NOT NULL CHECK (person <> ''),
  purpose       TEXT NOT NULL CHECK (purpose <> ''),
  level         TEXT NOT NULL CHECK (level <> ''),
  pii           INTEGER NOT NULL CHECK (pii IN (0, 1)),
  status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
  requested_at  INTEGER NOT NULL,
  decided_by    TEXT NOT NULL DEFAULT '',
  decided_at    INTEGER,
  decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_requests_by_product ON access_requests(product, id);

CREATE TABLE access_grants (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  product    TEXT NOT NULL CHECK (product <> ''),
  team       TEXT NOT NULL CHECK (team <> ''),
  level      TEXT NOT NULL CHECK (level <> ''),
  pii        INTEGER NOT NULL CHECK (pii IN (0, 1)),
  granted_by TEXT NOT NULL CHECK (granted_by <> ''),
  granted_at INTEGER NOT NULL,
  expires_at INTEGER,
  request_id INTEGER REFERENCES access_requests(id),
  revoked_at INTEGER,
  revoked_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_grants_by_product ON access_grants(product, team, id);
CREATE UNIQUE INDEX access_grants_one_per_request ON access_grants(request_id)
  WHERE request_id IS NOT NULL;
)sql";

// SQLite cannot change a CHECK constraint in place: both tables are rebuilt with their rows (the
// deliveries first, as they reference the notifications; a rename rewrites that reference).
constexpr std::string_view kVersionNotifications = R"sql(
CREATE TABLE notifications_v6 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  team       TEXT NOT NULL CHECK (team <> ''),
  product    TEXT NOT NULL,
  subject    TEXT NOT NULL CHECK (subject IN ('incident', 'report', 'version')),
  subject_id INTEGER NOT NULL,
  event      TEXT NOT NULL CHECK (event <> ''),
  message    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO notifications_v6 SELECT id, team, product, subject, subject_id, event, message,
  created_at FROM notifications;
CREATE TABLE webhook_deliveries_v6 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL UNIQUE REFERENCES notifications_v6(id),
  url             TEXT NOT NULL CHECK (url <> ''),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  delivered_at    INTEGER
);
INSERT INTO webhook_deliveries_v6 SELECT id, notification_id, url, status, attempts,
  last_attempt_at, last_error, delivered_at FROM webhook_deliveries;
DROP TABLE webhook_deliveries;
DROP TABLE notifications;
ALTER TABLE notifications_v6 RENAME TO notifications;
ALTER TABLE webhook_deliveries_v6 RENAME TO webhook_deliveries;
CREATE INDEX notifications_by_team ON notifications(team, id);
CREATE INDEX webhook_deliveries_by_status ON webhook_deliveries(status, id);
)sql";

constexpr SqliteMigration kMigrations[] = {
    {1, "core tables: products, versions, lineage, consumers, quarantine, audit log", kCoreTables},
    {2, "full-text search index over products (FTS5)", kSearchIndex},
    {3, "access", kAccessTables},
    {4, "service_levels", kServiceLevels},
    {5, "usage", kUsageTables},
    {6, "notifications about versions (a new major tells its consumers)", kVersionNotifications},
};

}  // namespace

std::span<const SqliteMigration> SqliteCatalogMigrations() { return kMigrations; }

}  // namespace mesh
