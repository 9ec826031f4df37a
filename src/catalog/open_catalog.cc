#include "catalog/open_catalog.h"

#include "catalog/postgres_catalog.h"
#include "catalog/sqlite_catalog.h"

namespace mesh {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<std::unique_ptr<Catalog>> OpenCatalog(std::string_view uri, FileSystem* fs) {
  if (StartsWith(uri, "sqlite:")) {
    std::string path(uri.substr(7));
    if (StartsWith(path, "//")) path.erase(0, 2);
    if (path.empty()) {
      return Status::InvalidArgument("--catalog '" + std::string(uri) +
                                     "' names no file: write sqlite:PATH");
    }
    RETURN_NOT_OK(fs->CreateDirs(DirName(path)).WithContext("creating the catalog's directory"));
    ASSIGN_OR_RAISE(auto catalog, SqliteCatalog::Open(path));
    return std::unique_ptr<Catalog>(std::move(catalog));
  }
  if (StartsWith(uri, "postgresql://") || StartsWith(uri, "postgres://")) {
    ASSIGN_OR_RAISE(auto catalog, PostgresCatalog::Open(std::string(uri)));
    return std::unique_ptr<Catalog>(std::move(catalog));
  }
  return Status::InvalidArgument("--catalog '" + std::string(uri) +
                                 "' is not a catalog URI: write sqlite:PATH or "
                                 "postgresql://USER@HOST:PORT/DATABASE");
}

std::string DefaultCatalogUri(std::string_view workspace) {
  return "sqlite:" + JoinPath(JoinPath(workspace, ".mesh"), "catalog.db");
}

}  // namespace mesh
