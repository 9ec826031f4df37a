// MemoryObjectStore: an ObjectStore held in memory, for fast deterministic tests. It keeps the
// same promises as the real lake: objects appear only on Commit, are keyed by SHA-256 and are
// never overwritten. Safe for concurrent use.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "lake/object_store.h"

namespace mesh {

class MemoryObjectStore final : public ObjectStore {
 public:
  MemoryObjectStore() = default;

  Result<std::unique_ptr<ObjectWriter>> NewWriter() override;
  Result<std::unique_ptr<RandomAccessFile>> Open(std::string_view key) override;
  Result<bool> Exists(std::string_view key) override;
  Result<uint64_t> Size(std::string_view key) override;
  Status Delete(std::string_view key) override;
  std::string Uri() const override { return "memory:"; }

  size_t ObjectCount() const;
  // Stores `data` under `key` unless the key is taken (never overwrites); used by writers.
  void Insert(const std::string& key, std::string data);

 private:
  Result<std::shared_ptr<const std::string>> Find(std::string_view key) const;

  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> objects_;
};

}  // namespace mesh
