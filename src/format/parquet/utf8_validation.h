// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), which
// STRING columns must hold: DuckDB and other readers reject a file whose strings are not.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace mesh::format::parquet {

// The byte offset of the first invalid sequence, or text.size() when all of it is valid.
size_t FirstInvalidUtf8(std::string_view text);

}  // namespace mesh::format::parquet
