// Sample writers: a SampleTable as the bytes of a data file a domain team would publish.
//   CSV:   RFC 4180, UTF-8, a header row, CRLF line ends; a field is quoted when it holds a
//          comma, a quote, CR or LF, or starts or ends with a space; quotes are doubled; null is
//          an empty field.
//   JSONL: one JSON object a line ("\n"), keys in column order; numbers and booleans bare
//          (decimals keep their exact scale: 12.50), null as null, everything else a string.
// Parquet samples come with the Parquet writer (src/format/): until then SampleFileFormatFor
// maps parquet products to CSV, which a publish accepts for any output_format.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "demo/sample_data.h"
#include "model/descriptor.h"

namespace mesh::demo {

enum class SampleFileFormat { kCsv, kJsonl };

std::string_view SampleFileExtension(SampleFileFormat format);  // "csv" | "jsonl"

// The format a product's sample file is written in: its output_format where a writer exists.
SampleFileFormat SampleFileFormatFor(OutputFormat output_format);

std::string ToCsv(const SampleTable& table);
std::string ToJsonl(const SampleTable& table);
std::string SampleFileBytes(const SampleTable& table, SampleFileFormat format);

// One CSV field, quoted when RFC 4180 needs it (exposed for tests).
std::string CsvField(std::string_view value);
// A JSON string literal with its quotes (exposed for tests).
std::string JsonString(std::string_view value);

}  // namespace mesh::demo
