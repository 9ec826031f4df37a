// S3Client: the S3 REST operations the lake needs, on one bucket, each signed with SigV4 and sent
// through an HttpClient. Every call is retried, with exponential backoff and jitter, on 5xx, 429,
// throttling and transport errors (timeouts, refused or reset connections), up to
// S3Options::max_attempts tries. Any other 4xx becomes an error Status naming the operation,
// the bucket and key, the HTTP status and S3's error code and message (403 → PermissionDenied,
// 404 → NotFound, 400 → InvalidArgument, 409 → Conflict, else IOError). Credentials never appear
// in a message. Safe for concurrent use.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "lake/http_client.h"
#include "lake/s3_options.h"
#include "lake/sigv4_signer.h"

namespace mesh {

struct S3ObjectHead {
  uint64_t size = 0;
  std::string etag;
};

struct S3UploadPart {
  int number = 0;
  std::string etag;
};

struct S3MultipartUpload {
  std::string key;
  std::string upload_id;
};

class S3Client {
 public:
  // Fails when the endpoint cannot be parsed or the options are out of range.
  static Result<std::unique_ptr<S3Client>> Make(std::string bucket, S3Options options,
                                                std::shared_ptr<HttpClient> http,
                                                std::shared_ptr<Clock> clock);

  const std::string& bucket() const { return bucket_; }
  const S3Options& options() const { return options_; }
  // "s3://bucket/key" for messages.
  std::string Describe(std::string_view key) const;

  // PUT bucket (in the configured region); OK when it exists already and is ours.
  Status CreateBucket();
  // HEAD: nullopt when there is no such object.
  Result<std::optional<S3ObjectHead>> Head(const std::string& key);
  // GET with Range bytes=first-last; NotFound when the object is gone.
  Result<std::string> GetRange(const std::string& key, uint64_t first, uint64_t last);
  // PUT with If-None-Match: *. true when stored; false when the key existed (412), which also
  // covers a retry whose first try succeeded after all.
  Result<bool> PutIfAbsent(const std::string& key, std::string_view body);
  Status Delete(const std::string& key);

  Result<std::string> CreateMultipartUpload(const std::string& key);
  Result<std::string> UploadPart(const std::string& key, const std::string& upload_id, int number,
                                 std::string_view body);
  // UploadPartCopy of bytes [first, last] of `source_key` (same bucket).
  Result<std::string> UploadPartCopy(const std::string& key, const std::string& upload_id,
                                     int number, const std::string& source_key, uint64_t first,
                                     uint64_t last);
  // CompleteMultipartUpload; with `if_none_match`, false when the key existed (412).
  Result<bool> CompleteMultipartUpload(const std::string& key, const std::string& upload_id,
                                       const std::vector<S3UploadPart>& parts, bool if_none_match);
  // OK also when the upload is gone already.
  Status AbortMultipartUpload(const std::string& key, const std::string& upload_id);

  // Every key under `prefix` (ListObjectsV2, all pages).
  Result<std::vector<std::string>> ListKeys(const std::string& prefix);
  // Unfinished multipart uploads under `prefix` (all pages).
  Result<std::vector<S3MultipartUpload>> ListMultipartUploads(const std::string& prefix);

  // Requests sent (tries, retries included) and retries, since construction.
  uint64_t requests_sent() const { return requests_sent_.load(); }
  uint64_t retries() const { return retries_.load(); }

 private:
  struct Call;
  S3Client(std::string bucket, S3Options options, std::shared_ptr<HttpClient> http,
           std::shared_ptr<Clock> clock);
  Status ParseEndpoint();
  // Sends `call`, retrying as described above; returns the final response (any status < 500
  // that is not a throttle), or the last failure after the tries are used up.
  Result<HttpResponse> Execute(const Call& call);
  Result<HttpResponse> SendOnce(const Call& call);
  bool ShouldRetry(const Call& call, const Result<HttpResponse>& outcome) const;
  void Backoff(int attempt) const;
  Status ErrorFor(const Call& call, const HttpResponse& response) const;
  Status RetriesExhausted(const Call& call, const Result<HttpResponse>& last) const;

  std::string bucket_;
  S3Options options_;
  std::shared_ptr<HttpClient> http_;
  std::shared_ptr<Clock> clock_;
  SigV4Signer signer_;
  std::string scheme_;       // "http" or "https"
  std::string host_;         // Host header: "127.0.0.1:9000" or "bucket.s3.eu-west-1.amazonaws.com"
  std::string path_prefix_;  // "/bucket" (path-style) or "" (virtual-hosted)
  std::atomic<uint64_t> requests_sent_{0};
  std::atomic<uint64_t> retries_{0};
};

}  // namespace mesh
