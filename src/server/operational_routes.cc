// Health, readiness, metrics and the API's own description.
#include "server/api_routes.h"
#include "server/openapi_document.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

void Healthz(RequestContext& context) { context.Json(200, {{"status", "ok"}}); }

// Ready when the catalog answers a lookup (a product that cannot exist is NotFound, not an
// error).
void Readyz(RequestContext& context) {
  Result<ProductRecord> probe = context.services().catalog->GetProduct("-readiness-probe-");
  if (probe.ok() || probe.status().IsNotFound()) {
    return context.Json(200, {{"status", "ready"}});
  }
  context.Error({503, "unavailable", "the catalog is not reachable: " + probe.status().message()});
}

void OpenApi(RequestContext& context) {
  context.response().status = 200;
  context.response().set_content(std::string(OpenApiDocument()), "application/json");
}

Route Public(std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = "GET";
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddOperationalRoutes(RouteTable* routes, const Metrics* metrics) {
  routes->Add(Public("/healthz", Healthz, "The process answers"));
  routes->Add(Public("/readyz", Readyz, "The catalog is reachable"));
  routes->Add(Public("/api/v1/openapi.json", OpenApi, "This API's OpenAPI 3.1 document"));
  Route metrics_route = Public(
      "/metrics",
      [metrics](RequestContext& context) {
        context.response().status = 200;
        context.response().set_content(metrics->Render(), "text/plain; version=0.0.4");
      },
      "Prometheus metrics");
  metrics_route.permission = access::Permission::kAdmin;
  routes->Add(std::move(metrics_route));
}

}  // namespace mesh::server
