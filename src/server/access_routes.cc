// The access workflow over HTTP (governance.md "Identity and access", docs/access.md): the same
// requests, approvals, denials, grants and revocations as `mesh access`, through the same
// AccessService, so the rules, the refusals and the audit entries are the CLI's. The route table
// checks who may act before a handler runs: anyone may ask; only the owners of the product (or
// an admin) may approve, deny, grant or revoke, the product being found from the request or
// grant the path names; such a denial is audited as the library would (access.approve, ...).
#include <charconv>
#include <map>

#include "access/access_json.h"
#include "access/expiry.h"
#include "server/api_routes.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

using access::Permission;
using Json = nlohmann::ordered_json;

constexpr size_t kAccessBodyBytes = 64 * 1024;

Result<int64_t> PathId(const RequestContext& context, std::string_view what) {
  const std::string& text = context.Param("id");
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument("an " + std::string(what) + " id is a positive integer, not '" +
                                   text + "'");
  }
  return id;
}

Result<std::string> ProductOfRequest(const RequestContext& context) {
  ASSIGN_OR_RAISE(int64_t id, PathId(context, "access request"));
  ASSIGN_OR_RAISE(AccessRequestRecord request, context.services().catalog->GetAccessRequest(id));
  return request.product;
}

Result<std::string> ProductOfGrant(const RequestContext& context) {
  ASSIGN_OR_RAISE(int64_t id, PathId(context, "grant"));
  ASSIGN_OR_RAISE(GrantRecord grant, context.services().catalog->GetGrant(id));
  return grant.product;
}

// The members of a JSON body, each with the type it must have.
class Body {
 public:
  explicit Body(nlohmann::json json) : json_(std::move(json)) {}

  Result<std::optional<std::string>> String(const std::string& key) const {
    if (!json_.contains(key) || json_[key].is_null()) return std::optional<std::string>();
    if (!json_[key].is_string()) return Status::InvalidArgument(Wrong(key, "a string"));
    return std::optional<std::string>(json_[key].get<std::string>());
  }
  // A string that must be there and not be blank.
  Result<std::string> Required(const std::string& key, const std::string& meaning) const {
    ASSIGN_OR_RAISE(std::optional<std::string> value, String(key));
    if (!value || value->find_first_not_of(" \t\r\n") == std::string::npos) {
      return Status::InvalidArgument("the body needs \"" + key + "\": " + meaning);
    }
    return *value;
  }
  Result<bool> Bool(const std::string& key) const {
    if (!json_.contains(key) || json_[key].is_null()) return false;
    if (!json_[key].is_boolean()) return Status::InvalidArgument(Wrong(key, "true or false"));
    return json_[key].get<bool>();
  }
  // "expires": a duration from now (90d), a date or an instant, as `--expires` takes.
  Result<std::optional<Timestamp>> Expiry(Timestamp now) const {
    ASSIGN_OR_RAISE(std::optional<std::string> text, String("expires"));
    if (!text || text->empty()) return std::optional<Timestamp>();
    ASSIGN_OR_RAISE(Timestamp at, access::ParseExpiry(*text, now, "\"expires\""));
    return std::optional<Timestamp>(at);
  }

 private:
  static std::string Wrong(const std::string& key, const std::string& type) {
    return "\"" + key + "\" must be " + type;
  }
  nlohmann::json json_;
};

Result<Body> ReadBody(RequestContext& context) {
  ASSIGN_OR_RAISE(nlohmann::json json, context.ReadJsonBody());
  return Body(std::move(json));
}

// The service's refusals are audited by the service itself: answered without a second entry.
void Refused(RequestContext& context, const Status& status) {
  context.Error(ApiErrorFromStatus(status));
}

Timestamp Now(const RequestContext& context) { return context.services().clock->Now(); }

// ?status=pending|approved|denied|all (default pending, as `mesh access list`).
Result<std::optional<AccessRequestStatus>> StatusQuery(const RequestContext& context) {
  const std::string text = context.Query("status").value_or("pending");
  if (text == "all") return std::optional<AccessRequestStatus>();
  std::optional<AccessRequestStatus> status = ParseAccessRequestStatus(text);
  if (!status) {
    return Status::InvalidArgument(
        "query parameter 'status' must be pending, approved, denied or all");
  }
  return status;
}

Result<bool> FlagQuery(const RequestContext& context, std::string_view name) {
  const std::optional<std::string> text = context.Query(name);
  if (!text || *text == "false") return false;
  if (*text == "true") return true;
  return Status::InvalidArgument("query parameter '" + std::string(name) +
                                 "' must be true or false");
}

