// RequestContext: what a route handler sees of one request that the gate let through: the
// canonical target, the matched route and its parameters, the authenticated principal (null on
// public routes), the services, and helpers to answer in JSON, to fail with a stable error code,
// to authorize a further resource (the uploaded descriptor of a publish) and to audit.
// One per request; used by one thread.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "access/principal.h"
#include "catalog/catalog.h"
#include "server/api_error.h"
#include "server/request_target.h"
#include "server/route_table.h"
#include "server/server_options.h"

namespace mesh::server {

// Adds bytes sent by a streamed (chunked) response to the request's access log line.
void CountStreamedBytes(size_t bytes);

class RequestContext {
 public:
  RequestContext(const httplib::Request& http, httplib::Response& response,
                 const httplib::ContentReader* body, const RequestTarget& target,
                 const RouteMatch& match, const access::Principal* principal,
                 const ServerServices& services, const ServerOptions& options)
      : http_(http),
        response_(response),
        body_(body),
        target_(target),
        match_(match),
        principal_(principal),
        services_(services),
        options_(options) {}

  const httplib::Request& http() const { return http_; }
  httplib::Response& response() { return response_; }
  const httplib::ContentReader* body() const { return body_; }
  const RequestTarget& target() const { return target_; }
  const Route& route() const { return *match_.route; }
  const access::Principal* principal() const { return principal_; }
  std::string person() const { return principal_ ? principal_->person : ""; }
  const ServerServices& services() const { return services_; }
  const ServerOptions& options() const { return options_; }

  const std::string& Param(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const { return target_.Query(name); }

  void Json(int status, const nlohmann::ordered_json& json);
  void Error(const ApiError& error);
  // Answers with the ApiError of `status`; a PermissionDenied is also audited.
  void Fail(const Status& status);

  // The route's permission checked on a further resource (publish: the uploaded descriptor);
  // a denial is audited, and answered when the caller passes it to Fail.
  Status Authorize(access::Permission permission, const access::Resource& resource);

  // Appends to the audit log; failures are reported on stderr (the answer already went out).
  void Audit(std::string action, std::string target, std::string outcome, std::string details);

  // Reads the whole body (routes with small JSON bodies); ResourceExhausted above the route's
  // max_body_bytes, InvalidArgument when it is not a JSON object.
  Result<nlohmann::json> ReadJsonBody();

 private:
  const httplib::Request& http_;
  httplib::Response& response_;
  const httplib::ContentReader* body_;
  const RequestTarget& target_;
  const RouteMatch& match_;
  const access::Principal* principal_;
  const ServerServices& services_;
  const ServerOptions& options_;
};

// An integer query parameter within [min, max]; `fallback` when absent; InvalidArgument naming
// the parameter and the range otherwise.
Result<int64_t> IntegerQuery(const RequestContext& context, std::string_view name, int64_t fallback,
                             int64_t min, int64_t max);

// ?version=2.1&snapshot=17: the selector of NAME@2.1#17 (both optional).
Result<VersionSelector> SelectorFromQuery(const RequestContext& context);

}  // namespace mesh::server
