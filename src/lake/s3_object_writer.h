// S3ObjectWriter: streams one object into an S3ObjectStore (layout and guarantees in
// s3_object_store.h). Holds at most one part (S3Options::part_size) in memory. Not thread-safe
// (one writer per stream); the store must outlive it.
#pragma once

#include <string>
#include <vector>

#include "base/sha256.h"
#include "lake/object_store.h"
#include "lake/s3_client.h"

namespace mesh {

class S3ObjectStore;

class S3ObjectWriter final : public ObjectWriter {
 public:
  S3ObjectWriter(S3ObjectStore* store, Sha256 hasher);
  ~S3ObjectWriter() override;

  Status Append(std::string_view data) override;
  Result<ObjectRef> Commit() override;
  Status Abort() override;

 private:
  // Uploads the buffer as the next part of the staging upload (starting it if needed).
  Status FlushPart();
  Result<ObjectRef> CommitSmall(const ObjectRef& ref, const std::string& final_key);
  Result<ObjectRef> CommitStaged(const ObjectRef& ref, const std::string& final_key);
  Status CompleteStaging();
  // Copies the completed staging object to `final_key` unless that key holds the object already.
  Status PublishStaged(const ObjectRef& ref, const std::string& final_key);
  Status CopyToFinal(const ObjectRef& ref, const std::string& final_key,
                     const std::string& upload_id);
  // The key is taken: fine when it holds an object of our size (same hash, same content).
  Status UseExisting(const ObjectRef& ref, const std::string& final_key);
  // Aborts the staging upload and deletes the staging object, if any. Idempotent.
  Status CleanUp();

  S3ObjectStore* store_;
  S3Client* client_;
  Sha256 hasher_;
  std::string buffer_;
  uint64_t bytes_ = 0;
  std::string staging_key_;
  std::string upload_id_;  // of the staging upload while it is open
  std::vector<S3UploadPart> parts_;
  bool staging_complete_ = false;  // the staging object exists
  bool finished_ = false;
  bool broken_ = false;
};

}  // namespace mesh
