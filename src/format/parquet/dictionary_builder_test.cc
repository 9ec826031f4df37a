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

TEST(DictionaryBuilderTest, ManyEntriesSurviveGrowthAndClear) {
  DictionaryBuilder dictionary(1 << 20);
  for (int round = 0; round < 2; ++round) {
    for (uint32_t i = 0; i < 10000; ++i) {
      EXPECT_EQ(dictionary.IndexOf("value " + std::to_string(i)), i);
    }
    for (uint32_t i = 0; i < 10000; i += 7) {
      EXPECT_EQ(dictionary.IndexOf("value " + std::to_string(i)), i);
    }
    EXPECT_EQ(dictionary.num_entries(), 10000u);
    dictionary.Clear();
  }
  EXPECT_EQ(dictionary.IndexOf(""), 0u);  // an empty value is a value too
  EXPECT_EQ(dictionary.IndexOf(std::string_view("\0", 1)), 1u);
}

}  // namespace
}  // namespace mesh::format::parquet
