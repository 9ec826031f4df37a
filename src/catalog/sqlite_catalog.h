// SqliteCatalog: the embedded default Catalog, one SQLite file (by default
// `<workspace>/.mesh/catalog.db`) in WAL mode, shared safely by several processes: writers take
// the write lock up front (BEGIN IMMEDIATE) and wait up to the busy timeout for each other;
// unique constraints back the one-winner rule. The schema is migrated on open (sqlite_schema.h).
// Safe for concurrent use: calls on one instance are serialised by a mutex; open one instance
// per thread for parallel readers.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "base/clock.h"
#include "catalog/catalog.h"
#include "catalog/sqlite_connection.h"

namespace mesh {

class SqliteCatalog final : public Catalog {
 public:
  struct Options {
    int busy_timeout_ms = 10000;
    // Apply migrations only up to this version (tests of upgrades); 0 means all.
    int migrate_to = 0;
    std::shared_ptr<Clock> clock;  // stamps applied migrations; the system clock when null
  };

  static Result<std::unique_ptr<SqliteCatalog>> Open(const std::string& path, Options options);
  static Result<std::unique_ptr<SqliteCatalog>> Open(const std::string& path) {
    return Open(path, Options());
  }

  std::string Uri() const override { return "sqlite:" + connection_->path(); }

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
  // Service levels (sqlite_catalog_sla.cc).
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
  Result<int64_t> RecordRead(const ReadUsageRecord& read) override;  // sqlite_usage.cc
  Result<std::vector<ReadUsageRecord>> ListReads(const ReadUsageQuery& query) override;

  // Access records (sqlite_catalog_access.cc).
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

  // The highest migration applied to the file.
  Result<int> SchemaVersionNumber();

  // Tests of atomicity: CommitVersion fails with IOError just before its `step`th write
  // (1-based), after the earlier writes of its transaction were made; 0 disables.
  void FailCommitAtStepForTesting(int step) { fail_commit_at_step_ = step; }

 private:
  explicit SqliteCatalog(std::unique_ptr<SqliteConnection> connection)
      : connection_(std::move(connection)) {}

  Status Migrate(int migrate_to, Clock* clock);
  Result<int> ReadSchemaVersion();
  Status MaybeFailStep(int step) const;
  Result<std::optional<ProductRecord>> FindProduct(std::string_view name);
  Result<int64_t> UpsertProduct(const ProductRecord& product, int64_t snapshot, Timestamp now);
  Status SupersedeCurrent(int64_t product_id, const std::optional<ProductRecord>& previous,
                          const CommitVersionRequest& request);
  Status InsertVersion(int64_t product_id, int64_t snapshot, const VersionRecord& version);
  Status ReplaceLineage(std::string_view product, const std::vector<std::string>& upstream);
  Status ReplaceConsumers(std::string_view product, const std::vector<std::string>& teams);
  Result<int64_t> InsertAudit(const AuditEntry& entry);
  Result<std::vector<VersionRecord>> QueryVersions(std::string_view sql, std::string_view product,
                                                   std::string_view operation,
                                                   const VersionSelector& selector);
  Result<std::vector<LineageEdge>> QueryEdges(std::string_view sql, std::string_view node);
  Result<Incident> FindIncident(int64_t id);
  Result<ConsumerReport> FindConsumerReport(int64_t id);
  Result<int64_t> InsertGrant(const GrantRecord& grant);
  Result<std::optional<GrantRecord>> FindGrant(int64_t id);
  Result<std::optional<AccessRequestRecord>> FindAccessRequest(int64_t id);

  std::mutex mu_;
  std::unique_ptr<SqliteConnection> connection_;
  std::atomic<int> fail_commit_at_step_{0};
};

}  // namespace mesh
