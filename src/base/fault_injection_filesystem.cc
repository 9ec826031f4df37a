#include "base/fault_injection_filesystem.h"

namespace mesh {
namespace {

const char* OpName(FsOp op) {
  switch (op) {
    case FsOp::kOpenRead:
      return "open";
    case FsOp::kOpenWrite:
      return "create";
    case FsOp::kAppend:
      return "write";
    case FsOp::kSync:
      return "fsync";
    case FsOp::kClose:
      return "close";
    case FsOp::kRename:
      return "rename";
    case FsOp::kSyncDir:
      return "fsync directory";
    case FsOp::kRemove:
      return "remove";
    case FsOp::kCreateDirs:
      return "create directory";
    case FsOp::kCount:
      break;
  }
  return "?";
}

class FaultyWritableFile final : public WritableFile {
 public:
  FaultyWritableFile(std::unique_ptr<WritableFile> base, FaultInjectionFileSystem* fs,
                     std::string path)
      : base_(std::move(base)), fs_(fs), path_(std::move(path)) {}
  Status Append(std::string_view data) override {
    RETURN_NOT_OK(fs_->MaybeFail(FsOp::kAppend, path_));
    return base_->Append(data);
  }
  Status Sync() override {
    RETURN_NOT_OK(fs_->MaybeFail(FsOp::kSync, path_));
    return base_->Sync();
  }
  Status Close() override {
    Status injected = fs_->MaybeFail(FsOp::kClose, path_);
    Status closed = base_->Close();
    return injected.ok() ? closed : injected;
  }

 private:
  std::unique_ptr<WritableFile> base_;
  FaultInjectionFileSystem* fs_;
  std::string path_;
};

}  // namespace

void FaultInjectionFileSystem::FailNth(FsOp op, int n) {
  size_t i = static_cast<size_t>(op);
  fail_at_[i] = n == 0 ? 0 : calls_[i].load() + n;
}

void FaultInjectionFileSystem::FailAll(FsOp op) { fail_at_[static_cast<size_t>(op)] = -1; }

void FaultInjectionFileSystem::Reset() {
  for (size_t i = 0; i < kOps; ++i) {
    calls_[i] = 0;
    fail_at_[i] = 0;
  }
}

Status FaultInjectionFileSystem::MaybeFail(FsOp op, const std::string& path) {
  size_t i = static_cast<size_t>(op);
  int call = ++calls_[i];
  int fail_at = fail_at_[i].load();
  if (fail_at == -1 || (fail_at > 0 && call == fail_at)) {
    return Status::IOError(path + ": " + OpName(op) + " failed: injected fault");
  }
  return Status::OK();
}

Result<std::unique_ptr<RandomAccessFile>> FaultInjectionFileSystem::OpenForRead(
    const std::string& path) {
  RETURN_NOT_OK(MaybeFail(FsOp::kOpenRead, path));
  return base_->OpenForRead(path);
}

Result<std::unique_ptr<WritableFile>> FaultInjectionFileSystem::OpenForWrite(
    const std::string& path) {
  RETURN_NOT_OK(MaybeFail(FsOp::kOpenWrite, path));
  ASSIGN_OR_RAISE(auto file, base_->OpenForWrite(path));
  return std::unique_ptr<WritableFile>(new FaultyWritableFile(std::move(file), this, path));
}

Status FaultInjectionFileSystem::Rename(const std::string& from, const std::string& to) {
  RETURN_NOT_OK(MaybeFail(FsOp::kRename, from));
  return base_->Rename(from, to);
}

Status FaultInjectionFileSystem::SyncDir(const std::string& dir) {
  RETURN_NOT_OK(MaybeFail(FsOp::kSyncDir, dir));
  return base_->SyncDir(dir);
}

Status FaultInjectionFileSystem::Remove(const std::string& path) {
  RETURN_NOT_OK(MaybeFail(FsOp::kRemove, path));
  return base_->Remove(path);
}

Status FaultInjectionFileSystem::CreateDirs(const std::string& dir) {
  RETURN_NOT_OK(MaybeFail(FsOp::kCreateDirs, dir));
  return base_->CreateDirs(dir);
}

Result<std::vector<DirEntry>> FaultInjectionFileSystem::ListDir(const std::string& dir) {
  return base_->ListDir(dir);
}

}  // namespace mesh
