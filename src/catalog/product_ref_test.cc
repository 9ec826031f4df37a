#include "catalog/product_ref.h"

#include <gtest/gtest.h>

namespace mesh {
namespace {

TEST(ProductRefTest, ParsesEveryForm) {
  auto plain = ParseProductRef("mission_completion_rate");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->name, "mission_completion_rate");
  EXPECT_FALSE(plain->selector.version.has_value());
  EXPECT_FALSE(plain->selector.snapshot.has_value());

  auto version = ParseProductRef("mission_completion_rate@v2.1");
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->selector.version, (SchemaVersion{2, 1, 0}));
  EXPECT_EQ(version->ToString(), "mission_completion_rate@2.1.0");

  auto full = ParseProductRef("mission_completion_rate@2.1.0#17");
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->selector.snapshot, 17);
  EXPECT_EQ(full->ToString(), "mission_completion_rate@2.1.0#17");

  auto snapshot = ParseProductRef("p#3");
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot->ToString(), "p#3");
}

TEST(ProductRefTest, RejectsMalformedReferencesWithTheAcceptedForms) {
  for (const char* bad :
       {"", "@2.1", "p@", "p@2", "p@2.x", "p#", "p#0", "p#-1", "p#3a", "p@2.1#", "#4"}) {
    auto ref = ParseProductRef(bad);
    ASSERT_FALSE(ref.ok()) << bad;
    EXPECT_TRUE(ref.status().IsInvalidArgument());
    EXPECT_NE(ref.status().message().find("NAME@VERSION#SNAPSHOT"), std::string::npos);
  }
}

}  // namespace
}  // namespace mesh
