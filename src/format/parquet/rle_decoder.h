// RleBitPackedDecoder: Parquet's RLE / bit-packed hybrid encoding, used for definition and
// repetition levels, dictionary indices and RLE-encoded booleans. Reads only inside the given
// buffer; a run that claims more bytes than remain is cut to what is there and running out of
// values is Corruption. Bit widths 0..32. External synchronization required.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/status.h"

namespace mesh::format::parquet {

class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width);

  // Decodes exactly `count` values into `out` (T = uint32_t, int16_t or uint8_t).
  template <typename T>
  Status Decode(T* out, size_t count);

  // Bytes of the input read so far.
  size_t bytes_consumed() const { return pos_; }

 private:
  Status NextRun();

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  int bit_width_;
  bool is_rle_ = false;
  uint64_t run_left_ = 0;  // values left in the current run
  uint32_t rle_value_ = 0;
  const uint8_t* packed_ = nullptr;  // bit-packed run data
  size_t packed_bytes_ = 0;
  size_t packed_index_ = 0;  // next value within the packed run
};

}  // namespace mesh::format::parquet
