#include "lake/s3_object_store.h"

#include <random>

#include "lake/curl_http_client.h"
#include "lake/s3_object_writer.h"

namespace mesh {
namespace {

constexpr std::string_view kStagingDir = "tmp/";

// Ranged GETs of one stored object; its size is known from the HEAD that opened it.
class S3ObjectReader final : public RandomAccessFile {
 public:
  S3ObjectReader(std::shared_ptr<S3Client> client, std::string s3_key, uint64_t size)
      : client_(std::move(client)), s3_key_(std::move(s3_key)), size_(size) {}

  Result<uint64_t> Size() const override { return size_; }

  Status ReadAt(uint64_t offset, size_t length, std::string* out) const override {
    out->clear();
    if (length == 0 || offset >= size_) return Status::OK();
    uint64_t last = std::min<uint64_t>(offset + length, size_) - 1;
    Result<std::string> data = client_->GetRange(s3_key_, offset, last);
    if (!data.ok()) return data.status();
    if (data->size() != last - offset + 1) {
      return Status::IOError("S3 GET " + client_->Describe(s3_key_) + " bytes " +
                             std::to_string(offset) + "-" + std::to_string(last) + " returned " +
                             std::to_string(data->size()) + " bytes");
    }
    *out = std::move(*data);
    return Status::OK();
  }

 private:
  std::shared_ptr<S3Client> client_;
  std::string s3_key_;
  uint64_t size_;
};

}  // namespace

Result<std::unique_ptr<S3ObjectStore>> S3ObjectStore::Make(S3Location location, S3Options options,
                                                           std::shared_ptr<HttpClient> http,
                                                           std::shared_ptr<Clock> clock) {
  if (!http) {
    http = MakeCurlHttpClient({options.connect_timeout_ms, options.request_timeout_ms});
  }
  if (!clock) clock = SystemClock();
  ASSIGN_OR_RAISE(auto client, S3Client::Make(location.bucket, std::move(options), std::move(http),
                                              std::move(clock)));
  return std::unique_ptr<S3ObjectStore>(
      new S3ObjectStore(std::move(location), std::shared_ptr<S3Client>(std::move(client))));
}

Result<std::string> S3ObjectStore::S3KeyOf(std::string_view key) const {
  RETURN_NOT_OK(Sha256OfObjectKey(key).status());
  return location_.Key(key);
}

std::string S3ObjectStore::NewStagingKey() const {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string name;
  for (int i = 0; i < 32; ++i) name.push_back(kDigits[random() & 0xf]);
  return location_.Key(std::string(kStagingDir) + name);
}

Result<std::unique_ptr<ObjectWriter>> S3ObjectStore::NewWriter() {
  ASSIGN_OR_RAISE(Sha256 hasher, Sha256::Make());
  return std::unique_ptr<ObjectWriter>(new S3ObjectWriter(this, std::move(hasher)));
}

Result<std::unique_ptr<RandomAccessFile>> S3ObjectStore::Open(std::string_view key) {
  ASSIGN_OR_RAISE(std::string s3_key, S3KeyOf(key));
  ASSIGN_OR_RAISE(auto head, client_->Head(s3_key));
  if (!head) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake " + Uri());
  }
  return std::unique_ptr<RandomAccessFile>(new S3ObjectReader(client_, s3_key, head->size));
}

Result<bool> S3ObjectStore::Exists(std::string_view key) {
  ASSIGN_OR_RAISE(std::string s3_key, S3KeyOf(key));
  ASSIGN_OR_RAISE(auto head, client_->Head(s3_key));
  return head.has_value();
}

Result<uint64_t> S3ObjectStore::Size(std::string_view key) {
  ASSIGN_OR_RAISE(std::string s3_key, S3KeyOf(key));
  ASSIGN_OR_RAISE(auto head, client_->Head(s3_key));
  if (!head) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake " + Uri());
  }
  return head->size;
}

Status S3ObjectStore::Delete(std::string_view key) {
  ASSIGN_OR_RAISE(std::string s3_key, S3KeyOf(key));
  ASSIGN_OR_RAISE(auto head, client_->Head(s3_key));
  if (!head) {
    return Status::NotFound("object " + std::string(key) + " is not in the lake " + Uri());
  }
  return client_->Delete(s3_key).WithContext("deleting lake object " + std::string(key));
}

Result<std::vector<S3StagingEntry>> S3ObjectStore::ListStaging() {
  std::vector<S3StagingEntry> entries;
  ASSIGN_OR_RAISE(auto keys, client_->ListKeys(location_.Key(kStagingDir)));
  for (std::string& key : keys) entries.push_back({std::move(key), ""});
  std::string prefix = location_.prefix.empty() ? "" : location_.prefix + "/";
  ASSIGN_OR_RAISE(auto uploads, client_->ListMultipartUploads(prefix));
  for (S3MultipartUpload& upload : uploads) {
    entries.push_back({std::move(upload.key), std::move(upload.upload_id)});
  }
  return entries;
}

}  // namespace mesh
