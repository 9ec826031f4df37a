#include "lake/memory_object_store.h"

#include "base/sha256.h"

namespace mesh {
namespace {

class MemoryObjectReader final : public RandomAccessFile {
 public:
  explicit MemoryObjectReader(std::shared_ptr<const std::string> data) : data_(std::move(data)) {}
  Result<uint64_t> Size() const override { return static_cast<uint64_t>(data_->size()); }
  Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    if (offset >= data_->size()) {
      out->clear();
    } else {
      *out = data_->substr(static_cast<size_t>(offset), length);
    }
    return Status::OK();
  }

 private:
  std::shared_ptr<const std::string> data_;
};

class MemoryObjectWriter final : public ObjectWriter {
 public:
  explicit MemoryObjectWriter(MemoryObjectStore* store) : store_(store) {}

  Status Append(std::string_view data) override {
    if (finished_) return Status::FailedPrecondition("object writer: Append after Commit or Abort");
    buffer_.append(data);
    return Status::OK();
  }

  Result<ObjectRef> Commit() override {
    if (finished_) return Status::FailedPrecondition("object writer: Commit after Commit or Abort");
    finished_ = true;
    ASSIGN_OR_RAISE(std::string hex, Sha256Hex(buffer_));
    ObjectRef ref{ObjectKeyForSha256(hex), hex, buffer_.size()};
    store_->Insert(ref.key, std::move(buffer_));
    return ref;
  }

  Status Abort() override {
    finished_ = true;
    buffer_.clear();
    return Status::OK();
  }

 private:
  MemoryObjectStore* store_;
  std::string buffer_;
  bool finished_ = false;
};

}  // namespace

Result<std::unique_ptr<ObjectWriter>> MemoryObjectStore::NewWriter() {
  return std::unique_ptr<ObjectWriter>(new MemoryObjectWriter(this));
}

void MemoryObjectStore::Insert(const std::string& key, std::string data) {
  std::lock_guard<std::mutex> lock(mu_);
  objects_.try_emplace(key, std::make_shared<const std::string>(std::move(data)));
}

Result<std::shared_ptr<const std::string>> MemoryObjectStore::Find(std::string_view key) const {
  RETURN_NOT_OK(Sha256OfObjectKey(key).status());
  std::lock_guard<std::mutex> lock(mu_);
  auto it = objects_.find(key);
  if (it == objects_.end()) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake memory:");
  }
  return it->second;
}

Result<std::unique_ptr<RandomAccessFile>> MemoryObjectStore::Open(std::string_view key) {
  ASSIGN_OR_RAISE(auto data, Find(key));
  return std::unique_ptr<RandomAccessFile>(new MemoryObjectReader(std::move(data)));
}

Result<bool> MemoryObjectStore::Exists(std::string_view key) {
  RETURN_NOT_OK(Sha256OfObjectKey(key).status());
  std::lock_guard<std::mutex> lock(mu_);
  return objects_.find(key) != objects_.end();
}

Result<uint64_t> MemoryObjectStore::Size(std::string_view key) {
  ASSIGN_OR_RAISE(auto data, Find(key));
  return static_cast<uint64_t>(data->size());
}

Status MemoryObjectStore::Delete(std::string_view key) {
  RETURN_NOT_OK(Find(key).status());
  std::lock_guard<std::mutex> lock(mu_);
  objects_.erase(objects_.find(key));
  return Status::OK();
}

size_t MemoryObjectStore::ObjectCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return objects_.size();
}

}  // namespace mesh
