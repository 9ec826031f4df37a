// MemoryFileSystem: a complete FileSystem held in memory, for fast deterministic tests. It also
// models durability like a real disk: file contents become durable on WritableFile::Sync, and
// directory entries (creations, renames, removals) on SyncDir of their directory.
// SimulatePowerLoss() forgets everything that was not made durable.
// Safe for concurrent use.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/filesystem.h"

namespace mesh {

class MemoryFileSystem final : public FileSystem {
 public:
  MemoryFileSystem() = default;

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status SyncDir(const std::string& dir) override;
  Status Remove(const std::string& path) override;
  Status CreateDirs(const std::string& dir) override;
  Result<std::vector<DirEntry>> ListDir(const std::string& dir) override;
  bool Exists(const std::string& path) override;
  bool IsDirectory(const std::string& path) override;

  // Drops unsynced file data and directory entries that were not synced, as a crash would.
  void SimulatePowerLoss();

  struct FileState {
    std::string data;         // what readers see now
    std::string synced_data;  // what survives a power loss
  };

 private:
  static std::string Normalize(const std::string& path);

  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<FileState>> files_;          // the visible namespace
  std::map<std::string, std::shared_ptr<FileState>> durable_files_;  // after SyncDir
  std::map<std::string, bool> dirs_{{"/", true}, {".", true}};
};

}  // namespace mesh
