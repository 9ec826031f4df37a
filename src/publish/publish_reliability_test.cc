// Reliability of a publish (issue "Reliability tests"): every write, fsync, close, rename and
// directory sync of the lake failing in turn, with and without a power loss afterwards, and every
// write of the catalog's commit transaction failing in turn: after each, the catalog and the lake
// are consistent and the previous version is intact. Then the conflict path (two publishers on
// one snapshot) and races of threads and of processes on one SQLite catalog and local lake.
#include <sys/wait.h>
#include <unistd.h>

#include <barrier>
#include <thread>

#include "base/fault_injection_filesystem.h"
#include "base/memory_filesystem.h"
#include "lake/local_object_store.h"
#include "publish/publish_fixture_test.h"
#include "publish/version_reader.h"

namespace mesh {
namespace {

// Forwards every call to another catalog; CommitVersion first calls `before_commit` (once per
// call), so tests can make something happen between a publisher's checks and its commit.
class InterposedCatalog final : public Catalog {
 public:
  InterposedCatalog(Catalog* base, std::function<void()> before_commit)
      : base_(base), before_commit_(std::move(before_commit)) {}
  std::string Uri() const override { return base_->Uri(); }
  Result<VersionRecord> CommitVersion(const CommitVersionRequest& request) override {
    if (before_commit_) before_commit_();
    return base_->CommitVersion(request);
  }
  Result<ProductRecord> GetProduct(std::string_view name) override {
    return base_->GetProduct(name);
  }
  Result<std::vector<ProductRecord>> ListProducts(const ProductFilter& filter) override {
    return base_->ListProducts(filter);
  }
  Result<std::vector<VersionRecord>> ListVersions(std::string_view product) override {
    return base_->ListVersions(product);
  }
  Result<VersionRecord> GetVersion(std::string_view product,
                                   const VersionSelector& selector) override {
    return base_->GetVersion(product, selector);
  }
  Status RetireMajor(std::string_view product, int major, const AuditEntry& audit) override {
    return base_->RetireMajor(product, major, audit);
  }
  Result<std::vector<LineageEdge>> Upstream(std::string_view node) override {
    return base_->Upstream(node);
  }
  Result<std::vector<LineageEdge>> Downstream(std::string_view node) override {
    return base_->Downstream(node);
  }
  Result<std::vector<LineageEdge>> ListLineageEdges() override { return base_->ListLineageEdges(); }
  Result<std::vector<std::string>> ListConsumers(std::string_view product) override {
    return base_->ListConsumers(product);
  }
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override {
    return base_->Search(query);
  }
  Result<int64_t> AddQuarantine(const QuarantineEntry& entry, const AuditEntry& audit) override {
    return base_->AddQuarantine(entry, audit);
  }
  Result<std::vector<QuarantineEntry>> ListQuarantine(std::string_view product) override {
    return base_->ListQuarantine(product);
  }
  Result<QuarantineEntry> GetQuarantine(int64_t id) override { return base_->GetQuarantine(id); }
  Status RemoveQuarantine(int64_t id, const AuditEntry& audit) override {
    return base_->RemoveQuarantine(id, audit);
  }
  Result<int64_t> AppendAudit(const AuditEntry& entry) override {
    return base_->AppendAudit(entry);
  }
  Result<std::vector<AuditEntry>> ListAudit(const AuditQuery& query) override {
    return base_->ListAudit(query);
  }

