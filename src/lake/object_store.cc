#include "lake/object_store.h"

#include "base/sha256.h"

namespace mesh {
namespace {
constexpr std::string_view kKeyPrefix = "sha256/";
constexpr size_t kVerifyChunk = 1 << 20;
}  // namespace

std::string ObjectKeyForSha256(std::string_view hex) {
  return std::string(kKeyPrefix) + std::string(hex);
}

Result<std::string> Sha256OfObjectKey(std::string_view key) {
  if (key.substr(0, kKeyPrefix.size()) == kKeyPrefix) {
    std::string_view hex = key.substr(kKeyPrefix.size());
    if (IsSha256Hex(hex)) return std::string(hex);
  }
  return Status::InvalidArgument("object key '" + std::string(key) +
                                 "' is malformed: expected 'sha256/' followed by 64 lowercase "
                                 "hex digits");
}

Result<ObjectRef> ObjectStore::Put(std::string_view data) {
  ASSIGN_OR_RAISE(auto writer, NewWriter());
  Status appended = writer->Append(data);
  if (!appended.ok()) {
    (void)writer->Abort();
    return appended;
  }
  return writer->Commit();
}

Result<std::string> ObjectStore::Get(std::string_view key, uint64_t max_bytes) {
  ASSIGN_OR_RAISE(auto reader, Open(key));
  ASSIGN_OR_RAISE(uint64_t size, reader->Size());
  if (size > max_bytes) {
    return Status::ResourceExhausted("object " + std::string(key) + " is " + std::to_string(size) +
                                     " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  std::string out;
  RETURN_NOT_OK(reader->ReadAt(0, static_cast<size_t>(size), &out));
  if (out.size() != size) {
    return Status::Corruption("object " + std::string(key) + " is shorter than its size " +
                              std::to_string(size));
  }
  return out;
}

Status ObjectStore::Verify(std::string_view key) {
  ASSIGN_OR_RAISE(std::string expected, Sha256OfObjectKey(key));
  ASSIGN_OR_RAISE(auto reader, Open(key));
  ASSIGN_OR_RAISE(uint64_t size, reader->Size());
  ASSIGN_OR_RAISE(Sha256 hasher, Sha256::Make());
  std::string chunk;
  for (uint64_t offset = 0; offset < size; offset += chunk.size()) {
    RETURN_NOT_OK(reader->ReadAt(offset, kVerifyChunk, &chunk));
    if (chunk.empty()) break;
    RETURN_NOT_OK(hasher.Update(chunk));
  }
  ASSIGN_OR_RAISE(std::string actual, hasher.Finish());
  if (actual != expected) {
    return Status::Corruption("object " + std::string(key) + " is corrupt: its content hashes to " +
                              actual);
  }
  return Status::OK();
}

}  // namespace mesh
