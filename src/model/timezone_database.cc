#include "model/timezone_database.h"

#include <cctype>
#include <cstdlib>

namespace mesh {
namespace {

// Zone names are path components of letters, digits, '_', '-' and '+', each starting with a
// letter, the first with an upper-case one ("America/Argentina/Buenos_Aires", "Etc/GMT+5",
// "UTC"). This refuses "..", absolute paths and the database's own files (zone.tab, posix/...).
bool LooksLikeZoneName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  bool component_start = true;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '/') {
      if (component_start) return false;
      component_start = true;
      continue;
    }
    if (component_start) {
      if (!std::isalpha(c)) return false;
      if (i == 0 && !std::isupper(c)) return false;
      component_start = false;
      continue;
    }
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '+') return false;
  }
  return !component_start && name != "SECURITY";
}

}  // namespace

TimezoneDatabase::TimezoneDatabase(std::shared_ptr<FileSystem> fs, std::string root)
    : fs_(std::move(fs)), root_(std::move(root)) {}

const TimezoneDatabase& TimezoneDatabase::System() {
  static const TimezoneDatabase* database = [] {
    const char* tzdir = std::getenv("TZDIR");
    std::string root = tzdir != nullptr && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
    return new TimezoneDatabase(PosixFileSystem(), root);
  }();
  return *database;
}

bool TimezoneDatabase::Exists(std::string_view name) const {
  if (!LooksLikeZoneName(name)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  bool exists = Lookup(std::string(name));
  cache_.emplace(std::string(name), exists);
  return exists;
}

bool TimezoneDatabase::Lookup(const std::string& name) const {
  std::string path = JoinPath(root_, name);
  if (!fs_->Exists(path) || fs_->IsDirectory(path)) return false;
  Result<std::unique_ptr<RandomAccessFile>> file = fs_->OpenForRead(path);
  if (!file.ok()) return false;
  std::string magic;
  if (!(*file)->ReadAt(0, 4, &magic).ok()) return false;
  return magic == "TZif";
}

}  // namespace mesh