  Result<std::optional<SlaTickState>> GetSlaTickState(std::string_view product) override {
    return base_->GetSlaTickState(product);
  }
  Result<SlaTickOutcome> RecordSlaTick(const SlaTickRecord& record,
                                       const AuditEntry& audit) override {
    return base_->RecordSlaTick(record, audit);
  }
  Result<std::vector<PeriodEvaluation>> ListPeriodEvaluations(std::string_view product,
                                                              Timestamp from,
                                                              Timestamp to) override {
    return base_->ListPeriodEvaluations(product, from, to);
  }
  Result<std::vector<Incident>> ListIncidents(const IncidentFilter& filter) override {
    return base_->ListIncidents(filter);
  }
  Result<Incident> GetIncident(int64_t id) override { return base_->GetIncident(id); }
  Result<Incident> TransitionIncident(const IncidentTransition& transition,
                                      const AuditEntry& audit) override {
    return base_->TransitionIncident(transition, audit);
  }
  Result<std::vector<Notification>> ListNotifications(const NotificationFilter& filter) override {
    return base_->ListNotifications(filter);
  }
  Result<std::vector<WebhookDelivery>> ListPendingDeliveries() override {
    return base_->ListPendingDeliveries();
  }
  Status RecordWebhookAttempt(const WebhookAttempt& attempt, const AuditEntry& audit) override {
    return base_->RecordWebhookAttempt(attempt, audit);
  }
  Result<ConsumerReport> OpenConsumerReport(const ConsumerReport& report,
                                            const std::vector<NotificationDraft>& notifications,
                                            const AuditEntry& audit) override {
    return base_->OpenConsumerReport(report, notifications, audit);
  }
  Result<std::vector<ConsumerReport>> ListConsumerReports(std::string_view product) override {
    return base_->ListConsumerReports(product);
  }
  Result<ConsumerReport> GetConsumerReport(int64_t id) override {
    return base_->GetConsumerReport(id);
  }
  Result<ReportComment> AddReportComment(const ReportComment& comment,
                                         const AuditEntry& audit) override {
    return base_->AddReportComment(comment, audit);
  }
  Result<ConsumerReport> ResolveConsumerReport(int64_t id, std::string_view person, Timestamp at,
                                               const std::vector<NotificationDraft>& notifications,
                                               const AuditEntry& audit) override {
    return base_->ResolveConsumerReport(id, person, at, notifications, audit);
  }
  Result<int64_t> RecordRead(const ReadUsageRecord& read) override {
    return base_->RecordRead(read);
  }
  Result<std::vector<ReadUsageRecord>> ListReads(const ReadUsageQuery& query) override {
    return base_->ListReads(query);
  }
  Status AddToken(const TokenRecord& token, const AuditEntry& audit) override {
    return base_->AddToken(token, audit);
  }
  Result<TokenRecord> GetToken(std::string_view id) override { return base_->GetToken(id); }
  Result<std::vector<TokenRecord>> ListTokens(const std::optional<std::string>& person) override {
    return base_->ListTokens(person);
  }
  Status RevokeToken(std::string_view id, std::string_view revoked_by, Timestamp at,
                     const AuditEntry& audit) override {
    return base_->RevokeToken(id, revoked_by, at, audit);
  }
  Result<int64_t> AddGrant(const GrantRecord& grant, const AuditEntry& audit) override {
    return base_->AddGrant(grant, audit);
  }
  Result<GrantRecord> GetGrant(int64_t id) override { return base_->GetGrant(id); }
  Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) override {
    return base_->ListGrants(filter);
  }
  Status RevokeGrant(int64_t id, std::string_view revoked_by, Timestamp at,
                     const AuditEntry& audit) override {
    return base_->RevokeGrant(id, revoked_by, at, audit);
  }
  Result<int64_t> AddAccessRequest(const AccessRequestRecord& request,
                                   const AuditEntry& audit) override {
    return base_->AddAccessRequest(request, audit);
  }
  Result<AccessRequestRecord> GetAccessRequest(int64_t id) override {
    return base_->GetAccessRequest(id);
  }
  Result<std::vector<AccessRequestRecord>> ListAccessRequests(
      const AccessRequestFilter& filter) override {
    return base_->ListAccessRequests(filter);
  }
  Result<AccessRequestRecord> DecideAccessRequest(const AccessDecision& decision,
                                                  const AuditEntry& audit) override {
    return base_->DecideAccessRequest(decision, audit);
  }

 private:
  Catalog* base_;
  std::function<void()> before_commit_;
};

class DiscardSink final : public WritableFile {
 public:
  Status Append(std::string_view) override { return Status::OK(); }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }
};

