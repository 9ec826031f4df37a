// The PostgreSQL catalog's schema, as ordered migrations. Opening a catalog takes a
// transaction-scoped advisory lock (so that servers starting at once migrate one after the
// other), creates `schema_migrations` when missing, and applies every migration it lacks, each
// recorded there, all in one transaction: PostgreSQL's DDL is transactional, so a failed upgrade
// leaves the previous schema whole. Never edit a released migration: add a new one.
// The tables live in the first schema of the connection's search_path (`public` by default).
// The layout is documented in docs/storage.md.
#pragma once

#include <span>
#include <string_view>

namespace mesh {

struct PostgresMigration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations, in the order they apply (versions 1, 2, ...).
std::span<const PostgresMigration> PostgresCatalogMigrations();

// Advisory lock keys (pg_advisory_xact_lock(kPostgresLockClass, key)): one for migrations, one
// that orders audit appends so that sequence numbers follow commit order without gaps.
constexpr int kPostgresLockClass = 0x4D455348;  // "MESH"
constexpr int kPostgresMigrationLock = 1;
constexpr int kPostgresAuditLock = 2;

}  // namespace mesh
