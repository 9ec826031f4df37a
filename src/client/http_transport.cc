#include "client/http_transport.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "client/error_answer.h"

namespace mesh::client {
namespace {

constexpr size_t kUploadPiece = 256 * 1024;
constexpr size_t kMaxErrorBody = 64 * 1024;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Runs `call` (an httplib request); a third-party exception becomes Internal here, at the edge.
template <typename Call>
Result<httplib::Result> Guarded(Call call) {
  try {
    return call();
  } catch (const std::exception& error) {
    return Status::Internal(std::string("the HTTP client failed: ") + error.what());
  } catch (...) {
    return Status::Internal("the HTTP client failed");
  }
}

}  // namespace

HttpTransport::HttpTransport(TransportOptions options) : options_(std::move(options)) {}
HttpTransport::~HttpTransport() = default;

Result<std::unique_ptr<HttpTransport>> HttpTransport::Make(TransportOptions options) {
  auto transport = std::unique_ptr<HttpTransport>(new HttpTransport(std::move(options)));
  try {
    transport->http_ = std::make_unique<httplib::Client>(transport->options_.url.Origin());
  } catch (const std::exception& error) {
    return Status::InvalidArgument("server URL " + transport->options_.url.ToString() + ": " +
                                   error.what());
  }
  httplib::Client& http = *transport->http_;
  if (!http.is_valid()) {
    return Status::InvalidArgument("server URL " + transport->options_.url.ToString() +
                                   ": the HTTP client cannot use it");
  }
  const TransportOptions& set = transport->options_;
  http.set_connection_timeout(set.connect_timeout_seconds, 0);
  http.set_read_timeout(set.io_timeout_seconds, 0);
  http.set_write_timeout(set.io_timeout_seconds, 0);
  http.set_keep_alive(true);
  http.set_follow_location(false);
  if (!set.token.empty()) http.set_bearer_token_auth(set.token);
  http.set_default_headers({{"User-Agent", std::string("mesh/") + MESH_VERSION}});
  if (set.url.scheme == "https") http.enable_server_certificate_verification(true);
  return transport;
}

Status HttpTransport::TransportFailure(int code, std::string_view what) const {
  const std::string server = options_.url.ToString();
  const std::string doing = std::string(what) + ": ";
  switch (static_cast<httplib::Error>(code)) {
    case httplib::Error::Connection:
      return Status::IOError(doing + "cannot connect to the server at " + server +
                             " (refused, unknown host or no route): is `mesh serve` running "
                             "there? Check --server or MESH_SERVER");
    case httplib::Error::ConnectionTimeout:
      return Status::IOError(doing + "timed out connecting to the server at " + server + " after " +
                             std::to_string(options_.connect_timeout_seconds) +
                             " s: check --server or MESH_SERVER, and the network");
    case httplib::Error::Read:
      return Status::IOError(doing + "the connection to " + server +
                             " broke or timed out before the whole answer arrived (the server "
                             "stopped, or cut the answer off); nothing was kept: run it again");
    case httplib::Error::Write:
      return Status::IOError(
          doing + "the server at " + server +
          " closed the connection while the request was being sent (it stops reading an upload "
          "it refuses: a person who may not publish it, a descriptor it cannot read, data above "
          "its upload limit; or it stopped)");
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification:
      return Status::IOError(doing + "TLS with " + server + " failed (" +
                             httplib::to_string(static_cast<httplib::Error>(code)) +
                             "): the server's certificate must be trusted by this machine (the "
                             "system's CA certificates, or SSL_CERT_FILE)");
    default:
      return Status::IOError(doing + "talking to the server at " + server +
                             " failed: " + httplib::to_string(static_cast<httplib::Error>(code)));
  }
}

Result<nlohmann::ordered_json> HttpTransport::ParseJson(const std::string& body) const {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded()) {
    return Status::Corruption("the server at " + options_.url.ToString() +
                              " answered with something that is not JSON: is it a `mesh "
                              "serve`?");
  }
  return json;
}

