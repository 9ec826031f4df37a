#include "format/parquet/column_chunk_writer.h"

#include <algorithm>
#include <limits>
#include <set>

#include "format/parquet/plain_encoder.h"
#include "format/parquet/rle_encoder.h"
#include "format/parquet/utf8_validation.h"
#include "format/parquet/writer_schema.h"

namespace mesh::format::parquet {
namespace {

// Definition levels of a flat OPTIONAL column: 0 null, 1 present.
constexpr int kDefinitionLevelBitWidth = 1;

void AppendUint32LittleEndian(uint32_t value, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

}  // namespace

ColumnChunkWriter::ColumnChunkWriter(std::string name, FieldType type, bool required,
                                     const ColumnChunkOptions& options, PageCompressor* compressor)
    : name_(std::move(name)),
      type_(type),
      required_(required),
      options_(options),
      compressor_(compressor),
      physical_type_(WriterPhysicalType(type)),
      dictionary_active_(options.dictionary && type.id != TypeId::kBoolean),
      dictionary_(options.dictionary_page_limit_bytes),
      statistics_(type) {}

template <typename AppendValue>
Status ColumnChunkWriter::AppendRows(const Column& column, size_t begin, size_t end,
                                     int64_t first_row, AppendValue append_value) {
  for (size_t row = begin; row < end; ++row) {
    bool valid = column.IsValid(row);
    if (!valid && required_) {
      return Status::InvalidArgument(
          "row " + std::to_string(first_row + static_cast<int64_t>(row)) + ", field '" + name_ +
          "': the field is required but the value is null; Parquet cannot store a null in a "
          "REQUIRED column (fill the value or make the field optional)");
    }
    if (valid) {
      RETURN_NOT_OK(append_value(row));
    } else {
      statistics_.AddNull();
    }
    if (!required_) page_definition_levels_.push_back(valid ? 1 : 0);
    ++page_num_values_;
    RETURN_NOT_OK(MaybeFlushPage());
  }
  return Status::OK();
}

Status ColumnChunkWriter::AppendEncodedValue(std::string_view plain) {
  if (dictionary_active_) {
    if (auto index = dictionary_.IndexOf(plain)) {
      page_indices_.push_back(*index);
      return Status::OK();
    }
    // The dictionary is full: the values so far go out as dictionary pages, the rest of the chunk
    // as PLAIN, starting with this value.
    RETURN_NOT_OK(FlushPage());
    dictionary_active_ = false;
  }
  page_plain_.append(plain);
  return Status::OK();
}

Status ColumnChunkWriter::Append(const Column& column, size_t begin, size_t end,
                                 int64_t first_row) {
  num_values_ += static_cast<int64_t>(end - begin);
  auto encoded = [this](auto append_plain) {
    return [this, append_plain](size_t row) {
      scratch_.clear();
      append_plain(row);
      return AppendEncodedValue(scratch_);
    };
  };
  switch (type_.id) {
    case TypeId::kBoolean:
      return AppendRows(column, begin, end, first_row, [&](size_t row) {
        statistics_.AddBool(column.GetBool(row));
        page_booleans_.push_back(column.GetBool(row) ? 1 : 0);
        return Status::OK();
      });
    case TypeId::kInt32:
    case TypeId::kDate:
      return AppendRows(column, begin, end, first_row, encoded([&](size_t row) {
                          statistics_.AddInt32(column.GetInt32(row));
                          AppendPlainInt32(column.GetInt32(row), &scratch_);
                        }));
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return AppendRows(column, begin, end, first_row, encoded([&](size_t row) {
                          statistics_.AddInt64(column.GetInt64(row));
                          AppendPlainInt64(column.GetInt64(row), &scratch_);
                        }));
    case TypeId::kFloat:
      return AppendRows(column, begin, end, first_row, encoded([&](size_t row) {
                          statistics_.AddFloat(column.GetFloat(row));
                          AppendPlainFloat(column.GetFloat(row), &scratch_);
                        }));
    case TypeId::kDouble:
      return AppendRows(column, begin, end, first_row, encoded([&](size_t row) {
                          statistics_.AddDouble(column.GetDouble(row));
                          AppendPlainDouble(column.GetDouble(row), &scratch_);
                        }));
    case TypeId::kDecimal:
      return AppendDecimals(column, begin, end, first_row);
    case TypeId::kString:
      return AppendStrings(column, begin, end, first_row);
    case TypeId::kBinary:
      return AppendRows(column, begin, end, first_row, encoded([&](size_t row) {
                          statistics_.AddBytes(column.GetBytes(row));
                          AppendPlainByteArray(column.GetBytes(row), &scratch_);
                        }));
  }
  return Status::Internal("unknown field type");
}

Status ColumnChunkWriter::AppendStrings(const Column& column, size_t begin, size_t end,
                                        int64_t first_row) {
  return AppendRows(column, begin, end, first_row, [&](size_t row) {
    std::string_view value = column.GetBytes(row);
    size_t invalid = FirstInvalidUtf8(value);
    if (invalid != value.size()) {
      return Status::InvalidArgument(
          "row " + std::to_string(first_row + static_cast<int64_t>(row)) + ", field '" + name_ +
          "': the string is not valid UTF-8 at byte " + std::to_string(invalid) +
          "; Parquet STRING columns must hold UTF-8 (use type binary for raw bytes)");
    }
    statistics_.AddBytes(value);
    scratch_.clear();
    AppendPlainByteArray(value, &scratch_);
    return AppendEncodedValue(scratch_);
  });
}

Status ColumnChunkWriter::AppendDecimals(const Column& column, size_t begin, size_t end,
                                         int64_t first_row) {
  int128 limit = 1;
  for (int i = 0; i < type_.precision; ++i) limit *= 10;
  DecimalStorage storage = DecimalStorageFor(type_.precision);
  int width = DecimalByteWidth(type_.precision);
  return AppendRows(column, begin, end, first_row, [&](size_t row) {
    int128 value = column.GetDecimal(row);
    if (value >= limit || value <= -limit) {
      return Status::InvalidArgument(
          "row " + std::to_string(first_row + static_cast<int64_t>(row)) + ", field '" + name_ +
          "': the value has more than " + std::to_string(type_.precision) +
          " digits and does not fit the field's decimal type");
    }
    statistics_.AddDecimal(value);
    scratch_.clear();
    switch (storage) {
      case DecimalStorage::kInt32:
        AppendPlainInt32(static_cast<int32_t>(value), &scratch_);
        break;
      case DecimalStorage::kInt64:
        AppendPlainInt64(static_cast<int64_t>(value), &scratch_);
        break;
      case DecimalStorage::kFixedLenByteArray:
        AppendBigEndianDecimal(value, width, &scratch_);
        break;
    }
    return AppendEncodedValue(scratch_);
  });
}

size_t ColumnChunkWriter::OpenPageSize() const {
  auto bits_to_bytes = [](size_t bits) { return (bits + 7) / 8; };
  size_t levels = bits_to_bytes(page_definition_levels_.size());
  size_t values = page_plain_.size() + bits_to_bytes(page_booleans_.size());
  if (!page_indices_.empty()) {
    auto width = static_cast<size_t>(std::max(1, BitWidthFor(dictionary_.num_entries())));
    values += bits_to_bytes(page_indices_.size() * width);
  }
  return levels + values;
}

size_t ColumnChunkWriter::buffered_bytes() const {
  return data_pages_.size() + dictionary_.page_body().size() + OpenPageSize();
}

Status ColumnChunkWriter::MaybeFlushPage() {
  if (OpenPageSize() < options_.data_page_bytes) return Status::OK();
  return FlushPage();
}

void ColumnChunkWriter::EncodePageValues(bool dictionary_encoded, std::string* body) {
  if (type_.id == TypeId::kBoolean) {
    AppendPlainBooleans(page_booleans_, body);
    page_booleans_.clear();
  } else if (dictionary_encoded) {
    // RLE_DICTIONARY: one byte of bit width, then the indices. Width at least 1, which every
    // reader accepts (a width of 0 is legal but trips some readers).
    int width = std::max(1, BitWidthFor(dictionary_.num_entries() - 1));
    body->push_back(static_cast<char>(width));
    RleBitPackedEncoder indices(width);
    for (uint32_t index : page_indices_) indices.Put(index);
    indices.Finish(body);
    page_indices_.clear();
  } else {
    body->append(page_plain_);
    page_plain_.clear();
  }
}

Status ColumnChunkWriter::FlushPage() {
  if (page_num_values_ == 0) return Status::OK();
  std::string body;
  if (!required_) {
    RleBitPackedEncoder levels(kDefinitionLevelBitWidth);
    for (uint32_t level : page_definition_levels_) levels.Put(level);
    std::string encoded;
    levels.Finish(&encoded);
    AppendUint32LittleEndian(static_cast<uint32_t>(encoded.size()), &body);
    body.append(encoded);
    page_definition_levels_.clear();
  }
  // A page of only nulls before the first value has nothing to look up: it is PLAIN.
  bool dictionary_page = dictionary_active_ && dictionary_.num_entries() > 0;
  Encoding encoding = dictionary_page ? Encoding::kRleDictionary : Encoding::kPlain;
  EncodePageValues(dictionary_page, &body);
  if (dictionary_page) has_dictionary_pages_ = true;
  int32_t num_values = page_num_values_;
  page_num_values_ = 0;
  return AppendPage(PageType::kDataPage, encoding, num_values, body, &data_pages_);
}

Status ColumnChunkWriter::AppendPage(PageType type, Encoding encoding, int32_t num_values,
                                     std::string_view body, std::string* out) {
  constexpr size_t kMaxPageBytes = std::numeric_limits<int32_t>::max();
  if (body.size() > kMaxPageBytes) {
    return Status::ResourceExhausted("field '" + name_ + "': a page of " +
                                     std::to_string(body.size()) +
                                     " bytes exceeds Parquet's 2 GiB page limit");
  }
  RETURN_NOT_OK(compressor_->Compress(body, &compressed_));
  if (compressed_.size() > kMaxPageBytes) {
    return Status::ResourceExhausted("field '" + name_ + "': a compressed page exceeds 2 GiB");
  }
  PageHeader header;
  header.type = type;
  header.uncompressed_page_size = static_cast<int32_t>(body.size());
  header.compressed_page_size = static_cast<int32_t>(compressed_.size());
  if (type == PageType::kDictionaryPage) {
    DictionaryPageHeader dictionary;
    dictionary.num_values = num_values;
    dictionary.encoding = Encoding::kPlain;
    dictionary.is_sorted = false;
    header.dictionary_page_header = dictionary;
  } else {
    DataPageHeader data;
    data.num_values = num_values;
    data.encoding = encoding;
    data.definition_level_encoding = Encoding::kRle;
    data.repetition_level_encoding = Encoding::kRle;
    header.data_page_header = data;
  }
  size_t before = out->size();
  EncodePageHeader(header, out);
  auto header_size = static_cast<int64_t>(out->size() - before);
  out->append(compressed_);
  total_uncompressed_size_ += header_size + static_cast<int64_t>(body.size());
  total_compressed_size_ += header_size + static_cast<int64_t>(compressed_.size());
  ++page_counts_[{type, encoding}];
  return Status::OK();
}

ColumnMetaData ColumnChunkWriter::BuildMetaData(int64_t file_offset,
                                                int64_t dictionary_page_size) const {
  ColumnMetaData meta;
  meta.type = physical_type_;
  std::set<Encoding> encodings;
  for (const auto& [page, count] : page_counts_) {
    encodings.insert(page.second);
    PageEncodingStats stats;
    stats.page_type = page.first;
    stats.encoding = page.second;
    stats.count = count;
    meta.encoding_stats.push_back(stats);
  }
  if (!required_) encodings.insert(Encoding::kRle);
  meta.encodings.assign(encodings.begin(), encodings.end());
  meta.path_in_schema = {name_};
  switch (compressor_->compression()) {
    case ParquetCompression::kUncompressed:
      meta.codec = CompressionCodec::kUncompressed;
      break;
    case ParquetCompression::kSnappy:
      meta.codec = CompressionCodec::kSnappy;
      break;
    case ParquetCompression::kZstd:
      meta.codec = CompressionCodec::kZstd;
      break;
  }
  meta.num_values = num_values_;
  meta.total_uncompressed_size = total_uncompressed_size_;
  meta.total_compressed_size = total_compressed_size_;
  meta.data_page_offset = file_offset + dictionary_page_size;
  if (dictionary_page_size > 0) meta.dictionary_page_offset = file_offset;
  Statistics statistics;
  statistics.null_count = statistics_.null_count();
  if (statistics_.has_min_max()) {
    statistics.min_value = statistics_.EncodedMin();
    statistics.max_value = statistics_.EncodedMax();
  }
  meta.statistics = statistics;
  return meta;
}

Status ColumnChunkWriter::Finish(int64_t file_offset, std::string* out, ColumnChunk* chunk) {
  RETURN_NOT_OK(FlushPage());
  size_t start = out->size();
  if (has_dictionary_pages_) {
    RETURN_NOT_OK(AppendPage(PageType::kDictionaryPage, Encoding::kPlain,
                             static_cast<int32_t>(dictionary_.num_entries()),
                             dictionary_.page_body(), out));
  }
  auto dictionary_page_size = static_cast<int64_t>(out->size() - start);
  out->append(data_pages_);
  *chunk = ColumnChunk();
  chunk->file_offset = file_offset;
  chunk->meta_data = BuildMetaData(file_offset, dictionary_page_size);
  Reset();
  return Status::OK();
}

void ColumnChunkWriter::Reset() {
  dictionary_active_ = options_.dictionary && type_.id != TypeId::kBoolean;
  dictionary_.Clear();
  has_dictionary_pages_ = false;
  statistics_.Clear();
  data_pages_.clear();
  num_values_ = 0;
  total_uncompressed_size_ = 0;
  total_compressed_size_ = 0;
  page_counts_.clear();
}

}  // namespace mesh::format::parquet
