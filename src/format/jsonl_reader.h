// JSONL reader: one JSON object per line (LF or CRLF), UTF-8, optional byte order mark; lines
// holding only whitespace are skipped. Keys are matched to the schema's field names exactly: a
// missing key is null, an unknown or repeated key is an error. Values are checked against the
// field's type (numbers from their raw text, so int64 and decimal(38,S) are exact); a value of
// the wrong kind or out of range is null plus a TypeError. A line that is not one JSON object is
// an InvalidArgument error naming the file and the line. Lines are cut into chunks of
// `batch_rows` objects and parsed with simdjson on `threads` threads; batches come out in file
// order. docs/formats.md lists every rule. The reader is not thread-safe (one consumer).
#pragma once

#include <memory>
#include <string>

#include "format/reader.h"

namespace mesh::format {

Result<std::unique_ptr<BatchReader>> OpenJsonlReader(std::shared_ptr<FileSystem> fs,
                                                     const std::string& path, const Schema& schema,
                                                     const ReadOptions& options = {});

}  // namespace mesh::format
