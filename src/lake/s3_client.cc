#include "lake/s3_client.h"

#include <chrono>
#include <random>
#include <thread>

#include "base/sha256.h"
#include "lake/s3_xml.h"

namespace mesh {

struct S3Client::Call {
  std::string operation;  // "PUT object", for messages
  std::string method;
  std::string key;  // empty: the bucket itself
  HeaderList query;
  HeaderList headers;
  std::string_view body;
  bool error_in_200 = false;  // CompleteMultipartUpload and copies may report errors with 200
};

namespace {

bool IsRetryableCode(std::string_view code) {
  return code == "SlowDown" || code == "RequestTimeout" || code == "InternalError" ||
         code == "ServiceUnavailable" || code == "ConditionalRequestConflict" ||
         code == "RequestTimeTooSkewed" || code == "Throttling";
}

std::string ErrorCodeOf(const HttpResponse& response) {
  return XmlElementText(response.body, "Code").value_or("");
}

Result<uint64_t> ParseSize(const std::optional<std::string>& text, const std::string& what) {
  if (!text || text->empty()) return Status::IOError(what + ": the response has no Content-Length");
  uint64_t value = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return Status::IOError(what + ": bad Content-Length '" + *text + "'");
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

}  // namespace

S3Client::S3Client(std::string bucket, S3Options options, std::shared_ptr<HttpClient> http,
                   std::shared_ptr<Clock> clock)
    : bucket_(std::move(bucket)),
      options_(std::move(options)),
      http_(std::move(http)),
      clock_(std::move(clock)),
      signer_(options_.credentials, options_.region, "s3") {}

Result<std::unique_ptr<S3Client>> S3Client::Make(std::string bucket, S3Options options,
                                                 std::shared_ptr<HttpClient> http,
                                                 std::shared_ptr<Clock> clock) {
  RETURN_NOT_OK(ValidateS3Options(options));
  std::unique_ptr<S3Client> client(
      new S3Client(std::move(bucket), std::move(options), std::move(http), std::move(clock)));
  RETURN_NOT_OK(client->ParseEndpoint());
  return client;
}

Status S3Client::ParseEndpoint() {
  if (options_.endpoint.empty()) {  // AWS itself: virtual-hosted style
    scheme_ = "https";
    host_ = bucket_ + ".s3." + options_.region + ".amazonaws.com";
    path_prefix_ = "";
    return Status::OK();
  }
  size_t colon = options_.endpoint.find("://");
  if (colon == std::string::npos) {
    return Status::InvalidArgument("S3 endpoint '" + options_.endpoint + "' has no scheme");
  }
  scheme_ = options_.endpoint.substr(0, colon);
  host_ = options_.endpoint.substr(colon + 3);
  if (host_.empty() || host_.find('/') != std::string::npos) {
    return Status::InvalidArgument("S3 endpoint '" + options_.endpoint +
                                   "' must be scheme://host[:port] without a path");
  }
  path_prefix_ = "/" + bucket_;
  return Status::OK();
}

std::string S3Client::Describe(std::string_view key) const {
  return "s3://" + bucket_ + "/" + std::string(key);
}

Result<HttpResponse> S3Client::SendOnce(const Call& call) {
  std::string path = path_prefix_ + "/" + call.key;
  if (call.key.empty() && !path_prefix_.empty()) path = path_prefix_;
  ASSIGN_OR_RAISE(std::string payload_hash, Sha256Hex(call.body));
  SigV4Request request{call.method,  path,         call.query,
                       call.headers, payload_hash, !options_.raw_slash_in_query};
  request.headers.emplace_back("Host", host_);
  request.headers.emplace_back("x-amz-content-sha256", payload_hash);
  RETURN_NOT_OK(signer_.Sign(&request, clock_->Now()));
  HttpRequest http{call.method, scheme_ + "://" + host_ + AwsUriEncode(path, false),
                   std::move(request.headers), call.body};
  if (!call.query.empty()) {
    http.url += "?" + CanonicalQueryString(call.query, !options_.raw_slash_in_query);
  }
  ++requests_sent_;
  return http_->Send(http);
}

bool S3Client::ShouldRetry(const Call& call, const Result<HttpResponse>& outcome) const {
  if (!outcome.ok()) return outcome.status().IsIOError();
  int status = outcome->status;
  if (status >= 500 || status == 429) return true;
  if (status >= 400) return IsRetryableCode(ErrorCodeOf(*outcome));
  if (call.error_in_200 && status == 200 && outcome->body.find("<Error>") != std::string::npos) {
    return true;
  }
  return false;
}

void S3Client::Backoff(int attempt) const {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  int64_t ceiling = options_.initial_backoff_ms;
  for (int i = 1; i < attempt && ceiling < options_.max_backoff_ms; ++i) ceiling *= 2;
  ceiling = std::min<int64_t>(ceiling, options_.max_backoff_ms);
  std::uniform_int_distribution<int64_t> jitter(ceiling / 2, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random)));
}

