#include "format/parquet/utf8_validation.h"

#include <gtest/gtest.h>

namespace mesh::format::parquet {
namespace {

TEST(Utf8ValidationTest, AcceptsWellFormedText) {
  for (std::string_view text : {"", "plain ascii text longer than eight", "Zürich", "東京", "🚀",
                                "\x7F", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF"}) {
    EXPECT_EQ(FirstInvalidUtf8(text), text.size()) << text;
  }
}

TEST(Utf8ValidationTest, FindsTheFirstInvalidSequence) {
  EXPECT_EQ(FirstInvalidUtf8("abc\xFF"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("abcdefghij\x80"), 10u);   // lone continuation
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(FirstInvalidUtf8("a\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("ok\xE6\x9D"), 2u);        // truncated at the end
  EXPECT_EQ(FirstInvalidUtf8("\xC3\x28"), 0u);          // bad continuation
}

}  // namespace
}  // namespace mesh::format::parquet
