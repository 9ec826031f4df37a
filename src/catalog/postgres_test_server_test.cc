// The shared throwaway PostgreSQL server of the tests (postgres_test_server.h), and a test that
// it hands out isolated schemas.
#include "catalog/postgres_test_server.h"

#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <pqxx/pqxx>
#include <sstream>

#include "base/filesystem.h"

namespace mesh {
namespace {

std::atomic<PostgresTestServer*> g_shared{nullptr};

std::string ScriptPath() { return std::string(MESH_SOURCE_DIR) + "/scripts/pg-test-server.sh"; }

// The value of `NAME=value` among the script's `export` lines.
std::string ExportedValue(const std::string& exports, std::string_view name) {
  std::istringstream words(exports);
  std::string word;
  std::string prefix = std::string(name) + "=";
  while (words >> word) {
    if (word.rfind(prefix, 0) == 0) return word.substr(prefix.size());
  }
  return "";
}

Result<std::string> RunScript(const std::string& arguments) {
  std::string command = ScriptPath() + " " + arguments;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return Status::IOError("cannot run " + command);
  std::string output;
  char buffer[512];
  size_t n;
  while ((n = ::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  int status = ::pclose(pipe);
  if (status != 0) {
    return Status::IOError("`" + command + "` failed (exit status " +
                           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                           "; its messages are above): the PostgreSQL tests need PostgreSQL 15 "
                           "installed (scripts/install-deps.sh installs it)");
  }
  return output;
}

// The ctest fixture's server, when the state file exists and the server answers.
std::string FixtureServerUri() {
#ifdef MESH_PGTEST_STATE_FILE
  auto exports = PosixFileSystem()->ReadFile(MESH_PGTEST_STATE_FILE);
  if (!exports.ok()) return "";
  std::string uri = ExportedValue(*exports, "PGTEST_URI");
  if (!uri.empty() && PostgresTestServer::Execute(uri, "SELECT 1").ok()) return uri;
#endif
  return "";
}

class StopServerAtEnd : public ::testing::Environment {
 public:
  void TearDown() override {
    if (PostgresTestServer* server = g_shared.load()) server->StopIfOwned();
  }
};

[[maybe_unused]] const auto* const kStopServerAtEnd =
    ::testing::AddGlobalTestEnvironment(new StopServerAtEnd);

}  // namespace

Result<PostgresTestServer*> PostgresTestServer::Shared() {
  static const Result<PostgresTestServer*>* const found = new Result<PostgresTestServer*>(Find());
  return *found;
}

Result<PostgresTestServer*> PostgresTestServer::Find() {
  PostgresTestServer* server = nullptr;
  if (const char* uri = std::getenv("PGTEST_URI"); uri != nullptr && *uri != '\0') {
    server = new PostgresTestServer(uri, "");
  } else if (std::string fixture = FixtureServerUri(); !fixture.empty()) {
    server = new PostgresTestServer(fixture, "");
  } else {
    ASSIGN_OR_RAISE(std::string exports, RunScript("start"));
    std::string uri = ExportedValue(exports, "PGTEST_URI");
    std::string dir = ExportedValue(exports, "PGTEST_DIR");
    if (uri.empty() || dir.empty()) {
      return Status::IOError(ScriptPath() + " start printed no PGTEST_URI/PGTEST_DIR: " + exports);
    }
    server = new PostgresTestServer(uri, dir);
  }
  g_shared = server;
  return server;
}

void PostgresTestServer::StopIfOwned() {
  if (owned_dir_.empty()) return;
  (void)RunScript("stop " + owned_dir_);
  owned_dir_.clear();
}

Status PostgresTestServer::Execute(const std::string& uri, const std::string& sql) {
  try {
    pqxx::connection connection(uri);
    pqxx::nontransaction transaction(connection);
    transaction.exec("SET client_min_messages = warning");
    transaction.exec(sql);
    return Status::OK();
  } catch (const pqxx::sql_error& error) {
    const std::string& state = error.sqlstate();
    std::string message = "SQLSTATE " + state + ": " + error.what();
    if (state == "P0001") return Status::FailedPrecondition(message);
    return Status::IOError(message);
  } catch (const std::exception& error) {
    return Status::IOError(std::string("running SQL on ") + uri + ": " + error.what());
  }
}

Result<std::string> PostgresTestServer::CreateScratchSchema() {
  static std::atomic<int> counter{0};
  std::string schema = "mesh_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  RETURN_NOT_OK(Execute(base_uri_, "CREATE SCHEMA " + schema));
  // application_name lets a test find (and terminate) exactly this catalog's connections.
  return base_uri_ + "?application_name=" + schema + "&options=-csearch_path%3D" + schema;
}

Status PostgresTestServer::DropScratchSchema(const std::string& uri) {
  size_t at = uri.rfind("%3D");
  if (at == std::string::npos) return Status::InvalidArgument("not a scratch schema URI: " + uri);
  return Execute(base_uri_, "DROP SCHEMA " + uri.substr(at + 3) + " CASCADE");
}

namespace {

TEST(PostgresTestServerTest, ScratchSchemasAreSeparate) {
  auto server = PostgresTestServer::Shared();
  ASSERT_TRUE(server.ok()) << server.status();
  auto first = (*server)->CreateScratchSchema();
  auto second = (*server)->CreateScratchSchema();
  ASSERT_TRUE(first.ok() && second.ok()) << first.status() << second.status();
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(PostgresTestServer::Execute(*first, "CREATE TABLE t (x int)").ok());
  EXPECT_TRUE(PostgresTestServer::Execute(*second, "CREATE TABLE t (x int)").ok());
  EXPECT_TRUE(PostgresTestServer::Execute(*first, "INSERT INTO t VALUES (1)").ok());
  EXPECT_TRUE((*server)->DropScratchSchema(*first).ok());
  EXPECT_FALSE(PostgresTestServer::Execute(*first, "INSERT INTO t VALUES (1)").ok());
  EXPECT_TRUE((*server)->DropScratchSchema(*second).ok());
}

}  // namespace
}  // namespace mesh

// libpqxx 6.4 (Debian 12's) does not free the PGresult of a statement that finds its connection
// broken: make_result throws before handing the result to its owner (jtv/libpqxx#500, fixed in
// 7.x). The catalog then drops the connection and retries; the tests that kill connections on
// purpose would report those 2 KB. Only that library path is suppressed.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:pqxx::connection_base::exec_prepared\n"
         "leak:pqxx::connection_base::register_prepared\n"
         "leak:pqxx::connection_base::exec\n";
}
