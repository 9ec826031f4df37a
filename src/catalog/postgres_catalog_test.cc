// The PostgreSQL catalog: the contract suite, plus what only PostgreSQL has: migrations under an
// advisory lock, the append-only triggers, threads on several connections and several processes
// racing one publish, rollback at every step, the connection pool, URIs, error mapping.
// Every test works in its own schema of the shared throwaway server (postgres_test_server.h).
#include "catalog/postgres_catalog.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <pqxx/pqxx>
#include <thread>

#include "catalog/catalog_contract_test.h"
#include "catalog/open_catalog.h"
#include "catalog/postgres_connection.h"
#include "catalog/postgres_schema.h"
#include "catalog/postgres_test_server.h"

namespace mesh {
namespace {

CatalogBackend PostgresBackend() {
  return CatalogBackend{"Postgres",
                        [](const std::string&) -> std::string {
                          auto server = PostgresTestServer::Shared();
                          if (!server.ok()) {
                            ADD_FAILURE() << server.status();
                            return "";
                          }
                          auto uri = (*server)->CreateScratchSchema();
                          if (!uri.ok()) {
                            ADD_FAILURE() << uri.status();
                          }
                          return uri.ValueOr("");
                        },
                        [](const std::string& location) -> Result<std::unique_ptr<Catalog>> {
                          ASSIGN_OR_RAISE(auto catalog, PostgresCatalog::Open(location));
                          return std::unique_ptr<Catalog>(std::move(catalog));
                        },
                        [](const std::string& location) {
                          auto server = PostgresTestServer::Shared();
                          if (server.ok()) {
                            EXPECT_TRUE((*server)->DropScratchSchema(location).ok());
                          }
                        }};
}

INSTANTIATE_TEST_SUITE_P(Postgres, CatalogContractTest, ::testing::Values(PostgresBackend()),
                         [](const auto& info) { return info.param.name; });

class PostgresCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = PostgresTestServer::Shared();
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *server;
    auto uri = server_->CreateScratchSchema();
    ASSERT_TRUE(uri.ok()) << uri.status();
    uri_ = *uri;
  }
  void TearDown() override {
    if (!uri_.empty()) {
      EXPECT_TRUE(server_->DropScratchSchema(uri_).ok());
    }
  }

  std::unique_ptr<PostgresCatalog> Open(PostgresCatalog::Options options = {}) {
    auto catalog = PostgresCatalog::Open(uri_, options);
    EXPECT_TRUE(catalog.ok()) << catalog.status();
    return catalog.ok() ? std::move(*catalog) : nullptr;
  }

  Status Sql(const std::string& sql) { return PostgresTestServer::Execute(uri_, sql); }

  // The integer that `query` (one row, one column) returns, read on a connection of its own.
  int64_t Count(const std::string& query) {
    try {
      pqxx::connection connection(uri_);
      pqxx::nontransaction transaction(connection);
      return transaction.exec1(query)[0].as<int64_t>();
    } catch (const std::exception& error) {
      ADD_FAILURE() << error.what();
      return -1;
    }
  }

  // The application_name that tells this test's connections apart on the server.
  std::string ApplicationName() const {
    std::string name = uri_.substr(uri_.find("application_name=") + 17);
    return name.substr(0, name.find('&'));
  }

  PostgresTestServer* server_ = nullptr;
  std::string uri_;
};

TEST_F(PostgresCatalogTest, EmptySchemaIsMigratedToTheLatestAndReopenIsIdempotent) {
  const int latest = PostgresCatalogMigrations().back().version;
  const auto count = static_cast<int64_t>(PostgresCatalogMigrations().size());
  auto catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), latest);
  ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  catalog.reset();
  catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), latest);
  EXPECT_EQ(catalog->ListVersions("p_one").ValueOr({}).size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"), count);
  EXPECT_TRUE(catalog->Ping().ok());
}

