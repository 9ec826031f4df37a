// PostgresCatalog: the scale-out Catalog, on a PostgreSQL server (12 or later; tested with 15)
// through libpqxx, chosen with `--catalog postgresql://USER@HOST:PORT/DATABASE`. Several
// `mesh` processes on several machines share one catalog.
//
// - Migrations run on open, once, under an advisory lock (postgres_schema.h).
// - CommitVersion runs in one READ COMMITTED transaction that first locks the product's row
//   (SELECT ... FOR UPDATE): racing publishers of one product queue on that lock, and each one
//   after the first re-reads the new current snapshot and gets Conflict ("retry"). A product's
//   first publish is guarded by the unique name (the loser's INSERT fails → Conflict). The
//   unique keys on (product, snapshot) and on one current row per product back the rule.
//   Serialization failures and deadlocks also map to Conflict.
// - Audit entries get their sequence under a transaction-scoped advisory lock: 1, 2, 3, ... in
//   commit order, without gaps, so a reader polling "after sequence N" never misses one. The
//   table refuses UPDATE, DELETE and TRUNCATE by trigger.
// - Search: a weighted tsvector (name > tags, domain > description > fields) with a GIN index;
//   each query word matches as a prefix; ranked by ts_rank.
//
// Safe for concurrent use: calls borrow a connection from a small pool (`pool_size=N` in the
// URI, 4 by default) for the duration of one transaction, so threads run in parallel up to the
// pool size and wait beyond it.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "base/clock.h"
#include "catalog/catalog.h"

namespace mesh {

class PostgresConnectionPool;

class PostgresCatalog final : public Catalog {
 public:
  struct Options {
    // Apply migrations only up to this version (tests of upgrades); 0 means all.
    int migrate_to = 0;
    std::shared_ptr<Clock> clock;  // stamps applied migrations; the system clock when null
  };

  // `uri`: `postgresql://` or `postgres://` in libpq's URI syntax (host, port, user, password,
  // database, and parameters such as sslmode or options=-csearch_path%3Dmesh), plus Meshwork's
  // own `pool_size=N`.
  static Result<std::unique_ptr<PostgresCatalog>> Open(const std::string& uri, Options options);
  static Result<std::unique_ptr<PostgresCatalog>> Open(const std::string& uri) {
    return Open(uri, Options());
  }
  ~PostgresCatalog() override;

  // The URI as given, with any password masked.
  std::string Uri() const override;

  Result<VersionRecord> CommitVersion(const CommitVersionRequest& request) override;
  Result<ProductRecord> GetProduct(std::string_view name) override;
  Result<std::vector<ProductRecord>> ListProducts(const ProductFilter& filter) override;
  Result<std::vector<VersionRecord>> ListVersions(std::string_view product) override;
  Result<VersionRecord> GetVersion(std::string_view product,
                                   const VersionSelector& selector) override;
  Status RetireMajor(std::string_view product, int major, const AuditEntry& audit) override;
  Result<std::vector<LineageEdge>> Upstream(std::string_view node) override;
  Result<std::vector<LineageEdge>> Downstream(std::string_view node) override;
  Result<std::vector<LineageEdge>> ListLineageEdges() override;
  Result<std::vector<std::string>> ListConsumers(std::string_view product) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<int64_t> AddQuarantine(const QuarantineEntry& entry, const AuditEntry& audit) override;
  Result<std::vector<QuarantineEntry>> ListQuarantine(std::string_view product) override;
  Result<QuarantineEntry> GetQuarantine(int64_t id) override;
  Status RemoveQuarantine(int64_t id, const AuditEntry& audit) override;
  Result<int64_t> AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(const AuditQuery& query) override;

  // Service levels and the read meter: postgres_catalog_sla.cc.
  Result<std::optional<SlaTickState>> GetSlaTickState(std::string_view product) override;
  Result<SlaTickOutcome> RecordSlaTick(const SlaTickRecord& record,
                                       const AuditEntry& audit) override;
  Result<std::vector<PeriodEvaluation>> ListPeriodEvaluations(std::string_view product,
                                                              Timestamp from,
                                                              Timestamp to) override;
  Result<std::vector<Incident>> ListIncidents(const IncidentFilter& filter) override;
  Result<Incident> GetIncident(int64_t id) override;
  Result<Incident> TransitionIncident(const IncidentTransition& transition,
                                      const AuditEntry& audit) override;
  Result<std::vector<Notification>> ListNotifications(const NotificationFilter& filter) override;
  Result<std::vector<WebhookDelivery>> ListPendingDeliveries() override;
  Status RecordWebhookAttempt(const WebhookAttempt& attempt, const AuditEntry& audit) override;
  Result<ConsumerReport> OpenConsumerReport(const ConsumerReport& report,
                                            const std::vector<NotificationDraft>& notifications,
                                            const AuditEntry& audit) override;
  Result<std::vector<ConsumerReport>> ListConsumerReports(std::string_view product) override;
  Result<ConsumerReport> GetConsumerReport(int64_t id) override;
  Result<ReportComment> AddReportComment(const ReportComment& comment,
                                         const AuditEntry& audit) override;
  Result<ConsumerReport> ResolveConsumerReport(int64_t id, std::string_view person, Timestamp at,
                                               const std::vector<NotificationDraft>& notifications,
                                               const AuditEntry& audit) override;
  Result<int64_t> RecordRead(const ReadUsageRecord& read) override;
  Result<std::vector<ReadUsageRecord>> ListReads(const ReadUsageQuery& query) override;

  // Access records (postgres_catalog_access.cc).
  Status AddToken(const TokenRecord& token, const AuditEntry& audit) override;
  Result<TokenRecord> GetToken(std::string_view id) override;
  Result<std::vector<TokenRecord>> ListTokens(const std::optional<std::string>& person) override;
  Status RevokeToken(std::string_view id, std::string_view revoked_by, Timestamp at,
                     const AuditEntry& audit) override;
  Result<int64_t> AddGrant(const GrantRecord& grant, const AuditEntry& audit) override;
  Result<GrantRecord> GetGrant(int64_t id) override;
  Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) override;
  Status RevokeGrant(int64_t id, std::string_view revoked_by, Timestamp at,
                     const AuditEntry& audit) override;
  Result<int64_t> AddAccessRequest(const AccessRequestRecord& request,
                                   const AuditEntry& audit) override;
  Result<AccessRequestRecord> GetAccessRequest(int64_t id) override;
  Result<std::vector<AccessRequestRecord>> ListAccessRequests(
      const AccessRequestFilter& filter) override;
  Result<AccessRequestRecord> DecideAccessRequest(const AccessDecision& decision,
                                                  const AuditEntry& audit) override;

  // The highest migration applied to the database.
  Result<int> SchemaVersionNumber();
  // OK when the server answers a trivial query through the pool (for health checks).
  Status Ping();

  // Tests of atomicity: CommitVersion fails with IOError just before its `step`th write
  // (1-based), after the earlier writes of its transaction were made; 0 disables.
  void FailCommitAtStepForTesting(int step) { fail_commit_at_step_ = step; }

 private:
  explicit PostgresCatalog(std::unique_ptr<PostgresConnectionPool> pool);

  static Status Migrate(PostgresConnectionPool& pool, int migrate_to, Clock* clock);
  Status MaybeFailStep(int step) const;

  std::unique_ptr<PostgresConnectionPool> pool_;
  std::atomic<int> fail_commit_at_step_{0};
};

}  // namespace mesh
