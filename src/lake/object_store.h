// ObjectStore: the lake. Immutable objects addressed by the SHA-256 of their content, under keys
// of the form "sha256/<64 lowercase hex>". An object is written through an ObjectWriter (Append
// as often as needed, then Commit) and becomes visible only when complete: a reader never sees a
// half-written object. Committing content that is already stored is OK and idempotent; stored
// bytes are never overwritten. Delete exists only for quarantine clean-up and garbage collection.
// Implementations are safe for concurrent use (also across processes where the medium allows);
// an ObjectWriter is not (external synchronization required per writer).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/filesystem.h"
#include "base/result.h"

namespace mesh {

// What a successful Commit stored.
struct ObjectRef {
  std::string key;     // "sha256/<hex>"
  std::string sha256;  // "<hex>"
  uint64_t bytes = 0;
};

// Streams one new object into the store. Exactly one of Commit or Abort ends it; a writer that
// is destroyed without either is aborted. After an error from Append the writer is spent: only
// Abort (or destruction) is allowed, Commit fails.
class ObjectWriter {
 public:
  virtual ~ObjectWriter() = default;
  virtual Status Append(std::string_view data) = 0;
  // Makes the object durable and visible, and returns its key. On error nothing is visible under
  // the key unless the same content was already stored (or is stored concurrently) in full.
  virtual Result<ObjectRef> Commit() = 0;
  // Discards what was appended. OK when there was nothing to discard.
  virtual Status Abort() = 0;
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  virtual Result<std::unique_ptr<ObjectWriter>> NewWriter() = 0;
  // A reader for ranged reads of a stored object; NotFound when it is not stored.
  virtual Result<std::unique_ptr<RandomAccessFile>> Open(std::string_view key) = 0;
  virtual Result<bool> Exists(std::string_view key) = 0;
  virtual Result<uint64_t> Size(std::string_view key) = 0;
  // Removes a stored object (quarantine clean-up only: published objects are never deleted).
  virtual Status Delete(std::string_view key) = 0;
  // Where the store lives, in the form OpenObjectStore accepts ("file:/x/lake", "memory:").
  virtual std::string Uri() const = 0;

  // Stores `data` in one go.
  Result<ObjectRef> Put(std::string_view data);
  // Reads a whole object; ResourceExhausted when larger than `max_bytes`.
  Result<std::string> Get(std::string_view key, uint64_t max_bytes = 256ull << 20);
  // Re-hashes a stored object: Corruption when its bytes no longer match its key.
  Status Verify(std::string_view key);
};

// "sha256/<hex>" for a hex digest.
std::string ObjectKeyForSha256(std::string_view hex);
// The hex digest of a valid key; InvalidArgument naming the key and the expected form otherwise.
Result<std::string> Sha256OfObjectKey(std::string_view key);

}  // namespace mesh
