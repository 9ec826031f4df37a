#include "format/csv_writer.h"

#include "format/value_formatter.h"
#include "format/value_parser.h"

namespace mesh::format {
namespace {

bool NeedsQuotes(std::string_view text) {
  if (text.empty()) return true;
  for (char c : text) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

void AppendField(std::string_view text, std::string* out) {
  if (!NeedsQuotes(text)) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

class CsvWriter final : public BatchWriter {
 public:
  CsvWriter(std::unique_ptr<WritableFile> file, std::string path, const Schema& schema)
      : out_(std::move(file)), path_(std::move(path)), fields_(schema.fields) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (i > 0) out_.buffer().push_back(',');
      AppendField(fields_[i].name, &out_.buffer());
    }
    out_.buffer().append("\r\n");
  }

  Status Write(const Batch& batch) override {
    if (batch.columns.size() != fields_.size()) {
      return Status::InvalidArgument(path_ + ": a batch of " +
                                     std::to_string(batch.columns.size()) +
                                     " columns for a schema of " + std::to_string(fields_.size()));
    }
    std::string& out = out_.buffer();
    for (size_t row = 0; row < batch.num_rows; ++row) {
      for (size_t c = 0; c < fields_.size(); ++c) {
        if (c > 0) out.push_back(',');
        const Column& column = batch.columns[c];
        if (!column.IsValid(row)) continue;
        RETURN_NOT_OK(AppendValue(batch, column, row, c));
      }
      out.append("\r\n");
      RETURN_NOT_OK(out_.MaybeFlush());
    }
    return Status::OK();
  }

  Status Finish() override { return out_.Finish(); }

 private:
  Status AppendValue(const Batch& batch, const Column& column, size_t row, size_t c) {
    std::string& out = out_.buffer();
    const TypeId id = column.type().id;
    if (id == TypeId::kString) {
      const std::string_view text = column.GetBytes(row);
      if (!IsValidUtf8(text)) return ValueError(batch, row, c, "the string is not valid UTF-8");
      AppendField(text, &out);
      return Status::OK();
    }
    const FormatError error = AppendValueText(column, row, &out);
    if (error != FormatError::kNone) return ValueError(batch, row, c, DescribeFormatError(error));
    return Status::OK();
  }

  Status ValueError(const Batch& batch, size_t row, size_t c, const std::string& problem) const {
    return Status::InvalidArgument(path_ + ": row " +
                                   std::to_string(batch.first_row + static_cast<int64_t>(row)) +
                                   ", column '" + fields_[c].name + "': " + problem);
  }

  BufferedFile out_;
  const std::string path_;
  const std::vector<Field> fields_;
};

}  // namespace

Result<std::unique_ptr<BatchWriter>> OpenCsvWriter(std::unique_ptr<WritableFile> file,
                                                   std::string path, const Schema& schema) {
  if (schema.fields.empty()) return Status::InvalidArgument(path + ": the schema has no fields");
  return std::unique_ptr<BatchWriter>(
      std::make_unique<CsvWriter>(std::move(file), std::move(path), schema));
}

}  // namespace mesh::format
