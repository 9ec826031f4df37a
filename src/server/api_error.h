// ApiError: what the REST API answers when a request fails: an HTTP status and a JSON body
// {"error":{"code":"permission_denied","message":"..."}}. The codes are stable (docs/api.md):
// clients may switch on them; messages are for people. A plain value.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace mesh::server {

struct ApiError {
  int http_status = 500;
  std::string code;  // "bad_request", "unauthenticated", "permission_denied", ...
  std::string message;

  std::string ToJson() const;

  static ApiError BadRequest(std::string message);
  static ApiError Unauthenticated();
  static ApiError NotFound(std::string message);
  static ApiError MethodNotAllowed(std::string message);
  static ApiError PayloadTooLarge(std::string message);
  static ApiError UriTooLong();
  static ApiError RequestTimeout();
};

// The ApiError of a failed library call: InvalidArgument → 400 invalid_argument, NotFound → 404,
// PermissionDenied → 403, Unauthenticated → 401, Conflict → 409, ResourceExhausted → 413,
// FailedPrecondition → 409 failed_precondition, everything else → 500 internal (or 503
// unavailable for IOError).
ApiError ApiErrorFromStatus(const Status& status);

}  // namespace mesh::server
