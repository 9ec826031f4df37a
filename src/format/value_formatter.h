// Value formatting: the canonical text of a column value, as the CSV and JSONL writers write it
// and the readers read it back to the same value: booleans `true`/`false`; integers in decimal;
// floats and doubles in the shortest form that reads back exactly (std::to_chars); decimals
// with exactly S fraction digits; dates `YYYY-MM-DD`; timestamps `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`
// in UTC; strings as they are; binary as RFC 4648 base64 with padding.
// Functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "format/batch.h"

namespace mesh::format {

enum class FormatError : uint8_t {
  kNone,
  kNotFinite,       // NaN or infinity: the text formats have no way to write them
  kYearOutOfRange,  // a date or timestamp outside the years 0000..9999 of ISO-8601
};

// Appends the text of `column`'s value at `row` (which must be valid, not null) to `out`.
FormatError AppendValueText(const Column& column, size_t row, std::string* out);

// Pieces, also used by the writers directly.
void AppendDecimalText(int128 unscaled, int scale, std::string* out);
FormatError AppendDateText(int32_t days, std::string* out);
FormatError AppendTimestampText(int64_t micros, std::string* out);
void AppendBase64(std::string_view bytes, std::string* out);

std::string DescribeFormatError(FormatError error);

}  // namespace mesh::format
