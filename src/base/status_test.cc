#include <gtest/gtest.h>

#include "base/result.h"

namespace mesh {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument(std::to_string(x) + " is odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RAISE(int half, Half(x));
  ASSIGN_OR_RAISE(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int x) {
  RETURN_NOT_OK(Half(x).status());
  return Status::OK();
}

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::OK().ok());
  Status st = Status::NotFound("x.yaml: no such file");
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(st.IsNotFound());
  EXPECT_EQ(st.ToString(), "NotFound: x.yaml: no such file");
  EXPECT_EQ(st.WithContext("loading").message(), "loading: x.yaml: no such file");
  EXPECT_TRUE(Status::OK().WithContext("x").ok());
}

TEST(Result, PropagatesErrorsAndValues) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> bad = Quarter(6);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "3 is odd");
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_FALSE(CheckEven(5).ok());
  EXPECT_EQ(bad.ValueOr(-1), -1);
}

}  // namespace
}  // namespace mesh
