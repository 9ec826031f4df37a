#include "format/parquet/rle_encoder.h"

#include <algorithm>

namespace mesh::format::parquet {
namespace {

// A run of this many equal values is cheaper as an RLE run than bit-packed.
constexpr size_t kMinRleRun = 8;
constexpr size_t kGroupSize = 8;

}  // namespace

int BitWidthFor(uint64_t max_value) {
  int width = 0;
  while (max_value != 0) {
    ++width;
    max_value >>= 1;
  }
  return width;
}

void AppendUnsignedVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

size_t RleBitPackedEncoder::MaxEncodedSize() const {
  // Worst case: everything bit-packed (padded to whole groups) plus one header per group.
  size_t groups = (values_.size() + kGroupSize - 1) / kGroupSize;
  return groups * (static_cast<size_t>(bit_width_) + 5);
}

size_t RleBitPackedEncoder::RunLengthAt(size_t start) const {
  size_t end = start;
  while (end < values_.size() && values_[end] == values_[start]) ++end;
  return end - start;
}

void RleBitPackedEncoder::AppendRleRun(uint32_t value, size_t count, std::string* out) const {
  AppendUnsignedVarint(static_cast<uint64_t>(count) << 1, out);
  int value_bytes = (bit_width_ + 7) / 8;
  for (int i = 0; i < value_bytes; ++i)
    out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void RleBitPackedEncoder::AppendBitPackedRun(size_t begin, size_t end, std::string* out) const {
  size_t groups = (end - begin + kGroupSize - 1) / kGroupSize;
  AppendUnsignedVarint((static_cast<uint64_t>(groups) << 1) | 1, out);
  // Values are packed from the least significant bit of each byte upwards.
  uint64_t buffer = 0;
  int buffered_bits = 0;
  for (size_t i = begin; i < begin + groups * kGroupSize; ++i) {
    uint64_t value = i < end ? values_[i] : 0;
    buffer |= value << buffered_bits;
    buffered_bits += bit_width_;
    while (buffered_bits >= 8) {
      out->push_back(static_cast<char>(buffer & 0xFF));
      buffer >>= 8;
      buffered_bits -= 8;
    }
  }
  // groups * 8 * bit_width is a multiple of 8 bits, so nothing is left over.
}

void RleBitPackedEncoder::Finish(std::string* out) {
  size_t position = 0;
  while (position < values_.size()) {
    size_t run = RunLengthAt(position);
    if (run >= kMinRleRun) {
      AppendRleRun(values_[position], run, out);
      position += run;
      continue;
    }
    // Bit-pack whole groups until a long run starts at a group boundary (or the values end).
    size_t begin = position;
    do {
      position = std::min(position + kGroupSize, values_.size());
    } while (position < values_.size() && RunLengthAt(position) < kMinRleRun);
    AppendBitPackedRun(begin, position, out);
  }
  values_.clear();
}

}  // namespace mesh::format::parquet
