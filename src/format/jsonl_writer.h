// JSONL writer: one JSON object per row and line (LF), keys in schema order, every key present
// (null for null). Numbers for int, float, double and decimal fields (decimals with exactly S
// fraction digits, never via a double), true/false for booleans, strings for string, date,
// timestamp and binary (base64). Strings are escaped per RFC 8259 and left in UTF-8.
// See batch_writer.h.
#pragma once

#include "format/batch_writer.h"

namespace mesh::format {

// `path` is used in messages only.
Result<std::unique_ptr<BatchWriter>> OpenJsonlWriter(std::unique_ptr<WritableFile> file,
                                                     std::string path, const Schema& schema);

}  // namespace mesh::format
