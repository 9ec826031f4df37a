// ParquetFile: the low-level Parquet reader. Opens a file through RandomAccessFile, checks and
// decodes the footer, derives the leaf columns (with definition/repetition levels) from the
// schema, and decodes one column chunk of one row group into typed physical values, one slot per
// row. Every size read from the file is checked (against the file size, the bytes that remain and
// ParquetReadLimits) before anything is allocated for it.
//
// Flat columns only: a leaf below a group or with repetition is described in `columns()` but
// ReadColumnChunk refuses it with NotSupported naming the column.
// Thread-safety: after Open, all const methods may be called from several threads at once
// (ReadColumnChunk on different or the same chunks), as RandomAccessFile::ReadAt is thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "format/parquet/metadata.h"

namespace mesh::format::parquet {

struct ParquetReadLimits {
  uint64_t max_footer_bytes = 64ull << 20;
  // One page, compressed or decompressed.
  uint64_t max_page_bytes = 1ull << 30;
  // Decoded bytes of one column chunk (values, offsets, validity): bounds what a row group may
  // make the reader allocate, whatever its footer claims.
  uint64_t max_column_chunk_bytes = 8ull << 30;
  // Verify the optional CRC-32 of each page when the writer stored one.
  bool verify_page_checksums = true;
};

// One leaf column of the schema.
struct ColumnDescriptor {
  std::string path;         // dotted path ("a.b.c"); the name for top-level columns
  int schema_index = 0;     // index into FileMetaData::schema
  int top_level_field = 0;  // index of its top-level field among the root's children
  PhysicalType physical_type = PhysicalType::kBoolean;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width; 12 for INT96
  int16_t max_definition_level = 0;
  int16_t max_repetition_level = 0;
  bool nested = false;                     // below a group, or repeated
  const SchemaElement* element = nullptr;  // owned by the ParquetFile's metadata
};

// The decoded values of one column chunk: one slot per row, in row order. A null row holds zero
// (or an empty byte string) in storage. Storage by physical type:
//   BOOLEAN -> bools; INT32 -> i32; INT64 -> i64; FLOAT -> f32; DOUBLE -> f64;
//   BYTE_ARRAY -> offsets (num_rows + 1) into bytes;
//   FIXED_LEN_BYTE_ARRAY, INT96 -> bytes, `type_length` bytes per row.
struct ColumnValues {
  PhysicalType type = PhysicalType::kBoolean;
  int32_t type_length = 0;
  size_t num_rows = 0;
  std::vector<uint8_t> valid;  // 1/0 per row; empty when every row is valid
  std::vector<uint8_t> bools;
  std::vector<int32_t> i32;
  std::vector<int64_t> i64;
  std::vector<float> f32;
  std::vector<double> f64;
  std::vector<uint64_t> offsets;
  std::string bytes;

  bool IsValid(size_t row) const { return valid.empty() || valid[row] != 0; }
  std::string_view GetBytes(size_t row) const;  // BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY, INT96
  void Clear();
};

class ParquetFile {
 public:
  // Reads and checks the footer. `path` is only used in messages.
  static Result<std::unique_ptr<ParquetFile>> Open(std::unique_ptr<RandomAccessFile> file,
                                                   std::string path, ParquetReadLimits limits = {});
  static Result<std::unique_ptr<ParquetFile>> Open(FileSystem& fs, const std::string& path,
                                                   ParquetReadLimits limits = {});

  const std::string& path() const { return path_; }
  uint64_t file_size() const { return file_size_; }
  const FileMetaData& metadata() const { return metadata_; }
  const std::vector<ColumnDescriptor>& columns() const { return columns_; }
  // Names of the root's children, in schema order.
  const std::vector<std::string>& top_level_fields() const { return top_level_fields_; }
  int num_row_groups() const { return static_cast<int>(metadata_.row_groups.size()); }
  int64_t num_rows() const { return metadata_.num_rows; }
  int64_t row_group_num_rows(int row_group) const {
    return metadata_.row_groups[row_group].num_rows;
  }
  // Index into columns() of the leaf called `path`, or -1.
  int FindColumn(std::string_view path) const;

  // Decodes column `column` of row group `row_group` into `*out` (cleared first; the buffers'
  // capacity is reused). Errors name the file, the row group and the column.
  Status ReadColumnChunk(int row_group, int column, ColumnValues* out) const;

 private:
  ParquetFile(std::unique_ptr<RandomAccessFile> file, std::string path, ParquetReadLimits limits)
      : file_(std::move(file)), path_(std::move(path)), limits_(limits) {}
  Status ReadFooter();
  Status BuildColumns();
  Status CheckRowGroups() const;
  Status ReadColumnChunkUnchecked(int row_group, int column, ColumnValues* out) const;

  std::unique_ptr<RandomAccessFile> file_;
  std::string path_;
  ParquetReadLimits limits_;
  uint64_t file_size_ = 0;
  uint64_t footer_start_ = 0;  // first byte of the footer (end of the column data)
  FileMetaData metadata_;
  std::vector<ColumnDescriptor> columns_;
  std::vector<std::string> top_level_fields_;
};

}  // namespace mesh::format::parquet
