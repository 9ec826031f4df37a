#include "format/parquet/dictionary_builder.h"

#include <gtest/gtest.h>

namespace mesh::format::parquet {
namespace {

TEST(DictionaryBuilderTest, DistinctValuesGetIndexesInOrder) {
  DictionaryBuilder dictionary(1024);
  EXPECT_EQ(dictionary.IndexOf("aa"), 0u);
  EXPECT_EQ(dictionary.IndexOf("b"), 1u);
  EXPECT_EQ(dictionary.IndexOf("aa"), 0u);
  EXPECT_EQ(dictionary.num_entries(), 2u);
  EXPECT_EQ(dictionary.page_body(), "aab");
}

TEST(DictionaryBuilderTest, RefusesNewValuesPastTheLimitButKeepsKnownOnes) {
  DictionaryBuilder dictionary(5);
  EXPECT_EQ(dictionary.IndexOf("abc"), 0u);
  EXPECT_EQ(dictionary.IndexOf("de"), 1u);
  EXPECT_EQ(dictionary.IndexOf("f"), std::nullopt);
  EXPECT_EQ(dictionary.IndexOf("de"), 1u);
  EXPECT_EQ(dictionary.page_body(), "abcde");
  dictionary.Clear();
  EXPECT_EQ(dictionary.num_entries(), 0u);
  EXPECT_EQ(dictionary.IndexOf("f"), 0u);
}

}  // namespace
}  // namespace mesh::format::parquet
