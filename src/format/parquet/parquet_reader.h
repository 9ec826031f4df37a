// Parquet BatchReader: reads a Parquet file as Batches of a descriptor's schema. Columns are
// matched by name to the file's top-level columns; every schema field must be in the file with a
// type that can represent the field's type (column_conversion.h), and the file may not have
// columns the schema does not declare: both are InvalidArgument errors naming the file, the
// column and the types. Nested file columns are NotSupported. Row groups are decoded ahead on
// `ReadOptions::threads` threads (one column chunk per task); batches come out in file order.
// docs/parquet.md lists every rule and limit. Not thread-safe (one consumer).
#pragma once

#include <memory>
#include <string>

#include "format/parquet/parquet_file.h"
#include "format/reader.h"

namespace mesh::format {

Result<std::unique_ptr<BatchReader>> OpenParquetBatchReader(std::shared_ptr<FileSystem> fs,
                                                            const std::string& path,
                                                            const Schema& schema,
                                                            const ReadOptions& options = {});

// The same with explicit limits (tests, fuzzing).
Result<std::unique_ptr<BatchReader>> OpenParquetBatchReader(
    std::shared_ptr<FileSystem> fs, const std::string& path, const Schema& schema,
    const ReadOptions& options, const parquet::ParquetReadLimits& limits);

}  // namespace mesh::format
