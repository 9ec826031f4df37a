// The catalog's metadata over HTTP: products, versions, search, lineage, quarantine. Any valid
// token may read them (governance.md "Identity and access": reading metadata needs any token).
#include <charconv>

#include "catalog/product_ref.h"
#include "lineage/lineage_graph.h"
#include "server/api_json.h"
#include "server/api_routes.h"
#include "server/product_resource.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

using access::Permission;

void ListProducts(RequestContext& context) {
  ProductFilter filter;
  filter.domain = context.Query("domain");
  filter.owner = context.Query("owner");
  Result<std::vector<ProductRecord>> products = context.services().catalog->ListProducts(filter);
  if (!products.ok()) return context.Fail(products.status());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const ProductRecord& product : *products) {
    nlohmann::ordered_json summary = ProductSummaryJson(product);
    // The current contract's classification, so clients (the web UI's search) can filter by it.
    summary["classification"] = nullptr;
    if (product.current_snapshot > 0) {
      Result<CurrentProduct> current =
          LoadCurrentProduct(*context.services().catalog, product.name);
      if (!current.ok()) return context.Fail(current.status());
      summary["classification"] = current->descriptor.classification.value_or("");
    }
    json.push_back(std::move(summary));
  }
  context.Json(200, json);
}

void ShowProduct(RequestContext& context) {
  Result<VersionSelector> selector = SelectorFromQuery(context);
  if (!selector.ok()) return context.Fail(selector.status());
  Catalog& catalog = *context.services().catalog;
  Result<ProductRecord> product = catalog.GetProduct(context.Param("name"));
  if (!product.ok()) return context.Fail(product.status());
  Result<VersionRecord> version = catalog.GetVersion(context.Param("name"), *selector);
  if (!version.ok()) return context.Fail(version.status());
  context.Json(200, ShowJson(*product, *version));
}

void ListVersions(RequestContext& context) {
  Result<std::vector<VersionRecord>> versions =
      context.services().catalog->ListVersions(context.Param("name"));
  if (!versions.ok()) return context.Fail(versions.status());
  if (versions->empty()) {
    return context.Fail(Status::NotFound("no published product '" + context.Param("name") + "'"));
  }
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const VersionRecord& version : *versions) json.push_back(VersionJson(version));
  context.Json(200, json);
}

void Search(RequestContext& context) {
  SearchQuery query;
  query.text = context.Query("q").value_or("");
  query.domain = context.Query("domain");
  query.tag = context.Query("tag");
  Result<int64_t> limit = IntegerQuery(context, "limit", 20, 1, 1000);
  if (!limit.ok()) return context.Fail(limit.status());
  query.limit = static_cast<int>(*limit);
  Result<std::vector<SearchHit>> hits = context.services().catalog->Search(query);
  if (!hits.ok()) return context.Fail(hits.status());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const SearchHit& hit : *hits) json.push_back(SearchHitJson(hit));
  context.Json(200, json);
}

void Lineage(RequestContext& context) {
  const std::string node = context.Query("node").value_or("");
  const std::string direction = context.Query("direction").value_or("upstream");
  if (direction != "upstream" && direction != "downstream" && direction != "impact") {
    return context.Fail(Status::InvalidArgument(
        "query parameter 'direction' must be upstream, downstream or impact"));
  }
  Result<int64_t> depth = IntegerQuery(context, "depth", 0, 0, 1000);
  if (!depth.ok()) return context.Fail(depth.status());
  Result<LineageGraph> graph = LoadLineageGraph(context.services().catalog);
  if (!graph.ok()) return context.Fail(graph.status());
  if (node.empty() || !graph->Contains(node)) {
    return context.Fail(Status::NotFound("'" + node + "' is not in the catalog's lineage"));
  }
  std::vector<LineageReach> reached;
  std::vector<TeamReach> teams;
  if (direction == "impact") {
    LineageImpact impact = graph->Impact(node, static_cast<int>(*depth));
    reached = std::move(impact.products);
    teams = std::move(impact.teams);
  } else {
    reached = graph->Reach(
        node, direction == "upstream" ? LineageDirection::kUpstream : LineageDirection::kDownstream,
        static_cast<int>(*depth));
  }
  context.response().status = 200;
  context.response().set_content(LineageToJson(node, direction, reached, teams) + "\n",
                                 "application/json");
}

void ListQuarantine(RequestContext& context) {
  Result<std::vector<QuarantineEntry>> entries =
      context.services().catalog->ListQuarantine(context.Query("product").value_or(""));
  if (!entries.ok()) return context.Fail(entries.status());
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const QuarantineEntry& entry : *entries) json.push_back(QuarantineJson(entry, false));
  context.Json(200, json);
}

void ShowQuarantine(RequestContext& context) {
  int64_t id = 0;
  const std::string& text = context.Param("id");
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return context.Fail(Status::InvalidArgument("a quarantine id is a positive integer"));
  }
  Result<QuarantineEntry> entry = context.services().catalog->GetQuarantine(id);
  if (!entry.ok()) return context.Fail(entry.status());
  context.Json(200, QuarantineJson(*entry, true));
}

Route Get(std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = "GET";
  route.pattern = std::move(pattern);
  route.permission = Permission::kAuthenticated;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddCatalogRoutes(RouteTable* routes) {
  routes->Add(Get("/api/v1/products", ListProducts, "List published products"));
  routes->Add(Get("/api/v1/products/{name}", ShowProduct, "Show a snapshot of a product"));
  routes->Add(Get("/api/v1/products/{name}/versions", ListVersions, "List a product's snapshots"));
  routes->Add(Get("/api/v1/search", Search, "Full-text search of the catalog"));
  routes->Add(Get("/api/v1/lineage", Lineage, "Upstream, downstream or impact of a node"));
  routes->Add(Get("/api/v1/quarantine", ListQuarantine, "List quarantined publish attempts"));
  routes->Add(Get("/api/v1/quarantine/{id}", ShowQuarantine, "Show a quarantined attempt"));
}

}  // namespace mesh::server
