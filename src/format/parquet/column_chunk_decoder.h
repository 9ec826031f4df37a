// Decodes the pages of one flat column chunk (dictionary page, data pages v1/v2, index pages
// skipped) into ColumnValues: decompression, optional CRC check, definition levels (RLE or
// BIT_PACKED), values in PLAIN, dictionary (PLAIN_DICTIONARY/RLE_DICTIONARY), RLE (booleans),
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT.
// Errors are plain messages; ParquetFile adds the file/row group/column context.
// Stateless function; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "format/parquet/parquet_file.h"

namespace mesh::format::parquet {

// Grows the chunk's bytes to `new_size` by reading on in the file, or fails when that would
// leave the data region. For writers that under-declared a chunk's size (PARQUET-816).
using ExtendChunk = std::function<Status(size_t new_size)>;

// `*chunk` holds the column chunk's bytes (from its first page header to its declared end);
// exactly `num_rows` rows are decoded (pages beyond them are ignored; fewer is Corruption).
// `extend` (may be empty) is called when a page runs past the declared end.
Status DecodeColumnChunk(std::string* chunk, const ExtendChunk& extend,
                         const ColumnDescriptor& column, const ColumnMetaData& meta,
                         int64_t num_rows, const ParquetReadLimits& limits, ColumnValues* out);

}  // namespace mesh::format::parquet
