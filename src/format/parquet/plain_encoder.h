// PLAIN encoding of Parquet values (parquet-format Encodings.md): fixed-width numbers little
// endian, BYTE_ARRAY as a 4-byte little-endian length then the bytes, FIXED_LEN_BYTE_ARRAY as the
// bytes alone, BOOLEAN one bit per value packed from the least significant bit. Decimals wider
// than INT64 are big-endian two's complement in a fixed number of bytes.
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mesh::format::parquet {

using int128 = __int128;

void AppendPlainInt32(int32_t value, std::string* out);
void AppendPlainInt64(int64_t value, std::string* out);
void AppendPlainFloat(float value, std::string* out);
void AppendPlainDouble(double value, std::string* out);
void AppendPlainByteArray(std::string_view value, std::string* out);

// `value` as `width` bytes (1..16) of big-endian two's complement; the caller guarantees it fits.
void AppendBigEndianDecimal(int128 value, int width, std::string* out);
// The fewest bytes of two's complement that hold every decimal of `precision` (1..38) digits.
int DecimalByteWidth(int precision);

// Packs booleans (0/1) one bit each, least significant bit first, padding the last byte with 0.
void AppendPlainBooleans(const std::vector<uint8_t>& values, std::string* out);

}  // namespace mesh::format::parquet
