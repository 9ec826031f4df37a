// The SQLite catalog's schema, as ordered migrations. Migration N is applied once, inside one
// write transaction with its row in `schema_migrations`; opening a catalog applies every
// migration it lacks, so re-opening an older catalog upgrades it and re-opening a current one
// changes nothing. Never edit a released migration: add a new one.
// The layout is documented in docs/storage.md.
#pragma once

#include <span>
#include <string_view>

namespace mesh {

struct SqliteMigration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations, in the order they apply (versions 1, 2, ...).
std::span<const SqliteMigration> SqliteCatalogMigrations();

}  // namespace mesh
