// CSV writer: RFC 4180 with a header row of the field names, comma separators and CRLF row
// ends; a field is quoted (quotes doubled) only when it holds a comma, quote, CR or LF, or is an
// empty string. A null is an empty unquoted field, an empty string is "". See batch_writer.h.
#pragma once

#include "format/batch_writer.h"

namespace mesh::format {

// Writes the header row at once (buffered). `path` is used in messages only.
Result<std::unique_ptr<BatchWriter>> OpenCsvWriter(std::unique_ptr<WritableFile> file,
                                                   std::string path, const Schema& schema);

}  // namespace mesh::format
