// The SQLite catalog: the contract suite, plus what only SQLite has: migrations, WAL,
// the append-only trigger, several processes racing on one file, and rollback at every step.
#include "catalog/sqlite_catalog.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "base/memory_filesystem.h"
#include "catalog/catalog_contract_test.h"
#include "catalog/open_catalog.h"
#include "catalog/sqlite_connection.h"
#include "catalog/sqlite_schema.h"

namespace mesh {
namespace {

CatalogBackend SqliteBackend() {
  return CatalogBackend{"Sqlite",
                        [](const std::string& scratch) { return scratch + "/catalog.db"; },
                        [](const std::string& location) -> Result<std::unique_ptr<Catalog>> {
                          ASSIGN_OR_RAISE(auto catalog, SqliteCatalog::Open(location));
                          return std::unique_ptr<Catalog>(std::move(catalog));
                        }};
}

int LatestSchema() { return SqliteCatalogMigrations().back().version; }

INSTANTIATE_TEST_SUITE_P(Sqlite, CatalogContractTest, ::testing::Values(SqliteBackend()),
                         [](const auto& info) { return info.param.name; });

class SqliteCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    path_ = scratch_ + "/catalog.db";
  }
  void TearDown() override { std::filesystem::remove_all(scratch_); }

  std::unique_ptr<SqliteCatalog> Open(SqliteCatalog::Options options = {}) {
    auto catalog = SqliteCatalog::Open(path_, options);
    EXPECT_TRUE(catalog.ok()) << catalog.status();
    return catalog.ok() ? std::move(*catalog) : nullptr;
  }

  // A raw connection, to look at or tamper with the file the way another program could.
  std::unique_ptr<SqliteConnection> Raw() {
    auto connection = SqliteConnection::Open(path_, 1000);
    EXPECT_TRUE(connection.ok()) << connection.status();
    return connection.ok() ? std::move(*connection) : nullptr;
  }

  std::string scratch_;
  std::string path_;
};

TEST_F(SqliteCatalogTest, EmptyFileIsMigratedToTheLatestSchemaAndReopenIsIdempotent) {
  auto catalog = Open();
  ASSERT_NE(catalog, nullptr);
  const int latest = LatestSchema();
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), latest);
  ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  catalog.reset();
  catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), latest);
  EXPECT_EQ(catalog->ListVersions("p_one").ValueOr({}).size(), 1u);
  auto raw = Raw();
  auto count = raw->Prepare("SELECT COUNT(*) FROM schema_migrations", "count migrations");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(count->Step().ValueOr(false));
  EXPECT_EQ(count->Int(0), static_cast<int64_t>(SqliteCatalogMigrations().size()));
}

TEST_F(SqliteCatalogTest, OlderCatalogIsUpgradedOnOpenAndKeepsItsData) {
  SqliteCatalog::Options old_schema;
  old_schema.migrate_to = 1;
  auto catalog = Open(old_schema);
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), 1);
  auto request = MakeCommitRequest("mission_completion_rate", "1.0.0", 0);
  request.product.description = "Completed missions per day";
  // Search needs migration 2; the old schema has no index.
  ASSERT_TRUE(catalog->CommitVersion(request).ok());
  EXPECT_FALSE(catalog->Search({"missions", {}, {}, 20}).ok());
  catalog.reset();

  catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), LatestSchema());
  auto hits = catalog->Search({"missions", {}, {}, 20});
  ASSERT_TRUE(hits.ok()) << hits.status();
  ASSERT_EQ(hits->size(), 1u) << "the upgrade indexes products stored before it";
  EXPECT_EQ(hits->front().product, "mission_completion_rate");
}