Result<HttpResponse> S3Client::Execute(const Call& call) {
  Result<HttpResponse> outcome = Status::Internal("S3: no attempt made");
  for (int attempt = 1; attempt <= options_.max_attempts; ++attempt) {
    if (attempt > 1) {
      ++retries_;
      Backoff(attempt - 1);
    }
    outcome = SendOnce(call);
    if (!ShouldRetry(call, outcome)) return outcome;
  }
  return RetriesExhausted(call, outcome);
}

Status S3Client::RetriesExhausted(const Call& call, const Result<HttpResponse>& last) const {
  std::string detail;
  if (!last.ok()) {
    detail = last.status().message();
  } else {
    detail = ErrorFor(call, *last).message();
  }
  return Status::IOError("S3 " + call.operation + " " + Describe(call.key) + ": gave up after " +
                         std::to_string(options_.max_attempts) + " tries; last: " + detail);
}

Status S3Client::ErrorFor(const Call& call, const HttpResponse& response) const {
  std::string code = ErrorCodeOf(response);
  std::string message = XmlElementText(response.body, "Message").value_or("");
  std::string text = "S3 " + call.operation + " " + Describe(call.key) + " at " + scheme_ + "://" +
                     host_ + ": HTTP " + std::to_string(response.status);
  if (!code.empty()) text += " " + code;
  if (!message.empty()) text += ": " + message;
  int status = response.status;
  if (status == 403) {
    text +=
        " (check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION, "
        "and that the key may use this bucket)";
    return Status::PermissionDenied(text);
  }
  if (code == "NoSuchBucket") {
    text += " (create the bucket, or fix the bucket name in --lake)";
  }
  if (status == 404) return Status::NotFound(text);
  if (status == 400) return Status::InvalidArgument(text);
  if (status == 409) return Status::Conflict(text);
  return Status::IOError(text);
}

Status S3Client::CreateBucket() {
  Call call{"create bucket", "PUT", "", {}, {}, {}};
  std::string body;
  if (options_.region != "us-east-1") {
    body = "<CreateBucketConfiguration><LocationConstraint>" + XmlEscape(options_.region) +
           "</LocationConstraint></CreateBucketConfiguration>";
    call.headers.emplace_back("Content-Type", "application/xml");
  }
  call.body = body;
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 200) return Status::OK();
  if (response.status == 409 && ErrorCodeOf(response) == "BucketAlreadyOwnedByYou") {
    return Status::OK();
  }
  return ErrorFor(call, response);
}

Result<std::optional<S3ObjectHead>> S3Client::Head(const std::string& key) {
  Call call{"HEAD object", "HEAD", key, {}, {}, {}};
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 404) return std::optional<S3ObjectHead>();
  if (response.status != 200) return ErrorFor(call, response);
  S3ObjectHead head;
  ASSIGN_OR_RAISE(head.size,
                  ParseSize(response.Header("Content-Length"), "S3 HEAD object " + Describe(key)));
  head.etag = response.Header("ETag").value_or("");
  return std::optional<S3ObjectHead>(std::move(head));
}

Result<std::string> S3Client::GetRange(const std::string& key, uint64_t first, uint64_t last) {
  Call call{"GET object", "GET", key, {}, {}, {}};
  call.headers.emplace_back("Range", "bytes=" + std::to_string(first) + "-" + std::to_string(last));
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 206 || response.status == 200) {
    if (response.status == 200 && first > 0) {  // a server that ignored Range
      if (first >= response.body.size()) return std::string();
      return response.body.substr(first, last - first + 1);
    }
    return std::move(response.body);
  }
  if (response.status == 416) return std::string();
  return ErrorFor(call, response);
}

Result<bool> S3Client::PutIfAbsent(const std::string& key, std::string_view body) {
  Call call{"PUT object", "PUT", key, {}, {}, body};
  call.headers.emplace_back("If-None-Match", "*");
  call.headers.emplace_back("Content-Type", "application/octet-stream");
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 200) return true;
  if (response.status == 412) return false;
  return ErrorFor(call, response);
}

Status S3Client::Delete(const std::string& key) {
  Call call{"DELETE object", "DELETE", key, {}, {}, {}};
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 204 || response.status == 200 || response.status == 404) {
    return Status::OK();
  }
  return ErrorFor(call, response);
}

Result<std::string> S3Client::CreateMultipartUpload(const std::string& key) {
  Call call{"create multipart upload", "POST", key, {{"uploads", ""}}, {}, {}};
  call.headers.emplace_back("Content-Type", "application/octet-stream");
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status != 200) return ErrorFor(call, response);
  std::optional<std::string> id = XmlElementText(response.body, "UploadId");
  if (!id || id->empty()) {
    return Status::IOError("S3 create multipart upload " + Describe(key) +
                           ": the response has no UploadId");
  }
  return *id;
}

