#include "governance/naming.h"

#include <re2/re2.h>

#include <cctype>

namespace mesh::governance {
namespace {

struct BuiltInStyle {
  NamingStyle style;
  std::string_view name;
  std::string_view pattern;
};

constexpr BuiltInStyle kBuiltInStyles[] = {
    {NamingStyle::kSnakeCase, "snake_case", "[a-z][a-z0-9]*(_[a-z0-9]+)*"},
    {NamingStyle::kKebabCase, "kebab-case", "[a-z][a-z0-9]*(-[a-z0-9]+)*"},
    {NamingStyle::kCamelCase, "camelCase", "[a-z][a-z0-9]*([A-Z][a-z0-9]*)*"},
    {NamingStyle::kPascalCase, "PascalCase", "([A-Z][a-z0-9]*)+"},
};

// The compiled built-in patterns, made once per process.
const std::shared_ptr<const re2::RE2>& BuiltInPattern(NamingStyle style) {
  static const auto* patterns = [] {
    auto* compiled = new std::vector<std::shared_ptr<const re2::RE2>>();
    for (const BuiltInStyle& built_in : kBuiltInStyles) {
      compiled->push_back(std::make_shared<const re2::RE2>(built_in.pattern));
    }
    return compiled;
  }();
  return (*patterns)[static_cast<size_t>(style)];
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Capitalised(std::string word) {
  if (!word.empty() && IsLower(word[0])) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string JoinWords(const std::vector<std::string>& words, NamingStyle style) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    switch (style) {
      case NamingStyle::kSnakeCase:
        out += (i ? "_" : "") + words[i];
        break;
      case NamingStyle::kKebabCase:
        out += (i ? "-" : "") + words[i];
        break;
      case NamingStyle::kCamelCase:
        out += i ? Capitalised(words[i]) : words[i];
        break;
      case NamingStyle::kPascalCase:
      case NamingStyle::kRegex:
        out += Capitalised(words[i]);
        break;
    }
  }
  return out;
}

}  // namespace

NamingRule::NamingRule(NamingStyle style, std::string text, std::shared_ptr<const re2::RE2> pattern)
    : style_(style), text_(std::move(text)), pattern_(std::move(pattern)) {}

Result<NamingRule> NamingRule::Parse(std::string_view text) {
  for (const BuiltInStyle& built_in : kBuiltInStyles) {
    if (text == built_in.name) {
      return NamingRule(built_in.style, std::string(text), BuiltInPattern(built_in.style));
    }
  }
  constexpr std::string_view kRegexPrefix = "regex:";
  if (text.substr(0, kRegexPrefix.size()) != kRegexPrefix) {
    return Status::InvalidArgument("unknown naming style '" + std::string(text) +
                                   "': use snake_case, kebab-case, camelCase, PascalCase or "
                                   "\"regex:<RE2 pattern>\"");
  }
  std::string_view expression = text.substr(kRegexPrefix.size());
  if (expression.empty()) {
    return Status::InvalidArgument("empty pattern after 'regex:': write an RE2 pattern");
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto pattern = std::make_shared<const re2::RE2>(expression, options);
  if (!pattern->ok()) {
    return Status::InvalidArgument("invalid RE2 pattern '" + std::string(expression) +
                                   "': " + pattern->error());
  }
  return NamingRule(NamingStyle::kRegex, std::string(text), std::move(pattern));
}

bool NamingRule::Matches(std::string_view name) const {
  return re2::RE2::FullMatch(name, *pattern_);
}

std::optional<std::string> NamingRule::Suggest(std::string_view name) const {
  if (style_ == NamingStyle::kRegex) return std::nullopt;
  std::vector<std::string> words = SplitIdentifierWords(name);
  if (words.empty()) return std::nullopt;
  std::string suggestion = JoinWords(words, style_);
  if (!Matches(suggestion)) return std::nullopt;
  return suggestion;
}

std::vector<std::string> SplitIdentifierWords(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '_' || c == '-' || c == ' ' || c == '.') {
      flush();
      continue;
    }
    char previous = i > 0 ? name[i - 1] : '\0';
    char next = i + 1 < name.size() ? name[i + 1] : '\0';
    bool starts_word = IsUpper(c) && (IsLower(previous) || IsDigit(previous) ||
                                      (IsUpper(previous) && IsLower(next)));
    if (starts_word) flush();
    current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
  return words;
}

std::optional<NamingStyle> DetectStyle(std::string_view name) {
  std::optional<NamingStyle> found;
  int matches = 0;
  for (const BuiltInStyle& built_in : kBuiltInStyles) {
    if (re2::RE2::FullMatch(name, *BuiltInPattern(built_in.style))) {
      found = built_in.style;
      ++matches;
    }
  }
  if (matches != 1) return std::nullopt;
  return found;
}

std::string_view NamingStyleName(NamingStyle style) {
  if (style == NamingStyle::kRegex) return "regex";
  return kBuiltInStyles[static_cast<size_t>(style)].name;
}

size_t NameLength(std::string_view name) {
  size_t length = 0;
  for (char c : name) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
  }
  return length;
}

}  // namespace mesh::governance
