// PostgresTestServer: the throwaway PostgreSQL server that the PostgreSQL tests share (test
// support; compiled into mesh_tests only, from postgres_test_server_test.cc).
//
// Which server: the one PGTEST_URI names (a developer's own); else the one the ctest fixture
// `postgres_server` started for the whole ctest run (it writes its address to the file
// MESH_PGTEST_STATE_FILE); else one this test program starts with scripts/pg-test-server.sh
// (initdb into a temp dir, a free port, unix socket in the dir) and stops when the program ends.
// When none can be had (e.g. the PostgreSQL binaries are missing) Shared() is an error and the
// tests that need it FAIL: scripts/test.sh installs PostgreSQL, so a missing server is a broken
// setup, not a reason to skip.
//
// Tests isolate themselves with a fresh schema each (CreateScratchSchema), put first on the
// connection's search_path through the URI. Safe for concurrent use.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace mesh {

class PostgresTestServer {
 public:
  static Result<PostgresTestServer*> Shared();

  // postgresql://postgres@127.0.0.1:PORT/postgres
  const std::string& base_uri() const { return base_uri_; }

  // Creates an empty schema with a unique name; returns the catalog URI that works in it.
  Result<std::string> CreateScratchSchema();
  // Drops the schema that `uri` (from CreateScratchSchema) works in, with everything in it.
  Status DropScratchSchema(const std::string& uri);
  // Runs `sql` on the connection `uri` names, as another program could (tests that tamper).
  static Status Execute(const std::string& uri, const std::string& sql);

  // Stops the server when this program started it (called once all tests have run).
  void StopIfOwned();

 private:
  PostgresTestServer(std::string base_uri, std::string owned_dir)
      : base_uri_(std::move(base_uri)), owned_dir_(std::move(owned_dir)) {}
  static Result<PostgresTestServer*> Find();

  std::string base_uri_;
  std::string owned_dir_;  // the server's temp dir when this program started it
};

}  // namespace mesh
