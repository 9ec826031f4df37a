#include "lake/fault_injection_object_store.h"

namespace mesh {
namespace {

constexpr std::string_view OpName(ObjectOp op) {
  switch (op) {
    case ObjectOp::kNewWriter:
      return "new writer";
    case ObjectOp::kAppend:
      return "append";
    case ObjectOp::kCommit:
      return "commit";
    case ObjectOp::kOpen:
      return "open";
    case ObjectOp::kDelete:
      return "delete";
    case ObjectOp::kCount:
      break;
  }
  return "?";
}

// A failed Commit aborts the wrapped writer, so the injected failure leaves nothing behind.
class FaultInjectionObjectWriter final : public ObjectWriter {
 public:
  FaultInjectionObjectWriter(FaultInjectionObjectStore* store, std::unique_ptr<ObjectWriter> base)
      : store_(store), base_(std::move(base)) {}

  Status Append(std::string_view data) override {
    RETURN_NOT_OK(store_->MaybeFail(ObjectOp::kAppend));
    return base_->Append(data);
  }
  Result<ObjectRef> Commit() override {
    Status injected = store_->MaybeFail(ObjectOp::kCommit);
    if (!injected.ok()) {
      (void)base_->Abort();
      return injected;
    }
    return base_->Commit();
  }
  Status Abort() override { return base_->Abort(); }

 private:
  FaultInjectionObjectStore* store_;
  std::unique_ptr<ObjectWriter> base_;
};

}  // namespace

void FaultInjectionObjectStore::FailNth(ObjectOp op, int n) {
  size_t i = static_cast<size_t>(op);
  fail_at_[i] = n <= 0 ? 0 : calls_[i].load() + n;
}

void FaultInjectionObjectStore::Reset() {
  for (size_t i = 0; i < kOps; ++i) {
    calls_[i] = 0;
    fail_at_[i] = 0;
  }
}

Status FaultInjectionObjectStore::MaybeFail(ObjectOp op) {
  size_t i = static_cast<size_t>(op);
  int call = ++calls_[i];
  if (fail_at_[i] != 0 && call == fail_at_[i]) {
    return Status::IOError("injected fault: lake " + std::string(OpName(op)) + " call " +
                           std::to_string(call) + " failed");
  }
  return Status::OK();
}

Result<std::unique_ptr<ObjectWriter>> FaultInjectionObjectStore::NewWriter() {
  RETURN_NOT_OK(MaybeFail(ObjectOp::kNewWriter));
  ASSIGN_OR_RAISE(auto base, base_->NewWriter());
  return std::unique_ptr<ObjectWriter>(new FaultInjectionObjectWriter(this, std::move(base)));
}

Result<std::unique_ptr<RandomAccessFile>> FaultInjectionObjectStore::Open(std::string_view key) {
  RETURN_NOT_OK(MaybeFail(ObjectOp::kOpen));
  return base_->Open(key);
}

Status FaultInjectionObjectStore::Delete(std::string_view key) {
  RETURN_NOT_OK(MaybeFail(ObjectOp::kDelete));
  return base_->Delete(key);
}

}  // namespace mesh
