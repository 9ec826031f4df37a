// ObjectFileSystem: a read-only FileSystem view of a lake, where a path is an object key
// ("sha256/<hex>"), so the format readers (which read through a FileSystem) can stream a stored
// object with ranged reads instead of copying it into memory. Every call that would change
// something answers NotSupported; ListDir answers NotSupported too (a lake is not browsed).
// Safe for concurrent use when the ObjectStore is.
#pragma once

#include <memory>

#include "base/filesystem.h"
#include "lake/object_store.h"

namespace mesh {

class ObjectFileSystem final : public FileSystem {
 public:
  explicit ObjectFileSystem(ObjectStore* lake) : lake_(lake) {}

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& key) override;
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status SyncDir(const std::string& dir) override;
  Status Remove(const std::string& path) override;
  Status CreateDirs(const std::string& dir) override;
  Result<std::vector<DirEntry>> ListDir(const std::string& dir) override;
  bool Exists(const std::string& key) override;
  bool IsDirectory(const std::string& path) override;

 private:
  ObjectStore* lake_;
};

}  // namespace mesh