Result<nlohmann::ordered_json> HttpTransport::GetJson(std::string_view path,
                                                      const QueryParams& params) {
  const std::string target = options_.url.base_path + std::string(path) + QueryString(params);
  ASSIGN_OR_RAISE(httplib::Result result, Guarded([&] { return http_->Get(target); }));
  if (!result) return TransportFailure(static_cast<int>(result.error()), "GET " + target);
  if (result->status < 200 || result->status >= 300) {
    return StatusFromErrorAnswer(result->status, result->body, options_.url.ToString());
  }
  return ParseJson(result->body);
}

Result<DownloadAnswer> HttpTransport::Download(std::string_view path, const QueryParams& params,
                                               WritableFile* sink) {
  const std::string target = options_.url.base_path + std::string(path) + QueryString(params);
  DownloadAnswer answer;
  int status = 0;
  std::string error_body;
  Status sink_status;
  auto on_response = [&](const httplib::Response& response) {
    status = response.status;
    for (const auto& [name, value] : response.headers) answer.headers[Lower(name)] = value;
    return true;
  };
  auto on_data = [&](const char* data, size_t length) {
    if (status != 200) {
      error_body.append(
          data, std::min(length, kMaxErrorBody - std::min(kMaxErrorBody, error_body.size())));
      return true;
    }
    sink_status = sink->Append(std::string_view(data, length));
    answer.bytes += length;
    return sink_status.ok();
  };
  ASSIGN_OR_RAISE(httplib::Result result, Guarded([&] {
                    return http_->Get(target, httplib::Headers{}, on_response, on_data);
                  }));
  RETURN_NOT_OK(sink_status);
  if (!result) return TransportFailure(static_cast<int>(result.error()), "GET " + target);
  if (status != 200) return StatusFromErrorAnswer(status, error_body, options_.url.ToString());
  return answer;
}

Result<JsonAnswer> HttpTransport::Post(std::string_view path, const std::string& body,
                                       const std::string& content_type,
                                       const std::vector<int>& accepted) {
  const std::string target = options_.url.base_path + std::string(path);
  ASSIGN_OR_RAISE(httplib::Result result, Guarded([&] {
                    return http_->Post(target, httplib::Headers{}, body, content_type);
                  }));
  if (!result) return TransportFailure(static_cast<int>(result.error()), "POST " + target);
  return AcceptedAnswer(*result, accepted);
}

Result<JsonAnswer> HttpTransport::PostMultipart(std::string_view path, const QueryParams& params,
                                                const std::vector<MemoryPart>& parts,
                                                const FilePart& file,
                                                const std::vector<int>& accepted) {
  const std::string target = options_.url.base_path + std::string(path) + QueryString(params);
  httplib::MultipartFormDataItems items;
  for (const MemoryPart& part : parts) {
    items.push_back({part.name, part.content, part.filename, part.content_type});
  }
  ASSIGN_OR_RAISE(uint64_t size, file.file->Size());
  uint64_t position = 0;
  Status read_status;
  auto provide = [&](size_t, httplib::DataSink& sink) {
    if (position >= size) {
      sink.done();
      return true;
    }
    std::string piece;
    read_status = file.file->ReadAt(position, kUploadPiece, &piece);
    if (read_status.ok() && piece.empty()) {
      read_status = Status::IOError(file.filename + ": the file shrank while it was being sent");
    }
    if (!read_status.ok()) return false;
    position += piece.size();
    return sink.write(piece.data(), piece.size());
  };
  httplib::MultipartFormDataProviderItems providers = {
      {file.name, provide, file.filename, file.content_type}};
  ASSIGN_OR_RAISE(httplib::Result result, Guarded([&] {
                    return http_->Post(target, httplib::Headers{}, items, providers);
                  }));
  RETURN_NOT_OK(read_status);
  if (!result) return TransportFailure(static_cast<int>(result.error()), "POST " + target);
  return AcceptedAnswer(*result, accepted);
}

Result<JsonAnswer> HttpTransport::AcceptedAnswer(const httplib::Response& response,
                                                 const std::vector<int>& accepted) const {
  if (std::find(accepted.begin(), accepted.end(), response.status) == accepted.end()) {
    return StatusFromErrorAnswer(response.status, response.body, options_.url.ToString());
  }
  ASSIGN_OR_RAISE(nlohmann::ordered_json body, ParseJson(response.body));
  return JsonAnswer{response.status, std::move(body)};
}

}  // namespace mesh::client