// Migration 6 rebuilds notifications and webhook_deliveries (a wider CHECK on subject): their
// rows, ids and references survive, and the next ids follow the old ones.
TEST_F(SqliteCatalogTest, NotificationsSurviveTheUpgradeThatAllowsVersionNotifications) {
  SqliteCatalog::Options old_schema;
  old_schema.migrate_to = 5;
  auto catalog = Open(old_schema);
  ASSERT_NE(catalog, nullptr);
  ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("orders", "1.0.0", 0)).ok());
  ConsumerReport report;
  report.product = "orders";
  report.title = "Amounts doubled";
  report.opened_by = "carol";
  report.opened_at = *ParseTimestamp("2026-11-21T09:00:00Z");
  AuditEntry audit{0, report.opened_at, "carol", "report.open", "orders", "ok", "", "", ""};
  ASSERT_TRUE(catalog
                  ->OpenConsumerReport(report,
                                       {{"team-sales", "report_opened", "orders: Amounts doubled",
                                         std::string("http://127.0.0.1:9/hook")}},
                                       audit)
                  .ok());
  CommitVersionRequest refused = MakeCommitRequest("orders", "2.0.0", 1);
  refused.notifications = {{"analytics", "major_released", "orders 2.0.0", {}}};
  EXPECT_FALSE(catalog->CommitVersion(refused).ok()) << "schema 5 allows no version notifications";
  catalog.reset();

  catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), LatestSchema());
  auto pending = catalog->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok()) << pending.status();
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(pending->front().notification.event, "report_opened");
  EXPECT_EQ(pending->front().notification.id, 1);
  ASSERT_TRUE(catalog->CommitVersion(refused).ok());
  auto told = catalog->ListNotifications({{"analytics", "team-sales"}, 100});
  ASSERT_TRUE(told.ok());
  ASSERT_EQ(told->size(), 2u);
  EXPECT_EQ(told->front().subject, "version") << "newest first";
  EXPECT_EQ(told->front().id, 2);
}

TEST_F(SqliteCatalogTest, CatalogFromANewerMeshIsRefused) {
  ASSERT_NE(Open(), nullptr);
  auto raw = Raw();
  ASSERT_TRUE(raw->Exec("INSERT INTO schema_migrations VALUES (99, 'future', 0)", "tamper").ok());
  raw.reset();
  auto catalog = SqliteCatalog::Open(path_);
  ASSERT_EQ(catalog.status().code(), StatusCode::kFailedPrecondition) << catalog.status();
  EXPECT_NE(catalog.status().message().find("upgrade mesh"), std::string::npos);
}

TEST_F(SqliteCatalogTest, UsesWriteAheadLogging) {
  ASSERT_NE(Open(), nullptr);
  auto raw = Raw();
  auto mode = raw->Prepare("PRAGMA journal_mode", "read journal mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(mode->Step().ValueOr(false));
  EXPECT_EQ(mode->Text(0), "wal");
}

TEST_F(SqliteCatalogTest, AuditLogCannotBeChangedOrDeleted) {
  auto catalog = Open();
  ASSERT_TRUE(catalog->AppendAudit({0, Timestamp{1}, "alice", "read", "x", "ok", "", "", ""}).ok());
  auto raw = Raw();
  Status update = raw->Exec("UPDATE audit_log SET actor = 'mallory'", "tamper");
  EXPECT_EQ(update.code(), StatusCode::kFailedPrecondition) << update;
  EXPECT_NE(update.message().find("append-only"), std::string::npos);
  EXPECT_FALSE(raw->Exec("DELETE FROM audit_log", "tamper").ok());
  EXPECT_EQ(catalog->ListAudit({}).ValueOr({}).front().actor, "alice");
}

TEST_F(SqliteCatalogTest, FailureAtAnyStepOfACommitLeavesThePreviousVersionWhole) {
  auto catalog = Open();
  auto first = MakeCommitRequest("p_one", "1.0.0", 0);
  first.lineage = {"source:erp/orders"};
  first.consumer_teams = {"analytics"};
  first.product.description = "Kerosene burnt";
  ASSERT_TRUE(catalog->CommitVersion(first).ok());
  for (int step = 1; step <= 7; ++step) {
    SCOPED_TRACE("failing before write step " + std::to_string(step));
    catalog->FailCommitAtStepForTesting(step);
    auto second = MakeCommitRequest("p_one", "2.0.0", 1);
    second.lineage = {"other_product"};
    second.consumer_teams = {"finance"};
    second.product.description = "Hydrogen burnt";
    second.previous_major_readable_until = Timestamp{5};
    auto failed = catalog->CommitVersion(second);
    EXPECT_TRUE(failed.status().IsIOError()) << failed.status();
    auto reader = Open();  // a fresh connection sees only committed state
    ASSERT_NE(reader, nullptr);
    auto product = reader->GetProduct("p_one").ValueOr({});
    EXPECT_EQ(product.current_snapshot, 1);
    EXPECT_EQ(product.description, "Kerosene burnt");
    auto versions = reader->ListVersions("p_one").ValueOr({});
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions[0].status, VersionStatus::kCurrent);
    EXPECT_FALSE(versions[0].readable_until.has_value());
    EXPECT_EQ(reader->Upstream("p_one").ValueOr({}),
              (std::vector<LineageEdge>{{"source:erp/orders", "p_one"}}));
    EXPECT_EQ(reader->ListConsumers("p_one").ValueOr({}), std::vector<std::string>{"analytics"});
    EXPECT_EQ(reader->ListAudit({}).ValueOr({}).size(), 1u);
    EXPECT_EQ(reader->Search({"kerosene", {}, {}, 20}).ValueOr({}).size(), 1u);
    EXPECT_TRUE(reader->Search({"hydrogen", {}, {}, 20}).ValueOr({{}}).empty());
  }
  catalog->FailCommitAtStepForTesting(0);
  ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("p_one", "2.0.0", 1)).ok());
}

