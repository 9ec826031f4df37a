// FaultInjectionFileSystem: wraps another FileSystem and makes chosen operations fail, so tests
// can prove that every write, fsync and rename failure leaves state consistent (LevelDB's
// FaultInjectionTestEnv idea). Counting is per operation kind across all files.
// Safe for concurrent use.
#pragma once

#include <array>
#include <atomic>
#include <memory>

#include "base/filesystem.h"

namespace mesh {

enum class FsOp {
  kOpenRead,
  kOpenWrite,
  kAppend,
  kSync,
  kClose,
  kRename,
  kSyncDir,
  kRemove,
  kCreateDirs,
  kCount
};

class FaultInjectionFileSystem final : public FileSystem {
 public:
  explicit FaultInjectionFileSystem(std::shared_ptr<FileSystem> base) : base_(std::move(base)) {}

  // The `n`th (1-based, counted from now) call of `op` fails with IOError; 0 disables.
  void FailNth(FsOp op, int n);
  // Every call of `op` fails from now on (until Reset).
  void FailAll(FsOp op);
  void Reset();
  // How many calls of `op` were made since construction or Reset.
  int Calls(FsOp op) const { return calls_[static_cast<size_t>(op)].load(); }

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status SyncDir(const std::string& dir) override;
  Status Remove(const std::string& path) override;
  Status CreateDirs(const std::string& dir) override;
  Result<std::vector<DirEntry>> ListDir(const std::string& dir) override;
  bool Exists(const std::string& path) override { return base_->Exists(path); }
  bool IsDirectory(const std::string& path) override { return base_->IsDirectory(path); }

  // Used by the wrapped files: counts the call and returns the injected error, if any.
  Status MaybeFail(FsOp op, const std::string& path);

 private:
  static constexpr size_t kOps = static_cast<size_t>(FsOp::kCount);
  std::shared_ptr<FileSystem> base_;
  std::array<std::atomic<int>, kOps> calls_{};
  std::array<std::atomic<int>, kOps> fail_at_{};  // call number that fails; 0 none; -1 all
};

}  // namespace mesh