class PublishReliabilityTest : public testing::PublishFixture {
 protected:
  void SetUp() override {
    PublishFixture::SetUp();
    auto local = LocalObjectStore::Make(faulty_fs_, "/lake");
    ASSERT_TRUE(local.ok()) << local.status().ToString();
    local_ = std::move(*local);
  }

  // Orders whose amounts depend on `n`, so each publish stores a new object.
  std::string DistinctData(int n) {
    const std::string file = "orders-" + std::to_string(n) + ".csv";
    Write(file, "order_id,ordered_at,amount,customer_email\n1,2026-11-20T06:00:00Z," +
                    std::to_string(n) + ".25,a@example.org\n");
    return file;
  }

  Result<PublishOutcome> RunOnLocalLake(const std::string& data) {
    auto workspace = Workspace::Open(fs_, root_);
    if (!workspace.ok()) return workspace.status();
    PublishRequest request = Request(*workspace, data);
    request.lake = local_.get();
    return Publish(request);
  }

  // The catalog names `snapshots` versions, the newest current; each one's object is in the
  // lake whole (its bytes hash to its key) and reads back with its row count; each has its
  // audit entry; every object file of the lake hashes to its own name.
  void ExpectConsistent(int64_t snapshots, const std::string& context) {
    SCOPED_TRACE(context);
    EXPECT_EQ(CurrentSnapshot(), snapshots);
    auto versions = catalog_->ListVersions("orders");
    ASSERT_TRUE(versions.ok()) << versions.status().ToString();
    ASSERT_EQ(static_cast<int64_t>(versions->size()), snapshots);
    auto audit = catalog_->ListAudit({});
    ASSERT_TRUE(audit.ok());
    for (const VersionRecord& version : *versions) {
      EXPECT_TRUE(local_->Verify(version.object_key).ok()) << version.Ref();
      ReadRequest read;
      read.product = "orders";
      read.selector.snapshot = version.snapshot;
      read.now = clock_.Now();
      DiscardSink sink;
      auto result = ReadVersion(*catalog_, *local_, read, &sink);
      ASSERT_TRUE(result.ok()) << version.Ref() << ": " << result.status().ToString();
      EXPECT_EQ(result->rows, version.row_count);
    }
    EXPECT_EQ(std::count_if(audit->begin(), audit->end(),
                            [](const AuditEntry& entry) { return entry.action == "publish"; }),
              snapshots)
        << "one audit entry per version, committed with it";
    auto objects = memory_fs_->ListFilesRecursive("/lake/objects", "");
    ASSERT_TRUE(objects.ok());
    for (const std::string& path : *objects) {
      const std::string hex = path.substr(std::string("/lake/objects/").size(), 2) +
                              path.substr(std::string("/lake/objects/ab/").size());
      EXPECT_TRUE(local_->Verify(ObjectKeyForSha256(hex)).ok()) << path;
    }
  }

  std::shared_ptr<MemoryFileSystem> memory_fs_ = std::make_shared<MemoryFileSystem>();
  std::shared_ptr<FaultInjectionFileSystem> faulty_fs_ =
      std::make_shared<FaultInjectionFileSystem>(memory_fs_);
  std::unique_ptr<LocalObjectStore> local_;
};

std::string OpName(FsOp op) {
  static const char* kNames[] = {"open-read", "open-write", "append", "sync",       "close",
                                 "rename",    "sync-dir",   "remove", "create-dirs"};
  return kNames[static_cast<int>(op)];
}

