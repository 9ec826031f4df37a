#include "server/static_routes.h"

#include <gtest/gtest.h>

namespace mesh::server {
namespace {

RequestTarget Target(std::vector<std::string> segments) {
  RequestTarget target;
  target.segments = std::move(segments);
  return target;
}

const std::variant<RouteMatch, ApiError> kNoRoute = ApiError::NotFound("no such endpoint");

TEST(StaticRoutesTest, UnmatchedGetsOutsideTheApiGoToTheWebUi) {
  EXPECT_TRUE(FallsBackToStaticFiles("GET", Target({}), kNoRoute));
  EXPECT_TRUE(FallsBackToStaticFiles("GET", Target({"products", "orders"}), kNoRoute));
  EXPECT_TRUE(FallsBackToStaticFiles("HEAD", Target({"assets", "index-1.js"}), kNoRoute));
}

TEST(StaticRoutesTest, TheApiKeepsItsOwnAnswers) {
  // An unknown API path stays the API's JSON 404.
  EXPECT_FALSE(FallsBackToStaticFiles("GET", Target({"api", "v1", "nope"}), kNoRoute));
  EXPECT_FALSE(FallsBackToStaticFiles("GET", Target({"api"}), kNoRoute));
  // Other methods, and paths some route knows under another method, are not the UI's.
  EXPECT_FALSE(FallsBackToStaticFiles("POST", Target({"inbox"}), kNoRoute));
  EXPECT_FALSE(FallsBackToStaticFiles("GET", Target({"x"}),
                                      ApiError::MethodNotAllowed("this path does not accept GET")));
  RouteMatch matched;
  EXPECT_FALSE(FallsBackToStaticFiles("GET", Target({"healthz"}), matched));
}

}  // namespace
}  // namespace mesh::server
