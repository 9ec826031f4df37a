// Publishing over HTTP: POST /api/v1/products/{name}/versions with a multipart/form-data body of
// two parts, "descriptor" (the YAML, first) and "data" (CSV, JSONL or Parquet). The descriptor is
// authorized before a byte of data is accepted; the data is streamed to a spool file on the
// server's disk (never held whole in memory), then published by the library's Publish, which
// reads it in batches, checks it and streams it to the lake. The spool file is removed whatever
// happens.
#include <chrono>
#include <cstdio>
#include <limits>
#include <random>

#include "base/filesystem.h"
#include "format/reader.h"
#include "model/descriptor_parser.h"
#include "publish/publisher.h"
#include "server/api_json.h"
#include "server/api_routes.h"
#include "server/request_context.h"
#include "server/upload_workspace.h"

namespace mesh::server {
namespace {

std::string RandomHex() {
  std::random_device random;
  std::string hex;
  for (int i = 0; i < 4; ++i) {
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", random());
    hex += buffer;
  }
  return hex;
}

// Removes the spool file when the request ends, however it ends.
class SpoolFile {
 public:
  explicit SpoolFile(std::string path) : path_(std::move(path)) {}
  ~SpoolFile() {
    if (file_) (void)file_->Close();
    if (opened_) (void)PosixFileSystem()->Remove(path_);
  }
  Status Open() {
    std::shared_ptr<FileSystem> fs = PosixFileSystem();
    RETURN_NOT_OK(fs->CreateDirs(DirName(path_)));
    ASSIGN_OR_RAISE(file_, fs->OpenForWrite(path_));
    opened_ = true;
    return Status::OK();
  }
  Status Append(std::string_view data) { return file_->Append(data); }
  Status Close() {
    Status closed = file_->Close();
    file_.reset();
    return closed;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<WritableFile> file_;
  bool opened_ = false;
};

// Reads the multipart body: the descriptor part into memory (bounded), then, once the descriptor
// is authorized, the data part into the spool file.
class UploadReader {
 public:
  UploadReader(RequestContext& context, SpoolFile* spool)
      : context_(context), spool_(spool), start_(std::chrono::steady_clock::now()) {}

  // nullopt when both parts arrived and the person may publish the descriptor.
  std::optional<ApiError> Read() {
    const bool read = (*context_.body())(
        [this](const httplib::MultipartFormData& part) { return OnPart(part); },
        [this](const char* data, size_t length) { return OnData(data, length); });
    if (error_) return error_;
    if (!read) return ReadFailure();
    if (!descriptor_) return ApiError::BadRequest("the body has no 'descriptor' part");
    if (!data_started_) return ApiError::BadRequest("the body has no 'data' part");
    Status closed = spool_->Close();
    if (!closed.ok()) return ApiErrorFromStatus(closed);
    return std::nullopt;
  }

  const Descriptor& descriptor() const { return *descriptor_; }
  const std::string& descriptor_text() const { return descriptor_text_; }
  const std::string& data_filename() const { return data_filename_; }

 private:
  bool OnPart(const httplib::MultipartFormData& part) {
    if (part.name == "descriptor" && !descriptor_ && !in_descriptor_) {
      in_descriptor_ = true;
      return true;
    }
    if (part.name == "data" && !data_started_) return StartData(part);
    error_ = ApiError::BadRequest("unexpected part '" + part.name +
                                  "': send 'descriptor' then 'data', once each");
    return false;
  }

  bool StartData(const httplib::MultipartFormData& part) {
    if (in_descriptor_ && !FinishDescriptor()) return false;
    if (!descriptor_) {
      error_ = ApiError::BadRequest("send the 'descriptor' part before the 'data' part");
      return false;
    }
    data_filename_ = part.filename;
    Status opened = spool_->Open();
    if (!opened.ok()) {
      error_ = ApiErrorFromStatus(opened);
      return false;
    }
    data_started_ = true;
    return true;
  }

  bool OnData(const char* data, size_t length) {
    if (OverDeadline()) {
      error_ = ApiError::RequestTimeout();
      return false;
    }
    if (in_descriptor_) {
      if (descriptor_text_.size() + length > context_.options().max_descriptor_bytes) {
        error_ = ApiError::PayloadTooLarge("the descriptor part is larger than " +
                                           std::to_string(context_.options().max_descriptor_bytes) +
                                           " bytes");
        return false;
      }
      descriptor_text_.append(data, length);
      return true;
    }
    data_bytes_ += length;
    if (data_bytes_ > context_.options().max_upload_bytes) {
      error_ = ApiError::PayloadTooLarge("the data part is larger than the server accepts (" +
                                         std::to_string(context_.options().max_upload_bytes) +
                                         " bytes)");
      return false;
    }
    Status appended = spool_->Append(std::string_view(data, length));
    if (!appended.ok()) error_ = ApiErrorFromStatus(appended);
    return appended.ok();
  }

