// WriteJson: compact JSON text of an nlohmann::ordered_json, as its dump() writes it but several
// times faster on long strings (a descriptor's YAML in every `show` answer): runs of characters
// that need no escape are copied whole instead of one by one. Invalid UTF-8 in a string is
// written as U+FFFD instead of throwing (dump() throws type_error 316), so an answer is always
// valid JSON. Integers are written as dump() writes them; a double as the shortest text that
// reads back to it (std::to_chars; ".0" added when it would look integral, as dump() does), which
// is dump()'s text except for some very large or small magnitudes (1e+15 where dump() writes
// 1000000000000000.0): the same number either way. NaN and infinities as null. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace mesh {

// Appends `text` as a JSON string (quoted, escaped; invalid UTF-8 as U+FFFD) to `out`.
void AppendJsonString(std::string_view text, std::string* out);

// Appends the compact JSON text of `value` to `out`.
void WriteJson(const nlohmann::ordered_json& value, std::string* out);

inline std::string DumpJson(const nlohmann::ordered_json& value) {
  std::string out;
  WriteJson(value, &out);
  return out;
}

}  // namespace mesh
