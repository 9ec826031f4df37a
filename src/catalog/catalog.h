// Catalog: what has been published in the mesh. Products, their immutable version snapshots,
// lineage edges, consumer teams, quarantined attempts, an append-only audit log, and full-text
// search. The embedded default is SQLite (sqlite_catalog.h); a PostgreSQL implementation can
// follow without changing callers: everything here is plain values and Status, and the contract
// test suite (catalog_contract_test.cc) runs against every implementation.
//
// Publishing is optimistic: a publisher reads the product (its current snapshot), decides, and
// calls CommitVersion with the snapshot it based its decision on. Exactly one of several racing
// commits on that base wins; the others get a Conflict status that says to retry.
//
// Safe for concurrent use by several threads and by several processes sharing one catalog.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "catalog/access_records.h"
#include "catalog/sla_records.h"
#include "catalog/usage_records.h"
#include "model/descriptor.h"

namespace mesh {

enum class VersionStatus { kCurrent, kSuperseded, kRetired };
std::string_view VersionStatusName(VersionStatus status);  // "current", "superseded", "retired"
std::optional<VersionStatus> ParseVersionStatus(std::string_view name);

// "2.1.0" (the catalog's canonical spelling of a schema version).
std::string FormatSchemaVersion(const SchemaVersion& version);

// A field as the search index sees it.
struct SearchField {
  std::string name;
  std::string description;
};

struct ProductRecord {
  std::string name;
  std::string domain;
  std::string owner;  // team id
  std::string description;
  std::vector<std::string> tags;
  std::vector<SearchField> fields;
  int64_t current_snapshot = 0;   // 0: never published
  SchemaVersion current_version;  // meaningful when current_snapshot > 0
  Timestamp created_at;
  Timestamp updated_at;
};

// One immutable snapshot: `name@version#snapshot`.
struct VersionRecord {
  std::string product;
  SchemaVersion version;
  int64_t snapshot = 0;  // counts up per product from 1
  std::string descriptor_yaml;
  std::string report_json;
  std::string content_hash;  // SHA-256 hex of the stored object
  std::string object_key;    // the lake key ("sha256/<hex>")
  std::string output_format;
  int64_t row_count = 0;
  int64_t bytes = 0;
  std::optional<double> lag_hours;  // absent when the product has no event_time
  double completeness = 0;
  std::string publisher;
  Timestamp published_at;
  VersionStatus status = VersionStatus::kCurrent;
  std::optional<Timestamp> readable_until;  // a superseded major's end of deprecation

  // "name@2.1.0#17"
  std::string Ref() const;
};

// Who did what, when, and how it ended. Every append (inside the transaction of the change it
// records) assigns `sequence`, `prev_hash` (the previous entry's hash) and `hash`
// (AuditEntryHash, audit_chain.h); whatever the caller put there is replaced.
struct AuditEntry {
  int64_t sequence = 0;  // assigned on append, counting up from 1
  Timestamp at;
  std::string actor;    // a person, or "system"
  std::string action;   // "publish", "quarantine", "retire", "grant", "read", ...
  std::string target;   // "mission_completion_rate@2.1.0#17", ...
  std::string outcome;  // "ok", "rejected", "conflict", "denied", ...
  std::string details;  // free text or JSON
  std::string prev_hash;
  std::string hash;
};

// An upstream → downstream edge. Upstream is a product name or "source:<system>/<object>".
struct LineageEdge {
  std::string upstream;
  std::string downstream;
  auto operator<=>(const LineageEdge&) const = default;
};

struct QuarantineEntry {
  int64_t id = 0;  // assigned when added
  std::string product;
  SchemaVersion attempted_version;
  std::string reason;
  std::string report_json;
  std::string object_key;  // the rejected data in the lake; empty when not stored
  std::string person;
  Timestamp at;
};

// Everything one successful publish writes, committed in a single transaction.
struct CommitVersionRequest {
  ProductRecord product;  // name, domain, owner, description, tags, fields (times ignored)
  VersionRecord version;  // product, snapshot and status are assigned by the catalog
  // The product's current snapshot the publisher based its checks on (0 for a first publish).
  int64_t expected_current_snapshot = 0;
  std::vector<std::string> lineage;         // upstream names of this product
  std::vector<std::string> consumer_teams;  // replaces the product's consumer list
  // When the new version raises the major: how long the previous major stays readable.
  std::optional<Timestamp> previous_major_readable_until;
  // Told with the commit (subject "version", subject_id the new snapshot): a new major tells the
  // teams that consume the product (data-product.md "Versions").
  std::vector<NotificationDraft> notifications;
  AuditEntry audit;  // sequence assigned by the catalog
};

// `NAME`, `NAME@VERSION` or `NAME@VERSION#SNAPSHOT` (or `NAME#SNAPSHOT`).
struct VersionSelector {
  std::optional<SchemaVersion> version;
  std::optional<int64_t> snapshot;
};

struct ProductFilter {
  std::optional<std::string> domain;
  std::optional<std::string> owner;
};

struct SearchQuery {
  std::string text;  // words; each must match (prefix match), any order
  std::optional<std::string> domain;
  std::optional<std::string> tag;
  int limit = 20;
};

struct SearchHit {
  std::string product;
  std::string domain;
  std::string description;
  double score = 0;  // higher is better (negated bm25)
};

struct AuditQuery {
  int64_t after_sequence = 0;  // entries with a larger sequence
  std::optional<std::string> actor;
  std::optional<std::string> target_prefix;
  int limit = 1000;
};

class Catalog {
 public:
  virtual ~Catalog() = default;

