#include "format/parquet/parquet_file.h"

#include <cstring>

#include "format/parquet/column_chunk_decoder.h"
#include "format/parquet/compression.h"

namespace mesh::format::parquet {

namespace {

constexpr size_t kMagicSize = 4;
constexpr size_t kTailSize = 8;  // footer length + magic
constexpr int kMaxSchemaDepth = 64;
constexpr int32_t kMaxFixedLength = 1 << 24;

}  // namespace

std::string_view ColumnValues::GetBytes(size_t row) const {
  if (type == PhysicalType::kByteArray) {
    return std::string_view(bytes.data() + offsets[row], offsets[row + 1] - offsets[row]);
  }
  const size_t width = static_cast<size_t>(type_length);
  return std::string_view(bytes.data() + row * width, width);
}

void ColumnValues::Clear() {
  num_rows = 0;
  valid.clear();
  bools.clear();
  i32.clear();
  i64.clear();
  f32.clear();
  f64.clear();
  offsets.clear();
  bytes.clear();
}

Result<std::unique_ptr<ParquetFile>> ParquetFile::Open(FileSystem& fs, const std::string& path,
                                                       ParquetReadLimits limits) {
  ASSIGN_OR_RAISE(std::unique_ptr<RandomAccessFile> file, fs.OpenForRead(path));
  return Open(std::move(file), path, limits);
}

Result<std::unique_ptr<ParquetFile>> ParquetFile::Open(std::unique_ptr<RandomAccessFile> file,
                                                       std::string path, ParquetReadLimits limits) {
  std::unique_ptr<ParquetFile> result(new ParquetFile(std::move(file), std::move(path), limits));
  RETURN_NOT_OK(result->ReadFooter());
  RETURN_NOT_OK(result->BuildColumns());
  RETURN_NOT_OK(result->CheckRowGroups());
  return result;
}

Status ParquetFile::ReadFooter() {
  ASSIGN_OR_RAISE(file_size_, file_->Size());
  if (file_size_ < kMagicSize + kTailSize) {
    return Status::Corruption(path_ + ": not a Parquet file (only " + std::to_string(file_size_) +
                              " bytes)");
  }
  std::string head, tail;
  RETURN_NOT_OK(file_->ReadAt(0, kMagicSize, &head));
  RETURN_NOT_OK(file_->ReadAt(file_size_ - kTailSize, kTailSize, &tail));
  if (tail.size() != kTailSize || head.size() != kMagicSize) {
    return Status::IOError(path_ + ": short read of the Parquet header/footer");
  }
  if (tail.substr(4) == "PARE") {
    return Status::NotSupported(path_ +
                                ": the Parquet footer is encrypted (Parquet Modular Encryption); "
                                "Meshwork cannot read encrypted files");
  }
  if (head != "PAR1" || tail.substr(4) != "PAR1") {
    return Status::Corruption(path_ + ": not a Parquet file (missing the PAR1 magic bytes)");
  }
  uint32_t footer_length = 0;
  std::memcpy(&footer_length, tail.data(), 4);
  if (footer_length > file_size_ - kMagicSize - kTailSize) {
    return Status::Corruption(path_ + ": footer claims " + std::to_string(footer_length) +
                              " bytes but the file has " + std::to_string(file_size_));
  }
  if (footer_length > limits_.max_footer_bytes) {
    return Status::ResourceExhausted(path_ + ": footer of " + std::to_string(footer_length) +
                                     " bytes exceeds the limit of " +
                                     std::to_string(limits_.max_footer_bytes));
  }
  footer_start_ = file_size_ - kTailSize - footer_length;
  std::string footer;
  RETURN_NOT_OK(file_->ReadAt(footer_start_, footer_length, &footer));
  if (footer.size() != footer_length) return Status::IOError(path_ + ": short read of the footer");
  Result<FileMetaData> metadata = DecodeFileMetaData(footer);
  if (!metadata.ok()) return metadata.status().WithContext(path_ + ": footer");
  metadata_ = std::move(metadata).value();
  return Status::OK();
}

namespace {

struct SchemaWalk {
  const std::vector<SchemaElement>& schema;
  std::vector<ColumnDescriptor>* columns;
  size_t next = 1;  // next element to visit
};

Status WalkChildren(SchemaWalk& walk, int32_t num_children, int depth, int16_t definition,
                    int16_t repetition, const std::string& prefix, int top_level) {
  if (depth > kMaxSchemaDepth) {
    return Status::Corruption("schema nests deeper than " + std::to_string(kMaxSchemaDepth));
  }
  if (num_children < 0 || static_cast<size_t>(num_children) > walk.schema.size() - walk.next) {
    return Status::Corruption("schema element claims " + std::to_string(num_children) +
                              " children but only " +
                              std::to_string(walk.schema.size() - walk.next) + " elements follow");
  }
  for (int32_t i = 0; i < num_children; ++i) {
    // Earlier siblings' children may have used up the elements this element's count relied on.
    if (walk.next >= walk.schema.size()) {
      return Status::Corruption("schema element claims " + std::to_string(num_children) +
                                " children but the schema ends after " + std::to_string(i));
    }
    const int schema_index = static_cast<int>(walk.next++);
    const SchemaElement& element = walk.schema[schema_index];
    const int top = depth == 1 ? i : top_level;
    const Repetition repetition_type = element.repetition_type.value_or(Repetition::kRequired);
    int16_t def = definition, rep = repetition;
    if (repetition_type == Repetition::kOptional) ++def;
    if (repetition_type == Repetition::kRepeated) {
      ++def;
      ++rep;
    }
    const std::string path = prefix.empty() ? element.name : prefix + "." + element.name;
    if (element.num_children.has_value() || !element.type.has_value()) {
      RETURN_NOT_OK(
          WalkChildren(walk, element.num_children.value_or(0), depth + 1, def, rep, path, top));
      continue;
    }
    ColumnDescriptor column;
    column.path = path;
    column.schema_index = schema_index;
    column.top_level_field = top;
    column.physical_type = *element.type;
    column.max_definition_level = def;
    column.max_repetition_level = rep;
    column.nested = depth > 1 || rep > 0;
    column.element = &element;
    switch (column.physical_type) {
      case PhysicalType::kInt96:
        column.type_length = 12;
        break;
      case PhysicalType::kFixedLenByteArray:
        column.type_length = element.type_length.value_or(0);
        if (column.type_length <= 0 || column.type_length > kMaxFixedLength) {
          return Status::Corruption("column '" + path + "' is FIXED_LEN_BYTE_ARRAY with length " +
                                    std::to_string(column.type_length));
        }
        break;
      case PhysicalType::kBoolean:
      case PhysicalType::kInt32:
      case PhysicalType::kInt64:
      case PhysicalType::kFloat:
      case PhysicalType::kDouble:
      case PhysicalType::kByteArray:
        break;
      default:
        return Status::Corruption("column '" + path + "' has unknown physical type " +
                                  PhysicalTypeName(column.physical_type));
    }
    walk.columns->push_back(std::move(column));
  }
  return Status::OK();
}

}  // namespace

Status ParquetFile::BuildColumns() {
  const std::vector<SchemaElement>& schema = metadata_.schema;
  if (schema.empty()) return Status::Corruption(path_ + ": footer has an empty schema");
  const SchemaElement& root = schema[0];
  SchemaWalk walk{schema, &columns_};
  Status status = WalkChildren(walk, root.num_children.value_or(0), 1, 0, 0, "", 0);
  if (status.ok() && walk.next != schema.size()) {
    status = Status::Corruption("schema lists " + std::to_string(schema.size()) +
                                " elements but its tree covers " + std::to_string(walk.next));
  }
  RETURN_NOT_OK(status.WithContext(path_ + ": schema"));
  for (int32_t i = 0, index = 1; i < root.num_children.value_or(0); ++i) {
    top_level_fields_.push_back(schema[index].name);
    // Skip the subtree of this field to reach the next sibling.
    int pending = 1;
    while (pending > 0) {
      pending += schema[index].num_children.value_or(0) - 1;
      ++index;
    }
  }
  return Status::OK();
}

Status ParquetFile::CheckRowGroups() const {
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    const RowGroup& group = metadata_.row_groups[g];
    const std::string where = path_ + ": row group " + std::to_string(g);
    if (group.num_rows < 0) return Status::Corruption(where + " has a negative row count");
    if (group.columns.size() != columns_.size()) {
      return Status::Corruption(where + " has " + std::to_string(group.columns.size()) +
                                " column chunks but the schema has " +
                                std::to_string(columns_.size()) + " leaf columns");
    }
  }
  return Status::OK();
}

