#include "server/api_error.h"

#include <nlohmann/json.hpp>

namespace mesh::server {

std::string ApiError::ToJson() const {
  nlohmann::ordered_json json;
  json["error"]["code"] = code;
  json["error"]["message"] = message;
  return json.dump();
}

ApiError ApiError::BadRequest(std::string message) {
  return {400, "bad_request", std::move(message)};
}

ApiError ApiError::Unauthenticated() {
  // Never says which check failed: a prober learns nothing about which tokens exist.
  return {401, "unauthenticated",
          "a valid API token is required: send 'Authorization: Bearer <token>' (an admin creates "
          "one with 'mesh token create')"};
}

ApiError ApiError::NotFound(std::string message) { return {404, "not_found", std::move(message)}; }

ApiError ApiError::MethodNotAllowed(std::string message) {
  return {405, "method_not_allowed", std::move(message)};
}

ApiError ApiError::PayloadTooLarge(std::string message) {
  return {413, "payload_too_large", std::move(message)};
}

ApiError ApiError::UriTooLong() {
  return {414, "uri_too_long", "the request target is longer than the server accepts"};
}

ApiError ApiError::RequestTimeout() {
  return {408, "request_timeout", "the request was not received in time"};
}

ApiError ApiErrorFromStatus(const Status& status) {
  const std::string& message = status.message();
  switch (status.code()) {
    case StatusCode::kOk:
      return {500, "internal", "no error"};
    case StatusCode::kInvalidArgument:
      return {400, "invalid_argument", message};
    case StatusCode::kNotFound:
      return {404, "not_found", message};
    case StatusCode::kAlreadyExists:
      return {409, "already_exists", message};
    case StatusCode::kConflict:
      return {409, "conflict", message};
    case StatusCode::kPermissionDenied:
      return {403, "permission_denied", message};
    case StatusCode::kUnauthenticated:
      return ApiError::Unauthenticated();
    case StatusCode::kFailedPrecondition:
      return {409, "failed_precondition", message};
    case StatusCode::kResourceExhausted:
      return {413, "payload_too_large", message};
    case StatusCode::kNotSupported:
      return {400, "not_supported", message};
    case StatusCode::kIOError:
      return {503, "unavailable", message};
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      break;
  }
  return {500, "internal", message};
}

}  // namespace mesh::server
