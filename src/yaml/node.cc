#include "yaml/node.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mesh::yaml {
namespace {

bool IsDigits(std::string_view s, size_t from, bool hex = false) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kScalar:
      return "scalar";
    case Kind::kSequence:
      return "list";
    case Kind::kMap:
      return "mapping";
  }
  return "?";
}

const Node::Entry* Node::GetEntry(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const Entry& entry : entries) {
    if (entry.key && entry.key->kind == Kind::kScalar && entry.key->scalar == key) return &entry;
  }
  return nullptr;
}

const Node* Node::Get(std::string_view key) const {
  const Entry* entry = GetEntry(key);
  return entry ? entry->value.get() : nullptr;
}

bool Node::IsNullScalar() const {
  if (kind == Kind::kNull) return true;
  if (kind != Kind::kScalar || quoted || !tag.empty()) return false;
  return scalar.empty() || scalar == "~" || scalar == "null" || scalar == "Null" ||
         scalar == "NULL";
}

std::optional<bool> Node::AsBool() const {
  if (kind != Kind::kScalar || quoted) return std::nullopt;
  if (scalar == "true" || scalar == "True" || scalar == "TRUE") return true;
  if (scalar == "false" || scalar == "False" || scalar == "FALSE") return false;
  return std::nullopt;
}

std::optional<int64_t> Node::AsInt() const {
  if (kind != Kind::kScalar || quoted) return std::nullopt;
  std::string_view s = scalar;
  int base = 10;
  size_t start = 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    base = s[1] == 'x' ? 16 : 8;
    start = 2;
    if (!IsDigits(s, start, base == 16)) return std::nullopt;
  } else {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) start = 1;
    if (!IsDigits(s, start)) return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  std::string text(s.substr(base == 10 ? 0 : 2));
  long long value = std::strtoll(text.c_str(), &end, base);
  if (errno == ERANGE || end != text.c_str() + text.size()) return std::nullopt;
  return static_cast<int64_t>(value);
}

std::optional<double> Node::AsDouble() const {
  if (kind != Kind::kScalar || quoted) return std::nullopt;
  if (auto as_int = AsInt()) return static_cast<double>(*as_int);
  std::string_view s = scalar;
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf") {
    return std::numeric_limits<double>::infinity();
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return std::strtod(std::string(s).c_str(), nullptr);
}

std::optional<std::string> Node::AsString() const {
  if (kind != Kind::kScalar) return std::nullopt;
  if (quoted) return scalar;
  if (IsNullScalar() || AsBool() || AsDouble()) return std::nullopt;
  return scalar;
}

std::string Node::Describe() const {
  switch (kind) {
    case Kind::kNull:
      return "an empty value";
    case Kind::kSequence:
      return "a list";
    case Kind::kMap:
      return "a mapping";
    case Kind::kScalar:
      break;
  }
  if (IsNullScalar()) return "null";
  if (AsBool()) return "the boolean " + scalar;
  if (AsDouble()) return "the number " + scalar;
  return "'" + scalar + "'";
}

}  // namespace mesh::yaml
