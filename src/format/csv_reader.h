// CSV reader: RFC 4180 text (comma separator, double-quote quoting with "" escapes, line feeds
// inside quoted fields, LF or CRLF row ends, optional UTF-8 byte order mark) with a header row
// whose names must be exactly the schema's field names, in any order. Rows are cut into chunks
// of `batch_rows` rows by a SIMD quote-aware scan and parsed on `threads` threads; batches come
// out in file order. An empty unquoted cell is null; values that do not parse as their field's
// type are null plus a TypeError. Structural problems (header mismatch, wrong number of
// fields, broken quoting) are InvalidArgument errors naming the file, the row, the line and the
// column. docs/formats.md lists every rule. The reader is not thread-safe (one consumer).
#pragma once

#include <memory>
#include <string>

#include "format/reader.h"

namespace mesh::format {

Result<std::unique_ptr<BatchReader>> OpenCsvReader(std::shared_ptr<FileSystem> fs,
                                                   const std::string& path, const Schema& schema,
                                                   const ReadOptions& options = {});

}  // namespace mesh::format
