// Page decompression for the Parquet codecs: UNCOMPRESSED, SNAPPY, GZIP (zlib; concatenated
// members too), ZSTD, LZ4_RAW and BROTLI. The caller states the exact decompressed size (from the
// page header, already checked against its limits); output that is shorter or would be longer is
// Corruption, so a page never allocates more than it declared. LZO and the deprecated Hadoop LZ4
// framing are NotSupported. Stateless functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "format/parquet/metadata.h"

namespace mesh::format::parquet {

// Decompresses `input` into `*output` (resized to `uncompressed_size`).
Status Decompress(CompressionCodec codec, std::string_view input, size_t uncompressed_size,
                  std::string* output);

// True for the codecs Decompress handles.
bool IsSupportedCodec(CompressionCodec codec);

}  // namespace mesh::format::parquet
