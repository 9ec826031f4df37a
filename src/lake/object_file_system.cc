#include "lake/object_file_system.h"

namespace mesh {
namespace {

Status ReadOnly(const std::string& what) {
  return Status::NotSupported("the lake is read-only through this view: cannot " + what);
}

}  // namespace

Result<std::unique_ptr<RandomAccessFile>> ObjectFileSystem::OpenForRead(const std::string& key) {
  return lake_->Open(key);
}

Result<std::unique_ptr<WritableFile>> ObjectFileSystem::OpenForWrite(const std::string& path) {
  return ReadOnly("write " + path);
}

Status ObjectFileSystem::Rename(const std::string& from, const std::string&) {
  return ReadOnly("rename " + from);
}

Status ObjectFileSystem::SyncDir(const std::string&) { return Status::OK(); }

Status ObjectFileSystem::Remove(const std::string& path) { return ReadOnly("remove " + path); }

Status ObjectFileSystem::CreateDirs(const std::string& dir) { return ReadOnly("create " + dir); }

Result<std::vector<DirEntry>> ObjectFileSystem::ListDir(const std::string& dir) {
  return Status::NotSupported("the lake cannot be listed through this view (" + dir + ")");
}

bool ObjectFileSystem::Exists(const std::string& key) {
  Result<bool> exists = lake_->Exists(key);
  return exists.ok() && *exists;
}

bool ObjectFileSystem::IsDirectory(const std::string&) { return false; }

}  // namespace mesh
