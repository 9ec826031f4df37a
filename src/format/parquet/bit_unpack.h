// Little-endian bit unpacking (Parquet's bit-packed runs, DELTA_BINARY_PACKED miniblocks) with
// bounds checks at the end of the buffer. Pure inline functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace mesh::format::parquet {

// Loads up to 8 bytes at data[offset..size) as a little-endian word (missing bytes are zero).
inline uint64_t LoadWordLE(const uint8_t* data, size_t size, size_t offset) {
  uint64_t word = 0;
  if (offset + 8 <= size) {
    std::memcpy(&word, data + offset, 8);  // little-endian hosts only (x86-64, aarch64)
    return word;
  }
  for (size_t i = 0; offset + i < size && i < 8; ++i) {
    word |= static_cast<uint64_t>(data[offset + i]) << (8 * i);
  }
  return word;
}

// The `index`-th value of width `bit_width` (0..64) packed LSB-first from `data`.
// Precondition: the value's bits lie inside [0, size * 8).
inline uint64_t UnpackOne(const uint8_t* data, size_t size, int bit_width, size_t index) {
  if (bit_width == 0) return 0;
  const size_t bit = index * static_cast<size_t>(bit_width);
  const size_t byte = bit >> 3;
  const int shift = static_cast<int>(bit & 7);
  uint64_t value = LoadWordLE(data, size, byte) >> shift;
  if (shift + bit_width > 64) value |= LoadWordLE(data, size, byte + 8) << (64 - shift);
  return bit_width == 64 ? value : value & ((uint64_t{1} << bit_width) - 1);
}

// Unpacks `count` values of width `bit_width` (0..32) starting at value index `first`.
// Precondition: (first + count) * bit_width bits fit in `size` bytes.
template <typename T>
inline void UnpackBits32(const uint8_t* data, size_t size, int bit_width, size_t first,
                         size_t count, T* out) {
  if (bit_width == 0) {
    for (size_t i = 0; i < count; ++i) out[i] = 0;
    return;
  }
  const uint64_t mask = (uint64_t{1} << bit_width) - 1;
  size_t bit = first * static_cast<size_t>(bit_width);
  // Fast path while a full 8-byte load stays inside the buffer: shift <= 7 and width <= 32.
  size_t i = 0;
  for (; i < count && (bit >> 3) + 8 <= size; ++i, bit += bit_width) {
    uint64_t word;
    std::memcpy(&word, data + (bit >> 3), 8);
    out[i] = static_cast<T>((word >> (bit & 7)) & mask);
  }
  for (; i < count; ++i, bit += bit_width) {
    out[i] = static_cast<T>((LoadWordLE(data, size, bit >> 3) >> (bit & 7)) & mask);
  }
}

// Bits needed for values 0..max_value.
inline int BitWidthFor(uint64_t max_value) {
  int width = 0;
  while (max_value != 0) {
    ++width;
    max_value >>= 1;
  }
  return width;
}

}  // namespace mesh::format::parquet
