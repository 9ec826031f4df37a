#include "format/reader.h"

#include "format/csv_reader.h"
#include "format/jsonl_reader.h"
#include "format/parquet/parquet_reader.h"
#include "format/projection.h"

namespace mesh::format {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view DataFormatName(DataFormat format) {
  switch (format) {
    case DataFormat::kCsv:
      return "csv";
    case DataFormat::kJsonl:
      return "jsonl";
    case DataFormat::kParquet:
      return "parquet";
  }
  return "unknown";
}

std::optional<DataFormat> DataFormatFromName(std::string_view name) {
  const std::string lower = Lower(name);
  if (lower == "csv") return DataFormat::kCsv;
  if (lower == "jsonl" || lower == "ndjson") return DataFormat::kJsonl;
  if (lower == "parquet") return DataFormat::kParquet;
  return std::nullopt;
}

std::optional<DataFormat> DataFormatFromPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string extension = Lower(name.substr(dot + 1));
  if (extension == "json") return DataFormat::kJsonl;
  return DataFormatFromName(extension);
}

Result<std::unique_ptr<BatchReader>> OpenBatchReader(std::shared_ptr<FileSystem> fs,
                                                     const std::string& path, DataFormat format,
                                                     const Schema& schema,
                                                     const ReadOptions& options) {
  if (!options.columns.empty() && format != DataFormat::kParquet) {
    ASSIGN_OR_RAISE(Projection projection, ProjectSchema(schema, options.columns, path));
    ReadOptions all_columns = options;
    all_columns.columns.clear();
    ASSIGN_OR_RAISE(std::unique_ptr<BatchReader> full,
                    OpenBatchReader(std::move(fs), path, format, schema, all_columns));
    return ProjectBatchReader(std::move(full), std::move(projection));
  }
  switch (format) {
    case DataFormat::kCsv:
      return OpenCsvReader(std::move(fs), path, schema, options);
    case DataFormat::kJsonl:
      return OpenJsonlReader(std::move(fs), path, schema, options);
    case DataFormat::kParquet:
      return OpenParquetBatchReader(std::move(fs), path, schema, options);
  }
  return Status::InvalidArgument(path + ": unknown data format");
}

}  // namespace mesh::format