// The requests `context`'s person may decide: on products they may manage, asked by others.
Result<std::vector<AccessRequestRecord>> Decidable(RequestContext& context,
                                                   std::vector<AccessRequestRecord> requests) {
  std::map<std::string, bool> manages;
  std::vector<AccessRequestRecord> decidable;
  for (AccessRequestRecord& request : requests) {
    if (request.person == context.person()) continue;
    auto known = manages.find(request.product);
    if (known == manages.end()) {
      Status allowed = context.services().decider->Check(
          *context.principal(), Permission::kManageAccess, {request.product, nullptr});
      if (!allowed.ok() && allowed.code() != StatusCode::kPermissionDenied) return allowed;
      known = manages.emplace(request.product, allowed.ok()).first;
    }
    if (known->second) decidable.push_back(std::move(request));
  }
  return decidable;
}

void ListRequests(RequestContext& context) {
  AccessRequestFilter filter;
  Result<std::optional<AccessRequestStatus>> status = StatusQuery(context);
  Result<bool> decidable = FlagQuery(context, "decidable");
  if (!status.ok()) return context.Fail(status.status());
  if (!decidable.ok()) return context.Fail(decidable.status());
  filter.status = *status;
  filter.product = context.Query("product");
  filter.team = context.Query("team");
  filter.person = context.Query("person");
  Result<std::vector<AccessRequestRecord>> requests =
      context.services().catalog->ListAccessRequests(filter);
  if (requests.ok() && *decidable) requests = Decidable(context, std::move(*requests));
  if (!requests.ok()) return context.Fail(requests.status());
  Json json = Json::array();
  for (const AccessRequestRecord& request : *requests) {
    json.push_back(access::AccessRequestJson(request));
  }
  context.Json(200, json);
}

Result<access::AccessRequestInput> RequestInput(const Body& body) {
  access::AccessRequestInput input;
  ASSIGN_OR_RAISE(input.product, body.Required("product", "the product to read"));
  ASSIGN_OR_RAISE(input.purpose, body.Required("purpose", "why the data is needed"));
  ASSIGN_OR_RAISE(std::optional<std::string> team, body.String("team"));
  if (team && !team->empty()) input.team = *team;
  ASSIGN_OR_RAISE(std::optional<std::string> level, body.String("level"));
  if (level && !level->empty()) input.level = *level;
  ASSIGN_OR_RAISE(input.pii, body.Bool("pii"));
  return input;
}

void CreateRequest(RequestContext& context) {
  Result<Body> body = ReadBody(context);
  if (!body.ok()) return context.Fail(body.status());
  Result<access::AccessRequestInput> input = RequestInput(*body);
  if (!input.ok()) return context.Fail(input.status());
  Result<AccessRequestRecord> request =
      context.services().access->Request(*context.principal(), *input);
  if (!request.ok()) return Refused(context, request.status());
  context.Json(201, access::AccessRequestJson(*request));
}

void ShowRequest(RequestContext& context) {
  Result<int64_t> id = PathId(context, "access request");
  if (!id.ok()) return context.Fail(id.status());
  Result<AccessRequestRecord> request = context.services().catalog->GetAccessRequest(*id);
  if (!request.ok()) return context.Fail(request.status());
  context.Json(200, access::AccessRequestJson(*request));
}

void Approve(RequestContext& context) {
  Result<int64_t> id = PathId(context, "access request");
  if (!id.ok()) return context.Fail(id.status());
  Result<Body> body = ReadBody(context);
  if (!body.ok()) return context.Fail(body.status());
  Result<std::optional<Timestamp>> expires = body->Expiry(Now(context));
  if (!expires.ok()) return context.Fail(expires.status());
  Result<std::optional<std::string>> note = body->String("note");
  if (!note.ok()) return context.Fail(note.status());
  Result<AccessRequestRecord> approved =
      context.services().access->Approve(*context.principal(), *id, *expires, note->value_or(""));
  if (!approved.ok()) return Refused(context, approved.status());
  context.Json(200, access::AccessRequestJson(*approved));
}

void Deny(RequestContext& context) {
  Result<int64_t> id = PathId(context, "access request");
  if (!id.ok()) return context.Fail(id.status());
  Result<Body> body = ReadBody(context);
  if (!body.ok()) return context.Fail(body.status());
  // "reason", as `--reason`; the web UI's inbox sends its note field as "note".
  Result<std::optional<std::string>> reason = body->String("reason");
  Result<std::optional<std::string>> note = body->String("note");
  if (!reason.ok()) return context.Fail(reason.status());
  if (!note.ok()) return context.Fail(note.status());
  const std::string why = reason->value_or(note->value_or(""));
  if (why.find_first_not_of(" \t\r\n") == std::string::npos) {
    return context.Fail(
        Status::InvalidArgument("a denial says why: give the body's \"reason\" (or \"note\")"));
  }
  Result<AccessRequestRecord> denied =
      context.services().access->Deny(*context.principal(), *id, why);
  if (!denied.ok()) return Refused(context, denied.status());
  context.Json(200, access::AccessRequestJson(*denied));
}

