#include "governance/naming.h"

#include <gtest/gtest.h>

namespace mesh::governance {
namespace {

TEST(NamingRuleTest, BuiltInStylesMatchTheirOwnNamesOnly) {
  auto snake = NamingRule::Parse("snake_case").value();
  EXPECT_TRUE(snake.Matches("mission_completion_rate"));
  EXPECT_TRUE(snake.Matches("day2"));
  EXPECT_FALSE(snake.Matches("Day"));
  EXPECT_FALSE(snake.Matches("mission__rate"));
  EXPECT_FALSE(snake.Matches("_rate"));
  auto kebab = NamingRule::Parse("kebab-case").value();
  EXPECT_TRUE(kebab.Matches("special-ops"));
  EXPECT_FALSE(kebab.Matches("special_ops"));
  auto camel = NamingRule::Parse("camelCase").value();
  EXPECT_TRUE(camel.Matches("missionId"));
  EXPECT_FALSE(camel.Matches("MissionId"));
  auto pascal = NamingRule::Parse("PascalCase").value();
  EXPECT_TRUE(pascal.Matches("MissionId"));
  EXPECT_FALSE(pascal.Matches("missionId"));
}

TEST(NamingRuleTest, RegexRulesMatchInFull) {
  auto rule = NamingRule::Parse("regex:ops_[a-z_]+").value();
  EXPECT_TRUE(rule.Matches("ops_missions"));
  EXPECT_FALSE(rule.Matches("x_ops_missions"));
  EXPECT_FALSE(rule.IsBuiltIn());
  EXPECT_FALSE(rule.Suggest("Missions").has_value());
}

TEST(NamingRuleTest, RefusesUnknownStylesAndBadPatterns) {
  EXPECT_TRUE(NamingRule::Parse("SCREAMING_CASE").status().IsInvalidArgument());
  Result<NamingRule> bad = NamingRule::Parse("regex:([a-z");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("invalid RE2 pattern"), std::string::npos);
  EXPECT_FALSE(NamingRule::Parse("regex:").ok());
}

TEST(NamingRuleTest, SuggestsTheNameInTheRuleStyle) {
  EXPECT_EQ(NamingRule::Parse("snake_case").value().Suggest("Day"), "day");
  EXPECT_EQ(NamingRule::Parse("snake_case").value().Suggest("missionID"), "mission_id");
  EXPECT_EQ(NamingRule::Parse("kebab-case").value().Suggest("Special_Ops"), "special-ops");
  EXPECT_EQ(NamingRule::Parse("camelCase").value().Suggest("started_at"), "startedAt");
  EXPECT_EQ(NamingRule::Parse("PascalCase").value().Suggest("started_at"), "StartedAt");
}

TEST(NamingTest, SplitsIdentifiersIntoWords) {
  EXPECT_EQ(SplitIdentifierWords("HTTPServer_log"),
            (std::vector<std::string>{"http", "server", "log"}));
  EXPECT_EQ(SplitIdentifierWords("soldierId"), (std::vector<std::string>{"soldier", "id"}));
  EXPECT_EQ(SplitIdentifierWords("unit-2-code"), (std::vector<std::string>{"unit", "2", "code"}));
}

TEST(NamingTest, DetectsOnlyUnambiguousStyles) {
  EXPECT_EQ(DetectStyle("mission_id"), NamingStyle::kSnakeCase);
  EXPECT_EQ(DetectStyle("missionId"), NamingStyle::kCamelCase);
  EXPECT_EQ(DetectStyle("MissionId"), NamingStyle::kPascalCase);
  EXPECT_EQ(DetectStyle("mission-id"), NamingStyle::kKebabCase);
  EXPECT_EQ(DetectStyle("status"), std::nullopt);
  EXPECT_EQ(DetectStyle("Bad_Name"), std::nullopt);
}

TEST(NamingTest, CountsCharactersNotBytes) {
  EXPECT_EQ(NameLength("abc"), 3u);
  EXPECT_EQ(NameLength("caf\xC3\xA9"), 4u);
}

}  // namespace
}  // namespace mesh::governance
