// BatchReader: reads a data file (CSV, JSONL or Parquet) as Batches of the descriptor's schema.
// Readers check types rather than guess them (data-product.md "Data in, data out"): a value that
// cannot be read as its field's type becomes a null plus a TypeError, never an abort. Structural
// problems (unreadable file, missing or extra CSV column, malformed JSON line, corrupt Parquet)
// are errors naming the file and the place. Batches come out in file order.
// External synchronization required (one consumer); readers may use threads internally.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "format/batch.h"
#include "model/descriptor.h"

namespace mesh::format {

enum class DataFormat { kCsv, kJsonl, kParquet };
std::string_view DataFormatName(DataFormat format);
// From a name ("csv", "jsonl", "parquet") or a file's extension (".csv", ".jsonl", ".ndjson",
// ".json", ".parquet"); nullopt when unknown.
std::optional<DataFormat> DataFormatFromName(std::string_view name);
std::optional<DataFormat> DataFormatFromPath(std::string_view path);

struct ReadOptions {
  size_t batch_rows = 64 * 1024;  // rows per batch (the last may be shorter)
  int threads = 2;                // parsing threads
  // CSV and JSONL: bytes per file read (tests use tiny values to put read boundaries
  // everywhere), and the longest row (CSV) or line (JSONL) accepted before the reader reports
  // it, so that a missing quote cannot pull the whole file into memory.
  size_t read_block_bytes = 1 << 20;
  size_t max_row_bytes = 64 << 20;
  // Column projection: names of schema fields to return, in any order (batches keep schema
  // order); empty: every field. Parquet decodes only these column chunks; CSV and JSONL still
  // parse every column (a row must be split whole) and drop the others, with their type errors.
  std::vector<std::string> columns;
};

class BatchReader {
 public:
  virtual ~BatchReader() = default;
  // Fills `batch` with the next rows; returns false (and leaves `batch` empty) at the end.
  virtual Result<bool> Next(Batch* batch) = 0;
  // Bytes of input consumed so far and in all (for progress bars).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;
};

// Opens `path` in `format` for the fields of `schema`.
Result<std::unique_ptr<BatchReader>> OpenBatchReader(std::shared_ptr<FileSystem> fs,
                                                     const std::string& path, DataFormat format,
                                                     const Schema& schema,
                                                     const ReadOptions& options = {});

}  // namespace mesh::format
