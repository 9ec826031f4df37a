#include "client/error_answer.h"

#include <gtest/gtest.h>

namespace mesh::client {
namespace {

constexpr char kServer[] = "http://127.0.0.1:8080";

std::string Body(const std::string& code, const std::string& message) {
  return R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})";
}

TEST(ErrorAnswerTest, StableCodesComeBackAsTheirStatusCodeWithTheServersMessage) {
  struct Case {
    int http;
    const char* code;
    StatusCode expected;
  };
  for (const Case& c :
       {Case{400, "invalid_argument", StatusCode::kInvalidArgument},
        Case{400, "bad_request", StatusCode::kInvalidArgument},
        Case{404, "not_found", StatusCode::kNotFound}, Case{409, "conflict", StatusCode::kConflict},
        Case{409, "already_exists", StatusCode::kAlreadyExists},
        Case{409, "failed_precondition", StatusCode::kFailedPrecondition},
        Case{413, "payload_too_large", StatusCode::kResourceExhausted},
        Case{415, "unsupported_media_type", StatusCode::kNotSupported}}) {
    Status status = StatusFromErrorAnswer(c.http, Body(c.code, "what went wrong"), kServer);
    EXPECT_EQ(status.code(), c.expected) << c.code;
    EXPECT_EQ(status.message(), "what went wrong") << c.code;
  }
}

TEST(ErrorAnswerTest, UnauthenticatedAndDeniedNameTheServerAndWhatToDo) {
  Status unauthenticated =
      StatusFromErrorAnswer(401, Body("unauthenticated", "a valid API token is required"), kServer);
  EXPECT_EQ(unauthenticated.code(), StatusCode::kUnauthenticated);
  EXPECT_NE(unauthenticated.message().find("the server at http://127.0.0.1:8080 did not accept "
                                           "the token in MESH_TOKEN"),
            std::string::npos);
  EXPECT_NE(unauthenticated.message().find("mesh token create"), std::string::npos);

  Status denied = StatusFromErrorAnswer(403, Body("permission_denied", "needs a grant"), kServer);
  EXPECT_EQ(denied.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(denied.message(), "needs a grant (refused by the server at http://127.0.0.1:8080)");
}

TEST(ErrorAnswerTest, ServerFailuresAndForeignAnswersSaySo) {
  Status internal = StatusFromErrorAnswer(500, Body("internal", "boom"), kServer);
  EXPECT_EQ(internal.code(), StatusCode::kInternal);
  EXPECT_NE(internal.message().find("HTTP 500 internal"), std::string::npos);
  Status unavailable = StatusFromErrorAnswer(503, Body("unavailable", "catalog down"), kServer);
  EXPECT_EQ(unavailable.code(), StatusCode::kIOError);
  EXPECT_NE(unavailable.message().find("catalog down"), std::string::npos);

  Status proxy = StatusFromErrorAnswer(502, "<html>Bad Gateway</html>", kServer);
  EXPECT_EQ(proxy.code(), StatusCode::kIOError);
  EXPECT_NE(proxy.message().find("answered HTTP 502 without a Meshwork error"), std::string::npos);
  EXPECT_NE(proxy.message().find("<html>Bad Gateway</html>"), std::string::npos);

  EXPECT_EQ(StatusFromErrorAnswer(401, "", kServer).code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(StatusCodeOfApiError("something_new"), StatusCode::kInternal);
}

}  // namespace
}  // namespace mesh::client
