// S3ObjectStore: the lake in an S3 bucket (AWS S3 or an S3-compatible server), chosen with
// `--lake s3://bucket/prefix`.
//   <prefix>/sha256/<64 hex>   one object per lake object, named by its SHA-256 (the lake key)
//   <prefix>/tmp/<random hex>  staging objects of large writes, deleted once published
// Small objects (up to one part, S3Options::part_size) are buffered and stored with one
// `PUT If-None-Match: *` straight under their final key. Larger ones stream as a multipart upload
// to a staging key (the hash, and so the final key, is known only at Commit); Commit completes it
// and publishes it under the final key by a server-side multipart copy (UploadPartCopy) whose
// CompleteMultipartUpload carries `If-None-Match: *`, then deletes the staging object. S3 writes
// and completes are atomic, so a reader never sees half an object, and a stored object is never
// overwritten: a conditional write that finds the key taken (412) checks that the stored object
// has the expected size and uses it (same key, same content). Abort (or destroying the writer)
// aborts the multipart upload and deletes the staging object. See docs/storage.md.
// Safe for concurrent use; an ObjectWriter is not.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "lake/http_client.h"
#include "lake/object_store.h"
#include "lake/s3_client.h"
#include "lake/s3_options.h"

namespace mesh {

// Something a writer left in staging: a tmp/ object, or an unfinished multipart upload (of a
// staging key, or of a final key whose publish did not finish).
struct S3StagingEntry {
  std::string key;        // full S3 key
  std::string upload_id;  // empty for a staging object
};

class S3ObjectStore final : public ObjectStore {
 public:
  // `http` null = libcurl with the options' timeouts; `clock` signs requests (real time).
  static Result<std::unique_ptr<S3ObjectStore>> Make(S3Location location, S3Options options,
                                                     std::shared_ptr<HttpClient> http = nullptr,
                                                     std::shared_ptr<Clock> clock = nullptr);

  Result<std::unique_ptr<ObjectWriter>> NewWriter() override;
  Result<std::unique_ptr<RandomAccessFile>> Open(std::string_view key) override;
  Result<bool> Exists(std::string_view key) override;
  Result<uint64_t> Size(std::string_view key) override;
  Status Delete(std::string_view key) override;
  std::string Uri() const override { return location_.Uri(); }

  // Creates the bucket when missing (tests, first-time setup).
  Status CreateBucket() { return client_->CreateBucket(); }
  // Staging objects and unfinished uploads under the prefix (empty after clean writes). Crashed
  // writers leave these; a bucket lifecycle rule removes them (docs/operations.md).
  Result<std::vector<S3StagingEntry>> ListStaging();
  // The full S3 key of a lake key ("prefix/sha256/<hex>"); InvalidArgument for a bad key.
  Result<std::string> S3KeyOf(std::string_view key) const;
  std::string NewStagingKey() const;

  const S3Location& location() const { return location_; }
  S3Client& client() { return *client_; }

 private:
  S3ObjectStore(S3Location location, std::shared_ptr<S3Client> client)
      : location_(std::move(location)), client_(std::move(client)) {}

  S3Location location_;
  std::shared_ptr<S3Client> client_;  // shared with readers
};

}  // namespace mesh
