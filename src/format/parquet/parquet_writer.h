// ParquetWriter: writes Batches of a descriptor's schema as one Parquet file (format version 1
// pages, flat schema; type mapping in writer_schema.h and docs/parquet-writer.md). Rows are cut
// into row groups of `row_group_rows`; only the current row group's encoded pages are held in
// memory, and each row group is appended to the file as soon as it is full. Close() writes the
// footer; a file without a successful Close() is not a valid Parquet file. After any error the
// writer refuses further calls with that error. External synchronization required.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "format/batch.h"
#include "format/parquet/column_chunk_writer.h"
#include "format/parquet/metadata.h"
#include "format/parquet/page_compressor.h"
#include "model/descriptor.h"

namespace mesh::format::parquet {

struct ParquetWriterOptions {
  int64_t row_group_rows = 128 * 1024;  // rows per row group (the last may be shorter)
  ParquetCompression compression = ParquetCompression::kSnappy;
  int zstd_level = 3;      // 1..19, ZSTD only
  bool dictionary = true;  // RLE_DICTIONARY while a chunk's dictionary stays under the limit
  size_t dictionary_page_limit_bytes = 1 << 20;  // per column chunk; PLAIN beyond it
  size_t data_page_bytes = 1 << 20;              // target uncompressed data page size
  // true: fields with `required: true` are REQUIRED columns (no definition levels) and a null in
  // them is an error; false: every column is OPTIONAL.
  bool required_fields_as_required = true;
  std::vector<std::pair<std::string, std::string>> key_value_metadata;  // footer key/values
};

class ParquetWriter {
 public:
  // Writes the leading magic. The owning form closes (after Sync) the file in Close(); the
  // borrowing form leaves syncing and closing to the caller, and `file` must outlive the writer.
  static Result<std::unique_ptr<ParquetWriter>> Make(std::unique_ptr<WritableFile> file,
                                                     const Schema& schema,
                                                     const ParquetWriterOptions& options = {});
  static Result<std::unique_ptr<ParquetWriter>> Make(WritableFile* file, const Schema& schema,
                                                     const ParquetWriterOptions& options = {});
  ~ParquetWriter();
  ParquetWriter(const ParquetWriter&) = delete;
  ParquetWriter& operator=(const ParquetWriter&) = delete;

  // Appends the batch's rows. Its columns must be the schema's fields in order, with the fields'
  // types and batch.num_rows rows each (InvalidArgument otherwise, naming the column).
  Status WriteBatch(const Batch& batch);
  // Writes the last row group and the footer.
  Status Close();

  int64_t rows_written() const { return rows_written_; }
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  ParquetWriter(std::unique_ptr<WritableFile> owned, WritableFile* file, const Schema& schema,
                const ParquetWriterOptions& options);
  Status Start();
  Status CheckBatch(const Batch& batch) const;
  Status AppendRows(const Batch& batch, size_t begin, size_t end);
  Status FlushRowGroup();
  Status WriteFooter();
  Status Append(std::string_view bytes);
  Status Fail(Status status);

  std::unique_ptr<WritableFile> owned_file_;
  WritableFile* file_;
  Schema schema_;
  ParquetWriterOptions options_;
  PageCompressor compressor_;
  std::vector<std::unique_ptr<ColumnChunkWriter>> columns_;
  std::vector<RowGroup> row_groups_;
  int64_t rows_in_group_ = 0;
  int64_t rows_written_ = 0;
  uint64_t bytes_written_ = 0;
  bool closed_ = false;
  Status error_;
};

}  // namespace mesh::format::parquet
