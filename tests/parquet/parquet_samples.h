// Parquet samples: a fixed set of data sets (schema, writer options, batches) that together cover
// every field type, nulls, required columns, decimals of all three physical widths, timestamps and
// dates before 1970, non-ASCII and empty strings, binary, special floats, SNAPPY/ZSTD/none,
// dictionary and PLAIN pages, the dictionary fallback and empty files. Used by the round trip
// through our reader (parquet_roundtrip_test.cc) and through DuckDB (write_parquet_samples.cc +
// tests/duckdb/). Canonical rows are the comparison format shared with tests/duckdb/
// read_parquet.mjs: one JSON array per line, each cell null or a string (see CanonicalCell).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "format/batch.h"
#include "format/parquet/parquet_writer.h"
#include "model/descriptor.h"

namespace mesh::testing {

struct ParquetSample {
  std::string name;
  Schema schema;
  format::parquet::ParquetWriterOptions options;
  std::vector<format::Batch> batches;
};

std::vector<ParquetSample> BuildParquetSamples();

// DuckDB's name for the type it reads our mapping of `type` as ("DECIMAL(9,2)", "BLOB", ...).
std::string DuckDbTypeName(const FieldType& type);
// The header line: a JSON array of "<name> <DuckDB type>".
std::string CanonicalHeader(const Schema& schema);
// One cell as text: booleans "true"/"false"; integers and decimals in decimal ("-1.50"); dates as
// days since 1970-01-01; timestamps as microseconds since the epoch; floats and doubles as the
// hex of their IEEE bits ("f32:7fc00000", "f64:3ff8000000000000"); strings as themselves; binary
// as uppercase hex.
std::string CanonicalCell(const format::Column& column, size_t row);
// A JSON array of the row's cells (null for a null cell).
std::string CanonicalRow(const format::Batch& batch, size_t row);

}  // namespace mesh::testing