// Each lake operation of a publish fails in turn (the 1st call, the 2nd, ... until a publish
// makes fewer calls than that), then the power fails: the previous version stays current and
// whole; a publish that went through (the fault hit a clean-up) is whole too, power loss or not.
TEST_F(PublishReliabilityTest, EveryLakeWriteFsyncAndRenameFailingInTurnLeavesAConsistentState) {
  ASSERT_EQ(RunOnLocalLake("good.csv")->result, PublishResult::kPublished);
  int64_t snapshots = 1;
  int faults = 0;
  int attempts = 0;
  for (FsOp op : {FsOp::kOpenWrite, FsOp::kAppend, FsOp::kSync, FsOp::kClose, FsOp::kRename,
                  FsOp::kSyncDir, FsOp::kCreateDirs, FsOp::kRemove}) {
    for (int n = 1;; ++n) {
      const std::string context = OpName(op) + " call " + std::to_string(n);
      faulty_fs_->Reset();
      faulty_fs_->FailNth(op, n);
      clock_.Advance(kMicrosPerHour);
      auto outcome = RunOnLocalLake(DistinctData(++attempts));
      const bool hit = faulty_fs_->Calls(op) >= n;
      faulty_fs_->Reset();
      if (outcome.ok() && outcome->result == PublishResult::kPublished) ++snapshots;
      ExpectConsistent(snapshots, context);
      memory_fs_->SimulatePowerLoss();
      ExpectConsistent(snapshots, context + ", then power loss");
      if (!hit) break;
      ++faults;
      EXPECT_TRUE(!outcome.ok() || outcome->result == PublishResult::kPublished) << context;
    }
  }
  EXPECT_GE(faults, 8) << "every kind of operation should have failed at least once";
}

// The catalog's commit transaction fails before each of its writes in turn: nothing of the new
// version is visible, the previous one stays current and whole; the staged object is an orphan
// of the lake, never current.
TEST_F(PublishReliabilityTest, CatalogCommitFailingAtEachStepLeavesThePreviousVersionCurrent) {
  ASSERT_EQ(RunOnLocalLake("good.csv")->result, PublishResult::kPublished);
  auto audit_before = catalog_->ListAudit({}).ValueOr({});
  for (int step = 1; step <= 7; ++step) {
    catalog_->FailCommitAtStepForTesting(step);
    clock_.Advance(kMicrosPerHour);
    auto outcome = RunOnLocalLake(DistinctData(step));
    catalog_->FailCommitAtStepForTesting(0);
    EXPECT_FALSE(outcome.ok()) << "step " << step;
    ExpectConsistent(1, "commit step " + std::to_string(step));
    EXPECT_EQ(catalog_->ListAudit({}).ValueOr({}).size(), audit_before.size()) << step;
  }
  clock_.Advance(kMicrosPerHour);
  auto after = RunOnLocalLake("good.csv");
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->version->Ref(), "orders@1.2.0#2");
  ExpectConsistent(2, "after the failures");
}

// Two publishers read the same current snapshot; the second commits while the first is between
// its checks and its commit: exactly one wins, the other gets Conflict saying to run it again.
TEST_F(PublishReliabilityTest, TwoPublishersOnOneSnapshotOneWinsTheOtherIsToldToRetry) {
  ASSERT_EQ(Run("good.csv")->result, PublishResult::kPublished);
  auto workspace = Workspace::Open(fs_, root_);
  ASSERT_TRUE(workspace.ok());
  Result<PublishOutcome> second = Status::Internal("not run");
  InterposedCatalog interposed(catalog_.get(), [&] {
    if (second.status().code() != StatusCode::kInternal) return;  // only once
    second = Publish(Request(*workspace, "good.csv", "bob"));
  });
  PublishRequest first_request = Request(*workspace, "good.csv", "alice");
  first_request.catalog = &interposed;
  auto first = Publish(first_request);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->result, PublishResult::kPublished);
  EXPECT_EQ(second->version->Ref(), "orders@1.2.0#2");
  ASSERT_FALSE(first.ok());
  EXPECT_TRUE(first.status().IsConflict()) << first.status().ToString();
  EXPECT_NE(first.status().message().find("run the publish again"), std::string::npos)
      << first.status().message();
  EXPECT_EQ(CurrentSnapshot(), 2);
  EXPECT_EQ(catalog_->GetVersion("orders", {})->publisher, "bob");

  auto retry = Publish(first_request);
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->version->Ref(), "orders@1.2.0#3");
}

constexpr int kRacers = 6;

