#include "format/parquet/column_chunk_decoder.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "format/parquet/bit_unpack.h"
#include "format/parquet/compression.h"
#include "format/parquet/delta_decoder.h"
#include "format/parquet/rle_decoder.h"

namespace mesh::format::parquet {

namespace {

const uint8_t* Bytes(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }

uint32_t LoadU32(std::string_view s) {
  uint32_t v = 0;
  std::memcpy(&v, s.data(), 4);
  return v;
}

// Bytes of fixed-width storage per value; 0 for BYTE_ARRAY.
size_t FixedWidth(PhysicalType type, int32_t type_length) {
  switch (type) {
    case PhysicalType::kBoolean:
      return 1;
    case PhysicalType::kInt32:
    case PhysicalType::kFloat:
      return 4;
    case PhysicalType::kInt64:
    case PhysicalType::kDouble:
      return 8;
    case PhysicalType::kInt96:
      return 12;
    case PhysicalType::kFixedLenByteArray:
      return static_cast<size_t>(type_length);
    case PhysicalType::kByteArray:
      return 0;
  }
  return 0;
}

// Moves the first `dense` values of `slots` (n slots) to the slots whose `valid` flag is set,
// zeroing the others, working backwards so that it can be done in place.
template <typename T>
void ExpandSpaced(T* slots, size_t n, size_t dense, const uint8_t* valid) {
  size_t j = dense;
  for (size_t i = n; i-- > 0;) {
    if (valid[i]) {
      slots[i] = slots[--j];
    } else {
      slots[i] = T{};
    }
  }
}

void ExpandSpacedBytes(char* slots, size_t width, size_t n, size_t dense, const uint8_t* valid) {
  size_t j = dense;
  for (size_t i = n; i-- > 0;) {
    if (valid[i]) {
      --j;
      if (i != j) std::memmove(slots + i * width, slots + j * width, width);
    } else {
      std::memset(slots + i * width, 0, width);
    }
  }
}

// `ends` holds `dense` end offsets after `base`; expand to n ends (a null row repeats the
// previous end).
void ExpandSpacedEnds(uint64_t* ends, uint64_t base, size_t n, size_t dense, const uint8_t* valid) {
  size_t j = dense;
  for (size_t i = n; i-- > 0;) {
    if (valid[i]) {
      ends[i] = ends[--j];
    } else {
      ends[i] = j > 0 ? ends[j - 1] : base;
    }
  }
}

class ChunkDecoder {
 public:
  ChunkDecoder(const ColumnDescriptor& column, const ColumnMetaData& meta, int64_t num_rows,
               const ParquetReadLimits& limits, ColumnValues* out)
      : column_(column), meta_(meta), num_rows_(num_rows), limits_(limits), out_(out) {}

  Status Run(std::string_view chunk);

 private:
  Status Prepare();
  Status DecodePage(const PageHeader& header, std::string_view page);
  Status DecodeDictionaryPage(const PageHeader& header, std::string_view page);
  Status DecodeDataPageV1(const PageHeader& header, std::string_view page);
  Status DecodeDataPageV2(const PageHeader& header, std::string_view page);
  Result<std::string_view> Decompressed(std::string_view input, int64_t uncompressed_size);
  Status DecodeLevels(Encoding encoding, std::string_view data, size_t n, size_t* consumed,
                      bool length_prefixed);
  Status CheckLevels(size_t n, size_t* non_null);
  Status DecodeValues(Encoding encoding, std::string_view data, size_t n, size_t non_null);
  Status DecodePlain(std::string_view data, size_t count, ColumnValues* target, size_t start);
  Status DecodeDictionaryIndices(std::string_view data, size_t count, size_t start);
  Status DecodeRleBooleans(std::string_view data, size_t count, size_t start);
  Status DecodeDeltaInts(std::string_view data, size_t count, size_t start);
  Status DecodeDeltaBytes(Encoding encoding, std::string_view data, size_t count, size_t start);
  Status DecodeByteStreamSplit(std::string_view data, size_t count, size_t start);
  void Expand(size_t start, size_t n, size_t non_null);
  Status CheckBudget() const;
  // Dense storage for `count` fixed-width values at row `start` (resizes the column).
  uint8_t* FixedSlots(ColumnValues* target, size_t start, size_t count);

