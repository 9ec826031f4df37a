// What the web UI's product page needs beyond the catalog routes: the current contract as typed
// JSON (schema, SLA, support, quality checks) with the fields withheld from the caller and the
// latest quality report, and who the caller is. Any valid token may read them.
#include "server/api_routes.h"
#include "server/contract_json.h"
#include "server/product_resource.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

void ShowContract(RequestContext& context) {
  Result<CurrentProduct> current =
      LoadCurrentProduct(*context.services().catalog, context.Param("name"));
  if (!current.ok()) return context.Fail(current.status());
  const access::Resource resource{context.Param("name"), &current->descriptor};
  ContractAccess access;
  Status readable = context.services().decider->Check(*context.principal(),
                                                      access::Permission::kReadData, resource);
  access.can_read_data = readable.ok();
  if (readable.ok()) {
    Result<std::vector<access::WithheldField>> withheld =
        context.services().decider->Withheld(*context.principal(), resource);
    if (!withheld.ok()) return context.Fail(withheld.status());
    access.withheld = std::move(*withheld);
  } else if (readable.code() == StatusCode::kPermissionDenied) {
    access.read_denied_reason = readable.message();
  } else {
    return context.Fail(readable);
  }
  context.Json(200, ContractJson(current->descriptor, access, current->version.report_json));
}

void ShowMe(RequestContext& context) {
  const access::Principal& me = *context.principal();
  context.Json(200, {{"person", me.person}, {"teams", me.teams}, {"roles", me.roles}});
}

Route Get(std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = "GET";
  route.pattern = std::move(pattern);
  route.permission = access::Permission::kAuthenticated;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddContractRoutes(RouteTable* routes) {
  Route contract = Get("/api/v1/products/{name}/contract", ShowContract,
                       "A product's current contract, with the fields withheld from the caller");
  contract.product_param = "name";
  routes->Add(std::move(contract));
  routes->Add(Get("/api/v1/me", ShowMe, "Who the token belongs to: person, teams, roles"));
}

}  // namespace mesh::server