int ParquetFile::FindColumn(std::string_view path) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].path == path) return static_cast<int>(i);
  }
  return -1;
}

Status ParquetFile::ReadColumnChunk(int row_group, int column, ColumnValues* out) const {
  if (row_group < 0 || row_group >= num_row_groups() || column < 0 ||
      column >= static_cast<int>(columns_.size())) {
    return Status::InvalidArgument(path_ + ": no row group " + std::to_string(row_group) +
                                   " / column " + std::to_string(column));
  }
  Status status = ReadColumnChunkUnchecked(row_group, column, out);
  if (status.ok()) return status;
  return status.WithContext(path_ + ": row group " + std::to_string(row_group) + ", column '" +
                            columns_[column].path + "'");
}

Status ParquetFile::ReadColumnChunkUnchecked(int row_group, int column, ColumnValues* out) const {
  const ColumnDescriptor& descriptor = columns_[column];
  if (descriptor.nested) {
    return Status::NotSupported(
        "the column is nested (inside a group, a list or a map); Meshwork reads flat columns "
        "only: flatten it to top-level primitive columns");
  }
  const ColumnChunk& chunk = metadata_.row_groups[row_group].columns[column];
  if (chunk.has_crypto_metadata || chunk.has_encrypted_column_metadata) {
    return Status::NotSupported("the column is encrypted (Parquet Modular Encryption)");
  }
  if (chunk.file_path) {
    return Status::NotSupported("the column chunk is stored in another file ('" + *chunk.file_path +
                                "')");
  }
  if (!chunk.meta_data) return Status::Corruption("the column chunk has no metadata");
  const ColumnMetaData& meta = *chunk.meta_data;
  if (meta.type != descriptor.physical_type) {
    return Status::Corruption("chunk type " + PhysicalTypeName(meta.type) +
                              " differs from the schema's " +
                              PhysicalTypeName(descriptor.physical_type));
  }
  if (!IsSupportedCodec(meta.codec)) {
    std::string unused;
    return Decompress(meta.codec, {}, 0, &unused);  // NotSupported naming the codec
  }
  const int64_t num_rows = metadata_.row_groups[row_group].num_rows;
  if (num_rows == 0) {  // nothing to decode (writers may leave the offsets at 0)
    std::string empty;
    return DecodeColumnChunk(&empty, nullptr, descriptor, meta, 0, limits_, out);
  }
  int64_t start = meta.data_page_offset;
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
      *meta.dictionary_page_offset < start) {
    start = *meta.dictionary_page_offset;
  }
  const int64_t size = meta.total_compressed_size;
  if (start < static_cast<int64_t>(kMagicSize) || size < 0 ||
      static_cast<uint64_t>(start) > footer_start_ ||
      static_cast<uint64_t>(size) > footer_start_ - static_cast<uint64_t>(start)) {
    return Status::Corruption("column chunk at byte " + std::to_string(start) + " of " +
                              std::to_string(size) + " bytes lies outside the data region (" +
                              std::to_string(footer_start_) + " bytes)");
  }
  std::string bytes;
  RETURN_NOT_OK(file_->ReadAt(static_cast<uint64_t>(start), static_cast<size_t>(size), &bytes));
  if (bytes.size() != static_cast<size_t>(size)) {
    return Status::IOError("short read of the column chunk");
  }
  const uint64_t chunk_start = static_cast<uint64_t>(start);
  auto extend = [&](size_t new_size) -> Status {
    if (new_size > footer_start_ - chunk_start) {
      return Status::Corruption("a page runs past the end of the data region");
    }
    std::string more;
    RETURN_NOT_OK(file_->ReadAt(chunk_start + bytes.size(), new_size - bytes.size(), &more));
    if (bytes.size() + more.size() != new_size) return Status::IOError("short read");
    bytes += more;
    return Status::OK();
  };
  return DecodeColumnChunk(&bytes, extend, descriptor, meta, num_rows, limits_, out);
}

}  // namespace mesh::format::parquet