// Several processes commit the same next snapshot of one product against one file: exactly one
// wins, every other gets Conflict. Children report through their exit code.
TEST_F(SqliteCatalogTest, ExactlyOneWinnerAmongRacingProcesses) {
  {
    auto catalog = Open();
    ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("raced", "1.0.0", 0)).ok());
  }
  constexpr int kProcesses = 6;
  int start[2];
  ASSERT_EQ(::pipe(start), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < kProcesses; ++i) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(start[1]);
      char go;
      (void)!::read(start[0], &go, 1);  // blocks until the parent closes the pipe
      auto catalog = SqliteCatalog::Open(path_);
      if (!catalog.ok()) ::_exit(3);
      auto request = MakeCommitRequest("raced", "1.0.0", 1);
      request.version.publisher = "process" + std::to_string(i);
      Status status = (*catalog)->CommitVersion(request).status();
      catalog->reset();
      ::_exit(status.ok() ? 0 : status.IsConflict() ? 1 : 2);
    }
    children.push_back(pid);
  }
  ::close(start[0]);
  ::close(start[1]);  // releases every child at once
  int winners = 0;
  int conflicts = 0;
  for (pid_t pid : children) {
    int wstatus = 0;
    ASSERT_EQ(::waitpid(pid, &wstatus, 0), pid);
    ASSERT_TRUE(WIFEXITED(wstatus));
    int code = WEXITSTATUS(wstatus);
    EXPECT_LE(code, 1) << "a child failed with something other than a conflict: " << code;
    winners += code == 0;
    conflicts += code == 1;
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(conflicts, kProcesses - 1);
  auto catalog = Open();
  auto versions = catalog->ListVersions("raced").ValueOr({});
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].snapshot, 2);
  EXPECT_EQ(catalog->ListAudit({}).ValueOr({}).size(), 2u);
}

TEST_F(SqliteCatalogTest, UnopenableFileIsAnErrorNamingIt) {
  auto catalog = SqliteCatalog::Open(scratch_ + "/missing/dir/catalog.db");
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.status().message().find("missing/dir/catalog.db"), std::string::npos)
      << catalog.status();
}

TEST_F(SqliteCatalogTest, OpenCatalogParsesUrisAndCreatesTheDirectory) {
  auto fs = PosixFileSystem();
  auto catalog = OpenCatalog("sqlite:" + scratch_ + "/ws/.mesh/catalog.db", fs.get());
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_EQ((*catalog)->Uri(), "sqlite:" + scratch_ + "/ws/.mesh/catalog.db");
  EXPECT_TRUE(std::filesystem::exists(scratch_ + "/ws/.mesh/catalog.db"));
  EXPECT_TRUE(OpenCatalog("sqlite:", fs.get()).status().IsInvalidArgument());
  EXPECT_TRUE(OpenCatalog("catalog.db", fs.get()).status().IsInvalidArgument());
  EXPECT_EQ(DefaultCatalogUri("/ws"), "sqlite:/ws/.mesh/catalog.db");
}

}  // namespace
}  // namespace mesh