  // Parses the descriptor and checks the person may publish it (its domain's owners).
  bool FinishDescriptor() {
    in_descriptor_ = false;
    FindingSink sink("descriptor");
    descriptor_ = ParseDescriptorText(descriptor_text_, "descriptor", &sink);
    if (!descriptor_ || descriptor_->name.empty() || descriptor_->domain.empty()) {
      error_ = ApiError{400, "invalid_argument",
                        "the 'descriptor' part is not a descriptor with a name and a domain"};
      descriptor_.reset();
      return false;
    }
    if (descriptor_->name != context_.Param("name")) {
      error_ = ApiError{400, "invalid_argument",
                        "the descriptor names '" + descriptor_->name + "', the path '" +
                            context_.Param("name") + "'"};
      return false;
    }
    Status allowed = context_.Authorize(access::Permission::kPublish,
                                        access::Resource{descriptor_->name, &*descriptor_});
    if (!allowed.ok()) {
      denied_ = allowed;
      error_ = ApiErrorFromStatus(allowed);
      return false;
    }
    return true;
  }

  bool OverDeadline() const {
    return std::chrono::steady_clock::now() - start_ >
           std::chrono::seconds(context_.options().body_deadline_seconds);
  }

  ApiError ReadFailure() const {
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    if (elapsed >= std::chrono::seconds(context_.options().read_timeout_seconds)) {
      return ApiError::RequestTimeout();
    }
    return ApiError::BadRequest("the multipart body could not be read");
  }

  RequestContext& context_;
  SpoolFile* spool_;
  std::chrono::steady_clock::time_point start_;
  std::optional<ApiError> error_;
  std::optional<Status> denied_;
  std::optional<Descriptor> descriptor_;
  std::string descriptor_text_;
  std::string data_filename_;
  bool in_descriptor_ = false;
  bool data_started_ = false;
  uint64_t data_bytes_ = 0;

 public:
  const std::optional<Status>& denied() const { return denied_; }
};

Result<format::DataFormat> UploadFormat(const RequestContext& context,
                                        const std::string& filename) {
  if (std::optional<std::string> name = context.Query("format")) {
    if (std::optional<format::DataFormat> format = format::DataFormatFromName(*name)) {
      return *format;
    }
    return Status::InvalidArgument("query parameter 'format' must be csv, jsonl or parquet");
  }
  if (std::optional<format::DataFormat> format = format::DataFormatFromPath(filename)) {
    return *format;
  }
  return Status::InvalidArgument(
      "say the data's format: ?format=csv|jsonl|parquet, or a data file name ending in it");
}

int HttpStatusOf(PublishResult result) { return result == PublishResult::kPublished ? 201 : 422; }

void PublishVersion(RequestContext& context) {
  if (context.body() == nullptr || !context.http().is_multipart_form_data()) {
    context.Error({415, "unsupported_media_type",
                   "send multipart/form-data with parts 'descriptor' and 'data'"});
    return;
  }
  context.response().set_header("Connection", "close");
  SpoolFile spool(JoinPath(context.options().spool_dir, "upload-" + RandomHex()));
  UploadReader upload(context, &spool);
  if (std::optional<ApiError> error = upload.Read()) {
    if (upload.denied()) return context.Fail(*upload.denied());
    return context.Error(*error);
  }
  Result<format::DataFormat> data_format = UploadFormat(context, upload.data_filename());
  if (!data_format.ok()) return context.Fail(data_format.status());
  const ServerServices& services = context.services();
  Result<UploadWorkspace> workspace =
      WorkspaceWithUpload(*services.workspace, upload.descriptor().name, upload.descriptor().domain,
                          upload.descriptor_text());
  if (!workspace.ok()) return context.Fail(workspace.status());
  PublishRequest request;
  request.workspace = &workspace->workspace;
  request.descriptor_file = workspace->descriptor_file;
  request.data_path = spool.path();
  request.data_format = *data_format;
  request.person = context.person();
  request.catalog = services.catalog;
  request.lake = services.lake;
  request.clock = services.clock;
  request.threads = context.options().publish_threads;
  Result<PublishOutcome> outcome = Publish(request);
  if (!outcome.ok()) return context.Fail(outcome.status());
  context.Json(HttpStatusOf(outcome->result), PublishOutcomeJson(*outcome));
}

}  // namespace

void AddPublishRoutes(RouteTable* routes) {
  Route publish;
  publish.method = "POST";
  publish.pattern = "/api/v1/products/{name}/versions";
  publish.permission = access::Permission::kPublish;
  publish.product_param = "name";
  publish.max_body_bytes = std::numeric_limits<size_t>::max();  // limited per part, as it streams
  publish.handler = PublishVersion;
  publish.summary = "Publish a version: multipart descriptor + data, streamed";
  routes->Add(std::move(publish));
}

}  // namespace mesh::server