  // Where the catalog lives, in the form OpenCatalog accepts.
  virtual std::string Uri() const = 0;

  // Records a new current snapshot (numbered expected_current_snapshot + 1), the product's
  // metadata, its lineage and consumers, and the audit entry, all or nothing. Conflict when the
  // product's current snapshot is no longer `expected_current_snapshot` (someone else won);
  // FailedPrecondition when the version is lower than the current one.
  virtual Result<VersionRecord> CommitVersion(const CommitVersionRequest& request) = 0;

  virtual Result<ProductRecord> GetProduct(std::string_view name) = 0;
  virtual Result<std::vector<ProductRecord>> ListProducts(const ProductFilter& filter) = 0;
  // Every snapshot of the product, newest first.
  virtual Result<std::vector<VersionRecord>> ListVersions(std::string_view product) = 0;
  // No selector: the current snapshot; a version: its newest snapshot; a snapshot: that one.
  virtual Result<VersionRecord> GetVersion(std::string_view product,
                                           const VersionSelector& selector) = 0;
  // Marks every snapshot of `major` retired (no longer readable).
  virtual Status RetireMajor(std::string_view product, int major, const AuditEntry& audit) = 0;

  // Edges into `node` (its inputs) and out of it (what consumes it), sorted.
  virtual Result<std::vector<LineageEdge>> Upstream(std::string_view node) = 0;
  virtual Result<std::vector<LineageEdge>> Downstream(std::string_view node) = 0;
  virtual Result<std::vector<LineageEdge>> ListLineageEdges() = 0;
  virtual Result<std::vector<std::string>> ListConsumers(std::string_view product) = 0;

  // Ranked full-text search over names, descriptions, field names and descriptions, tags and
  // domains. InvalidArgument for a query with no words.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  // Records a rejected publish together with its audit entry; returns the entry's id.
  virtual Result<int64_t> AddQuarantine(const QuarantineEntry& entry, const AuditEntry& audit) = 0;
  // Newest first; all products when `product` is empty.
  virtual Result<std::vector<QuarantineEntry>> ListQuarantine(std::string_view product) = 0;
  virtual Result<QuarantineEntry> GetQuarantine(int64_t id) = 0;
  virtual Status RemoveQuarantine(int64_t id, const AuditEntry& audit) = 0;

  // The audit log only grows: there is no update and no delete.
  virtual Result<int64_t> AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(const AuditQuery& query) = 0;

  // --- Service levels, incidents, notifications, consumer reports (sla_records.h) ---
  // Every change below writes its audit entry in the same transaction. Where the catalog assigns
  // the new record's id, an empty `audit.target` becomes "incident/<id>" or "report/<id>".

  // The product's tick state; nullopt before its first tick.
  virtual Result<std::optional<SlaTickState>> GetSlaTickState(std::string_view product) = 0;
  // Records one tick of one product all or nothing: the state, the periods not yet recorded,
  // the incidents not yet opened (by product and breach_key) with their notifications and
  // pending webhook deliveries, `audit`, and one "incident.open" entry per opened incident
  // (actor and time of `audit`, target "incident/<id>").
  virtual Result<SlaTickOutcome> RecordSlaTick(const SlaTickRecord& record,
                                               const AuditEntry& audit) = 0;
  // Recorded periods of the product with from < deadline <= to, oldest first.
  virtual Result<std::vector<PeriodEvaluation>> ListPeriodEvaluations(std::string_view product,
                                                                      Timestamp from,
                                                                      Timestamp to) = 0;

