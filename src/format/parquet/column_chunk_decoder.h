// Decodes the pages of one flat column chunk (dictionary page, data pages v1/v2, index pages
// skipped) into ColumnValues: decompression, optional CRC check, definition levels (RLE or
// BIT_PACKED), values in PLAIN, dictionary (PLAIN_DICTIONARY/RLE_DICTIONARY), RLE (booleans),
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT.
// Errors are plain messages; ParquetFile adds the file/row group/column context.
// Stateless function; thread-safe.
#pragma once

#include <string_view>

#include "base/status.h"
#include "format/parquet/parquet_file.h"

namespace mesh::format::parquet {

// `chunk` holds the column chunk's bytes (from its first page header to its end); exactly
// `num_rows` rows are decoded (pages beyond them are ignored; fewer is Corruption).
Status DecodeColumnChunk(std::string_view chunk, const ColumnDescriptor& column,
                         const ColumnMetaData& meta, int64_t num_rows,
                         const ParquetReadLimits& limits, ColumnValues* out);

}  // namespace mesh::format::parquet
