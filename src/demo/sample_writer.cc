#include "demo/sample_writer.h"

#include <cstdio>

namespace mesh::demo {
namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;  // an unquoted empty field is null
  if (value.front() == ' ' || value.back() == ' ') return true;
  return value.find_first_of(",\"\r\n") != std::string_view::npos;
}

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

// Numbers and booleans are written bare when their text is valid JSON for them; anything else
// (e.g. an injected "n/a") is written as a string, so every line stays valid JSON.
std::string JsonValue(const std::string& text, const FieldType& type) {
  if (type.IsNumeric() && IsJsonNumber(text)) return text;
  if (type.id == TypeId::kBoolean && (text == "true" || text == "false")) return text;
  return JsonString(text);
}

}  // namespace

std::string_view SampleFileExtension(SampleFileFormat format) {
  return format == SampleFileFormat::kCsv ? "csv" : "jsonl";
}

SampleFileFormat SampleFileFormatFor(OutputFormat output_format) {
  return output_format == OutputFormat::kJsonl ? SampleFileFormat::kJsonl : SampleFileFormat::kCsv;
}

std::string CsvField(std::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string JsonString(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string ToCsv(const SampleTable& table) {
  std::string out;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(table.columns[i]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      if (row[i]) out += CsvField(*row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string ToJsonl(const SampleTable& table) {
  std::string out;
  for (const auto& row : table.rows) {
    out += '{';
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += JsonString(table.columns[i]);
      out += ':';
      out += row[i] ? JsonValue(*row[i], table.types[i]) : "null";
    }
    out += "}\n";
  }
  return out;
}

std::string SampleFileBytes(const SampleTable& table, SampleFileFormat format) {
  return format == SampleFileFormat::kCsv ? ToCsv(table) : ToJsonl(table);
}

}  // namespace mesh::demo
