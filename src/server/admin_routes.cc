// The audit log (governance) and API tokens (admin).
#include "base/time.h"
#include "server/api_json.h"
#include "server/api_routes.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

using access::Permission;

nlohmann::ordered_json TokenJson(const access::TokenInfo& token) {
  auto time = [](const std::optional<Timestamp>& at) {
    return at ? nlohmann::ordered_json(FormatTimestamp(*at)) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json json;
  json["id"] = token.id;
  json["person"] = token.person;
  json["created_at"] = FormatTimestamp(token.created_at);
  json["expires_at"] = time(token.expires_at);
  json["revoked_at"] = time(token.revoked_at);
  return json;
}

void ListAudit(RequestContext& context) {
  AuditQuery query;
  query.actor = context.Query("person");
  query.target_prefix = context.Query("product");
  Result<int64_t> after = IntegerQuery(context, "after", 0, 0, INT64_MAX);
  Result<int64_t> limit = IntegerQuery(context, "limit", 1000, 1, 10000);
  if (!after.ok()) return context.Fail(after.status());
  if (!limit.ok()) return context.Fail(limit.status());
  query.after_sequence = *after;
  query.limit = static_cast<int>(*limit);
  std::optional<Timestamp> since;
  if (std::optional<std::string> text = context.Query("since")) {
    since = ParseTimestamp(*text);
    if (!since) {
      return context.Fail(Status::InvalidArgument(
          "query parameter 'since' must be an ISO-8601 timestamp with a zone"));
    }
  }
  Result<std::vector<AuditEntry>> entries = context.services().catalog->ListAudit(query);
  if (!entries.ok()) return context.Fail(entries.status());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const AuditEntry& entry : *entries) {
    if (!since || entry.at >= *since) json.push_back(AuditJson(entry));
  }
  context.Json(200, json);
}

void ListTokens(RequestContext& context) {
  Result<std::vector<access::TokenInfo>> tokens =
      context.services().tokens->List(context.Query("person"));
  if (!tokens.ok()) return context.Fail(tokens.status());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const access::TokenInfo& token : *tokens) json.push_back(TokenJson(token));
  context.Json(200, json);
}

void CreateToken(RequestContext& context) {
  Result<nlohmann::json> body = context.ReadJsonBody();
  if (!body.ok()) return context.Fail(body.status());
  if (!body->contains("person") || !(*body)["person"].is_string()) {
    return context.Fail(
        Status::InvalidArgument("the body needs \"person\": a person of mesh.yaml"));
  }
  std::optional<Timestamp> expires;
  if (body->contains("expires") && !(*body)["expires"].is_null()) {
    const nlohmann::json& text = (*body)["expires"];
    if (text.is_string()) expires = ParseTimestamp(text.get<std::string>());
    if (!expires) {
      return context.Fail(Status::InvalidArgument(
          "\"expires\" must be an ISO-8601 timestamp with a zone, e.g. 2027-01-01T00:00:00Z"));
    }
  }
  Result<access::CreatedToken> created = context.services().tokens->Create(
      (*body)["person"].get<std::string>(), expires, context.person());
  if (!created.ok()) return context.Fail(created.status());
  nlohmann::ordered_json json = TokenJson(created->info);
  json["secret"] = created->secret;
  context.Json(201, json);
}

void RevokeToken(RequestContext& context) {
  Status revoked = context.services().tokens->Revoke(context.Param("id"), context.person());
  if (!revoked.ok()) return context.Fail(revoked);
  context.Json(200, {{"id", context.Param("id")}, {"revoked", true}});
}

Route Admin(std::string method, std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = Permission::kAdmin;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddAdminRoutes(RouteTable* routes) {
  Route audit = Admin("GET", "/api/v1/audit", ListAudit, "The audit log");
  audit.permission = Permission::kGovernance;
  routes->Add(std::move(audit));
  routes->Add(Admin("GET", "/api/v1/tokens", ListTokens, "List API tokens"));
  Route create = Admin("POST", "/api/v1/tokens", CreateToken, "Create an API token");
  create.max_body_bytes = 64 * 1024;
  routes->Add(std::move(create));
  routes->Add(Admin("DELETE", "/api/v1/tokens/{id}", RevokeToken, "Revoke an API token"));
}

}  // namespace mesh::server
