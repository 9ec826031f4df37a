// FaultInjectionObjectStore: wraps another ObjectStore and makes chosen operations fail with
// IOError, so publish tests can prove that a failing lake leaves the catalog and the lake
// consistent. Counting is per operation kind across all writers and readers.
// Safe for concurrent use.
#pragma once

#include <array>
#include <atomic>
#include <memory>

#include "lake/object_store.h"

namespace mesh {

enum class ObjectOp { kNewWriter, kAppend, kCommit, kOpen, kDelete, kCount };

class FaultInjectionObjectStore final : public ObjectStore {
 public:
  explicit FaultInjectionObjectStore(std::shared_ptr<ObjectStore> base) : base_(std::move(base)) {}

  // The `n`th (1-based, counted from now) call of `op` fails; 0 disables.
  void FailNth(ObjectOp op, int n);
  void Reset();
  int Calls(ObjectOp op) const { return calls_[static_cast<size_t>(op)].load(); }

  Result<std::unique_ptr<ObjectWriter>> NewWriter() override;
  Result<std::unique_ptr<RandomAccessFile>> Open(std::string_view key) override;
  Result<bool> Exists(std::string_view key) override { return base_->Exists(key); }
  Result<uint64_t> Size(std::string_view key) override { return base_->Size(key); }
  Status Delete(std::string_view key) override;
  std::string Uri() const override { return base_->Uri(); }

  // Counts a call of `op` and returns the injected error, if any (used by wrapped writers).
  Status MaybeFail(ObjectOp op);

 private:
  static constexpr size_t kOps = static_cast<size_t>(ObjectOp::kCount);
  std::shared_ptr<ObjectStore> base_;
  std::array<std::atomic<int>, kOps> calls_{};
  std::array<std::atomic<int>, kOps> fail_at_{};
};

}  // namespace mesh
