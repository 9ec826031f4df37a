#include "lake/local_object_store.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>
#include <optional>
#include <random>

#include "base/sha256.h"

namespace mesh {
namespace {

// Hashes while it writes to a temporary file; Commit moves the file into place.
class LocalObjectWriter final : public ObjectWriter {
 public:
  LocalObjectWriter(std::shared_ptr<FileSystem> fs, const LocalObjectStore* store,
                    std::string temp_path, std::unique_ptr<WritableFile> file, Sha256 hasher)
      : fs_(std::move(fs)),
        store_(store),
        temp_path_(std::move(temp_path)),
        file_(std::move(file)),
        hasher_(std::move(hasher)) {}

  ~LocalObjectWriter() override {
    if (!finished_) (void)Abort();
  }

  Status Append(std::string_view data) override {
    if (finished_ || broken_) {
      return Status::FailedPrecondition("object writer: Append after Commit, Abort or an error");
    }
    Status st = file_->Append(data);
    if (st.ok()) st = hasher_.Update(data);
    if (!st.ok()) {
      broken_ = true;
      return st.WithContext("writing object to the lake");
    }
    bytes_ += data.size();
    return Status::OK();
  }

  Result<ObjectRef> Commit() override {
    if (finished_ || broken_) {
      return Status::FailedPrecondition("object writer: Commit after Commit, Abort or an error");
    }
    Result<ObjectRef> ref = MoveIntoPlace();
    if (!ref.ok()) (void)Abort();
    finished_ = true;
    return ref;
  }

  Status Abort() override {
    if (finished_) return Status::OK();
    finished_ = true;
    if (file_) {
      (void)file_->Close();
      file_.reset();
    }
    if (fs_->Exists(temp_path_)) return fs_->Remove(temp_path_);
    return Status::OK();
  }

 private:
  Result<ObjectRef> MoveIntoPlace() {
    RETURN_NOT_OK(file_->Sync().WithContext("syncing object to the lake"));
    Status closed = file_->Close();
    file_.reset();
    RETURN_NOT_OK(closed.WithContext("closing object in the lake"));
    ASSIGN_OR_RAISE(std::string hex, hasher_.Finish());
    ObjectRef ref{ObjectKeyForSha256(hex), hex, bytes_};
    ASSIGN_OR_RAISE(std::string path, store_->PathOf(ref.key));
    if (fs_->Exists(path)) {
      RETURN_NOT_OK(CheckExistingMatches(path, ref));
      RETURN_NOT_OK(fs_->Remove(temp_path_));
      return ref;
    }
    std::string shard = DirName(path);
    bool new_shard = !fs_->IsDirectory(shard);
    RETURN_NOT_OK(fs_->CreateDirs(shard).WithContext("creating lake directory"));
    RETURN_NOT_OK(fs_->Rename(temp_path_, path).WithContext("moving object into the lake"));
    RETURN_NOT_OK(fs_->SyncDir(shard).WithContext("syncing lake directory"));
    if (new_shard) RETURN_NOT_OK(fs_->SyncDir(DirName(shard)).WithContext("syncing lake"));
    return ref;
  }

  // Same content, same name: a stored object of another size means the lake is damaged, and
  // it is left alone rather than overwritten.
  Status CheckExistingMatches(const std::string& path, const ObjectRef& ref) {
    ASSIGN_OR_RAISE(auto existing, fs_->OpenForRead(path));
    ASSIGN_OR_RAISE(uint64_t size, existing->Size());
    if (size != ref.bytes) {
      return Status::Corruption("lake object " + path + " holds " + std::to_string(size) +
                                " bytes but its name says it holds " + std::to_string(ref.bytes) +
                                ": the lake is damaged; the object was not overwritten");
    }
    return Status::OK();
  }

