// RequestTarget: the one canonical reading of an HTTP request target, made before routing so that
// no spelling of a path can reach a route other than the one the route table matches:
// - longer than kMaxTargetBytes → 414;
// - not origin-form ("/..."), a fragment, a backslash or control character, a malformed or
//   encoded '/' ("%2f"), '\' or control byte, "." or ".." segments (also as "%2e%2e"), empty
//   segments ("//"), and characters outside the path alphabet → 400;
// - percent-encoded unreserved characters are decoded and one trailing slash is dropped, so
//   "/api/v1/products/" and "/api/v1/product%73" are the same path as "/api/v1/products".
// Case is kept: literal route segments match case-sensitively, so "/API/v1" matches nothing.
// Query parameters are decoded ('+' is a space); a repeated parameter is a 400, so two
// spellings of one parameter can never disagree. A plain value; thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/api_error.h"

namespace mesh::server {

inline constexpr size_t kMaxTargetBytes = 2048;

struct RequestTarget {
  std::string path;                   // canonical: "/api/v1/products/x"
  std::vector<std::string> segments;  // decoded: {"api", "v1", "products", "x"}
  std::map<std::string, std::string, std::less<>> query;

  // The parameter's value; nullopt when absent.
  std::optional<std::string> Query(std::string_view name) const;
};

// Fills `out` from the raw request target, or returns the error to answer with.
std::optional<ApiError> ParseRequestTarget(std::string_view raw, RequestTarget* out);

}  // namespace mesh::server
