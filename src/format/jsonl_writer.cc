#include "format/jsonl_writer.h"

#include "base/json_writer.h"
#include "format/value_formatter.h"
#include "format/value_parser.h"

namespace mesh::format {
namespace {

bool WrittenAsJsonString(TypeId id) {
  return id == TypeId::kString || id == TypeId::kDate || id == TypeId::kTimestamp ||
         id == TypeId::kBinary;
}

class JsonlWriter final : public BatchWriter {
 public:
  JsonlWriter(std::unique_ptr<WritableFile> file, std::string path, const Schema& schema)
      : out_(std::move(file)), path_(std::move(path)), fields_(schema.fields) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      std::string key = i == 0 ? "{" : ",";
      AppendJsonString(fields_[i].name, &key);
      key.push_back(':');
      keys_.push_back(std::move(key));
    }
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
        out.append(keys_[c]);
        const Column& column = batch.columns[c];
        if (!column.IsValid(row)) {
          out.append("null");
          continue;
        }
        RETURN_NOT_OK(AppendValue(batch, column, row, c));
      }
      out.append("}\n");
      RETURN_NOT_OK(out_.MaybeFlush());
    }
    return Status::OK();
  }

  Status Finish() override { return out_.Finish(); }

 private:
  Status AppendValue(const Batch& batch, const Column& column, size_t row, size_t c) {
    std::string& out = out_.buffer();
    const TypeId id = column.type().id;
    if (id == TypeId::kString && !IsValidUtf8(column.GetBytes(row))) {
      return ValueError(batch, row, c, "the string is not valid UTF-8");
    }
    if (!WrittenAsJsonString(id)) {
      const FormatError error = AppendValueText(column, row, &out);
      if (error != FormatError::kNone) return ValueError(batch, row, c, DescribeFormatError(error));
      return Status::OK();
    }
    scratch_.clear();
    const FormatError error = AppendValueText(column, row, &scratch_);
    if (error != FormatError::kNone) return ValueError(batch, row, c, DescribeFormatError(error));
    AppendJsonString(scratch_, &out);
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
  std::vector<std::string> keys_;  // `{"name":` and `,"name":`
  std::string scratch_;
};

}  // namespace

Result<std::unique_ptr<BatchWriter>> OpenJsonlWriter(std::unique_ptr<WritableFile> file,
                                                     std::string path, const Schema& schema) {
  if (schema.fields.empty()) return Status::InvalidArgument(path + ": the schema has no fields");
  return std::unique_ptr<BatchWriter>(
      std::make_unique<JsonlWriter>(std::move(file), std::move(path), schema));
}

}  // namespace mesh::format
