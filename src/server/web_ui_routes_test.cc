// The routes added for the web UI: where they are, and that each needs a token.
#include <gtest/gtest.h>

#include "server/api_routes.h"

namespace mesh::server {
namespace {

TEST(WebUiRoutesTest, EveryRouteNeedsATokenAndTheContractNamesItsProduct) {
  RouteTable table;
  AddContractRoutes(&table);
  AddGovernanceRoutes(&table);
  for (const std::vector<std::string>& path :
       {std::vector<std::string>{"api", "v1", "me"},
        std::vector<std::string>{"api", "v1", "products", "orders", "contract"},
        std::vector<std::string>{"api", "v1", "governance", "findings"},
        std::vector<std::string>{"api", "v1", "domains"},
        std::vector<std::string>{"api", "v1", "domains", "sales"}}) {
    std::variant<RouteMatch, ApiError> match = table.Match("GET", path);
    ASSERT_TRUE(std::holds_alternative<RouteMatch>(match)) << path.back();
    const RouteMatch& route = std::get<RouteMatch>(match);
    EXPECT_EQ(route.route->permission, access::Permission::kAuthenticated) << route.route->pattern;
  }
  const RouteMatch contract =
      std::get<RouteMatch>(table.Match("GET", {"api", "v1", "products", "orders", "contract"}));
  EXPECT_EQ(contract.route->product_param, "name");
  EXPECT_EQ(contract.params.at("name"), "orders");
  EXPECT_TRUE(std::holds_alternative<ApiError>(
      table.Match("POST", {"api", "v1", "products", "orders", "contract"})));
}

}  // namespace
}  // namespace mesh::server
