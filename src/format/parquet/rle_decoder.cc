#include "format/parquet/rle_decoder.h"

#include <algorithm>
#include <string>

#include "format/parquet/bit_unpack.h"

namespace mesh::format::parquet {

RleBitPackedDecoder::RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width)
    : data_(data), size_(size), bit_width_(bit_width) {}

Status RleBitPackedDecoder::NextRun() {
  if (bit_width_ < 0 || bit_width_ > 32) {
    return Status::Corruption("RLE/bit-packed data with bit width " + std::to_string(bit_width_) +
                              " (at most 32)");
  }
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (pos_ >= size_) return Status::Corruption("RLE/bit-packed data ends before its values");
    if (shift > 56) return Status::Corruption("RLE/bit-packed run header is too long");
    const uint8_t byte = data_[pos_++];
    header |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
  }
  if (header & 1) {
    const uint64_t groups = header >> 1;
    const uint64_t declared_bytes = groups * static_cast<uint64_t>(bit_width_);
    if (groups > (uint64_t{1} << 40)) return Status::Corruption("bit-packed run too long");
    is_rle_ = false;
    packed_ = data_ + pos_;
    packed_bytes_ = std::min<uint64_t>(declared_bytes, size_ - pos_);
    packed_index_ = 0;
    // A final run may be cut short by the writer; only the values present can be read.
    run_left_ = bit_width_ == 0 ? groups * 8
                                : std::min<uint64_t>(groups * 8, packed_bytes_ * 8 / bit_width_);
    pos_ += packed_bytes_;
  } else {
    const size_t value_bytes = (static_cast<size_t>(bit_width_) + 7) / 8;
    if (size_ - pos_ < value_bytes) return Status::Corruption("RLE run value is truncated");
    uint32_t value = 0;
    for (size_t i = 0; i < value_bytes; ++i)
      value |= static_cast<uint32_t>(data_[pos_ + i]) << (8 * i);
    pos_ += value_bytes;
    if (bit_width_ < 32 && (value >> bit_width_) != 0) {
      return Status::Corruption("RLE run value " + std::to_string(value) + " exceeds bit width " +
                                std::to_string(bit_width_));
    }
    is_rle_ = true;
    rle_value_ = value;
    run_left_ = header >> 1;
  }
  return Status::OK();
}

template <typename T>
Status RleBitPackedDecoder::Decode(T* out, size_t count) {
  while (count > 0) {
    if (run_left_ == 0) {
      RETURN_NOT_OK(NextRun());
      continue;
    }
    const size_t n = static_cast<size_t>(std::min<uint64_t>(run_left_, count));
    if (is_rle_) {
      std::fill(out, out + n, static_cast<T>(rle_value_));
    } else {
      UnpackBits32(packed_, packed_bytes_, bit_width_, packed_index_, n, out);
      packed_index_ += n;
    }
    out += n;
    count -= n;
    run_left_ -= n;
  }
  return Status::OK();
}

template Status RleBitPackedDecoder::Decode<uint32_t>(uint32_t*, size_t);
template Status RleBitPackedDecoder::Decode<int16_t>(int16_t*, size_t);
template Status RleBitPackedDecoder::Decode<uint8_t>(uint8_t*, size_t);

}  // namespace mesh::format::parquet
