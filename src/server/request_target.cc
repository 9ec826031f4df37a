#include "server/request_target.h"

namespace mesh::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt when an escape is
// malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) return std::nullopt;
      decoded.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

// Characters a decoded path segment may hold: RFC 3986 unreserved and sub-delims, ':' and '@'.
bool IsPathCharacter(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
      return true;
    default:
      return false;
  }
}

std::optional<ApiError> ParseSegment(std::string_view raw, std::string* segment) {
  std::optional<std::string> decoded = PercentDecode(raw, /*plus_is_space=*/false);
  if (!decoded) return ApiError::BadRequest("malformed percent-escape in the request path");
  for (unsigned char c : *decoded) {
    if (c == '/' || c == '\\') {
      return ApiError::BadRequest("encoded '/' or '\\' in the request path is not accepted");
    }
    if (!IsPathCharacter(c)) {
      return ApiError::BadRequest("the request path holds a character the API does not use");
    }
  }
  if (*decoded == "." || *decoded == "..") {
    return ApiError::BadRequest("'.' and '..' segments are not accepted in the request path");
  }
  *segment = std::move(*decoded);
  return std::nullopt;
}

std::optional<ApiError> ParsePath(std::string_view path, RequestTarget* out) {
  if (path.empty() || path.front() != '/') {
    return ApiError::BadRequest("the request target must be a path starting with '/'");
  }
  if (path.size() >= 2 && path[1] == '/') {
    return ApiError::BadRequest("empty segment ('//') in the request path");
  }
  std::string_view rest = path.substr(1);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);  // one trailing slash
  out->segments.clear();
  out->path.clear();
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view raw = rest.substr(0, slash);
    if (raw.empty()) return ApiError::BadRequest("empty segment ('//') in the request path");
    std::string segment;
    if (std::optional<ApiError> error = ParseSegment(raw, &segment)) return error;
    out->path += "/" + segment;
    out->segments.push_back(std::move(segment));
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
    if (rest.empty()) return ApiError::BadRequest("empty segment ('//') in the request path");
  }
  if (out->path.empty()) out->path = "/";
  return std::nullopt;
}

std::optional<ApiError> ParseQuery(std::string_view query, RequestTarget* out) {
  out->query.clear();
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    std::optional<std::string> name = PercentDecode(pair.substr(0, equals), true);
    std::optional<std::string> value =
        PercentDecode(equals == std::string_view::npos ? "" : pair.substr(equals + 1), true);
    if (!name || !value) return ApiError::BadRequest("malformed percent-escape in the query");
    for (unsigned char c : *name + *value) {
      if (IsControl(c)) return ApiError::BadRequest("control character in the query");
    }
    if (!out->query.emplace(std::move(*name), std::move(*value)).second) {
      return ApiError::BadRequest("query parameter given twice: give each parameter once");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> RequestTarget::Query(std::string_view name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<ApiError> ParseRequestTarget(std::string_view raw, RequestTarget* out) {
  if (raw.size() > kMaxTargetBytes) return ApiError::UriTooLong();
  for (unsigned char c : raw) {
    if (IsControl(c) || c == '\\' || c == '#' || c >= 0x80) {
      return ApiError::BadRequest(
          "the request target holds a character that must be percent-encoded or is not "
          "accepted ('\\', '#', control or non-ASCII)");
    }
  }
  const size_t question = raw.find('?');
  if (std::optional<ApiError> error = ParsePath(raw.substr(0, question), out)) return error;
  if (question == std::string_view::npos) {
    out->query.clear();
    return std::nullopt;
  }
  return ParseQuery(raw.substr(question + 1), out);
}

}  // namespace mesh::server
