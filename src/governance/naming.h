// Naming rules of governance.md ("naming"): the built-in styles snake_case, kebab-case,
// camelCase, PascalCase, or "regex:<RE2>" (full match). Each rule is compiled once when parsed
// and shared by copies, so checking a name costs one RE2 match.
// Immutable once made; safe for concurrent use.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace re2 {
class RE2;
}

namespace mesh::governance {

enum class NamingStyle { kSnakeCase, kKebabCase, kCamelCase, kPascalCase, kRegex };

class NamingRule {
 public:
  // "snake_case", "kebab-case", "camelCase", "PascalCase" or "regex:<RE2>". InvalidArgument for
  // anything else or a pattern RE2 cannot compile (the message says why).
  static Result<NamingRule> Parse(std::string_view text);

  NamingStyle style() const { return style_; }
  // As written in the policy ("snake_case", "regex:^[a-z]+$").
  const std::string& text() const { return text_; }
  bool IsBuiltIn() const { return style_ != NamingStyle::kRegex; }

  bool Matches(std::string_view name) const;
  // `name` rewritten in this style ("Mission Date" -> "mission_date"); nullopt for a regex rule
  // or when the rewrite still does not match.
  std::optional<std::string> Suggest(std::string_view name) const;

 private:
  NamingRule(NamingStyle style, std::string text, std::shared_ptr<const re2::RE2> pattern);
  NamingStyle style_;
  std::string text_;
  std::shared_ptr<const re2::RE2> pattern_;
};

// The words of an identifier: split at '_', '-', ' ', '.', and at case changes
// ("missionID" -> mission, id; "HTTPServer" -> http, server); all lower case.
std::vector<std::string> SplitIdentifierWords(std::string_view name);

// The built-in style a name is written in, when it unambiguously has one: a name of one lower
// case word ("status") is in every lower-case style and gives nullopt.
std::optional<NamingStyle> DetectStyle(std::string_view name);

std::string_view NamingStyleName(NamingStyle style);  // "snake_case", ..., "regex"

// Characters of a UTF-8 name (code points), the unit naming.max_length counts.
size_t NameLength(std::string_view name);

}  // namespace mesh::governance