TEST_F(PostgresCatalogTest, OlderCatalogIsUpgradedOnOpenAndKeepsItsData) {
  PostgresCatalog::Options old_schema;
  old_schema.migrate_to = 1;
  auto catalog = Open(old_schema);
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), 1);
  auto request = MakeCommitRequest("mission_completion_rate", "1.0.0", 0);
  request.product.description = "Completed missions per day";
  ASSERT_TRUE(catalog->CommitVersion(request).ok());
  EXPECT_FALSE(catalog->Search({"missions", {}, {}, 20}).ok()) << "no search column yet";
  catalog.reset();

  catalog = Open();
  ASSERT_NE(catalog, nullptr);
  EXPECT_EQ(catalog->SchemaVersionNumber().ValueOr(0), PostgresCatalogMigrations().back().version);
  auto hits = catalog->Search({"missions", {}, {}, 20});
  ASSERT_TRUE(hits.ok()) << hits.status();
  ASSERT_EQ(hits->size(), 1u) << "the upgrade indexes products stored before it";
  EXPECT_EQ(hits->front().product, "mission_completion_rate");
}

TEST_F(PostgresCatalogTest, CatalogFromANewerMeshIsRefused) {
  ASSERT_NE(Open(), nullptr);
  ASSERT_TRUE(Sql("INSERT INTO schema_migrations VALUES (99, 'future', 0)").ok());
  auto catalog = PostgresCatalog::Open(uri_);
  ASSERT_EQ(catalog.status().code(), StatusCode::kFailedPrecondition) << catalog.status();
  EXPECT_NE(catalog.status().message().find("upgrade mesh"), std::string::npos);
}

// Servers started at once on an empty database: the advisory lock lets one migrate while the
// others wait, then find nothing to do. Every open succeeds and each migration is applied once.
TEST_F(PostgresCatalogTest, ServersStartingAtOnceMigrateExactlyOnce) {
  constexpr int kServers = 6;
  std::vector<Status> results(kServers);
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int i = 0; i < kServers; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      results[i] = PostgresCatalog::Open(uri_).status();
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  for (const Status& status : results) EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(PostgresCatalogMigrations().size()));
}

TEST_F(PostgresCatalogTest, AuditLogCannotBeChangedDeletedOrTruncated) {
  auto catalog = Open();
  ASSERT_TRUE(catalog->AppendAudit({0, Timestamp{1}, "alice", "read", "x", "ok", "", "", ""}).ok());
  Status update = Sql("UPDATE audit_log SET actor = 'mallory'");
  EXPECT_EQ(update.code(), StatusCode::kFailedPrecondition) << update;
  EXPECT_NE(update.message().find("append-only"), std::string::npos) << update;
  EXPECT_FALSE(Sql("DELETE FROM audit_log").ok());
  EXPECT_FALSE(Sql("TRUNCATE audit_log").ok());
  EXPECT_EQ(catalog->ListAudit({}).ValueOr({}).front().actor, "alice");
}

TEST_F(PostgresCatalogTest, ReadMeterCannotBeChangedOrDeleted) {
  auto catalog = Open();
  ASSERT_TRUE(catalog->RecordRead({0, "p_one", 1, "alice", "analytics", 10, Timestamp{1}}).ok());
  EXPECT_EQ(Sql("UPDATE read_usage SET bytes = 0").code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(Sql("DELETE FROM read_usage").ok());
  EXPECT_FALSE(Sql("TRUNCATE read_usage").ok());
  EXPECT_EQ(catalog->ListReads({}).ValueOr({}).front().bytes, 10);
}

TEST_F(PostgresCatalogTest, AuditSequencesFollowCommitOrderWithoutGaps) {
  auto catalog = Open();
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto handle = PostgresCatalog::Open(uri_);
      ASSERT_TRUE(handle.ok()) << handle.status();
      for (int i = 0; i < kEach; ++i) {
        AuditEntry entry{0, Timestamp{i}, "actor" + std::to_string(t), "read", "x", "ok", "", "",
                         ""};
        EXPECT_TRUE((*handle)->AppendAudit(entry).ok());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  // A failed append consumes no number either.
  EXPECT_FALSE(catalog->AppendAudit({0, Timestamp{1}, "", "read", "x", "ok", "", "", ""}).ok());
  ASSERT_TRUE(catalog->AppendAudit({0, Timestamp{1}, "last", "read", "x", "ok", "", "", ""}).ok());
  auto all = catalog->ListAudit({0, {}, {}, 1000}).ValueOr({});
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kEach + 1));
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].sequence, static_cast<int64_t>(i + 1));
  EXPECT_EQ(all.back().actor, "last");
}

