#include "lake/s3_object_writer.h"

#include <algorithm>

#include "lake/s3_object_store.h"

namespace mesh {

S3ObjectWriter::S3ObjectWriter(S3ObjectStore* store, Sha256 hasher)
    : store_(store), client_(&store->client()), hasher_(std::move(hasher)) {}

S3ObjectWriter::~S3ObjectWriter() {
  if (!finished_) (void)Abort();
}

Status S3ObjectWriter::Append(std::string_view data) {
  if (finished_ || broken_) {
    return Status::FailedPrecondition("object writer: Append after Commit, Abort or an error");
  }
  Status hashed = hasher_.Update(data);
  if (!hashed.ok()) {
    broken_ = true;
    return hashed;
  }
  bytes_ += data.size();
  const uint64_t part_size = client_->options().part_size;
  while (!data.empty()) {
    // A full buffer is sent only once more data arrives: an object of exactly one part stays a
    // single PUT.
    if (buffer_.size() == part_size) {
      Status flushed = FlushPart();
      if (!flushed.ok()) {
        broken_ = true;
        return flushed.WithContext("writing object to the lake " + store_->Uri());
      }
    }
    size_t take = std::min<uint64_t>(part_size - buffer_.size(), data.size());
    buffer_.append(data.substr(0, take));
    data.remove_prefix(take);
  }
  return Status::OK();
}

Status S3ObjectWriter::FlushPart() {
  if (upload_id_.empty()) {
    staging_key_ = store_->NewStagingKey();
    ASSIGN_OR_RAISE(upload_id_, client_->CreateMultipartUpload(staging_key_));
  }
  int number = static_cast<int>(parts_.size()) + 1;
  ASSIGN_OR_RAISE(std::string etag, client_->UploadPart(staging_key_, upload_id_, number, buffer_));
  parts_.push_back({number, std::move(etag)});
  buffer_.clear();
  return Status::OK();
}

Result<ObjectRef> S3ObjectWriter::Commit() {
  if (finished_ || broken_) {
    return Status::FailedPrecondition("object writer: Commit after Commit, Abort or an error");
  }
  finished_ = true;
  ASSIGN_OR_RAISE(std::string hex, hasher_.Finish());
  ObjectRef ref{ObjectKeyForSha256(hex), hex, bytes_};
  ASSIGN_OR_RAISE(std::string final_key, store_->S3KeyOf(ref.key));
  Result<ObjectRef> committed =
      upload_id_.empty() ? CommitSmall(ref, final_key) : CommitStaged(ref, final_key);
  if (!committed.ok()) {
    (void)CleanUp();
    return committed.status().WithContext("storing object " + ref.key + " in the lake " +
                                          store_->Uri());
  }
  return committed;
}

Result<ObjectRef> S3ObjectWriter::CommitSmall(const ObjectRef& ref, const std::string& final_key) {
  ASSIGN_OR_RAISE(bool stored, client_->PutIfAbsent(final_key, buffer_));
  buffer_.clear();
  buffer_.shrink_to_fit();
  if (!stored) RETURN_NOT_OK(UseExisting(ref, final_key));
  return ref;
}

Result<ObjectRef> S3ObjectWriter::CommitStaged(const ObjectRef& ref, const std::string& final_key) {
  if (!buffer_.empty()) RETURN_NOT_OK(FlushPart());
  buffer_.shrink_to_fit();
  RETURN_NOT_OK(CompleteStaging());
  RETURN_NOT_OK(PublishStaged(ref, final_key));
  // The object is stored; a staging object that cannot be deleted now is only garbage, listed
  // by ListStaging and removed by the bucket's lifecycle rule.
  (void)CleanUp();
  return ref;
}

Status S3ObjectWriter::CompleteStaging() {
  Result<bool> completed =
      client_->CompleteMultipartUpload(staging_key_, upload_id_, parts_, /*if_none_match=*/false);
  if (!completed.ok() && completed.status().IsNotFound()) {
    // A retried complete whose first try went through: the upload is gone, the object is there.
    ASSIGN_OR_RAISE(auto head, client_->Head(staging_key_));
    if (!head || head->size != bytes_) return completed.status();
  } else if (!completed.ok()) {
    return completed.status();
  }
  upload_id_.clear();
  staging_complete_ = true;
  return Status::OK();
}

Status S3ObjectWriter::PublishStaged(const ObjectRef& ref, const std::string& final_key) {
  ASSIGN_OR_RAISE(auto existing, client_->Head(final_key));
  if (existing) return UseExisting(ref, final_key);
  ASSIGN_OR_RAISE(std::string upload_id, client_->CreateMultipartUpload(final_key));
  Status copied = CopyToFinal(ref, final_key, upload_id);
  if (!copied.ok()) (void)client_->AbortMultipartUpload(final_key, upload_id);
  return copied;
}

Status S3ObjectWriter::CopyToFinal(const ObjectRef& ref, const std::string& final_key,
                                   const std::string& upload_id) {
  const uint64_t copy_part = client_->options().copy_part_size;
  std::vector<S3UploadPart> parts;
  for (uint64_t first = 0; first < ref.bytes; first += copy_part) {
    uint64_t last = std::min(first + copy_part, ref.bytes) - 1;
    int number = static_cast<int>(parts.size()) + 1;
    ASSIGN_OR_RAISE(std::string etag, client_->UploadPartCopy(final_key, upload_id, number,
                                                              staging_key_, first, last));
    parts.push_back({number, std::move(etag)});
  }
  Result<bool> stored =
      client_->CompleteMultipartUpload(final_key, upload_id, parts, /*if_none_match=*/true);
  if (stored.ok() && *stored) return Status::OK();
  if (stored.ok() || stored.status().IsNotFound()) {
    // 412: another writer stored this key first. NotFound: a retried complete whose first try
    // went through. Either way the key must now hold our object.
    (void)client_->AbortMultipartUpload(final_key, upload_id);
    Status existing = UseExisting(ref, final_key);
    return existing.ok() || stored.ok() ? existing : stored.status();
  }
  return stored.status();
}

Status S3ObjectWriter::UseExisting(const ObjectRef& ref, const std::string& final_key) {
  ASSIGN_OR_RAISE(auto head, client_->Head(final_key));
  if (!head) {
    return Status::IOError("S3 " + client_->Describe(final_key) +
                           " was reported as existing but is not there: was it deleted?");
  }
  if (head->size != ref.bytes) {
    return Status::Corruption("lake object " + client_->Describe(final_key) + " holds " +
                              std::to_string(head->size) + " bytes but its name says it holds " +
                              std::to_string(ref.bytes) +
                              ": the lake is damaged; the object was not overwritten");
  }
  return Status::OK();
}

Status S3ObjectWriter::CleanUp() {
  Status status;
  buffer_.clear();
  if (!upload_id_.empty()) {
    status = client_->AbortMultipartUpload(staging_key_, upload_id_);
    upload_id_.clear();
  }
  if (staging_complete_) {
    Status deleted = client_->Delete(staging_key_);
    if (status.ok()) status = deleted;
    staging_complete_ = false;
  }
  return status;
}

Status S3ObjectWriter::Abort() {
  finished_ = true;
  return CleanUp();
}

}  // namespace mesh
