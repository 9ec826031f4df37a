#include "server/request_context.h"

#include <charconv>
#include <climits>
#include <iostream>

#include "base/json_writer.h"

namespace mesh::server {

const std::string& RequestContext::Param(std::string_view name) const {
  static const std::string kEmpty;
  auto it = match_.params.find(name);
  return it == match_.params.end() ? kEmpty : it->second;
}

void RequestContext::Json(int status, const nlohmann::ordered_json& json) {
  response_.status = status;
  std::string body;
  WriteJson(json, &body);
  body.push_back('\n');
  response_.set_content(std::move(body), "application/json");
}

void RequestContext::Error(const ApiError& error) {
  response_.status = error.http_status;
  response_.set_content(error.ToJson() + "\n", "application/json");
}

void RequestContext::Fail(const Status& status) {
  if (status.code() == StatusCode::kPermissionDenied) {
    Audit(std::string(route().method) + " " + route().pattern, target_.path, "denied",
          status.message());
  }
  Error(ApiErrorFromStatus(status));
}

Status RequestContext::Authorize(access::Permission permission, const access::Resource& resource) {
  if (principal_ == nullptr) return Status::Unauthenticated("no principal");
  return services_.decider->Check(*principal_, permission, resource);
}

void RequestContext::Audit(std::string action, std::string target, std::string outcome,
                           std::string details) {
  AuditEntry entry;
  entry.at = services_.clock->Now();
  entry.actor = principal_ ? principal_->person : "anonymous";
  entry.action = std::move(action);
  entry.target = std::move(target);
  entry.outcome = std::move(outcome);
  entry.details = std::move(details);
  Result<int64_t> appended = services_.catalog->AppendAudit(entry);
  if (!appended.ok()) {
    std::cerr << "mesh serve: audit append failed: " << appended.status().message() << "\n";
  }
}

Result<nlohmann::json> RequestContext::ReadJsonBody() {
  std::string body;
  const size_t limit = route().max_body_bytes;
  bool too_large = false;
  if (body_ != nullptr) {
    const bool read = (*body_)([&](const char* data, size_t length) {
      if (body.size() + length > limit) {
        too_large = true;
        return false;
      }
      body.append(data, length);
      return true;
    });
    if (too_large) {
      return Status::ResourceExhausted("the request body is larger than " + std::to_string(limit) +
                                       " bytes");
    }
    if (!read) return Status::InvalidArgument("the request body could not be read");
  }
  if (body.empty()) body = "{}";
  nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::InvalidArgument("the request body must be a JSON object");
  }
  return json;
}

Result<int64_t> IntegerQuery(const RequestContext& context, std::string_view name, int64_t fallback,
                             int64_t min, int64_t max) {
  std::optional<std::string> text = context.Query(name);
  if (!text) return fallback;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return Status::InvalidArgument("query parameter '" + std::string(name) +
                                   "' must be an integer from " + std::to_string(min) + " to " +
                                   std::to_string(max));
  }
  return value;
}

Result<VersionSelector> SelectorFromQuery(const RequestContext& context) {
  VersionSelector selector;
  if (std::optional<std::string> version = context.Query("version")) {
    selector.version = SchemaVersion::Parse(*version);
    if (!selector.version) {
      return Status::InvalidArgument(
          "query parameter 'version' must be MAJOR.MINOR[.PATCH], not '" + *version + "'");
    }
  }
  ASSIGN_OR_RAISE(int64_t snapshot, IntegerQuery(context, "snapshot", 0, 1, INT64_MAX));
  if (snapshot > 0) selector.snapshot = snapshot;
  return selector;
}

}  // namespace mesh::server
