#include "demo/sample_writer.h"

#include <cstdio>

#include "base/memory_filesystem.h"
#include "format/parquet/parquet_writer.h"
#include "format/reader.h"

namespace mesh::demo {
namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;  // an unquoted empty field is null
  if (value.front() == ' ' || value.back() == ' ') return true;
  return value.find_first_of(",\"\r\n") != std::string_view::npos;
}

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

// Numbers and booleans are written bare when their text is valid JSON for them; anything else
// (e.g. an injected "n/a") is written as a string, so every line stays valid JSON.
std::string JsonValue(const std::string& text, const FieldType& type) {
  if (type.IsNumeric() && IsJsonNumber(text)) return text;
  if (type.id == TypeId::kBoolean && (text == "true" || text == "false")) return text;
  return JsonString(text);
}

// Collects the bytes of a file in memory.
class StringFile final : public WritableFile {
 public:
  explicit StringFile(std::string* out) : out_(out) {}
  Status Append(std::string_view data) override {
    out_->append(data);
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  std::string* out_;
};

Schema SchemaOf(const SampleTable& table) {
  Schema schema;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    Field field;
    field.name = table.columns[i];
    field.type = table.types[i];
    schema.fields.push_back(std::move(field));
  }
  return schema;
}

Status RejectTypeErrors(const SampleTable& table, const format::Batch& batch) {
  if (batch.type_errors.empty()) return Status::OK();
  const format::TypeError& error = batch.type_errors.front();
  return Status::InvalidArgument(
      "sample of " + table.product + ": row " + std::to_string(error.row) + " column '" +
      table.columns[error.column] + "' holds '" + error.raw + "' (" + error.reason +
      "), which Parquet cannot hold; write this sample as CSV or JSONL");
}

}  // namespace

Result<std::string> ToParquet(const SampleTable& table) {
  const Schema schema = SchemaOf(table);
  auto memory = std::make_shared<MemoryFileSystem>();
  const std::string path = "/" + table.product + ".csv";
  RETURN_NOT_OK(memory->WriteFileAtomically(path, ToCsv(table)));
  format::ReadOptions read_options;
  read_options.threads = 1;
  ASSIGN_OR_RAISE(
      std::unique_ptr<format::BatchReader> reader,
      format::OpenBatchReader(memory, path, format::DataFormat::kCsv, schema, read_options));
  std::string bytes;
  StringFile file(&bytes);
  format::parquet::ParquetWriterOptions writer_options;
  writer_options.required_fields_as_required = false;
  ASSIGN_OR_RAISE(std::unique_ptr<format::parquet::ParquetWriter> writer,
                  format::parquet::ParquetWriter::Make(&file, schema, writer_options));
  format::Batch batch;
  while (true) {
    ASSIGN_OR_RAISE(bool more, reader->Next(&batch));
    if (!more) break;
    RETURN_NOT_OK(RejectTypeErrors(table, batch));
    RETURN_NOT_OK(writer->WriteBatch(batch));
  }
  RETURN_NOT_OK(writer->Close());
  return bytes;
}

std::string_view SampleFileExtension(SampleFileFormat format) {
  switch (format) {
    case SampleFileFormat::kCsv:
      return "csv";
    case SampleFileFormat::kJsonl:
      return "jsonl";
    case SampleFileFormat::kParquet:
      return "parquet";
  }
  return "csv";
}

SampleFileFormat SampleFileFormatFor(OutputFormat output_format) {
  switch (output_format) {
    case OutputFormat::kJsonl:
      return SampleFileFormat::kJsonl;
    case OutputFormat::kParquet:
      return SampleFileFormat::kParquet;
    case OutputFormat::kCsv:
      break;
  }
  return SampleFileFormat::kCsv;
}

std::string CsvField(std::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string JsonString(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string ToCsv(const SampleTable& table) {
  std::string out;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(table.columns[i]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      if (row[i]) out += CsvField(*row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string ToJsonl(const SampleTable& table) {
  std::string out;
  for (const auto& row : table.rows) {
    out += '{';
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += JsonString(table.columns[i]);
      out += ':';
      out += row[i] ? JsonValue(*row[i], table.types[i]) : "null";
    }
    out += "}\n";
  }
  return out;
}

Result<std::string> SampleFileBytes(const SampleTable& table, SampleFileFormat format) {
  switch (format) {
    case SampleFileFormat::kCsv:
      return ToCsv(table);
    case SampleFileFormat::kJsonl:
      return ToJsonl(table);
    case SampleFileFormat::kParquet:
      return ToParquet(table);
  }
  return ToCsv(table);
}

}  // namespace mesh::demo
