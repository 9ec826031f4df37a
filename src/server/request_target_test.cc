#include "server/request_target.h"

#include <gtest/gtest.h>

namespace mesh::server {
namespace {

std::optional<ApiError> Parse(const std::string& raw, RequestTarget* target) {
  return ParseRequestTarget(raw, target);
}

TEST(RequestTargetTest, CanonicalisesTrailingSlashAndEncodedUnreservedCharacters) {
  RequestTarget target;
  ASSERT_FALSE(Parse("/api/v1/products/", &target));
  EXPECT_EQ(target.path, "/api/v1/products");
  ASSERT_FALSE(Parse("/api/v1/product%73", &target));
  EXPECT_EQ(target.path, "/api/v1/products");
  EXPECT_EQ(target.segments, (std::vector<std::string>{"api", "v1", "products"}));
}

TEST(RequestTargetTest, RejectsEveryTraversalAndSlashTrick) {
  RequestTarget target;
  for (const std::string raw :
       {"/api/v1/../v1/products", "/api/v1/%2e%2e/products", "/api/v1/%2E%2E/products",
        "/api/v1/.%2e/products", "/api/v1/./products", "/api/v1/products%2forders",
        "/api/v1/products%2Forders", "//api/v1/products", "/api//v1/products", "/api/v1/products//",
        "/api/v1/products\\orders", "/api/v1/products%5corders", "/api/v1/products%00",
        "/api/v1/products%zz", "/api/v1/products%2", "api/v1/products",
        "http://evil/api/v1/products", "/api/v1/products#x", "/api/v1/pr%C3%B6ducts"}) {
    std::optional<ApiError> error = Parse(raw, &target);
    ASSERT_TRUE(error) << raw << " was accepted as " << target.path;
    EXPECT_EQ(error->http_status, 400) << raw;
  }
}

TEST(RequestTargetTest, OverlongTargetsAre414) {
  RequestTarget target;
  std::optional<ApiError> error = Parse("/api/v1/products/" + std::string(5000, 'a'), &target);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->http_status, 414);
}

TEST(RequestTargetTest, DecodesQueryAndRefusesRepeatedParameters) {
  RequestTarget target;
  ASSERT_FALSE(Parse("/api/v1/lineage?node=source%3Aerp%2Forders&depth=2&q=a+b", &target));
  EXPECT_EQ(target.Query("node"), "source:erp/orders");
  EXPECT_EQ(target.Query("depth"), "2");
  EXPECT_EQ(target.Query("q"), "a b");
  EXPECT_FALSE(target.Query("missing"));
  std::optional<ApiError> error = Parse("/api/v1/search?q=a&q=b", &target);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->http_status, 400);
}

}  // namespace
}  // namespace mesh::server
