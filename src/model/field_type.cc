#include "model/field_type.h"

#include <array>
#include <charconv>
#include <utility>

namespace mesh {
namespace {

constexpr std::array<std::pair<std::string_view, TypeId>, 9> kSimpleTypes{{
    {"boolean", TypeId::kBoolean},
    {"int32", TypeId::kInt32},
    {"int64", TypeId::kInt64},
    {"float", TypeId::kFloat},
    {"double", TypeId::kDouble},
    {"string", TypeId::kString},
    {"date", TypeId::kDate},
    {"timestamp", TypeId::kTimestamp},
    {"binary", TypeId::kBinary},
}};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<int> ParseSmallInt(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 3) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// "decimal(P,S)" with optional spaces around P and S; also "decimal(P)" meaning scale 0.
std::optional<FieldType> ParseDecimal(std::string_view text) {
  constexpr std::string_view kPrefix = "decimal";
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = Trim(text.substr(kPrefix.size()));
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
  rest = rest.substr(1, rest.size() - 2);
  size_t comma = rest.find(',');
  std::optional<int> precision = ParseSmallInt(rest.substr(0, comma));
  std::optional<int> scale = comma == std::string_view::npos
                                 ? std::optional<int>(0)
                                 : ParseSmallInt(rest.substr(comma + 1));
  if (!precision || !scale) return std::nullopt;
  if (*precision < 1 || *precision > 38 || *scale < 0 || *scale > *precision) return std::nullopt;
  return FieldType{TypeId::kDecimal, *precision, *scale};
}

}  // namespace

std::string FieldType::ToString() const {
  if (id == TypeId::kDecimal) {
    return "decimal(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
  }
  for (const auto& [name, type] : kSimpleTypes) {
    if (type == id) return std::string(name);
  }
  return "?";
}

std::optional<FieldType> FieldType::Parse(std::string_view text) {
  text = Trim(text);
  for (const auto& [name, type] : kSimpleTypes) {
    if (name == text) return FieldType{type, 0, 0};
  }
  return ParseDecimal(text);
}

bool FieldType::IsNumeric() const {
  return id == TypeId::kInt32 || id == TypeId::kInt64 || id == TypeId::kFloat ||
         id == TypeId::kDouble || id == TypeId::kDecimal;
}

bool FieldType::IsTemporal() const { return id == TypeId::kDate || id == TypeId::kTimestamp; }

}  // namespace mesh
