// HttpTransport: the HTTP side of talking to `mesh serve` (cpp-httplib's client, http and
// https): the base URL, the bearer token on every request, connect/read/write timeouts, JSON
// answers, streamed downloads and streamed multipart uploads. Error answers become the Status of
// their stable code (error_answer.h); a server that cannot be reached, a broken connection or a
// TLS failure is IOError naming the server and what to check. Nothing throws.
// One request at a time: external synchronization required.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "client/server_url.h"

namespace httplib {
class Client;
struct Response;
}  // namespace httplib

namespace mesh::client {

struct TransportOptions {
  ServerUrl url;
  std::string token;  // sent as "Authorization: Bearer <token>"
  int connect_timeout_seconds = 10;
  // Per socket read or write; a publish waits this long for the server to finish after the
  // upload, so it is generous.
  int io_timeout_seconds = 600;
};

// A part of a multipart upload held in memory (the descriptor).
struct MemoryPart {
  std::string name;
  std::string content;
  std::string filename;
  std::string content_type;
};

// A part streamed from a file, read in pieces as the request is sent (the data).
struct FilePart {
  std::string name;
  const RandomAccessFile* file = nullptr;
  std::string filename;
  std::string content_type;
};

struct JsonAnswer {
  int http_status = 0;
  nlohmann::ordered_json body;
};

struct DownloadAnswer {
  std::map<std::string, std::string> headers;  // names lower-cased
  uint64_t bytes = 0;                          // appended to the sink
};

class HttpTransport {
 public:
  static Result<std::unique_ptr<HttpTransport>> Make(TransportOptions options);
  ~HttpTransport();

  const ServerUrl& url() const { return options_.url; }

  // GET; the body of a 2xx answer parsed as JSON.
  Result<nlohmann::ordered_json> GetJson(std::string_view path, const QueryParams& params = {});

  // GET; a 200 answer's body appended to `sink` as it arrives (only Append is called). On error
  // the sink may hold part of the body; the caller discards it.
  Result<DownloadAnswer> Download(std::string_view path, const QueryParams& params,
                                  WritableFile* sink);

  // POST `body` (of `content_type`: application/json, application/yaml). An answer whose status
  // is in `accepted` is returned with its JSON body; others are errors.
  Result<JsonAnswer> Post(std::string_view path, const std::string& body,
                          const std::string& content_type, const std::vector<int>& accepted);

  // POST multipart/form-data, chunked: the memory parts, then the file part as it is read. An
  // answer whose status is in `accepted` is returned with its JSON body; others are errors.
  Result<JsonAnswer> PostMultipart(std::string_view path, const QueryParams& params,
                                   const std::vector<MemoryPart>& parts, const FilePart& file,
                                   const std::vector<int>& accepted);

 private:
  explicit HttpTransport(TransportOptions options);
  Status TransportFailure(int error, std::string_view what) const;
  Result<nlohmann::ordered_json> ParseJson(const std::string& body) const;
  // The JSON body of `response` when its status is in `accepted`; its error otherwise.
  Result<JsonAnswer> AcceptedAnswer(const httplib::Response& response,
                                    const std::vector<int>& accepted) const;

  TransportOptions options_;
  std::unique_ptr<httplib::Client> http_;
};

}  // namespace mesh::client
