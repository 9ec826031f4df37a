// Sample writers: a SampleTable as the bytes of a data file a domain team would publish.
//   CSV:   RFC 4180, UTF-8, a header row, CRLF line ends; a field is quoted when it holds a
//          comma, a quote, CR or LF, or starts or ends with a space; quotes are doubled; null is
//          an empty field.
//   JSONL: one JSON object a line ("\n"), keys in column order; numbers and booleans bare
//          (decimals keep their exact scale: 12.50), null as null, everything else a string.
//   Parquet: the CSV text read back with the platform's CSV reader (so values are typed exactly
//          as a publish would type them) and written by the Parquet writer (src/format/parquet/),
//          every column OPTIONAL; a value that cannot be read as its column's type (an injected
//          defect) cannot be held by Parquet and is an error: write such samples as CSV.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "demo/sample_data.h"
#include "model/descriptor.h"

namespace mesh::demo {

enum class SampleFileFormat { kCsv, kJsonl, kParquet };

std::string_view SampleFileExtension(SampleFileFormat format);  // "csv" | "jsonl" | "parquet"

// The format a product's sample file is written in: its output_format.
SampleFileFormat SampleFileFormatFor(OutputFormat output_format);

std::string ToCsv(const SampleTable& table);
std::string ToJsonl(const SampleTable& table);
Result<std::string> ToParquet(const SampleTable& table);
Result<std::string> SampleFileBytes(const SampleTable& table, SampleFileFormat format);

// One CSV field, quoted when RFC 4180 needs it (exposed for tests).
std::string CsvField(std::string_view value);
// A JSON string literal with its quotes (exposed for tests).
std::string JsonString(std::string_view value);

}  // namespace mesh::demo
