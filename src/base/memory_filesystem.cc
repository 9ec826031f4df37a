#include "base/memory_filesystem.h"

#include <set>

namespace mesh {
namespace {

class MemoryReadFile final : public RandomAccessFile {
 public:
  MemoryReadFile(std::shared_ptr<MemoryFileSystem::FileState> state, std::mutex* mu)
      : state_(std::move(state)), mu_(mu) {}
  Result<uint64_t> Size() const override {
    std::lock_guard<std::mutex> lock(*mu_);
    return static_cast<uint64_t>(state_->data.size());
  }
  Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    std::lock_guard<std::mutex> lock(*mu_);
    if (offset >= state_->data.size()) {
      out->clear();
      return Status::OK();
    }
    *out = state_->data.substr(static_cast<size_t>(offset), length);
    return Status::OK();
  }

 private:
  std::shared_ptr<MemoryFileSystem::FileState> state_;
  std::mutex* mu_;
};

class MemoryWriteFile final : public WritableFile {
 public:
  MemoryWriteFile(std::shared_ptr<MemoryFileSystem::FileState> state, std::mutex* mu)
      : state_(std::move(state)), mu_(mu) {}
  Status Append(std::string_view data) override {
    std::lock_guard<std::mutex> lock(*mu_);
    state_->data.append(data);
    return Status::OK();
  }
  Status Sync() override {
    std::lock_guard<std::mutex> lock(*mu_);
    state_->synced_data = state_->data;
    return Status::OK();
  }
  Status Close() override { return Status::OK(); }

 private:
  std::shared_ptr<MemoryFileSystem::FileState> state_;
  std::mutex* mu_;
};

}  // namespace

std::string MemoryFileSystem::Normalize(const std::string& path) {
  std::string out = path;
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out.empty() ? "." : out;
}

Result<std::unique_ptr<RandomAccessFile>> MemoryFileSystem::OpenForRead(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(Normalize(path));
  if (it == files_.end()) return Status::NotFound(path + ": open failed: no such file");
  return std::unique_ptr<RandomAccessFile>(new MemoryReadFile(it->second, &mu_));
}

Result<std::unique_ptr<WritableFile>> MemoryFileSystem::OpenForWrite(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string p = Normalize(path);
  std::string dir = DirName(p);
  if (!dirs_.count(dir)) return Status::NotFound(path + ": create failed: no such directory");
  auto state = std::make_shared<FileState>();
  files_[p] = state;
  return std::unique_ptr<WritableFile>(new MemoryWriteFile(state, &mu_));
}

Status MemoryFileSystem::Rename(const std::string& from, const std::string& to) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(Normalize(from));
  if (it == files_.end()) return Status::NotFound(from + ": rename failed: no such file");
  auto state = it->second;
  files_.erase(it);
  files_[Normalize(to)] = std::move(state);
  return Status::OK();
}

Status MemoryFileSystem::SyncDir(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string d = Normalize(dir);
  // Make this directory's entries durable: drop durable entries that are gone, add current ones.
  for (auto it = durable_files_.begin(); it != durable_files_.end();) {
    if (DirName(it->first) == d && !files_.count(it->first)) {
      it = durable_files_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [path, state] : files_) {
    if (DirName(path) == d) durable_files_[path] = state;
  }
  return Status::OK();
}

Status MemoryFileSystem::Remove(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.erase(Normalize(path)) == 0) {
    return Status::NotFound(path + ": remove failed: no such file");
  }
  return Status::OK();
}

Status MemoryFileSystem::CreateDirs(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string d = Normalize(dir);
  while (!d.empty() && !dirs_.count(d)) {
    if (files_.count(d)) return Status::IOError(dir + ": create directory failed: is a file");
    dirs_[d] = true;
    d = DirName(d);
  }
  return Status::OK();
}

Result<std::vector<DirEntry>> MemoryFileSystem::ListDir(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string d = Normalize(dir);
  if (!dirs_.count(d)) return Status::NotFound(dir + ": list directory failed: no such directory");
  std::set<std::string> seen;
  std::vector<DirEntry> out;
  for (const auto& [path, unused] : dirs_) {
    if (path != d && DirName(path) == d && seen.insert(path).second) {
      out.push_back({BaseName(path), true});
    }
  }
  for (const auto& [path, unused] : files_) {
    if (DirName(path) == d && seen.insert(path).second) out.push_back({BaseName(path), false});
  }
  return out;
}

bool MemoryFileSystem::Exists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string p = Normalize(path);
  return files_.count(p) || dirs_.count(p);
}

bool MemoryFileSystem::IsDirectory(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  return dirs_.count(Normalize(path)) > 0;
}

void MemoryFileSystem::SimulatePowerLoss() {
  std::lock_guard<std::mutex> lock(mu_);
  files_.clear();
  for (const auto& [path, state] : durable_files_) {
    state->data = state->synced_data;
    files_[path] = state;
  }
}

}  // namespace mesh
