#include "model/suggest.h"

#include <gtest/gtest.h>

namespace mesh {
namespace {

TEST(Suggest, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("Name", "name"), 0u);
}

TEST(Suggest, NearestPlausibleName) {
  EXPECT_EQ(NearestName("desciption", {"name", "description", "domain"}), "description");
  EXPECT_FALSE(NearestName("colour", {"name", "description", "domain"}));
  EXPECT_EQ(DidYouMean("nmae", {"name"}), " did you mean 'name'?");
  EXPECT_EQ(DidYouMean("zzzzzzzz", {"name"}), "");
}

}  // namespace
}  // namespace mesh
