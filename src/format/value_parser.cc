#include "format/value_parser.h"

#include <charconv>
#include <cstring>
#include <limits>

#include "base/time.h"

namespace mesh::format {
namespace {

constexpr size_t kMaxRawBytes = 200;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (LowerAscii(text[i]) != lower_word[i]) return false;
  }
  return true;
}

// Parses [+-]?[0-9]+ into a magnitude and sign; kOutOfRange when above `max_magnitude`.
ParseError ParseSignedMagnitude(std::string_view text, uint64_t max_magnitude, bool* negative,
                                uint64_t* magnitude) {
  size_t pos = 0;
  *negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    *negative = text[pos] == '-';
    ++pos;
  }
  if (pos == text.size()) return ParseError::kSyntax;
  uint64_t value = 0;
  bool overflow = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (!IsDigit(c)) return ParseError::kSyntax;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (max_magnitude - digit) / 10) overflow = true;
    if (!overflow) value = value * 10 + digit;
  }
  if (overflow) return ParseError::kOutOfRange;
  *magnitude = value;
  return ParseError::kNone;
}

template <typename Int>
ParseError ParseInteger(std::string_view text, Int* out) {
  // The magnitude of the minimum is max + 1; allow it and reject it for positives below.
  const uint64_t max_magnitude = static_cast<uint64_t>(std::numeric_limits<Int>::max()) + 1;
  bool negative = false;
  uint64_t magnitude = 0;
  const ParseError error = ParseSignedMagnitude(text, max_magnitude, &negative, &magnitude);
  if (error != ParseError::kNone) return error;
  if (!negative && magnitude == max_magnitude) return ParseError::kOutOfRange;
  *out = negative ? static_cast<Int>(0 - magnitude) : static_cast<Int>(magnitude);
  return ParseError::kNone;
}

// The shape [+-]?([0-9]+(.[0-9]*)?|.[0-9]+)([eE][+-]?[0-9]+)? checked before std::from_chars,
// which would also take "inf", "nan" and hexadecimal forms.
bool IsFloatingPointSyntax(std::string_view text) {
  size_t pos = 0;
  const size_t n = text.size();
  if (pos < n && (text[pos] == '+' || text[pos] == '-')) ++pos;
  size_t digits = 0;
  while (pos < n && IsDigit(text[pos])) ++pos, ++digits;
  if (pos < n && text[pos] == '.') {
    ++pos;
    while (pos < n && IsDigit(text[pos])) ++pos, ++digits;
  }
  if (digits == 0) return false;
  if (pos < n && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < n && (text[pos] == '+' || text[pos] == '-')) ++pos;
    size_t exponent_digits = 0;
    while (pos < n && IsDigit(text[pos])) ++pos, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return pos == n;
}

template <typename Float>
ParseError ParseFloating(std::string_view text, Float* out) {
  if (!IsFloatingPointSyntax(text)) return ParseError::kSyntax;
  // from_chars takes no leading '+'.
  if (text[0] == '+') text.remove_prefix(1);
  Float value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) return ParseError::kOutOfRange;
  if (ec != std::errc() || end != text.data() + text.size()) return ParseError::kSyntax;
  *out = value;
  return ParseError::kNone;
}

