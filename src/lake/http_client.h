// HttpClient: the seam between the S3 lake and the network. One call sends one request and
// returns the whole response (status, headers, body). A transport failure (connection refused,
// reset, timeout) is an IOError Status; any HTTP status, 4xx and 5xx included, is a response.
// Implementations are safe for concurrent use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace mesh {

struct HttpRequest {
  std::string method;  // GET, HEAD, PUT, POST, DELETE
  std::string url;     // "http://127.0.0.1:9000/bucket/key?uploads="
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;  // sent as is (with Content-Length) when not empty or method is PUT/POST
};

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names as received
  std::string body;

  // The first header named `name` (case-insensitive).
  std::optional<std::string> Header(std::string_view name) const;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
};

}  // namespace mesh
