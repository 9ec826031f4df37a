// SQLite specifics of the access tables: migration 3 reaches catalogs made without it, and the
// audit chain's head is read under the write lock by separate processes too.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "catalog/audit_chain.h"
#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"
#include "catalog/sqlite_connection.h"

namespace mesh {
namespace {

class SqliteCatalogAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    path_ = scratch_ + "/catalog.db";
  }
  void TearDown() override { std::filesystem::remove_all(scratch_); }

  std::string scratch_;
  std::string path_;
};

TEST_F(SqliteCatalogAccessTest, CatalogMadeWithoutTheAccessMigrationGetsItOnOpen) {
  ASSERT_TRUE(SqliteCatalog::Open(path_).ok());
  {
    auto raw = SqliteConnection::Open(path_, 1000);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)
                    ->Exec("DROP TABLE access_grants; DROP TABLE access_requests; DROP TABLE "
                           "access_tokens; DELETE FROM schema_migrations WHERE version = 3",
                           "simulate a catalog made by a build without migration 3")
                    .ok());
  }
  auto catalog = SqliteCatalog::Open(path_);
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  GrantRecord grant;
  grant.product = "orders";
  grant.team = "analytics";
  grant.level = "confidential";
  grant.granted_by = "alice";
  AuditEntry audit{0, Timestamp{1}, "alice", "access.grant", "orders", "ok", "", "", ""};
  EXPECT_TRUE((*catalog)->AddGrant(grant, audit).ok()) << "the access tables exist again";
}

TEST_F(SqliteCatalogAccessTest, ProcessesAppendingAtOnceKeepOneChain) {
  ASSERT_TRUE(SqliteCatalog::Open(path_).ok());
  constexpr int kProcesses = 3;
  constexpr int kEach = 15;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto catalog = SqliteCatalog::Open(path_);
      int failures = catalog.ok() ? 0 : 1;
      for (int i = 0; catalog.ok() && i < kEach; ++i) {
        AuditEntry entry{0, Timestamp{i}, "p" + std::to_string(p), "read", "x", "ok", "", "", ""};
        if (!(*catalog)->AppendAudit(entry).ok()) ++failures;
      }
      ::_exit(failures == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto catalog = SqliteCatalog::Open(path_);
  ASSERT_TRUE(catalog.ok());
  AuditChainVerifier verifier;
  for (const AuditEntry& entry : (*catalog)->ListAudit({0, {}, {}, 1000}).ValueOr({})) {
    ASSERT_TRUE(verifier.Add(entry).ok());
  }
  EXPECT_TRUE(verifier.intact());
  EXPECT_EQ(verifier.entries(), kProcesses * kEach);
}

}  // namespace
}  // namespace mesh
