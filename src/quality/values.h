// Typed values for checks: converting descriptor literals (min, max, allowed values) to the
// storage of a column's type, so that kernels compare native values (numbers as numbers,
// decimals as scaled integers, dates and timestamps as instants), and formatting values back.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "format/batch.h"
#include "model/descriptor.h"

namespace mesh::quality {

using format::int128;

enum class Rounding { kExact, kCeil, kFloor };

// "12.50" at scale 2 -> 1250. kExact: nullopt when the value has more fraction digits than
// `scale` (nonzero ones); kCeil/kFloor round those. Accepts [+-]digits[.digits][e[+-]digits].
// nullopt for text that is not a number or beyond ±10^38.
std::optional<int128> ParseScaledDecimal(std::string_view text, int scale, Rounding rounding);

// An integer bound for an integer-stored column: min rounds up, max rounds down; an exact
// value for allowed_values (nullopt when the literal is not an integer).
std::optional<int64_t> LiteralToInt64(const Literal& literal, Rounding rounding);
std::optional<double> LiteralToDouble(const Literal& literal);
// Dates: "YYYY-MM-DD". Timestamps: ISO-8601 with a zone, or a date (midnight UTC).
std::optional<int32_t> LiteralToDate(const Literal& literal);
std::optional<int64_t> LiteralToTimestampMicros(const Literal& literal);
std::optional<bool> LiteralToBool(const Literal& literal);

// Shortest text that reads back as the same double ("0.1", "1e+21", "-3").
std::string FormatDouble(double value);
// 1250 at scale 2 -> "12.50".
std::string FormatDecimal(int128 unscaled, int scale);

}  // namespace mesh::quality
