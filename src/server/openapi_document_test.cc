#include "server/openapi_document.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "server/api_routes.h"
#include "server/metrics.h"

namespace mesh::server {
namespace {

RouteTable AllRoutes(const Metrics* metrics) {
  RouteTable routes;
  AddAllApiRoutes(&routes, metrics);
  return routes;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST(OpenApiDocumentTest, DescribesExactlyTheRoutesOfTheTable) {
  nlohmann::json document = nlohmann::json::parse(OpenApiDocument(), nullptr, false);
  ASSERT_FALSE(document.is_discarded()) << "the OpenAPI document is not valid JSON";
  EXPECT_EQ(document["openapi"], "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items())
      documented.insert(method + " " + path);
  }
  Metrics metrics;
  const RouteTable table = AllRoutes(&metrics);
  std::set<std::string> routed;
  for (const Route& route : table.routes()) {
    routed.insert(Lower(route.method) + " " + route.pattern);
  }
  for (const std::string& route : routed) {
    EXPECT_TRUE(documented.count(route)) << route << " is routed but not documented";
  }
  for (const std::string& operation : documented) {
    EXPECT_TRUE(routed.count(operation)) << operation << " is documented but not routed";
  }
}

TEST(OpenApiDocumentTest, PublicRoutesAndOnlyThoseNeedNoToken) {
  nlohmann::json document = nlohmann::json::parse(OpenApiDocument());
  Metrics metrics;
  const RouteTable table = AllRoutes(&metrics);
  for (const Route& route : table.routes()) {
    const nlohmann::json& operation = document["paths"][route.pattern][Lower(route.method)];
    const bool documented_public = operation.contains("security") && operation["security"].empty();
    EXPECT_EQ(documented_public, !route.permission.has_value()) << route.pattern;
  }
}

}  // namespace
}  // namespace mesh::server