  const ColumnDescriptor& column_;
  const ColumnMetaData& meta_;
  const int64_t num_rows_;
  const ParquetReadLimits& limits_;
  ColumnValues* out_;
  size_t width_ = 0;  // fixed width, 0 for BYTE_ARRAY
  size_t rows_done_ = 0;
  bool has_dictionary_ = false;
  ColumnValues dictionary_;
  std::string decompressed_;
  std::vector<int16_t> levels_;
  std::vector<uint32_t> indices_;
};

Status ChunkDecoder::Prepare() {
  out_->Clear();
  out_->type = column_.physical_type;
  out_->type_length = column_.type_length;
  width_ = FixedWidth(column_.physical_type, column_.type_length);
  if (num_rows_ < 0) return Status::Corruption("row group has a negative row count");
  const uint64_t slot_bytes = (width_ == 0 ? 8 : width_) + (column_.max_definition_level ? 1 : 0);
  if (static_cast<uint64_t>(num_rows_) > limits_.max_column_chunk_bytes / slot_bytes) {
    return Status::ResourceExhausted("row group claims " + std::to_string(num_rows_) +
                                     " rows, beyond the column chunk limit of " +
                                     std::to_string(limits_.max_column_chunk_bytes) + " bytes");
  }
  // Reserve what the footer claims only while it is moderate; otherwise grow with the pages.
  if (static_cast<uint64_t>(num_rows_) * slot_bytes <= (64u << 20)) {
    const size_t rows = static_cast<size_t>(num_rows_);
    if (column_.max_definition_level > 0) out_->valid.reserve(rows);
    switch (column_.physical_type) {
      case PhysicalType::kBoolean:
        out_->bools.reserve(rows);
        break;
      case PhysicalType::kInt32:
        out_->i32.reserve(rows);
        break;
      case PhysicalType::kInt64:
        out_->i64.reserve(rows);
        break;
      case PhysicalType::kFloat:
        out_->f32.reserve(rows);
        break;
      case PhysicalType::kDouble:
        out_->f64.reserve(rows);
        break;
      case PhysicalType::kByteArray:
        out_->offsets.reserve(rows + 1);
        break;
      default:
        out_->bytes.reserve(rows * width_);
        break;
    }
  }
  if (column_.physical_type == PhysicalType::kByteArray) out_->offsets.assign(1, 0);
  return Status::OK();
}

Status ChunkDecoder::CheckBudget() const {
  const uint64_t used =
      out_->bytes.size() + out_->offsets.size() * 8 + out_->valid.size() + dictionary_.bytes.size();
  if (used > limits_.max_column_chunk_bytes) {
    return Status::ResourceExhausted("column chunk decodes to more than " +
                                     std::to_string(limits_.max_column_chunk_bytes) + " bytes");
  }
  return Status::OK();
}

Status ChunkDecoder::Run(std::string_view chunk) {
  RETURN_NOT_OK(Prepare());
  size_t pos = 0;
  int page_number = 0;
  while (rows_done_ < static_cast<size_t>(num_rows_)) {
    if (pos >= chunk.size()) {
      return Status::Corruption("column chunk ends after " + std::to_string(rows_done_) + " of " +
                                std::to_string(num_rows_) + " rows");
    }
    size_t header_size = 0;
    Result<PageHeader> header = DecodePageHeader(chunk.substr(pos), &header_size);
    if (!header.ok()) {
      return header.status().WithContext("page " + std::to_string(page_number) + " at chunk byte " +
                                         std::to_string(pos));
    }
    pos += header_size;
    const PageHeader& h = *header;
    if (h.compressed_page_size < 0 || h.uncompressed_page_size < 0 ||
        static_cast<uint64_t>(h.compressed_page_size) > chunk.size() - pos) {
      return Status::Corruption("page " + std::to_string(page_number) + " claims " +
                                std::to_string(h.compressed_page_size) +
                                " bytes but its column "
                                "chunk has only " +
                                std::to_string(chunk.size() - pos) + " left");
    }
    if (static_cast<uint64_t>(h.uncompressed_page_size) > limits_.max_page_bytes) {
      return Status::ResourceExhausted("page " + std::to_string(page_number) + " claims " +
                                       std::to_string(h.uncompressed_page_size) +
                                       " decompressed bytes, above the limit of " +
                                       std::to_string(limits_.max_page_bytes));
    }
    const std::string_view page = chunk.substr(pos, h.compressed_page_size);
    pos += h.compressed_page_size;
    if (h.crc && limits_.verify_page_checksums) {
      const uint32_t actual =
          static_cast<uint32_t>(crc32(0, Bytes(page), static_cast<uInt>(page.size())));
      if (actual != static_cast<uint32_t>(*h.crc)) {
        return Status::Corruption("page " + std::to_string(page_number) +
                                  " fails its CRC-32 check (the data is damaged)");
      }
    }
    Status status = DecodePage(h, page);
    if (!status.ok()) {
      return status.WithContext("page " + std::to_string(page_number) + " (" +
                                PageTypeName(h.type) + ")");
    }
    RETURN_NOT_OK(CheckBudget());
    ++page_number;
  }
  out_->num_rows = rows_done_;
  return Status::OK();
}

Status ChunkDecoder::DecodePage(const PageHeader& header, std::string_view page) {
  switch (header.type) {
    case PageType::kDictionaryPage:
      return DecodeDictionaryPage(header, page);
    case PageType::kDataPage:
      return DecodeDataPageV1(header, page);
    case PageType::kDataPageV2:
      return DecodeDataPageV2(header, page);
    default:
      return Status::OK();  // index pages and unknown page types carry no values
  }
}

Result<std::string_view> ChunkDecoder::Decompressed(std::string_view input,
                                                    int64_t uncompressed_size) {
  if (uncompressed_size < 0) return Status::Corruption("negative decompressed size");
  if (meta_.codec == CompressionCodec::kUncompressed) {
    if (input.size() != static_cast<uint64_t>(uncompressed_size)) {
      return Status::Corruption("uncompressed page of " + std::to_string(input.size()) +
                                " bytes declares " + std::to_string(uncompressed_size));
    }
    return input;
  }
  if (uncompressed_size == 0 && input.empty()) return std::string_view();
  RETURN_NOT_OK(
      Decompress(meta_.codec, input, static_cast<size_t>(uncompressed_size), &decompressed_));
  return std::string_view(decompressed_);
}

Status ChunkDecoder::DecodeDictionaryPage(const PageHeader& header, std::string_view page) {
  if (!header.dictionary_page_header) return Status::Corruption("missing dictionary header");
  if (has_dictionary_ || rows_done_ > 0) {
    return Status::Corruption("a second dictionary page, or one after data pages");
  }
  const DictionaryPageHeader& d = *header.dictionary_page_header;
  if (d.encoding != Encoding::kPlain && d.encoding != Encoding::kPlainDictionary) {
    return Status::NotSupported("dictionary page encoding " + EncodingName(d.encoding));
  }
  if (d.num_values < 0) return Status::Corruption("negative dictionary size");
  ASSIGN_OR_RAISE(std::string_view data, Decompressed(page, header.uncompressed_page_size));
  dictionary_.Clear();
  dictionary_.type = column_.physical_type;
  dictionary_.type_length = column_.type_length;
  if (column_.physical_type == PhysicalType::kByteArray) dictionary_.offsets.assign(1, 0);
  RETURN_NOT_OK(DecodePlain(data, static_cast<size_t>(d.num_values), &dictionary_, 0));
  dictionary_.num_rows = static_cast<size_t>(d.num_values);
  has_dictionary_ = true;
  return Status::OK();
}

Status ChunkDecoder::CheckLevels(size_t n, size_t* non_null) {
  const int16_t max = column_.max_definition_level;
  size_t count = 0;
  bool bad = false;
  for (size_t i = 0; i < n; ++i) {
    count += levels_[i] == max;
    bad |= levels_[i] < 0 || levels_[i] > max;
  }
  if (bad) {
    return Status::Corruption("definition level above the column's maximum of " +
                              std::to_string(max));
  }
  *non_null = count;
  out_->valid.resize(rows_done_ + n);
  uint8_t* valid = out_->valid.data() + rows_done_;
  for (size_t i = 0; i < n; ++i) valid[i] = levels_[i] == max;
  return Status::OK();
}

Status ChunkDecoder::DecodeLevels(Encoding encoding, std::string_view data, size_t n,
                                  size_t* consumed, bool length_prefixed) {
  const int bit_width = BitWidthFor(static_cast<uint64_t>(column_.max_definition_level));
  levels_.resize(n);
  if (encoding == Encoding::kRle) {
    size_t offset = 0, length = data.size();
    if (length_prefixed) {
      if (data.size() < 4) return Status::Corruption("definition levels are truncated");
      length = LoadU32(data);
      offset = 4;
      if (length > data.size() - 4) {
        return Status::Corruption("definition levels claim " + std::to_string(length) +
                                  " bytes but the page has " + std::to_string(data.size() - 4));
      }
    }
    RleBitPackedDecoder decoder(Bytes(data) + offset, length, bit_width);
    RETURN_NOT_OK(decoder.Decode(levels_.data(), n).WithContext("definition levels"));
    *consumed = offset + length;
    return Status::OK();
  }
  if (encoding == Encoding::kBitPacked) {  // deprecated: MSB-first, no length prefix
    const uint64_t bytes = (static_cast<uint64_t>(n) * bit_width + 7) / 8;
    if (bytes > data.size()) return Status::Corruption("BIT_PACKED levels are truncated");
    const uint8_t* p = Bytes(data);
    for (size_t i = 0; i < n; ++i) {
      int value = 0;
      for (int b = 0; b < bit_width; ++b) {
        const size_t bit = i * bit_width + b;
        value = (value << 1) | ((p[bit >> 3] >> (7 - (bit & 7))) & 1);
      }
      levels_[i] = static_cast<int16_t>(value);
    }
    *consumed = bytes;
    return Status::OK();
  }
  return Status::NotSupported("definition level encoding " + EncodingName(encoding));
}

Status ChunkDecoder::DecodeDataPageV1(const PageHeader& header, std::string_view page) {
  if (!header.data_page_header) return Status::Corruption("missing data page header");
  const DataPageHeader& d = *header.data_page_header;
  if (d.num_values < 0 ||
      static_cast<uint64_t>(d.num_values) > static_cast<uint64_t>(num_rows_) - rows_done_) {
    return Status::Corruption("page holds " + std::to_string(d.num_values) + " values but only " +
                              std::to_string(static_cast<uint64_t>(num_rows_) - rows_done_) +
                              " rows of the row group remain");
  }
  const size_t n = static_cast<size_t>(d.num_values);
  ASSIGN_OR_RAISE(std::string_view data, Decompressed(page, header.uncompressed_page_size));
  size_t non_null = n;
  if (column_.max_definition_level > 0) {
    size_t consumed = 0;
    RETURN_NOT_OK(DecodeLevels(d.definition_level_encoding, data, n, &consumed, true));
    data.remove_prefix(consumed);
    RETURN_NOT_OK(CheckLevels(n, &non_null));
  }
  return DecodeValues(d.encoding, data, n, non_null);
}

Status ChunkDecoder::DecodeDataPageV2(const PageHeader& header, std::string_view page) {
  if (!header.data_page_header_v2) return Status::Corruption("missing data page v2 header");
  const DataPageHeaderV2& d = *header.data_page_header_v2;
  if (d.num_values < 0 ||
      static_cast<uint64_t>(d.num_values) > static_cast<uint64_t>(num_rows_) - rows_done_) {
    return Status::Corruption("page holds " + std::to_string(d.num_values) + " values but only " +
                              std::to_string(static_cast<uint64_t>(num_rows_) - rows_done_) +
                              " rows of the row group remain");
  }
  const int64_t levels_bytes =
      static_cast<int64_t>(d.repetition_levels_byte_length) + d.definition_levels_byte_length;
  if (d.repetition_levels_byte_length < 0 || d.definition_levels_byte_length < 0 ||
      levels_bytes > static_cast<int64_t>(page.size()) ||
      levels_bytes > header.uncompressed_page_size) {
    return Status::Corruption("level lengths exceed the page");
  }
  const size_t n = static_cast<size_t>(d.num_values);
  size_t non_null = n;
  if (column_.max_definition_level > 0) {
    size_t consumed = 0;
    RETURN_NOT_OK(
        DecodeLevels(Encoding::kRle,
                     page.substr(d.repetition_levels_byte_length, d.definition_levels_byte_length),
                     n, &consumed, false));
    RETURN_NOT_OK(CheckLevels(n, &non_null));
  }
  std::string_view values = page.substr(levels_bytes);
  const int64_t values_size = header.uncompressed_page_size - levels_bytes;
  std::string_view data;
  if (d.is_compressed) {
    ASSIGN_OR_RAISE(data, Decompressed(values, values_size));
  } else {
    if (values.size() != static_cast<uint64_t>(values_size)) {
      return Status::Corruption("uncompressed values section size differs from the header");
    }
    data = values;
  }
  return DecodeValues(d.encoding, data, n, non_null);
}

uint8_t* ChunkDecoder::FixedSlots(ColumnValues* target, size_t start, size_t count) {
  const size_t end = start + count;
  switch (column_.physical_type) {
    case PhysicalType::kBoolean:
      target->bools.resize(end);
      return target->bools.data() + start;
    case PhysicalType::kInt32:
      target->i32.resize(end);
      return reinterpret_cast<uint8_t*>(target->i32.data() + start);
    case PhysicalType::kInt64:
      target->i64.resize(end);
      return reinterpret_cast<uint8_t*>(target->i64.data() + start);
    case PhysicalType::kFloat:
      target->f32.resize(end);
      return reinterpret_cast<uint8_t*>(target->f32.data() + start);
    case PhysicalType::kDouble:
      target->f64.resize(end);
      return reinterpret_cast<uint8_t*>(target->f64.data() + start);
    default:
      target->bytes.resize(end * width_);
      return reinterpret_cast<uint8_t*>(target->bytes.data()) + start * width_;
  }
}

Status ChunkDecoder::DecodePlain(std::string_view data, size_t count, ColumnValues* target,
                                 size_t start) {
  const PhysicalType type = column_.physical_type;
  if (type == PhysicalType::kBoolean) {
    if ((count + 7) / 8 > data.size()) return Status::Corruption("PLAIN booleans are truncated");
    uint8_t* slots = FixedSlots(target, start, count);
    const uint8_t* p = Bytes(data);
    for (size_t i = 0; i < count; ++i) slots[i] = (p[i >> 3] >> (i & 7)) & 1;
    return Status::OK();
  }
  if (type == PhysicalType::kByteArray) {
    if (count > data.size() / 4) {
      return Status::Corruption("PLAIN page claims " + std::to_string(count) + " byte arrays in " +
                                std::to_string(data.size()) + " bytes");
    }
    target->bytes.reserve(target->bytes.size() + data.size());
    size_t pos = 0;
    for (size_t i = 0; i < count; ++i) {
      if (data.size() - pos < 4) return Status::Corruption("PLAIN byte array is truncated");
      const uint32_t length = LoadU32(data.substr(pos));
      pos += 4;
      if (length > data.size() - pos) {
        return Status::Corruption("PLAIN byte array of " + std::to_string(length) +
                                  " bytes exceeds the page");
      }
      target->bytes.append(data.data() + pos, length);
      pos += length;
      target->offsets.push_back(target->bytes.size());
    }
    return Status::OK();
  }
  if (count > data.size() / width_) {
    return Status::Corruption("PLAIN page claims " + std::to_string(count) + " values of " +
                              std::to_string(width_) + " bytes in " + std::to_string(data.size()) +
                              " bytes");
  }
  uint8_t* slots = FixedSlots(target, start, count);
  if (count > 0) std::memcpy(slots, data.data(), count * width_);
  return Status::OK();
}

Status ChunkDecoder::DecodeDictionaryIndices(std::string_view data, size_t count, size_t start) {
  if (!has_dictionary_) return Status::Corruption("dictionary-encoded page without a dictionary");
  if (count == 0) return Status::OK();
  if (data.empty()) return Status::Corruption("dictionary indices are missing");
  const int bit_width = static_cast<uint8_t>(data[0]);
  if (bit_width > 32) {
    return Status::Corruption("dictionary index bit width " + std::to_string(bit_width));
  }
  indices_.resize(count);
  RleBitPackedDecoder decoder(Bytes(data) + 1, data.size() - 1, bit_width);
  RETURN_NOT_OK(decoder.Decode(indices_.data(), count).WithContext("dictionary indices"));
  uint32_t max_index = 0;
  for (uint32_t index : indices_) max_index = std::max(max_index, index);
  if (max_index >= dictionary_.num_rows) {
    return Status::Corruption("dictionary index " + std::to_string(max_index) +
                              " beyond the dictionary's " + std::to_string(dictionary_.num_rows) +
                              " entries");
  }
  const uint32_t* idx = indices_.data();
  switch (column_.physical_type) {
    case PhysicalType::kBoolean: {
      uint8_t* slots = FixedSlots(out_, start, count);
      for (size_t i = 0; i < count; ++i) slots[i] = dictionary_.bools[idx[i]];
      return Status::OK();
    }
    case PhysicalType::kInt32: {
      auto* slots = reinterpret_cast<int32_t*>(FixedSlots(out_, start, count));
      for (size_t i = 0; i < count; ++i) slots[i] = dictionary_.i32[idx[i]];
      return Status::OK();
    }
    case PhysicalType::kInt64: {
      auto* slots = reinterpret_cast<int64_t*>(FixedSlots(out_, start, count));
      for (size_t i = 0; i < count; ++i) slots[i] = dictionary_.i64[idx[i]];
      return Status::OK();
    }
    case PhysicalType::kFloat: {
      auto* slots = reinterpret_cast<float*>(FixedSlots(out_, start, count));
      for (size_t i = 0; i < count; ++i) slots[i] = dictionary_.f32[idx[i]];
      return Status::OK();
    }
    case PhysicalType::kDouble: {
      auto* slots = reinterpret_cast<double*>(FixedSlots(out_, start, count));
      for (size_t i = 0; i < count; ++i) slots[i] = dictionary_.f64[idx[i]];
      return Status::OK();
    }
    case PhysicalType::kByteArray: {
      uint64_t total = 0;
      const uint64_t* offsets = dictionary_.offsets.data();
      for (size_t i = 0; i < count; ++i) total += offsets[idx[i] + 1] - offsets[idx[i]];
      if (out_->bytes.size() + total > limits_.max_column_chunk_bytes) {
        return Status::ResourceExhausted("column chunk decodes to more than " +
                                         std::to_string(limits_.max_column_chunk_bytes) + " bytes");
      }
      out_->bytes.reserve(out_->bytes.size() + total);
      for (size_t i = 0; i < count; ++i) {
        out_->bytes.append(dictionary_.bytes, offsets[idx[i]],
                           offsets[idx[i] + 1] - offsets[idx[i]]);
        out_->offsets.push_back(out_->bytes.size());
      }
      return Status::OK();
    }
    default: {
      if (count * width_ > limits_.max_column_chunk_bytes) {
        return Status::ResourceExhausted("column chunk exceeds its decode limit");
      }
      uint8_t* slots = FixedSlots(out_, start, count);
      const char* dict = dictionary_.bytes.data();
      for (size_t i = 0; i < count; ++i)
        std::memcpy(slots + i * width_, dict + idx[i] * width_, width_);
      return Status::OK();
    }
  }
}

Status ChunkDecoder::DecodeRleBooleans(std::string_view data, size_t count, size_t start) {
  if (data.size() < 4) return Status::Corruption("RLE booleans are truncated");
  const uint32_t length = LoadU32(data);
  if (length > data.size() - 4) return Status::Corruption("RLE booleans claim too many bytes");
  RleBitPackedDecoder decoder(Bytes(data) + 4, length, 1);
  return decoder.Decode(FixedSlots(out_, start, count), count);
}

Status ChunkDecoder::DecodeDeltaInts(std::string_view data, size_t count, size_t start) {
  std::vector<int64_t> values;
  size_t consumed = 0;
  RETURN_NOT_OK(DecodeDeltaBinaryPacked(Bytes(data), data.size(), count, &values, &consumed));
  if (values.size() != count) {
    return Status::Corruption("DELTA_BINARY_PACKED holds " + std::to_string(values.size()) +
                              " values for " + std::to_string(count) + " non-null rows");
  }
  if (column_.physical_type == PhysicalType::kInt32) {
    auto* slots = reinterpret_cast<int32_t*>(FixedSlots(out_, start, count));
    for (size_t i = 0; i < count; ++i) slots[i] = static_cast<int32_t>(values[i]);
  } else {
    uint8_t* slots = FixedSlots(out_, start, count);
    if (count > 0) std::memcpy(slots, values.data(), count * 8);
  }
  return Status::OK();
}

Status ChunkDecoder::DecodeDeltaBytes(Encoding encoding, std::string_view data, size_t count,
                                      size_t start) {
  const bool fixed = column_.physical_type == PhysicalType::kFixedLenByteArray;
  if (!fixed) {
    ByteArrayAppender out{&out_->offsets, &out_->bytes, limits_.max_column_chunk_bytes};
    return encoding == Encoding::kDeltaLengthByteArray
               ? DecodeDeltaLengthByteArray(Bytes(data), data.size(), count, out)
               : DecodeDeltaByteArray(Bytes(data), data.size(), count, -1, out);
  }
  if (encoding != Encoding::kDeltaByteArray) {
    return Status::NotSupported("DELTA_LENGTH_BYTE_ARRAY for FIXED_LEN_BYTE_ARRAY");
  }
  std::vector<uint64_t> ends;
  std::string bytes;
  RETURN_NOT_OK(
      DecodeDeltaByteArray(Bytes(data), data.size(), count, column_.type_length,
                           ByteArrayAppender{&ends, &bytes, limits_.max_column_chunk_bytes}));
  uint8_t* slots = FixedSlots(out_, start, count);
  if (count > 0) std::memcpy(slots, bytes.data(), count * width_);
  return Status::OK();
}

Status ChunkDecoder::DecodeByteStreamSplit(std::string_view data, size_t count, size_t start) {
  if (column_.physical_type == PhysicalType::kByteArray ||
      column_.physical_type == PhysicalType::kBoolean ||
      column_.physical_type == PhysicalType::kInt96) {
    return Status::NotSupported("BYTE_STREAM_SPLIT for " + PhysicalTypeName(column_.physical_type));
  }
  if (count > data.size() / width_) return Status::Corruption("BYTE_STREAM_SPLIT is truncated");
  uint8_t* slots = FixedSlots(out_, start, count);
  const uint8_t* in = Bytes(data);
  for (size_t k = 0; k < width_; ++k) {
    const uint8_t* stream = in + k * count;
    for (size_t i = 0; i < count; ++i) slots[i * width_ + k] = stream[i];
  }
  return Status::OK();
}

void ChunkDecoder::Expand(size_t start, size_t n, size_t non_null) {
  const uint8_t* valid = out_->valid.data() + start;
  switch (column_.physical_type) {
    case PhysicalType::kBoolean:
      out_->bools.resize(start + n);
      ExpandSpaced(out_->bools.data() + start, n, non_null, valid);
      return;
    case PhysicalType::kInt32:
      out_->i32.resize(start + n);
      ExpandSpaced(out_->i32.data() + start, n, non_null, valid);
      return;
    case PhysicalType::kInt64:
      out_->i64.resize(start + n);
      ExpandSpaced(out_->i64.data() + start, n, non_null, valid);
      return;
    case PhysicalType::kFloat:
      out_->f32.resize(start + n);
      ExpandSpaced(out_->f32.data() + start, n, non_null, valid);
      return;
    case PhysicalType::kDouble:
      out_->f64.resize(start + n);
      ExpandSpaced(out_->f64.data() + start, n, non_null, valid);
      return;
    case PhysicalType::kByteArray: {
      out_->offsets.resize(start + 1 + n);
      ExpandSpacedEnds(out_->offsets.data() + start + 1, out_->offsets[start], n, non_null, valid);
      return;
    }
    default:
      out_->bytes.resize((start + n) * width_);
      ExpandSpacedBytes(out_->bytes.data() + start * width_, width_, n, non_null, valid);
      return;
  }
}

Status ChunkDecoder::DecodeValues(Encoding encoding, std::string_view data, size_t n,
                                  size_t non_null) {
  const size_t start = rows_done_;
  Status status;
  switch (encoding) {
    case Encoding::kPlain:
      status = DecodePlain(data, non_null, out_, start);
      break;
    case Encoding::kPlainDictionary:
    case Encoding::kRleDictionary:
      status = DecodeDictionaryIndices(data, non_null, start);
      break;
    case Encoding::kRle:
      status =
          column_.physical_type == PhysicalType::kBoolean
              ? DecodeRleBooleans(data, non_null, start)
              : Status::NotSupported("RLE values for " + PhysicalTypeName(column_.physical_type));
      break;
    case Encoding::kDeltaBinaryPacked:
      status = column_.physical_type == PhysicalType::kInt32 ||
                       column_.physical_type == PhysicalType::kInt64
                   ? DecodeDeltaInts(data, non_null, start)
                   : Status::Corruption("DELTA_BINARY_PACKED for " +
                                        PhysicalTypeName(column_.physical_type));
      break;
    case Encoding::kDeltaLengthByteArray:
    case Encoding::kDeltaByteArray:
      status = column_.physical_type == PhysicalType::kByteArray ||
                       column_.physical_type == PhysicalType::kFixedLenByteArray
                   ? DecodeDeltaBytes(encoding, data, non_null, start)
                   : Status::Corruption(EncodingName(encoding) + " for " +
                                        PhysicalTypeName(column_.physical_type));
      break;
    case Encoding::kByteStreamSplit:
      status = DecodeByteStreamSplit(data, non_null, start);
      break;
    default:
      status = Status::NotSupported("value encoding " + EncodingName(encoding));
      break;
  }
  RETURN_NOT_OK(status.WithContext(EncodingName(encoding) + " values"));
  if (non_null < n) Expand(start, n, non_null);
  rows_done_ += n;
  return Status::OK();
}

}  // namespace

Status DecodeColumnChunk(std::string_view chunk, const ColumnDescriptor& column,
                         const ColumnMetaData& meta, int64_t num_rows,
                         const ParquetReadLimits& limits, ColumnValues* out) {
  ChunkDecoder decoder(column, meta, num_rows, limits, out);
  return decoder.Run(chunk);
}

}  // namespace mesh::format::parquet
