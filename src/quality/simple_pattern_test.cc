#include "quality/simple_pattern.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

namespace mesh::quality {
namespace {

// Every value RE2 can be asked about here: short strings over the characters the patterns below
// care about, enumerated exhaustively up to length 3 and sampled beyond.
std::vector<std::string> Values() {
  const std::string alphabet = "az09AZ._%+-@ \n\t_$^{}";
  std::vector<std::string> values = {""};
  for (size_t length = 1; length <= 3; ++length) {
    const size_t before = values.size();
    for (size_t i = 0; i < before; ++i) {
      if (values[i].size() != length - 1) continue;
      for (const char c : alphabet) values.push_back(values[i] + c);
    }
  }
  std::mt19937 random(20261126);
  for (int i = 0; i < 20000; ++i) {
    std::string value(1 + random() % 24, ' ');
    for (char& c : value) c = alphabet[random() % alphabet.size()];
    values.push_back(value);
  }
  for (const char* real : {"ada.lovelace@example.org", "a@b.cd", "a@b.c", "@example.org",
                           "x@y@z.org", "first last@example.org", "AB-1234", "AB-123", "ab-1234",
                           "AB-12345", "a..b@c.de", "x@-.io", "aaaa", "ab"}) {
    values.push_back(real);
  }
  return values;
}

RE2::Options Utf8() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

class SimplePatternAgreesWithRe2 : public ::testing::TestWithParam<const char*> {};

TEST_P(SimplePatternAgreesWithRe2, OnEveryValue) {
  const std::string pattern = GetParam();
  RE2 regex(pattern, Utf8());
  ASSERT_TRUE(regex.ok()) << pattern << ": " << regex.error();
  std::optional<SimplePattern> simple = SimplePattern::Compile(pattern);
  ASSERT_TRUE(simple.has_value()) << pattern << " should be in the subset";
  for (const std::string& value : Values()) {
    const bool expected = RE2::FullMatch(value, regex);
    const SimplePattern::Match got = simple->FullMatch(value);
    ASSERT_NE(got, SimplePattern::Match::kUnknown) << pattern << " on '" << value << "'";
    ASSERT_EQ(got == SimplePattern::Match::kYes, expected) << pattern << " on '" << value << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(Patterns, SimplePatternAgreesWithRe2,
                         ::testing::Values("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$",
                                           "^[^@\\s]+@[^@\\s]+$", "^[A-Z]{2}-\\d{4}$",
                                           "[A-Z]{2}-\\d{4}", "a*", "a+b?", "a{2,3}", "a{0,2}z?",
                                           "a{3}", "a{0}", ".*", ".+@.+", "", "^$", "\\.\\$\\^\\{",
                                           "[]a]+", "[^]a]*", "[a-]+", "[-a]?z", "[\\w.]+",
                                           "[\\S]+", "\\W\\D\\S", "\\s*\\d+\\s*", "[\\-+]?\\d+",
                                           "[a-zA-Z_][a-zA-Z0-9_]*", "x*y*z*", "a?a?a?aaa",
                                           "[.]{1,3}\\t\\n"));

TEST(SimplePatternTest, RefusesWhatItCannotAnswerExactly) {
  for (const char* pattern :
       {"(a|b)", "a|b", "(?i)abc", "\\bword\\b", "\\pL+", "[[:alpha:]]+", "a+?", "a*+", "a{,3}",
        "\\x41", "\\Aabc\\z", "a^b", "a$b", "a{01}", "a{00,3}b", "\xc3\xa9+", "[\xc3\xa9]",
        "a{1000}", "[a-z]{40}[0-9]{40}"}) {
    EXPECT_FALSE(SimplePattern::Compile(pattern).has_value()) << pattern;
  }
}

TEST(SimplePatternTest, LeavesNonAsciiValuesToRe2) {
  std::optional<SimplePattern> simple = SimplePattern::Compile("^[^@\\s]+@[^@\\s]+$");
  ASSERT_TRUE(simple.has_value());
  EXPECT_EQ(simple->FullMatch("j\xc3\xa9r\xc3\xb4me@example.org"), SimplePattern::Match::kUnknown);
  EXPECT_EQ(simple->FullMatch("@@\xc3\xa9"), SimplePattern::Match::kUnknown);
  EXPECT_EQ(simple->FullMatch("jerome@example.org"), SimplePattern::Match::kYes);
}

}  // namespace
}  // namespace mesh::quality
