// ColumnChunkWriter: encodes the values of one column for the current row group into compressed
// data pages v1 (definition levels RLE for OPTIONAL columns; values RLE_DICTIONARY while the
// chunk's dictionary stays under its limit, PLAIN after that, booleans always PLAIN), keeping only
// this row group's pages in memory. Finish() hands out the chunk (dictionary page first) and its
// ColumnChunk metadata, then the writer is ready for the next row group.
// External synchronization required.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "format/batch.h"
#include "format/parquet/column_statistics.h"
#include "format/parquet/dictionary_builder.h"
#include "format/parquet/metadata.h"
#include "format/parquet/page_compressor.h"

namespace mesh::format::parquet {

struct ColumnChunkOptions {
  bool dictionary = true;
  size_t dictionary_page_limit_bytes = 1 << 20;  // fall back to PLAIN beyond this
  size_t data_page_bytes = 1 << 20;              // target uncompressed page size
};

class ColumnChunkWriter {
 public:
  // `compressor` must outlive the writer.
  ColumnChunkWriter(std::string name, FieldType type, bool required,
                    const ColumnChunkOptions& options, PageCompressor* compressor);

  // Encodes rows [begin, end) of `column` (whose type is this writer's). `first_row` is the
  // 1-based row number of `column`'s row 0 in the input, for messages. InvalidArgument when a
  // REQUIRED column meets a null.
  Status Append(const Column& column, size_t begin, size_t end, int64_t first_row);

  // Bytes this chunk holds so far (encoded pages, dictionary and the open page).
  size_t buffered_bytes() const;

  // Closes the open page and appends the whole chunk to `out`; `file_offset` is where `out`'s
  // appended bytes will start in the file. Fills `chunk` and resets for the next row group.
  Status Finish(int64_t file_offset, std::string* out, ColumnChunk* chunk);

 private:
  template <typename AppendValue>
  Status AppendRows(const Column& column, size_t begin, size_t end, int64_t first_row,
                    AppendValue append_value);
  Status AppendStrings(const Column& column, size_t begin, size_t end, int64_t first_row);
  Status AppendDecimals(const Column& column, size_t begin, size_t end, int64_t first_row);
  Status AppendEncodedValue(std::string_view plain);
  size_t OpenPageSize() const;
  Status MaybeFlushPage();
  Status FlushPage();
  void EncodePageValues(bool dictionary_encoded, std::string* body);
  Status AppendPage(PageType type, Encoding encoding, int32_t num_values, std::string_view body,
                    std::string* out);
  ColumnMetaData BuildMetaData(int64_t file_offset, int64_t dictionary_page_size) const;
  void Reset();

  std::string name_;
  FieldType type_;
  bool required_;
  ColumnChunkOptions options_;
  PageCompressor* compressor_;
  PhysicalType physical_type_;

  // The open page.
  int32_t page_num_values_ = 0;
  std::vector<uint32_t> page_definition_levels_;
  std::vector<uint8_t> page_booleans_;
  std::vector<uint32_t> page_indices_;
  std::string page_plain_;

  // The chunk so far.
  bool dictionary_active_;
  DictionaryBuilder dictionary_;
  bool has_dictionary_pages_ = false;
  StatisticsBuilder statistics_;
  std::string data_pages_;
  int64_t num_values_ = 0;
  int64_t total_uncompressed_size_ = 0;
  int64_t total_compressed_size_ = 0;
  std::map<std::pair<PageType, Encoding>, int32_t> page_counts_;
  std::string scratch_;
  std::string compressed_;
};

}  // namespace mesh::format::parquet
