#include "base/filesystem.h"

#include <algorithm>

namespace mesh {

Result<std::string> FileSystem::ReadFile(const std::string& path, uint64_t max_bytes) {
  ASSIGN_OR_RAISE(auto file, OpenForRead(path));
  ASSIGN_OR_RAISE(uint64_t size, file->Size());
  if (size > max_bytes) {
    return Status::ResourceExhausted(path + ": file is " + std::to_string(size) +
                                     " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  std::string out;
  RETURN_NOT_OK(file->ReadAt(0, static_cast<size_t>(size), &out));
  return out;
}

Status FileSystem::WriteFileAtomically(const std::string& path, std::string_view contents) {
  const std::string tmp = path + ".tmp-write";
  {
    ASSIGN_OR_RAISE(auto file, OpenForWrite(tmp));
    Status st = file->Append(contents);
    if (st.ok()) st = file->Sync();
    Status closed = file->Close();
    if (st.ok()) st = closed;
    if (!st.ok()) {
      (void)Remove(tmp);
      return st;
    }
  }
  Status st = Rename(tmp, path);
  if (!st.ok()) {
    (void)Remove(tmp);
    return st;
  }
  return SyncDir(DirName(path));
}

Result<std::vector<std::string>> FileSystem::ListFilesRecursive(const std::string& dir,
                                                                std::string_view suffix) {
  std::vector<std::string> out;
  std::vector<std::string> pending{dir};
  while (!pending.empty()) {
    std::string current = std::move(pending.back());
    pending.pop_back();
    ASSIGN_OR_RAISE(auto entries, ListDir(current));
    for (const DirEntry& entry : entries) {
      std::string full = JoinPath(current, entry.name);
      if (entry.is_directory) {
        pending.push_back(std::move(full));
      } else if (entry.name.size() >= suffix.size() &&
                 entry.name.compare(entry.name.size() - suffix.size(), suffix.size(), suffix) ==
                     0) {
        out.push_back(std::move(full));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty() || a == ".") return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  while (!b.empty() && b.front() == '/') b.remove_prefix(1);
  out += b;
  return out;
}

std::string DirName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace mesh
