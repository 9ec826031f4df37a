// Value parsing: text (a CSV cell, a JSON number or string) to the field types of
// data-product.md ("Data in, data out"). Types are checked, never guessed: each type has one
// strict grammar (docs/formats.md lists them), no whitespace is trimmed, and a value out of the
// type's range or precision is an error, never silently wrapped, rounded or clamped.
// The hot path allocates nothing per value. Functions are pure and thread-safe; a ValueParser
// is thread-compatible (one per column per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "format/batch.h"
#include "model/field_type.h"

namespace mesh::format {

// Why a text is not a value of a type. kNone means it is.
enum class ParseError : uint8_t {
  kNone,
  kSyntax,          // does not follow the type's grammar
  kOutOfRange,      // follows it but does not fit (int32 overflow, 1e999 as a double)
  kIntegerDigits,   // decimal(P,S): more than P-S integer digits
  kFractionDigits,  // decimal(P,S): more than S fraction digits (no rounding)
  kInvalidUtf8,     // string: not valid UTF-8
};

// `true` or `false` in any letter case (TRUE, False); nothing else (no 1/0, yes/no, t/f).
ParseError ParseBoolean(std::string_view text, bool* out);
// [+-]?[0-9]+ within the type's range.
ParseError ParseInt32(std::string_view text, int32_t* out);
ParseError ParseInt64(std::string_view text, int64_t* out);
// [+-]?([0-9]+(.[0-9]*)?|.[0-9]+)([eE][+-]?[0-9]+)? rounded to nearest; no nan/inf, no hex.
// kOutOfRange when the magnitude overflows or underflows the type.
ParseError ParseFloat(std::string_view text, float* out);
ParseError ParseDouble(std::string_view text, double* out);
// [+-]?([0-9]+(.[0-9]*)?|.[0-9]+) with at most `scale` fraction digits and at most
// `precision - scale` integer digits (leading zeros do not count); no exponent. `out` receives
// the unscaled value (value * 10^scale).
ParseError ParseDecimal(std::string_view text, int precision, int scale, int128* out);
// YYYY-MM-DD, a real calendar day; days since 1970-01-01.
ParseError ParseDateText(std::string_view text, int32_t* out);
// ISO-8601 instant with a zone (base/time.h ParseTimestamp); UTC microseconds.
ParseError ParseTimestampText(std::string_view text, int64_t* out);
// Standard base64 (RFC 4648 section 4) with '=' padding, no whitespace; appends the bytes.
ParseError DecodeBase64(std::string_view text, std::string* out);
// RFC 3629 UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

// What is wrong, for a TypeError's reason: "not an int32 (expected an integer such as -42)".
std::string DescribeParseError(const FieldType& type, ParseError error);
// `raw` cut to at most 200 bytes at a character boundary, with bytes that are not UTF-8 shown
// as \xNN, so that reports stay valid UTF-8.
std::string TruncateRaw(std::string_view raw);

// Parses cells of one column's type and appends them. Keeps a scratch buffer (base64), so
// steady-state parsing allocates nothing per value.
class ValueParser {
 public:
  explicit ValueParser(FieldType type) : type_(type) {}
  const FieldType& type() const { return type_; }

  // Appends the value of `text` to `column` (whose type is this parser's). On failure appends
  // a null and returns the reason.
  ParseError Append(std::string_view text, Column* column);

 private:
  FieldType type_;
  std::string scratch_;
};

// Adds a TypeError for a value that failed to parse.
void AddTypeError(Batch* batch, int64_t row, int64_t line, int column, std::string_view raw,
                  std::string reason);

}  // namespace mesh::format
