#include "format/parquet/plain_encoder.h"

#include <bit>

namespace mesh::format::parquet {
namespace {

template <typename Unsigned>
void AppendLittleEndian(Unsigned value, std::string* out) {
  for (size_t i = 0; i < sizeof(Unsigned); ++i) {
    out->push_back(static_cast<char>(value & 0xFF));
    value = static_cast<Unsigned>(value >> 8);
  }
}

}  // namespace

void AppendPlainInt32(int32_t value, std::string* out) {
  AppendLittleEndian(static_cast<uint32_t>(value), out);
}

void AppendPlainInt64(int64_t value, std::string* out) {
  AppendLittleEndian(static_cast<uint64_t>(value), out);
}

void AppendPlainFloat(float value, std::string* out) {
  AppendLittleEndian(std::bit_cast<uint32_t>(value), out);
}

void AppendPlainDouble(double value, std::string* out) {
  AppendLittleEndian(std::bit_cast<uint64_t>(value), out);
}

void AppendPlainByteArray(std::string_view value, std::string* out) {
  AppendLittleEndian(static_cast<uint32_t>(value.size()), out);
  out->append(value);
}

void AppendBigEndianDecimal(int128 value, int width, std::string* out) {
  auto bits = static_cast<unsigned __int128>(value);
  for (int i = width - 1; i >= 0; --i) {
    out->push_back(static_cast<char>(static_cast<uint8_t>(bits >> (8 * i))));
  }
}

int DecimalByteWidth(int precision) {
  // The largest magnitude is 10^precision - 1; a width w holds magnitudes below 2^(8w - 1).
  unsigned __int128 limit = 1;
  for (int i = 0; i < precision; ++i) limit *= 10;
  int width = 1;
  while (width < 16 && (static_cast<unsigned __int128>(1) << (8 * width - 1)) < limit) ++width;
  return width;
}

void AppendPlainBooleans(const std::vector<uint8_t>& values, std::string* out) {
  uint8_t byte = 0;
  int bit = 0;
  for (uint8_t value : values) {
    byte = static_cast<uint8_t>(byte | ((value & 1u) << bit));
    if (++bit == 8) {
      out->push_back(static_cast<char>(byte));
      byte = 0;
      bit = 0;
    }
  }
  if (bit != 0) out->push_back(static_cast<char>(byte));
}

}  // namespace mesh::format::parquet
