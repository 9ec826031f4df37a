#include "format/parquet/compression.h"

#include <brotli/decode.h>
#include <lz4.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <climits>

namespace mesh::format::parquet {

namespace {

Status SizeMismatch(CompressionCodec codec, size_t got, size_t want) {
  return Status::Corruption(CodecName(codec) + " page decompresses to " + std::to_string(got) +
                            " bytes but its header declares " + std::to_string(want));
}

Status DecompressSnappy(std::string_view input, std::string* output) {
  size_t length = 0;
  if (!snappy::GetUncompressedLength(input.data(), input.size(), &length)) {
    return Status::Corruption("SNAPPY page is not valid Snappy data");
  }
  if (length != output->size()) {
    return SizeMismatch(CompressionCodec::kSnappy, length, output->size());
  }
  if (!snappy::RawUncompress(input.data(), input.size(), output->data())) {
    return Status::Corruption("SNAPPY page is not valid Snappy data");
  }
  return Status::OK();
}

// Inflates gzip or zlib members one after another until the input ends (some writers emit
// several gzip members for one page).
Status DecompressGzip(std::string_view input, std::string* output) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.next_out = reinterpret_cast<Bytef*>(output->data());
  size_t in_left = input.size();
  size_t out_left = output->size();
  Status status;
  while (true) {
    const uInt in_chunk = static_cast<uInt>(std::min<size_t>(in_left, UINT_MAX));
    const uInt out_chunk = static_cast<uInt>(std::min<size_t>(out_left, UINT_MAX));
    stream.avail_in = in_chunk;
    stream.avail_out = out_chunk;
    const int rc = inflate(&stream, Z_NO_FLUSH);
    in_left -= in_chunk - stream.avail_in;
    out_left -= out_chunk - stream.avail_out;
    if (rc == Z_STREAM_END) {
      if (in_left == 0) break;
      // Another member follows (skip zero padding some writers add).
      if (static_cast<uint8_t>(*stream.next_in) == 0) break;
      if (inflateReset(&stream) != Z_OK) {
        status = Status::Corruption("GZIP page: cannot start the next member");
        break;
      }
      continue;
    }
    if (rc == Z_OK) continue;  // progress was made
    if (rc == Z_BUF_ERROR) {
      status = out_left == 0
                   ? Status::Corruption("GZIP page decompresses to more bytes than declared")
                   : Status::Corruption("GZIP page is truncated");
      break;
    }
    status = Status::Corruption(std::string("GZIP page is not valid deflate data") +
                                (stream.msg ? std::string(": ") + stream.msg : ""));
    break;
  }
  inflateEnd(&stream);
  RETURN_NOT_OK(status);
  if (out_left != 0) {
    return SizeMismatch(CompressionCodec::kGzip, output->size() - out_left, output->size());
  }
  return Status::OK();
}

Status DecompressZstd(std::string_view input, std::string* output) {
  const size_t rc = ZSTD_decompress(output->data(), output->size(), input.data(), input.size());
  if (ZSTD_isError(rc)) {
    return Status::Corruption(std::string("ZSTD page: ") + ZSTD_getErrorName(rc));
  }
  if (rc != output->size()) return SizeMismatch(CompressionCodec::kZstd, rc, output->size());
  return Status::OK();
}

Status DecompressLz4Raw(std::string_view input, std::string* output) {
  if (input.size() > INT_MAX || output->size() > INT_MAX) {
    return Status::NotSupported("LZ4_RAW page larger than 2 GiB");
  }
  const int rc = LZ4_decompress_safe(input.data(), output->data(), static_cast<int>(input.size()),
                                     static_cast<int>(output->size()));
  if (rc < 0) return Status::Corruption("LZ4_RAW page is not valid LZ4 block data");
  if (static_cast<size_t>(rc) != output->size()) {
    return SizeMismatch(CompressionCodec::kLz4Raw, rc, output->size());
  }
  return Status::OK();
}

Status DecompressBrotli(std::string_view input, std::string* output) {
  size_t decoded = output->size();
  const BrotliDecoderResult rc =
      BrotliDecoderDecompress(input.size(), reinterpret_cast<const uint8_t*>(input.data()),
                              &decoded, reinterpret_cast<uint8_t*>(output->data()));
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) {
    return Status::Corruption(
        "BROTLI page is not valid Brotli data or decompresses to more bytes than declared");
  }
  if (decoded != output->size()) {
    return SizeMismatch(CompressionCodec::kBrotli, decoded, output->size());
  }
  return Status::OK();
}

}  // namespace

bool IsSupportedCodec(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
    case CompressionCodec::kSnappy:
    case CompressionCodec::kGzip:
    case CompressionCodec::kZstd:
    case CompressionCodec::kLz4Raw:
    case CompressionCodec::kBrotli:
      return true;
    default:
      return false;
  }
}

Status Decompress(CompressionCodec codec, std::string_view input, size_t uncompressed_size,
                  std::string* output) {
  output->resize(uncompressed_size);
  switch (codec) {
    case CompressionCodec::kUncompressed:
      if (input.size() != uncompressed_size) {
        return SizeMismatch(codec, input.size(), uncompressed_size);
      }
      output->assign(input);
      return Status::OK();
    case CompressionCodec::kSnappy:
      return DecompressSnappy(input, output);
    case CompressionCodec::kGzip:
      return DecompressGzip(input, output);
    case CompressionCodec::kZstd:
      return DecompressZstd(input, output);
    case CompressionCodec::kLz4Raw:
      return DecompressLz4Raw(input, output);
    case CompressionCodec::kBrotli:
      return DecompressBrotli(input, output);
    case CompressionCodec::kLz4:
      return Status::NotSupported(
          "compression codec LZ4 (the deprecated Hadoop framing) is not supported; rewrite the "
          "file with LZ4_RAW, ZSTD or SNAPPY");
    default:
      return Status::NotSupported("compression codec " + CodecName(codec) +
                                  " is not supported; rewrite the file with ZSTD or SNAPPY");
  }
}

}  // namespace mesh::format::parquet
