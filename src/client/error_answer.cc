#include "client/error_answer.h"

#include <nlohmann/json.hpp>

namespace mesh::client {
namespace {

std::string Snippet(std::string_view body) {
  std::string text(body.substr(0, 200));
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text + (body.size() > 200 ? "..." : "");
}

std::string Unauthenticated(const std::string& server) {
  return "the server at " + server +
         " did not accept the token in MESH_TOKEN (unknown, expired or revoked, or its person "
         "left mesh.yaml): ask an admin for a new one (`mesh token create --person YOU` on the "
         "server's workspace) and export it as MESH_TOKEN";
}

}  // namespace

StatusCode StatusCodeOfApiError(std::string_view code) {
  if (code == "bad_request" || code == "invalid_argument") return StatusCode::kInvalidArgument;
  if (code == "not_found") return StatusCode::kNotFound;
  if (code == "unauthenticated") return StatusCode::kUnauthenticated;
  if (code == "permission_denied") return StatusCode::kPermissionDenied;
  if (code == "conflict") return StatusCode::kConflict;
  if (code == "already_exists") return StatusCode::kAlreadyExists;
  if (code == "failed_precondition") return StatusCode::kFailedPrecondition;
  if (code == "payload_too_large" || code == "uri_too_long") return StatusCode::kResourceExhausted;
  if (code == "request_timeout" || code == "unavailable") return StatusCode::kIOError;
  if (code == "not_supported" || code == "unsupported_media_type" || code == "method_not_allowed") {
    return StatusCode::kNotSupported;
  }
  return StatusCode::kInternal;
}

Status StatusFromErrorAnswer(int http_status, std::string_view body, const std::string& server) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  const bool shaped = json.is_object() && json.contains("error") && json["error"].is_object() &&
                      json["error"].value("code", nlohmann::json()).is_string() &&
                      json["error"].value("message", nlohmann::json()).is_string();
  if (!shaped) {
    if (http_status == 401) return Status::Unauthenticated(Unauthenticated(server));
    return Status::IOError("the server at " + server + " answered HTTP " +
                           std::to_string(http_status) + " without a Meshwork error (is " + server +
                           " a `mesh serve`?): " + Snippet(body));
  }
  const std::string code = json["error"]["code"].get<std::string>();
  const std::string message = json["error"]["message"].get<std::string>();
  switch (StatusCodeOfApiError(code)) {
    case StatusCode::kUnauthenticated:
      return Status::Unauthenticated(Unauthenticated(server));
    case StatusCode::kPermissionDenied:
      return Status::PermissionDenied(message + " (refused by the server at " + server + ")");
    case StatusCode::kInternal:
      return Status::Internal("the server at " + server + " failed (HTTP " +
                              std::to_string(http_status) + " " + code + "): " + message);
    case StatusCode::kIOError:
      return Status::IOError("the server at " + server + " could not answer (" + code +
                             "): " + message);
    default:
      return Status(StatusCodeOfApiError(code), message);
  }
}

}  // namespace mesh::client