// kRacers threads, each with its own catalog connection, publish the same version on the same
// base snapshot into one local lake; a barrier holds each at its commit until all are there.
TEST_F(PublishReliabilityTest, RacingThreadsOnOneSnapshotHaveExactlyOneWinner) {
  auto lake = LocalObjectStore::Make(fs_, root_ + "/.mesh/lake");
  ASSERT_TRUE(lake.ok());
  std::barrier at_commit(kRacers);
  std::vector<Result<PublishOutcome>> outcomes(kRacers, Status::Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      auto workspace = Workspace::Open(fs_, root_);
      auto own = SqliteCatalog::Open(root_ + "/.mesh/catalog.db");
      if (!workspace.ok() || !own.ok()) return;
      InterposedCatalog interposed(own->get(), [&] { at_commit.arrive_and_wait(); });
      PublishRequest request = Request(*workspace, "good.csv", i % 2 ? "alice" : "bob");
      request.catalog = &interposed;
      request.lake = lake->get();
      request.openlineage_dir.clear();
      request.threads = 1;
      outcomes[i] = Publish(request);
    });
  }
  for (std::thread& thread : threads) thread.join();
  int winners = 0;
  for (const auto& outcome : outcomes) {
    if (outcome.ok()) {
      EXPECT_EQ(outcome->result, PublishResult::kPublished);
      EXPECT_EQ(outcome->version->Ref(), "orders@1.2.0#1");
      ++winners;
    } else {
      EXPECT_TRUE(outcome.status().IsConflict()) << outcome.status().ToString();
    }
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(CurrentSnapshot(), 1);
  for (const VersionRecord& version : catalog_->ListVersions("orders").ValueOr({})) {
    EXPECT_TRUE((*lake)->Verify(version.object_key).ok()) << version.Ref();
  }
}

// The same race between processes (fork): each child reaches its commit, tells the parent, and
// waits; the parent releases them all at once. Exit codes: 0 won, 1 conflict, 2 anything else.
TEST_F(PublishReliabilityTest, RacingProcessesOnOneSnapshotHaveExactlyOneWinner) {
  int ready[2];
  int go[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(go), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < kRacers; ++i) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(ready[0]);
      ::close(go[1]);
      auto workspace = Workspace::Open(fs_, root_);
      auto own = SqliteCatalog::Open(root_ + "/.mesh/catalog.db");
      auto lake = LocalObjectStore::Make(fs_, root_ + "/.mesh/lake");
      if (!workspace.ok() || !own.ok() || !lake.ok()) ::_exit(2);
      InterposedCatalog interposed(own->get(), [&] {
        (void)!::write(ready[1], "r", 1);
        char released;
        (void)!::read(go[0], &released, 1);  // returns when the parent closes the pipe
      });
      PublishRequest request = Request(*workspace, "good.csv");
      request.catalog = &interposed;
      request.lake = lake->get();
      request.openlineage_dir.clear();
      request.threads = 1;
      auto outcome = Publish(request);
      own->reset();
      ::_exit(outcome.ok() ? 0 : outcome.status().IsConflict() ? 1 : 2);
    }
    children.push_back(pid);
  }
  ::close(ready[1]);
  ::close(go[0]);
  for (int i = 0; i < kRacers; ++i) {
    char byte;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1) << "a child died before its commit";
  }
  ::close(go[1]);  // every child is at its commit: release them together
  ::close(ready[0]);
  int winners = 0;
  int conflicts = 0;
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    winners += WEXITSTATUS(status) == 0;
    conflicts += WEXITSTATUS(status) == 1;
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(conflicts, kRacers - 1);
  auto versions = catalog_->ListVersions("orders").ValueOr({});
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].status, VersionStatus::kCurrent);
  auto lake = LocalObjectStore::Make(fs_, root_ + "/.mesh/lake");
  ASSERT_TRUE(lake.ok());
  EXPECT_TRUE((*lake)->Verify(versions[0].object_key).ok());
}

}  // namespace
}  // namespace mesh