TEST_F(PostgresCatalogTest, FailureAtAnyStepOfACommitLeavesThePreviousVersionWhole) {
  auto catalog = Open();
  auto first = MakeCommitRequest("p_one", "1.0.0", 0);
  first.lineage = {"source:erp/orders"};
  first.consumer_teams = {"analytics"};
  first.product.description = "Kerosene burnt";
  ASSERT_TRUE(catalog->CommitVersion(first).ok());
  auto reader = Open();
  ASSERT_NE(reader, nullptr);
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

// Several catalog handles (each its own pool of connections, as separate servers would have),
// each used by several threads, race to commit the same next snapshot, round after round, and
// for a product's very first publish: exactly one winner each time, every loser a Conflict.
TEST_F(PostgresCatalogTest, ExactlyOneWinnerAmongThreadsOnSeveralConnections) {
  constexpr int kHandles = 3;
  constexpr int kThreadsPerHandle = 4;
  constexpr int kRounds = 4;
  std::vector<std::unique_ptr<PostgresCatalog>> handles;
  for (int h = 0; h < kHandles; ++h) {
    auto handle = PostgresCatalog::Open(uri_ + "&pool_size=" + std::to_string(kThreadsPerHandle));
    ASSERT_TRUE(handle.ok()) << handle.status();
    handles.push_back(std::move(*handle));
  }
  for (int round = 0; round <= kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round) + " (0: the first publish)");
    std::vector<Status> results(kHandles * kThreadsPerHandle);
    std::vector<std::thread> threads;
    std::atomic<bool> go{false};
    for (size_t i = 0; i < results.size(); ++i) {
      threads.emplace_back([&, i] {
        while (!go) std::this_thread::yield();
        auto request = MakeCommitRequest("raced", "1.0." + std::to_string(round), round);
        request.version.publisher = "racer" + std::to_string(i);
        results[i] = handles[i % kHandles]->CommitVersion(request).status();
      });
    }
    go = true;
    for (auto& thread : threads) thread.join();
    int winners = 0;
    for (const Status& status : results) {
      if (status.ok()) {
        ++winners;
      } else {
        EXPECT_TRUE(status.IsConflict()) << status;
        EXPECT_NE(status.message().find("retry"), std::string::npos) << status;
      }
    }
    EXPECT_EQ(winners, 1);
  }
  auto versions = handles[0]->ListVersions("raced").ValueOr({});
  ASSERT_EQ(versions.size(), static_cast<size_t>(kRounds + 1));
  for (size_t i = 0; i < versions.size(); ++i) {
    EXPECT_EQ(versions[i].snapshot, static_cast<int64_t>(kRounds + 1 - i));
    EXPECT_EQ(versions[i].status, i == 0 ? VersionStatus::kCurrent : VersionStatus::kSuperseded);
  }
  EXPECT_EQ(handles[0]->ListAudit({}).ValueOr({}).size(), static_cast<size_t>(kRounds + 1));
}

// Separate processes, as separate `mesh` servers: exactly one wins. Children report through
// their exit code.
TEST_F(PostgresCatalogTest, ExactlyOneWinnerAmongRacingProcesses) {
  {
    auto catalog = Open();
    ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("raced", "1.0.0", 0)).ok());
  }
  constexpr int kProcesses = 5;
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
      auto catalog = PostgresCatalog::Open(uri_);
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
  ::close(start[1]);
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
  EXPECT_EQ(catalog->ListVersions("raced").ValueOr({}).size(), 2u);
  EXPECT_EQ(catalog->ListAudit({}).ValueOr({}).size(), 2u);
}