void ListGrants(RequestContext& context) {
  Result<bool> all = FlagQuery(context, "all");
  if (!all.ok()) return context.Fail(all.status());
  GrantFilter filter;
  filter.product = context.Query("product");
  filter.team = context.Query("team");
  filter.include_revoked = *all;
  Result<std::vector<GrantRecord>> grants = context.services().catalog->ListGrants(filter);
  if (!grants.ok()) return context.Fail(grants.status());
  const Timestamp now = Now(context);
  Json json = Json::array();
  for (const GrantRecord& grant : *grants) {
    if (*all || grant.IsActive(now)) json.push_back(access::GrantJson(grant, now));
  }
  context.Json(200, json);
}

Result<access::GrantInput> GrantInputOf(const RequestContext& context, const Body& body) {
  access::GrantInput input;
  input.product = context.Param("name");
  ASSIGN_OR_RAISE(input.team, body.Required("team", "the team that may read"));
  ASSIGN_OR_RAISE(input.level, body.Required("level", "up to which classification level"));
  ASSIGN_OR_RAISE(input.pii, body.Bool("pii"));
  ASSIGN_OR_RAISE(input.expires_at, body.Expiry(Now(context)));
  return input;
}

void CreateGrant(RequestContext& context) {
  Result<Body> body = ReadBody(context);
  if (!body.ok()) return context.Fail(body.status());
  Result<access::GrantInput> input = GrantInputOf(context, *body);
  if (!input.ok()) return context.Fail(input.status());
  Result<GrantRecord> grant = context.services().access->Grant(*context.principal(), *input);
  if (!grant.ok()) return Refused(context, grant.status());
  context.Json(201, access::GrantJson(*grant, Now(context)));
}

void Revoke(RequestContext& context) {
  Result<int64_t> id = PathId(context, "grant");
  if (!id.ok()) return context.Fail(id.status());
  Result<Body> body = ReadBody(context);
  if (!body.ok()) return context.Fail(body.status());
  Result<std::optional<std::string>> reason = body->String("reason");
  if (!reason.ok()) return context.Fail(reason.status());
  Result<GrantRecord> revoked =
      context.services().access->Revoke(*context.principal(), *id, reason->value_or(""));
  if (!revoked.ok()) return Refused(context, revoked.status());
  context.Json(200, access::GrantJson(*revoked, Now(context)));
}

Route Make(std::string method, std::string pattern, Permission permission, RouteHandler handler,
           std::string summary) {
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  if (route.method == "POST") route.max_body_bytes = kAccessBodyBytes;
  return route;
}

// A route that changes access to the product `resolve` finds (or the path's {name}).
Route Manage(std::string pattern, RouteHandler handler, std::string denial_action,
             std::function<Result<std::string>(const RequestContext&)> resolve,
             std::string summary) {
  Route route = Make("POST", std::move(pattern), Permission::kManageAccess, std::move(handler),
                     std::move(summary));
  route.denial_action = std::move(denial_action);
  if (resolve) {
    route.resolve_product = std::move(resolve);
  } else {
    route.product_param = "name";
  }
  return route;
}

}  // namespace

void AddAccessRoutes(RouteTable* routes) {
  routes->Add(Make("GET", "/api/v1/access/requests", Permission::kAuthenticated, ListRequests,
                   "List access requests (default: the pending ones)"));
  routes->Add(Make("POST", "/api/v1/access/requests", Permission::kRequestAccess, CreateRequest,
                   "Ask the owners of a product for access to its data, saying why"));
  routes->Add(Make("GET", "/api/v1/access/requests/{id}", Permission::kAuthenticated, ShowRequest,
                   "One access request"));
  routes->Add(Manage("/api/v1/access/requests/{id}/approve", Approve, "access.approve",
                     ProductOfRequest, "Approve a pending access request (owners or an admin)"));
  routes->Add(Manage("/api/v1/access/requests/{id}/deny", Deny, "access.deny", ProductOfRequest,
                     "Deny a pending access request, saying why (owners or an admin)"));
  routes->Add(Make("GET", "/api/v1/access/grants", Permission::kAuthenticated, ListGrants,
                   "List grants (default: the active ones)"));
  routes->Add(Manage("/api/v1/products/{name}/grants", CreateGrant, "access.grant", nullptr,
                     "Grant a team a product's data below the request-only levels"));
  routes->Add(Manage("/api/v1/access/grants/{id}/revoke", Revoke, "access.revoke", ProductOfGrant,
                     "Revoke a grant (owners or an admin)"));
}

}  // namespace mesh::server
