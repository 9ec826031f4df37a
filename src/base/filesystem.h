// FileSystem: every file access of Meshwork goes through this interface, so that tests can swap
// in an in-memory or fault-injecting implementation and check the failure paths without luck.
// Implementations are safe for concurrent use; the file objects they hand out are not
// (external synchronization required per file object).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mesh {

// A file opened for reading at arbitrary offsets (Parquet footers, parallel CSV chunks).
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual Result<uint64_t> Size() const = 0;
  // Reads up to `length` bytes at `offset` into `out` (resized to what was read; shorter only at
  // end of file). Safe to call from several threads at once.
  virtual Status ReadAt(uint64_t offset, size_t length, std::string* out) const = 0;
};

// A file opened for appending. Nothing is durable before Sync() returns OK.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
};

struct DirEntry {
  std::string name;  // file name only, no directory
  bool is_directory = false;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  virtual Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) = 0;
  // Creates or truncates `path`.
  virtual Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path) = 0;
  // Atomically replaces `to` with `from`.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  // Makes the directory entries (creations, renames) in `dir` durable.
  virtual Status SyncDir(const std::string& dir) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Creates `dir` and its missing parents; OK when it exists.
  virtual Status CreateDirs(const std::string& dir) = 0;
  virtual Result<std::vector<DirEntry>> ListDir(const std::string& dir) = 0;
  virtual bool Exists(const std::string& path) = 0;
  virtual bool IsDirectory(const std::string& path) = 0;

  // Reads a whole file; refuses files larger than `max_bytes` with ResourceExhausted.
  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes = 256ull << 20);
  // Writes a whole file durably: temporary name, fsync, rename, fsync of the directory.
  Status WriteFileAtomically(const std::string& path, std::string_view contents);
  // Every regular file below `dir` (recursively) whose name ends with `suffix`, sorted.
  Result<std::vector<std::string>> ListFilesRecursive(const std::string& dir,
                                                      std::string_view suffix);
};

// The real file system (POSIX calls: open/pread/write/fsync/rename).
std::shared_ptr<FileSystem> PosixFileSystem();

// Joins path parts with '/', without doubling separators.
std::string JoinPath(std::string_view a, std::string_view b);
std::string DirName(std::string_view path);
std::string BaseName(std::string_view path);

}  // namespace mesh
