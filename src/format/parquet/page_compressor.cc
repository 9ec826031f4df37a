#include "format/parquet/page_compressor.h"

#include <snappy.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>

namespace mesh::format::parquet {

struct PageCompressor::ZstdContext {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ~ZstdContext() { ZSTD_freeCCtx(context); }
};

std::string_view ParquetCompressionName(ParquetCompression compression) {
  switch (compression) {
    case ParquetCompression::kUncompressed:
      return "uncompressed";
    case ParquetCompression::kSnappy:
      return "snappy";
    case ParquetCompression::kZstd:
      return "zstd";
  }
  return "unknown";
}

std::optional<ParquetCompression> ParseParquetCompression(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (auto candidate : {ParquetCompression::kUncompressed, ParquetCompression::kSnappy,
                         ParquetCompression::kZstd}) {
    if (lower == ParquetCompressionName(candidate)) return candidate;
  }
  return std::nullopt;
}

PageCompressor::PageCompressor(ParquetCompression compression, int zstd_level)
    : compression_(compression), zstd_level_(zstd_level) {}

PageCompressor::~PageCompressor() = default;

Status PageCompressor::Compress(std::string_view input, std::string* out) {
  switch (compression_) {
    case ParquetCompression::kUncompressed:
      out->assign(input);
      return Status::OK();
    case ParquetCompression::kSnappy:
      out->clear();
      snappy::Compress(input.data(), input.size(), out);
      return Status::OK();
    case ParquetCompression::kZstd:
      return CompressZstd(input, out);
  }
  return Status::Internal("unknown Parquet compression");
}

Status PageCompressor::CompressZstd(std::string_view input, std::string* out) {
  if (!zstd_) zstd_ = std::make_unique<ZstdContext>();
  if (zstd_->context == nullptr) return Status::ResourceExhausted("cannot create a zstd context");
  out->resize(ZSTD_compressBound(input.size()));
  size_t written = ZSTD_compressCCtx(zstd_->context, out->data(), out->size(), input.data(),
                                     input.size(), zstd_level_);
  if (ZSTD_isError(written)) {
    return Status::Internal(std::string("zstd compression failed: ") + ZSTD_getErrorName(written));
  }
  out->resize(written);
  return Status::OK();
}

}  // namespace mesh::format::parquet
