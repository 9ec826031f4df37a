#include "cli/catalog_option.h"

#include <cstdlib>

#include "catalog/open_catalog.h"
#include "lake/open_object_store.h"

namespace mesh::cli {
namespace {

std::string Choose(const std::string& flag, const char* env, const std::string& fallback) {
  if (!flag.empty()) return flag;
  const char* value = std::getenv(env);
  if (value != nullptr && *value != '\0') return value;
  return fallback;
}

}  // namespace

void AddStoreOptions(CLI::App* command, StoreOptions* options) {
  command->add_option(
      "--catalog", options->catalog,
      "The catalog, sqlite:PATH or postgresql://USER@HOST/DB (default: $MESH_CATALOG, else "
      "sqlite:<workspace>/.mesh/catalog.db)");
  command->add_option(
      "--lake", options->lake,
      "The lake, file:PATH or s3://BUCKET/PREFIX (AWS_* environment variables; default: "
      "$MESH_LAKE, else file:<workspace>/.mesh/lake)");
}

Result<std::unique_ptr<Catalog>> OpenVerbCatalog(const StoreOptions& options,
                                                 const Workspace& workspace) {
  const std::string uri =
      Choose(options.catalog, "MESH_CATALOG", DefaultCatalogUri(workspace.root()));
  return OpenCatalog(uri, &workspace.fs());
}

Result<std::unique_ptr<ObjectStore>> OpenVerbLake(const StoreOptions& options,
                                                  const Workspace& workspace) {
  const std::string uri = Choose(options.lake, "MESH_LAKE", DefaultLakeUri(workspace.root()));
  return OpenObjectStore(uri, workspace.shared_fs());
}

}  // namespace mesh::cli