Result<std::string> S3Client::UploadPart(const std::string& key, const std::string& upload_id,
                                         int number, std::string_view body) {
  Call call{"upload part " + std::to_string(number),
            "PUT",
            key,
            {{"partNumber", std::to_string(number)}, {"uploadId", upload_id}},
            {},
            body};
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status != 200) return ErrorFor(call, response);
  std::optional<std::string> etag = response.Header("ETag");
  if (!etag || etag->empty()) {
    return Status::IOError("S3 upload part " + Describe(key) + ": the response has no ETag");
  }
  return *etag;
}

Result<std::string> S3Client::UploadPartCopy(const std::string& key, const std::string& upload_id,
                                             int number, const std::string& source_key,
                                             uint64_t first, uint64_t last) {
  Call call{"copy part " + std::to_string(number) + " from " + Describe(source_key), "PUT", key,
            {{"partNumber", std::to_string(number)}, {"uploadId", upload_id}},       {},    {}};
  call.headers.emplace_back("x-amz-copy-source",
                            "/" + bucket_ + "/" + AwsUriEncode(source_key, false));
  call.headers.emplace_back("x-amz-copy-source-range",
                            "bytes=" + std::to_string(first) + "-" + std::to_string(last));
  call.error_in_200 = true;
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status != 200) return ErrorFor(call, response);
  std::optional<std::string> etag = XmlElementText(response.body, "ETag");
  if (!etag || etag->empty()) {
    return Status::IOError("S3 copy part " + Describe(key) + ": the response has no ETag");
  }
  return *etag;
}

Result<bool> S3Client::CompleteMultipartUpload(const std::string& key, const std::string& upload_id,
                                               const std::vector<S3UploadPart>& parts,
                                               bool if_none_match) {
  std::string body = "<CompleteMultipartUpload>";
  for (const S3UploadPart& part : parts) {
    body += "<Part><PartNumber>" + std::to_string(part.number) + "</PartNumber><ETag>" +
            XmlEscape(part.etag) + "</ETag></Part>";
  }
  body += "</CompleteMultipartUpload>";
  Call call{"complete multipart upload", "POST", key, {{"uploadId", upload_id}}, {}, body};
  call.headers.emplace_back("Content-Type", "application/xml");
  if (if_none_match) call.headers.emplace_back("If-None-Match", "*");
  call.error_in_200 = true;
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 200) return true;
  if (response.status == 412 && if_none_match) return false;
  return ErrorFor(call, response);
}

Status S3Client::AbortMultipartUpload(const std::string& key, const std::string& upload_id) {
  Call call{"abort multipart upload", "DELETE", key, {{"uploadId", upload_id}}, {}, {}};
  ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
  if (response.status == 204 || response.status == 200 || response.status == 404) {
    return Status::OK();
  }
  return ErrorFor(call, response);
}

Result<std::vector<std::string>> S3Client::ListKeys(const std::string& prefix) {
  std::vector<std::string> keys;
  std::string token;
  while (true) {
    Call call{"list objects", "GET", "", {{"list-type", "2"}, {"prefix", prefix}}, {}, {}};
    if (!token.empty()) call.query.emplace_back("continuation-token", token);
    ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
    if (response.status != 200) return ErrorFor(call, response);
    for (std::string_view contents : XmlElements(response.body, "Contents")) {
      if (auto key = XmlElementText(contents, "Key")) keys.push_back(*key);
    }
    if (XmlElementText(response.body, "IsTruncated").value_or("false") != "true") break;
    token = XmlElementText(response.body, "NextContinuationToken").value_or("");
    if (token.empty()) break;
  }
  return keys;
}

Result<std::vector<S3MultipartUpload>> S3Client::ListMultipartUploads(const std::string& prefix) {
  std::vector<S3MultipartUpload> uploads;
  std::string key_marker, upload_marker;
  while (true) {
    Call call{"list multipart uploads", "GET", "", {{"uploads", ""}, {"prefix", prefix}}, {}, {}};
    if (!key_marker.empty()) call.query.emplace_back("key-marker", key_marker);
    if (!upload_marker.empty()) call.query.emplace_back("upload-id-marker", upload_marker);
    ASSIGN_OR_RAISE(HttpResponse response, Execute(call));
    if (response.status != 200) return ErrorFor(call, response);
    for (std::string_view upload : XmlElements(response.body, "Upload")) {
      uploads.push_back({XmlElementText(upload, "Key").value_or(""),
                         XmlElementText(upload, "UploadId").value_or("")});
    }
    if (XmlElementText(response.body, "IsTruncated").value_or("false") != "true") break;
    key_marker = XmlElementText(response.body, "NextKeyMarker").value_or("");
    upload_marker = XmlElementText(response.body, "NextUploadIdMarker").value_or("");
    if (key_marker.empty()) break;
  }
  return uploads;
}

}  // namespace mesh
