#include "client/server_url.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mesh::client {
namespace {

Status Invalid(std::string_view text, const std::string& why) {
  return Status::InvalidArgument("server URL '" + std::string(text) + "': " + why +
                                 "; write http(s)://HOST[:PORT][/PATH], e.g. "
                                 "http://mesh.internal:8080");
}

bool IsHostCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (IsUnreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// "host", "host:port", "[v6]" or "[v6]:port" into the URL; the port defaults by scheme.
Status ParseAuthority(std::string_view text, std::string_view authority, ServerUrl* url) {
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return Invalid(text, "an IPv6 address lacks its ']'");
    url->host = std::string(authority.substr(0, close + 1));
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return Invalid(text, "unexpected text after ']'");
    if (!rest.empty()) port_text = rest.substr(1);
    if (rest == ":") return Invalid(text, "an empty port");
  } else {
    const size_t colon = authority.find(':');
    url->host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return Invalid(text, "an empty port");
    }
    if (url->host.empty() || !std::all_of(url->host.begin(), url->host.end(), IsHostCharacter)) {
      return Invalid(text, "no host name, or one with characters a host name cannot have");
    }
  }
  url->port = url->scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    int port = 0;
    auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || port < 1 ||
        port > 65535) {
      return Invalid(text, "the port must be a number from 1 to 65535");
    }
    url->port = port;
  }
  return Status::OK();
}

}  // namespace

std::string ServerUrl::Origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::string ServerUrl::ToString() const { return Origin() + base_path; }

Result<ServerUrl> ParseServerUrl(std::string_view text) {
  ServerUrl url;
  const size_t separator = text.find("://");
  if (separator == std::string_view::npos) return Invalid(text, "no scheme");
  url.scheme = std::string(text.substr(0, separator));
  std::transform(url.scheme.begin(), url.scheme.end(), url.scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (url.scheme != "http" && url.scheme != "https") {
    return Invalid(text, "the scheme must be http or https");
  }
  std::string_view rest = text.substr(separator + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Invalid(text, "a query or fragment has no meaning here");
  }
  const size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) {
    return Invalid(text,
                   "user names and passwords do not go in the URL (the token comes from "
                   "MESH_TOKEN)");
  }
  RETURN_NOT_OK(ParseAuthority(text, authority, &url));
  if (slash != std::string_view::npos) {
    std::string_view path = rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    if (path.find("//") != std::string_view::npos || path.find("/../") != std::string_view::npos ||
        path.find_first_of(" \t\r\n\\") != std::string_view::npos) {
      return Invalid(text, "the path may not hold spaces, '\\', '//' or '..'");
    }
    url.base_path = std::string(path);
  }
  return url;
}

std::string QueryString(const QueryParams& params) {
  std::string query;
  for (const auto& [name, value] : params) {
    query += (query.empty() ? "?" : "&") + PercentEncode(name) + "=" + PercentEncode(value);
  }
  return query;
}

std::string EncodePathSegment(std::string_view segment) { return PercentEncode(segment); }

}  // namespace mesh::client
