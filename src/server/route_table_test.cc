#include "server/route_table.h"

#include <gtest/gtest.h>

namespace mesh::server {
namespace {

RouteTable Table() {
  RouteTable table;
  auto route = [](std::string method, std::string pattern) {
    Route r;
    r.method = std::move(method);
    r.pattern = std::move(pattern);
    r.handler = [](RequestContext&) {};
    return r;
  };
  table.Add(route("GET", "/api/v1/products"));
  table.Add(route("GET", "/api/v1/products/{name}"));
  table.Add(route("GET", "/api/v1/products/{name}/versions"));
  table.Add(route("POST", "/api/v1/products/{name}/versions"));
  return table;
}

TEST(RouteTableTest, MatchesLiteralsAndParameters) {
  RouteTable table = Table();
  auto match = table.Match("GET", {"api", "v1", "products", "orders", "versions"});
  ASSERT_TRUE(std::holds_alternative<RouteMatch>(match));
  EXPECT_EQ(std::get<RouteMatch>(match).route->pattern, "/api/v1/products/{name}/versions");
  EXPECT_EQ(std::get<RouteMatch>(match).params.at("name"), "orders");
}

TEST(RouteTableTest, UnknownPathIs404AndWrongMethodIs405) {
  RouteTable table = Table();
  auto missing = table.Match("GET", {"api", "v1", "secrets"});
  ASSERT_TRUE(std::holds_alternative<ApiError>(missing));
  EXPECT_EQ(std::get<ApiError>(missing).http_status, 404);
  auto method = table.Match("DELETE", {"api", "v1", "products", "orders"});
  ASSERT_TRUE(std::holds_alternative<ApiError>(method));
  EXPECT_EQ(std::get<ApiError>(method).http_status, 405);
  auto upper = table.Match("GET", {"API", "v1", "products"});
  ASSERT_TRUE(std::holds_alternative<ApiError>(upper));
  EXPECT_EQ(std::get<ApiError>(upper).http_status, 404);
}

}  // namespace
}  // namespace mesh::server