  std::shared_ptr<FileSystem> fs_;
  const LocalObjectStore* store_;
  std::string temp_path_;
  std::unique_ptr<WritableFile> file_;
  Sha256 hasher_;
  uint64_t bytes_ = 0;
  bool finished_ = false;
  bool broken_ = false;
};

// The writer's pid of a temporary file name "<pid>-<n>-<random>.part"; nullopt when the name
// is not of that form.
std::optional<int64_t> WriterPidOf(std::string_view name) {
  if (!name.ends_with(".part")) return std::nullopt;
  const size_t dash = name.find('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  int64_t pid = 0;
  auto [end, error] = std::from_chars(name.data(), name.data() + dash, pid);
  if (error != std::errc() || end != name.data() + dash || pid <= 0) return std::nullopt;
  return pid;
}

bool ProcessRuns(int64_t pid) {
  if (pid > INT32_MAX) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

Result<size_t> LocalObjectStore::SweepAbandonedTempFiles() {
  ASSIGN_OR_RAISE(std::vector<DirEntry> entries, fs_->ListDir(TempDir()));
  size_t removed = 0;
  for (const DirEntry& entry : entries) {
    if (entry.is_directory) continue;
    std::optional<int64_t> pid = WriterPidOf(entry.name);
    if (!pid || ProcessRuns(*pid)) continue;
    Status status = fs_->Remove(JoinPath(TempDir(), entry.name));
    if (!status.ok() && fs_->Exists(JoinPath(TempDir(), entry.name))) {
      return status.WithContext("sweeping the lake's abandoned temporary files");
    }
    removed += status.ok();
  }
  return removed;
}

Result<std::unique_ptr<LocalObjectStore>> LocalObjectStore::Make(std::shared_ptr<FileSystem> fs,
                                                                 std::string root) {
  if (root.empty()) return Status::InvalidArgument("lake: the directory path is empty");
  std::unique_ptr<LocalObjectStore> store(new LocalObjectStore(std::move(fs), std::move(root)));
  RETURN_NOT_OK(store->fs_->CreateDirs(JoinPath(store->root_, "objects"))
                    .WithContext("creating lake " + store->root_));
  RETURN_NOT_OK(
      store->fs_->CreateDirs(store->TempDir()).WithContext("creating lake " + store->root_));
  RETURN_NOT_OK(store->SweepAbandonedTempFiles().status());
  return store;
}

std::string LocalObjectStore::TempDir() const { return JoinPath(root_, "tmp"); }

std::string LocalObjectStore::NewTempPath() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  std::string name = std::to_string(::getpid()) + "-" + std::to_string(temp_counter_++) + "-" +
                     std::to_string(random()) + ".part";
  return JoinPath(TempDir(), name);
}

Result<std::string> LocalObjectStore::PathOf(std::string_view key) const {
  ASSIGN_OR_RAISE(std::string hex, Sha256OfObjectKey(key));
  return JoinPath(JoinPath(JoinPath(root_, "objects"), hex.substr(0, 2)), hex.substr(2));
}

Result<std::unique_ptr<ObjectWriter>> LocalObjectStore::NewWriter() {
  std::string temp_path = NewTempPath();
  ASSIGN_OR_RAISE(auto file, fs_->OpenForWrite(temp_path));
  ASSIGN_OR_RAISE(Sha256 hasher, Sha256::Make());
  return std::unique_ptr<ObjectWriter>(
      new LocalObjectWriter(fs_, this, std::move(temp_path), std::move(file), std::move(hasher)));
}

Result<std::unique_ptr<RandomAccessFile>> LocalObjectStore::Open(std::string_view key) {
  ASSIGN_OR_RAISE(std::string path, PathOf(key));
  if (!fs_->Exists(path)) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake " + Uri());
  }
  return fs_->OpenForRead(path);
}

Result<bool> LocalObjectStore::Exists(std::string_view key) {
  ASSIGN_OR_RAISE(std::string path, PathOf(key));
  return fs_->Exists(path);
}

Result<uint64_t> LocalObjectStore::Size(std::string_view key) {
  ASSIGN_OR_RAISE(auto reader, Open(key));
  return reader->Size();
}

Status LocalObjectStore::Delete(std::string_view key) {
  ASSIGN_OR_RAISE(std::string path, PathOf(key));
  if (!fs_->Exists(path)) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake " + Uri());
  }
  RETURN_NOT_OK(fs_->Remove(path).WithContext("deleting lake object " + std::string(key)));
  return fs_->SyncDir(DirName(path));
}

}  // namespace mesh
