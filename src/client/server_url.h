// ServerUrl: where a `mesh serve` answers, as the CLI's --server / MESH_SERVER give it:
// http(s)://HOST[:PORT][/PATH] (PATH: a prefix when the API sits behind a reverse proxy).
// User info, queries and fragments are refused (the token comes from MESH_TOKEN, never from the
// URL). A plain value.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace mesh::client {

struct ServerUrl {
  std::string scheme;     // "http" or "https"
  std::string host;       // a name, an IPv4 address or a bracketed IPv6 address
  int port = 0;           // the explicit port, else 80 / 443
  std::string base_path;  // "" or "/prefix" (no trailing slash)

  // "scheme://host:port" (what httplib connects to).
  std::string Origin() const;
  // The URL as people read it in messages: "http://127.0.0.1:8080/prefix".
  std::string ToString() const;
};

// InvalidArgument naming `text` and what to write instead.
Result<ServerUrl> ParseServerUrl(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// "?a=1&b=x%20y" (empty for no parameters): RFC 3986 unreserved characters stay, every other
// byte is percent-encoded.
std::string QueryString(const QueryParams& params);

// One path segment percent-encoded (a product name in /api/v1/products/{name}).
std::string EncodePathSegment(std::string_view segment);

}  // namespace mesh::client