  // Newest first.
  virtual Result<std::vector<Incident>> ListIncidents(const IncidentFilter& filter) = 0;
  virtual Result<Incident> GetIncident(int64_t id) = 0;
  // Open → acknowledged → closed (open → closed too). FailedPrecondition for any other move;
  // NotFound for an unknown id. Returns the changed incident.
  virtual Result<Incident> TransitionIncident(const IncidentTransition& transition,
                                              const AuditEntry& audit) = 0;

  // Newest first, with each one's webhook delivery state.
  virtual Result<std::vector<Notification>> ListNotifications(const NotificationFilter& filter) = 0;
  // Deliveries not yet delivered, oldest first.
  virtual Result<std::vector<WebhookDelivery>> ListPendingDeliveries() = 0;
  // Counts an attempt; a successful one marks the delivery delivered. NotFound for an unknown id.
  virtual Status RecordWebhookAttempt(const WebhookAttempt& attempt, const AuditEntry& audit) = 0;

  // Returns the report with its id; sends `notifications` about it.
  virtual Result<ConsumerReport> OpenConsumerReport(
      const ConsumerReport& report, const std::vector<NotificationDraft>& notifications,
      const AuditEntry& audit) = 0;
  // Newest first, without comments; all products when `product` is empty.
  virtual Result<std::vector<ConsumerReport>> ListConsumerReports(std::string_view product) = 0;
  // With its comments, oldest first.
  virtual Result<ConsumerReport> GetConsumerReport(int64_t id) = 0;
  virtual Result<ReportComment> AddReportComment(const ReportComment& comment,
                                                 const AuditEntry& audit) = 0;
  // FailedPrecondition when already resolved.
  virtual Result<ConsumerReport> ResolveConsumerReport(
      int64_t id, std::string_view person, Timestamp at,
      const std::vector<NotificationDraft>& notifications, const AuditEntry& audit) = 0;
  // The read meter (usage_records.h): appends one read and returns its id; InvalidArgument for
  // an empty product or person, a snapshot below 1 or negative bytes.
  virtual Result<int64_t> RecordRead(const ReadUsageRecord& read) = 0;
  virtual Result<std::vector<ReadUsageRecord>> ListReads(const ReadUsageQuery& query) = 0;
  // Access (access_records.h). Each change is recorded together with its audit entry, all or
  // nothing. The rules of who may do what are the Authorizer's (src/access); these store.

  // AlreadyExists when the id is taken.
  virtual Status AddToken(const TokenRecord& token, const AuditEntry& audit) = 0;
  // NotFound when there is no token with this id.
  virtual Result<TokenRecord> GetToken(std::string_view id) = 0;
  // Oldest first; every person's when `person` is absent.
  virtual Result<std::vector<TokenRecord>> ListTokens(const std::optional<std::string>& person) = 0;
  // NotFound for an unknown id, FailedPrecondition when already revoked.
  virtual Status RevokeToken(std::string_view id, std::string_view revoked_by, Timestamp at,
                             const AuditEntry& audit) = 0;

  // Returns the new grant's id.
  virtual Result<int64_t> AddGrant(const GrantRecord& grant, const AuditEntry& audit) = 0;
  virtual Result<GrantRecord> GetGrant(int64_t id) = 0;
  // By id, oldest first.
  virtual Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) = 0;
  // NotFound for an unknown id, FailedPrecondition when already revoked.
  virtual Status RevokeGrant(int64_t id, std::string_view revoked_by, Timestamp at,
                             const AuditEntry& audit) = 0;

  // Records a pending request; returns its id.
  virtual Result<int64_t> AddAccessRequest(const AccessRequestRecord& request,
                                           const AuditEntry& audit) = 0;
  virtual Result<AccessRequestRecord> GetAccessRequest(int64_t id) = 0;
  // By id, oldest first.
  virtual Result<std::vector<AccessRequestRecord>> ListAccessRequests(
      const AccessRequestFilter& filter) = 0;
  // Approves (recording the decision's grant) or denies a pending request, in one transaction.
  // NotFound for an unknown id; Conflict when it is no longer pending (someone decided first);
  // InvalidArgument for an approval without a grant. Returns the decided request.
  virtual Result<AccessRequestRecord> DecideAccessRequest(const AccessDecision& decision,
                                                          const AuditEntry& audit) = 0;
};

}  // namespace mesh
