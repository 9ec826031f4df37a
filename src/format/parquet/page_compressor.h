// PageCompressor: compresses Parquet page bodies with the column chunk's codec (UNCOMPRESSED,
// SNAPPY or ZSTD). Holds a reusable zstd context, so one instance serves a whole file.
// External synchronization required.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mesh::format::parquet {

enum class ParquetCompression { kUncompressed, kSnappy, kZstd };

// "uncompressed", "snappy", "zstd".
std::string_view ParquetCompressionName(ParquetCompression compression);
// Accepts the names above, case-insensitively; nullopt otherwise.
std::optional<ParquetCompression> ParseParquetCompression(std::string_view name);

class PageCompressor {
 public:
  // `zstd_level`: 1 (fastest) .. 19; used only for ZSTD.
  PageCompressor(ParquetCompression compression, int zstd_level);
  ~PageCompressor();
  PageCompressor(const PageCompressor&) = delete;
  PageCompressor& operator=(const PageCompressor&) = delete;

  ParquetCompression compression() const { return compression_; }
  // Replaces `out` with the compressed `input` (a copy when uncompressed).
  Status Compress(std::string_view input, std::string* out);

 private:
  Status CompressZstd(std::string_view input, std::string* out);

  ParquetCompression compression_;
  int zstd_level_;
  struct ZstdContext;
  std::unique_ptr<ZstdContext> zstd_;
};

}  // namespace mesh::format::parquet
