#include "format/parquet/delta_decoder.h"

#include <string_view>

#include "format/parquet/bit_unpack.h"

namespace mesh::format::parquet {

namespace {

class ByteCursor {
 public:
  ByteCursor(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  Status ReadVarint(uint64_t* value) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= size_) return Status::Corruption("DELTA_BINARY_PACKED header is truncated");
      const uint8_t byte = data_[pos_++];
      result |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        *value = result;
        return Status::OK();
      }
    }
    return Status::Corruption("DELTA_BINARY_PACKED varint is too long");
  }
  Status ReadZigZag(int64_t* value) {
    uint64_t raw = 0;
    RETURN_NOT_OK(ReadVarint(&raw));
    *value = static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
    return Status::OK();
  }
  size_t pos() const { return pos_; }
  size_t remaining() const { return size_ - pos_; }
  const uint8_t* here() const { return data_ + pos_; }
  void Advance(size_t n) { pos_ += n; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace

Status DecodeDeltaBinaryPacked(const uint8_t* data, size_t size, size_t max_values,
                               std::vector<int64_t>* values, size_t* consumed) {
  ByteCursor in(data, size);
  uint64_t block_size = 0, miniblocks = 0, total = 0;
  int64_t first = 0;
  RETURN_NOT_OK(in.ReadVarint(&block_size));
  RETURN_NOT_OK(in.ReadVarint(&miniblocks));
  RETURN_NOT_OK(in.ReadVarint(&total));
  RETURN_NOT_OK(in.ReadZigZag(&first));
  if (block_size == 0 || block_size % 128 != 0 || block_size > (1u << 20) || miniblocks == 0 ||
      block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0) {
    return Status::Corruption("DELTA_BINARY_PACKED header has block size " +
                              std::to_string(block_size) + " with " + std::to_string(miniblocks) +
                              " miniblocks");
  }
  if (total > max_values) {
    return Status::Corruption("DELTA_BINARY_PACKED stream claims " + std::to_string(total) +
                              " values but the page holds at most " + std::to_string(max_values));
  }
  const size_t per_miniblock = block_size / miniblocks;
  values->clear();
  values->reserve(total);
  if (total > 0) values->push_back(first);
  uint64_t last = static_cast<uint64_t>(first);
  uint8_t widths[1024];
  if (miniblocks > sizeof widths) return Status::Corruption("too many miniblocks per block");
  while (values->size() < total) {
    int64_t min_delta = 0;
    RETURN_NOT_OK(in.ReadZigZag(&min_delta));
    if (in.remaining() < miniblocks) return Status::Corruption("DELTA_BINARY_PACKED truncated");
    for (size_t m = 0; m < miniblocks; ++m) widths[m] = in.here()[m];
    in.Advance(miniblocks);
    for (size_t m = 0; m < miniblocks && values->size() < total; ++m) {
      const int width = widths[m];
      if (width > 64) return Status::Corruption("DELTA_BINARY_PACKED bit width above 64");
      const size_t miniblock_bytes = per_miniblock * width / 8;
      const size_t needed = std::min<uint64_t>(per_miniblock, total - values->size());
      // The last miniblock should be padded; accept a body cut after the values it holds.
      const size_t present = std::min(miniblock_bytes, in.remaining());
      if (present * 8 < needed * static_cast<size_t>(width)) {
        return Status::Corruption("DELTA_BINARY_PACKED miniblock is truncated");
      }
      for (size_t i = 0; i < needed; ++i) {
        last += static_cast<uint64_t>(min_delta) + UnpackOne(in.here(), present, width, i);
        values->push_back(static_cast<int64_t>(last));
      }
      in.Advance(present);
    }
  }
  *consumed = in.pos();
  return Status::OK();
}

Status DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, size_t count,
                                  ByteArrayAppender out) {
  std::vector<int64_t> lengths;
  size_t consumed = 0;
  RETURN_NOT_OK(DecodeDeltaBinaryPacked(data, size, count, &lengths, &consumed));
  if (lengths.size() != count) {
    return Status::Corruption("DELTA_LENGTH_BYTE_ARRAY holds " + std::to_string(lengths.size()) +
                              " lengths for " + std::to_string(count) + " values");
  }
  size_t pos = consumed;
  uint64_t end = out.bytes->size();
  for (int64_t length : lengths) {
    if (length < 0 || static_cast<uint64_t>(length) > size - pos) {
      return Status::Corruption("DELTA_LENGTH_BYTE_ARRAY value length " + std::to_string(length) +
                                " exceeds the page");
    }
    pos += length;
  }
  out.bytes->append(reinterpret_cast<const char*>(data) + consumed, pos - consumed);
  for (int64_t length : lengths) {
    end += length;
    out.ends->push_back(end);
  }
  return Status::OK();
}

Status DecodeDeltaByteArray(const uint8_t* data, size_t size, size_t count, int fixed_length,
                            ByteArrayAppender out) {
  std::vector<int64_t> prefixes;
  size_t consumed = 0;
  RETURN_NOT_OK(DecodeDeltaBinaryPacked(data, size, count, &prefixes, &consumed));
  if (prefixes.size() != count) {
    return Status::Corruption("DELTA_BYTE_ARRAY holds " + std::to_string(prefixes.size()) +
                              " prefix lengths for " + std::to_string(count) + " values");
  }
  std::vector<uint64_t> suffix_ends;
  std::string suffixes;
  RETURN_NOT_OK(DecodeDeltaLengthByteArray(data + consumed, size - consumed, count,
                                           ByteArrayAppender{&suffix_ends, &suffixes}));
  uint64_t previous_begin = 0, previous_length = 0, suffix_begin = 0;
  for (size_t i = 0; i < count; ++i) {
    const int64_t prefix = prefixes[i];
    if (prefix < 0 || static_cast<uint64_t>(prefix) > previous_length) {
      return Status::Corruption("DELTA_BYTE_ARRAY prefix length " + std::to_string(prefix) +
                                " exceeds the previous value's length " +
                                std::to_string(previous_length));
    }
    const uint64_t suffix_length = suffix_ends[i] - suffix_begin;
    const uint64_t begin = out.bytes->size();
    if (begin + prefix + suffix_length > out.max_bytes) {
      return Status::ResourceExhausted("DELTA_BYTE_ARRAY values exceed the column chunk limit of " +
                                       std::to_string(out.max_bytes) + " bytes");
    }
    // The prefix lies in the output already (the previous value): reserve first so that the
    // source stays valid while appending.
    out.bytes->reserve(begin + prefix + suffix_length);
    out.bytes->append(out.bytes->data() + previous_begin, prefix);
    out.bytes->append(suffixes, suffix_begin, suffix_length);
    suffix_begin = suffix_ends[i];
    previous_begin = begin;
    previous_length = prefix + suffix_length;
    if (fixed_length >= 0 && previous_length != static_cast<uint64_t>(fixed_length)) {
      return Status::Corruption("DELTA_BYTE_ARRAY value of " + std::to_string(previous_length) +
                                " bytes in a FIXED_LEN_BYTE_ARRAY(" + std::to_string(fixed_length) +
                                ") column");
    }
    out.ends->push_back(out.bytes->size());
  }
  return Status::OK();
}

}  // namespace mesh::format::parquet
