// Decoders for Parquet's DELTA_BINARY_PACKED (INT32/INT64), DELTA_LENGTH_BYTE_ARRAY and
// DELTA_BYTE_ARRAY (BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY) encodings. All sizes and counts read from
// the data are checked against the bytes present and the caller's `max_values` before any
// allocation; arithmetic wraps as the format specifies. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace mesh::format::parquet {

// Decodes one DELTA_BINARY_PACKED stream (header + blocks) from `data`. `values` receives every
// value the header announces (at most `max_values`, else Corruption); `*consumed` the stream's
// length in bytes.
Status DecodeDeltaBinaryPacked(const uint8_t* data, size_t size, size_t max_values,
                               std::vector<int64_t>* values, size_t* consumed);

// Byte-array values appended as (end offsets, bytes): value i spans
// [offsets_before_i, offsets[i]) of `bytes`.
struct ByteArrayAppender {
  std::vector<uint64_t>* ends;
  std::string* bytes;
  uint64_t max_bytes = UINT64_MAX;  // `bytes` may not grow beyond this (ResourceExhausted)
};

// DELTA_LENGTH_BYTE_ARRAY: lengths (DELTA_BINARY_PACKED) then the concatenated values.
// Exactly `count` values are appended.
Status DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, size_t count,
                                  ByteArrayAppender out);

// DELTA_BYTE_ARRAY: prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; each value is the
// previous value's prefix plus its suffix. `fixed_length` >= 0 requires every value to have
// that length (FIXED_LEN_BYTE_ARRAY).
Status DecodeDeltaByteArray(const uint8_t* data, size_t size, size_t count, int fixed_length,
                            ByteArrayAppender out);

}  // namespace mesh::format::parquet
