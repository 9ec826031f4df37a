#include "lake/open_object_store.h"

#include "lake/local_object_store.h"
#include "lake/s3_object_store.h"

namespace mesh {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "file:PATH" or "file://PATH" (so "file:///srv/lake" is /srv/lake).
std::string_view FilePathOf(std::string_view uri) {
  std::string_view path = uri.substr(5);
  if (StartsWith(path, "//")) path.remove_prefix(2);
  return path;
}

}  // namespace

Result<std::unique_ptr<ObjectStore>> OpenObjectStore(std::string_view uri,
                                                     std::shared_ptr<FileSystem> fs) {
  if (StartsWith(uri, "file:")) {
    std::string_view path = FilePathOf(uri);
    if (path.empty()) {
      return Status::InvalidArgument("--lake '" + std::string(uri) +
                                     "' names no directory: write file:PATH");
    }
    ASSIGN_OR_RAISE(auto store, LocalObjectStore::Make(std::move(fs), std::string(path)));
    return std::unique_ptr<ObjectStore>(std::move(store));
  }
  if (StartsWith(uri, "s3://")) {
    ASSIGN_OR_RAISE(S3Location location, ParseS3Uri(uri));
    Result<S3Options> options = S3OptionsFromEnvironment();
    if (!options.ok()) return options.status().WithContext("--lake '" + std::string(uri) + "'");
    ASSIGN_OR_RAISE(auto store, S3ObjectStore::Make(std::move(location), std::move(*options)));
    return std::unique_ptr<ObjectStore>(std::move(store));
  }
  return Status::InvalidArgument("--lake '" + std::string(uri) +
                                 "' is not a lake URI: write file:PATH or s3://BUCKET/PREFIX");
}

std::string DefaultLakeUri(std::string_view workspace) {
  return "file:" + JoinPath(JoinPath(workspace, ".mesh"), "lake");
}

}  // namespace mesh