// A process that froze (or whose machine vanished) inside a transaction must not hold its locks
// for hours: every pooled session ends transactions left idle for a minute, unless the URI sets
// its own limit.
TEST_F(PostgresCatalogTest, PooledSessionsEndTransactionsLeftIdle) {
  auto idle_limit = [](const std::string& uri) {
    auto parsed = PostgresUri::Parse(uri);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    auto pool = PostgresConnectionPool::Open(*parsed, [](pqxx::connection&) {});
    EXPECT_TRUE(pool.ok()) << pool.status();
    std::string value;
    Status read = (*pool)->Read("probe", [&](pqxx::transaction_base& transaction) {
      value = transaction.exec1("SHOW idle_in_transaction_session_timeout")[0].as<std::string>();
      return Status::OK();
    });
    EXPECT_TRUE(read.ok()) << read;
    return value;
  };
  EXPECT_EQ(idle_limit(uri_), "1min");
  std::string own_limit = uri_;
  const size_t options = own_limit.find("options=");
  ASSERT_NE(options, std::string::npos) << own_limit;
  own_limit.insert(options + 8, "-cidle_in_transaction_session_timeout%3D5s%20");
  EXPECT_EQ(idle_limit(own_limit), "5s");
}

TEST_F(PostgresCatalogTest, PoolNeverOpensMoreConnectionsThanItsSize) {
  auto catalog = PostgresCatalog::Open(uri_ + "&pool_size=2");
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  ASSERT_TRUE((*catalog)->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        if (!(*catalog)->GetProduct("p_one").ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  int64_t connections = Count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" +
                              ApplicationName() + "' AND pid <> pg_backend_pid()");
  EXPECT_GE(connections, 1);
  EXPECT_LE(connections, 2);
}

TEST_F(PostgresCatalogTest, ConnectionsKilledByTheServerAreReplaced) {
  auto catalog = Open();
  ASSERT_TRUE(catalog->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  ASSERT_TRUE(Sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                  "application_name = '" +
                  ApplicationName() + "' AND pid <> pg_backend_pid()")
                  .ok());
  auto product = catalog->GetProduct("p_one");
  EXPECT_TRUE(product.ok()) << product.status();
  EXPECT_TRUE(catalog->CommitVersion(MakeCommitRequest("p_one", "1.0.1", 1)).ok());
}

TEST_F(PostgresCatalogTest, SearchFoldsCaseAndDiacritics) {
  auto catalog = Open();
  auto request = MakeCommitRequest("deliveries", "1.0.0", 0);
  request.product.description = "Parcels delivered in São Paulo and Zürich";
  ASSERT_TRUE(catalog->CommitVersion(request).ok());
  EXPECT_EQ(catalog->Search({"SAO", {}, {}, 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog->Search({"zurich paulo", {}, {}, 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog->Search({"São", {}, {}, 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog->Search({"it's o'clock", {}, {}, 20}).ValueOr({{}}).size(), 0u);
}

TEST_F(PostgresCatalogTest, TextWithANulByteIsAnInputError) {
  auto catalog = Open();
  auto request = MakeCommitRequest("p_one", "1.0.0", 0);
  request.product.description = std::string("bad\0byte", 8);
  auto committed = catalog->CommitVersion(request);
  EXPECT_TRUE(committed.status().IsInvalidArgument()) << committed.status();
  EXPECT_TRUE(catalog->GetProduct("p_one").status().IsNotFound());
}

TEST_F(PostgresCatalogTest, OpenCatalogOpensPostgresUrisAndMasksPasswords) {
  auto fs = PosixFileSystem();
  auto catalog = OpenCatalog(uri_, fs.get());
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_EQ((*catalog)->Uri(), uri_);
  ASSERT_TRUE((*catalog)->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  std::string with_password = uri_;
  with_password.replace(with_password.find("postgres@"), 9, "postgres:hunter2@");
  auto with = PostgresCatalog::Open(with_password + "&pool_size=3");
  ASSERT_TRUE(with.ok()) << with.status();
  EXPECT_EQ((*with)->Uri().find("hunter2"), std::string::npos) << (*with)->Uri();
  EXPECT_NE((*with)->Uri().find("postgres:***@"), std::string::npos) << (*with)->Uri();
  EXPECT_EQ((*with)->GetProduct("p_one").ValueOr({}).current_snapshot, 1);
}

TEST(PostgresUriTest, SplitsMeshworkParametersFromLibpqOnes) {
  auto uri = PostgresUri::Parse(
      "postgresql://mesh:s3cret@db.example:5433/catalog?sslmode=require&pool_size=8");
  ASSERT_TRUE(uri.ok()) << uri.status();
  EXPECT_EQ(uri->conninfo, "postgresql://mesh:s3cret@db.example:5433/catalog?sslmode=require");
  EXPECT_EQ(uri->display, "postgresql://mesh:***@db.example:5433/catalog?sslmode=require");
  EXPECT_EQ(uri->pool_size, 8);
  auto with_password_parameter = PostgresUri::Parse("postgres://db/x?password=abc&user=u");
  ASSERT_TRUE(with_password_parameter.ok());
  EXPECT_EQ(with_password_parameter->display, "postgres://db/x?password=***&user=u");
  EXPECT_EQ(with_password_parameter->pool_size, 4);
  EXPECT_TRUE(PostgresUri::Parse("postgresql://db/x?pool_size=0").status().IsInvalidArgument());
  EXPECT_TRUE(PostgresUri::Parse("postgresql://db/x?pool_size=abc").status().IsInvalidArgument());
  EXPECT_TRUE(PostgresUri::Parse("mysql://db/x").status().IsInvalidArgument());
}

TEST(PostgresUriTest, UnreachableServerIsAnIOErrorNamingTheCatalog) {
  auto catalog = PostgresCatalog::Open("postgresql://nobody:pw@127.0.0.1:1/mesh?connect_timeout=2");
  ASSERT_TRUE(catalog.status().IsIOError()) << catalog.status();
  EXPECT_NE(catalog.status().message().find("postgresql://nobody:***@127.0.0.1:1/mesh"),
            std::string::npos)
      << catalog.status();
  EXPECT_EQ(catalog.status().message().find("pw@"), std::string::npos);
}

TEST(PostgresUriTest, DatabaseErrorsMapToStatusCodesThatSayWhatToDo) {
  auto conflict = PostgresErrorStatus(pqxx::serialization_failure("could not serialize access"),
                                      "postgresql://db/x", "commit version of p");
  EXPECT_TRUE(conflict.IsConflict()) << conflict;
  EXPECT_NE(conflict.message().find("retry"), std::string::npos);
  EXPECT_NE(conflict.message().find("commit version of p"), std::string::npos);
  EXPECT_NE(conflict.message().find("postgresql://db/x"), std::string::npos);
  EXPECT_TRUE(PostgresErrorStatus(pqxx::deadlock_detected("deadlock"), "u", "op").IsConflict());
  EXPECT_TRUE(
      PostgresErrorStatus(pqxx::unique_violation("ERROR:  duplicate key", "", "23505"), "u", "op")
          .IsConflict());
  EXPECT_TRUE(PostgresErrorStatus(pqxx::check_violation("ERROR:  check", "", "23514"), "u", "op")
                  .IsInvalidArgument());
  EXPECT_EQ(PostgresErrorStatus(pqxx::plpgsql_raise("ERROR:  no", "", "P0001"), "u", "op").code(),
            StatusCode::kFailedPrecondition);
  auto doubt = PostgresErrorStatus(pqxx::in_doubt_error("lost"), "u", "op");
  EXPECT_TRUE(doubt.IsIOError());
  EXPECT_NE(doubt.message().find("unknown"), std::string::npos);
  EXPECT_TRUE(PostgresErrorStatus(pqxx::broken_connection("gone"), "u", "op").IsIOError());
  EXPECT_TRUE(PostgresErrorStatus(std::runtime_error("other"), "u", "op").IsIOError());
}

}  // namespace
}  // namespace mesh
