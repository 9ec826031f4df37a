// LocalObjectStore: the default lake, a directory on a FileSystem.
//   <root>/objects/<hex[0:2]>/<hex[2:]>   one file per object, named by its SHA-256
//   <root>/tmp/<unique>.part              objects being written (never read as objects)
// A commit writes the temporary file, fsyncs it, renames it into objects/ and fsyncs the
// directory, so a crash leaves either no object or the whole object. A crashed or killed writer
// leaves its temporary file behind; opening the store sweeps those whose writer process no
// longer runs (SweepAbandonedTempFiles). An object that exists is
// never replaced (two writers racing on identical content both succeed: the bytes are the same).
// Safe for concurrent use, also by several processes sharing the directory.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "base/filesystem.h"
#include "lake/object_store.h"

namespace mesh {

class LocalObjectStore final : public ObjectStore {
 public:
  // Creates the directory layout below `root` when missing.
  static Result<std::unique_ptr<LocalObjectStore>> Make(std::shared_ptr<FileSystem> fs,
                                                        std::string root);

  Result<std::unique_ptr<ObjectWriter>> NewWriter() override;
  Result<std::unique_ptr<RandomAccessFile>> Open(std::string_view key) override;
  Result<bool> Exists(std::string_view key) override;
  Result<uint64_t> Size(std::string_view key) override;
  Status Delete(std::string_view key) override;
  std::string Uri() const override { return "file:" + root_; }

  // The file that holds `key` ("<root>/objects/ab/cdef..."); InvalidArgument for a bad key.
  Result<std::string> PathOf(std::string_view key) const;
  const std::string& root() const { return root_; }
  std::string TempDir() const;

  // Removes the temporary files of writers that no longer run: "<pid>-<n>-<random>.part" files
  // whose pid is not a live process on this host (a writer that crashed or was killed). Files
  // of live writers, and files not named this way, are left alone. Returns how many were
  // removed. Make calls it; a lake shared by several hosts must not be swept this way (a pid
  // names a process of one host), see docs/storage.md.
  Result<size_t> SweepAbandonedTempFiles();

 private:
  LocalObjectStore(std::shared_ptr<FileSystem> fs, std::string root)
      : fs_(std::move(fs)), root_(std::move(root)) {}
  std::string NewTempPath();

  std::shared_ptr<FileSystem> fs_;
  std::string root_;
  std::atomic<uint64_t> temp_counter_{0};
};

}  // namespace mesh
