// RleBitPackedEncoder: the Parquet RLE/bit-packed hybrid encoding of small unsigned integers
// (definition levels and dictionary indices). Values are collected with Put() and encoded by
// Finish(): a run of at least 8 equal values becomes an RLE run, everything else is bit-packed in
// groups of 8 (the last group zero-padded, which readers ignore since they know the value count).
// Finish() returns the bare encoded runs, without the 4-byte length prefix that data page v1
// levels carry or the bit-width byte that dictionary indices carry: callers add those.
// External synchronization required.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mesh::format::parquet {

// The number of bits needed to represent `max_value` (0 for 0).
int BitWidthFor(uint64_t max_value);

class RleBitPackedEncoder {
 public:
  // `bit_width` in 0..32; every value put must fit in it.
  explicit RleBitPackedEncoder(int bit_width) : bit_width_(bit_width) {}

  void Put(uint32_t value) { values_.push_back(value); }
  size_t size() const { return values_.size(); }
  int bit_width() const { return bit_width_; }
  // An upper bound of the encoded size of the values put so far (for page size decisions).
  size_t MaxEncodedSize() const;

  // Appends the encoded runs to `out` and forgets the values.
  void Finish(std::string* out);

 private:
  size_t RunLengthAt(size_t start) const;
  void AppendRleRun(uint32_t value, size_t count, std::string* out) const;
  void AppendBitPackedRun(size_t begin, size_t end, std::string* out) const;

  int bit_width_;
  std::vector<uint32_t> values_;
};

// Appends `value` as an unsigned LEB128 varint (the run headers of this encoding).
void AppendUnsignedVarint(uint64_t value, std::string* out);

}  // namespace mesh::format::parquet