int8_t Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<int8_t>(c - 'A');
  if (c >= 'a' && c <= 'z') return static_cast<int8_t>(c - 'a' + 26);
  if (c >= '0' && c <= '9') return static_cast<int8_t>(c - '0' + 52);
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Length of the UTF-8 sequence at text[pos] when valid, else 0.
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length;
  uint32_t min_code_point;
  uint32_t code_point;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min_code_point = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min_code_point = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min_code_point = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(pos + i) & 0x3F);
  }
  if (code_point < min_code_point || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

bool IsAscii(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

ParseError ParseBoolean(std::string_view text, bool* out) {
  if (EqualsIgnoreCase(text, "true")) {
    *out = true;
    return ParseError::kNone;
  }
  if (EqualsIgnoreCase(text, "false")) {
    *out = false;
    return ParseError::kNone;
  }
  return ParseError::kSyntax;
}

ParseError ParseInt32(std::string_view text, int32_t* out) { return ParseInteger(text, out); }
ParseError ParseInt64(std::string_view text, int64_t* out) { return ParseInteger(text, out); }
ParseError ParseFloat(std::string_view text, float* out) { return ParseFloating(text, out); }
ParseError ParseDouble(std::string_view text, double* out) { return ParseFloating(text, out); }

ParseError ParseDecimal(std::string_view text, int precision, int scale, int128* out) {
  size_t pos = 0;
  const size_t n = text.size();
  bool negative = false;
  if (pos < n && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  int128 value = 0;
  int integer_digits = 0;  // significant ones: leading zeros do not count
  size_t digits = 0;
  for (; pos < n && IsDigit(text[pos]); ++pos, ++digits) {
    if (integer_digits == 0 && text[pos] == '0') continue;
    // Past the allowed digits the value would be rejected anyway; stop growing it.
    if (++integer_digits <= precision) value = value * 10 + (text[pos] - '0');
  }
  int fraction_digits = 0;
  if (pos < n && text[pos] == '.') {
    for (++pos; pos < n && IsDigit(text[pos]); ++pos, ++digits) {
      if (++fraction_digits <= scale) value = value * 10 + (text[pos] - '0');
    }
  }
  if (digits == 0 || pos != n) return ParseError::kSyntax;
  if (integer_digits > precision - scale) return ParseError::kIntegerDigits;
  if (fraction_digits > scale) return ParseError::kFractionDigits;
  for (int i = fraction_digits; i < scale; ++i) value *= 10;
  *out = negative ? -value : value;
  return ParseError::kNone;
}

ParseError ParseDateText(std::string_view text, int32_t* out) {
  const std::optional<int32_t> days = ParseDate(text);
  if (!days) return ParseError::kSyntax;
  *out = *days;
  return ParseError::kNone;
}

ParseError ParseTimestampText(std::string_view text, int64_t* out) {
  const std::optional<Timestamp> ts = ParseTimestamp(text);
  if (!ts) return ParseError::kSyntax;
  *out = ts->micros;
  return ParseError::kNone;
}

ParseError DecodeBase64(std::string_view text, std::string* out) {
  if (text.size() % 4 != 0) return ParseError::kSyntax;
  const size_t start = out->size();
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int8_t v[4];
    int padding = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text[i + static_cast<size_t>(k)];
      if (c == '=' && last && k >= 2) {
        v[k] = 0;
        ++padding;
        continue;
      }
      if (padding > 0) {
        out->resize(start);
        return ParseError::kSyntax;  // data after padding
      }
      v[k] = Base64Value(c);
      if (v[k] < 0) {
        out->resize(start);
        return ParseError::kSyntax;
      }
    }
    const uint32_t bits = (static_cast<uint32_t>(v[0]) << 18) |
                          (static_cast<uint32_t>(v[1]) << 12) | (static_cast<uint32_t>(v[2]) << 6) |
                          static_cast<uint32_t>(v[3]);
    out->push_back(static_cast<char>(bits >> 16));
    if (padding < 2) out->push_back(static_cast<char>((bits >> 8) & 0xFF));
    if (padding < 1) out->push_back(static_cast<char>(bits & 0xFF));
  }
  return ParseError::kNone;
}

bool IsValidUtf8(std::string_view text) {
  if (IsAscii(text)) return true;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = Utf8SequenceLength(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string DescribeParseError(const FieldType& type, ParseError error) {
  const std::string name = type.ToString();
  switch (error) {
    case ParseError::kNone:
      return "";
    case ParseError::kOutOfRange:
      return "out of the " + name + " range";
    case ParseError::kIntegerDigits:
      return "more than " + std::to_string(type.precision - type.scale) + " integer digits for " +
             name;
    case ParseError::kFractionDigits:
      return "more than " + std::to_string(type.scale) + " fraction digits for " + name +
             " (values are not rounded)";
    case ParseError::kInvalidUtf8:
      return "not valid UTF-8";
    case ParseError::kSyntax:
      break;
  }
  switch (type.id) {
    case TypeId::kBoolean:
      return "not a boolean (expected true or false)";
    case TypeId::kInt32:
    case TypeId::kInt64:
      return "not an " + name + " (expected an integer such as -42)";
    case TypeId::kFloat:
    case TypeId::kDouble:
      return "not a " + name + " (expected a number such as -1.5 or 2e10)";
    case TypeId::kDecimal:
      return "not a " + name + " (expected a number such as -12.50, without exponent)";
    case TypeId::kDate:
      return "not a date (expected YYYY-MM-DD)";
    case TypeId::kTimestamp:
      return "not an ISO-8601 timestamp with a zone (expected e.g. 2026-11-20T07:30:00Z)";
    case TypeId::kBinary:
      return "not base64 (expected RFC 4648 base64 with '=' padding)";
    case TypeId::kString:
      return "not valid UTF-8";
  }
  return "not a " + name;
}

std::string TruncateRaw(std::string_view raw) {
  std::string out;
  out.reserve(std::min(raw.size(), kMaxRawBytes) + 3);
  for (size_t pos = 0; pos < raw.size();) {
    const size_t length = Utf8SequenceLength(raw, pos);
    const size_t shown = length == 0 ? 4 : length;
    if (out.size() + shown > kMaxRawBytes) {
      out += "...";
      break;
    }
    if (length == 0) {
      static constexpr char kHex[] = "0123456789abcdef";
      const auto byte = static_cast<unsigned char>(raw[pos]);
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
      ++pos;
    } else {
      out.append(raw.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

ParseError ValueParser::Append(std::string_view text, Column* column) {
  ParseError error = ParseError::kNone;
  switch (type_.id) {
    case TypeId::kBoolean: {
      bool v = false;
      error = ParseBoolean(text, &v);
      if (error == ParseError::kNone) column->AppendBool(v);
      break;
    }
    case TypeId::kInt32: {
      int32_t v = 0;
      error = ParseInt32(text, &v);
      if (error == ParseError::kNone) column->AppendInt32(v);
      break;
    }
    case TypeId::kInt64: {
      int64_t v = 0;
      error = ParseInt64(text, &v);
      if (error == ParseError::kNone) column->AppendInt64(v);
      break;
    }
    case TypeId::kFloat: {
      float v = 0;
      error = ParseFloat(text, &v);
      if (error == ParseError::kNone) column->AppendFloat(v);
      break;
    }
    case TypeId::kDouble: {
      double v = 0;
      error = ParseDouble(text, &v);
      if (error == ParseError::kNone) column->AppendDouble(v);
      break;
    }
    case TypeId::kDecimal: {
      int128 v = 0;
      error = ParseDecimal(text, type_.precision, type_.scale, &v);
      if (error == ParseError::kNone) column->AppendDecimal(v);
      break;
    }
    case TypeId::kDate: {
      int32_t v = 0;
      error = ParseDateText(text, &v);
      if (error == ParseError::kNone) column->AppendInt32(v);
      break;
    }
    case TypeId::kTimestamp: {
      int64_t v = 0;
      error = ParseTimestampText(text, &v);
      if (error == ParseError::kNone) column->AppendInt64(v);
      break;
    }
    case TypeId::kString:
      if (IsValidUtf8(text)) {
        column->AppendBytes(text);
      } else {
        error = ParseError::kInvalidUtf8;
      }
      break;
    case TypeId::kBinary:
      scratch_.clear();
      error = DecodeBase64(text, &scratch_);
      if (error == ParseError::kNone) column->AppendBytes(scratch_);
      break;
  }
  if (error != ParseError::kNone) column->AppendNull();
  return error;
}

void AddTypeError(Batch* batch, int64_t row, int64_t line, int column, std::string_view raw,
                  std::string reason) {
  TypeError error;
  error.row = row;
  error.line = line;
  error.column = column;
  error.raw = TruncateRaw(raw);
  error.reason = std::move(reason);
  batch->type_errors.push_back(std::move(error));
}

}  // namespace mesh::format
