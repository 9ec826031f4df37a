#include "server/lake_file_system.h"

namespace mesh::server {
namespace {

class LakeView final : public FileSystem {
 public:
  explicit LakeView(ObjectStore* lake) : lake_(lake) {}

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) override {
    return lake_->Open(path);
  }
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) override {
    return ReadOnly(path);
  }
  Status Rename(const std::string& from, const std::string&) override { return ReadOnly(from); }
  Status SyncDir(const std::string& dir) override { return ReadOnly(dir); }
  Status Remove(const std::string& path) override { return ReadOnly(path); }
  Status CreateDirs(const std::string& dir) override { return ReadOnly(dir); }
  Result<std::vector<DirEntry>> ListDir(const std::string& dir) override { return ReadOnly(dir); }
  bool Exists(const std::string& path) override {
    Result<bool> exists = lake_->Exists(path);
    return exists.ok() && *exists;
  }
  bool IsDirectory(const std::string&) override { return false; }

 private:
  static Status ReadOnly(const std::string& path) {
    return Status::NotSupported(path + ": the lake is read-only through this view");
  }
  ObjectStore* lake_;
};

}  // namespace

std::shared_ptr<FileSystem> LakeFileSystem(ObjectStore* lake) {
  return std::make_shared<LakeView>(lake);
}

}  // namespace mesh::server
