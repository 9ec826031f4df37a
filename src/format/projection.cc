#include "format/projection.h"

#include <algorithm>
#include <utility>

namespace mesh::format {
namespace {

std::string FieldList(const Schema& schema) {
  std::string out;
  for (const Field& field : schema.fields) {
    if (!out.empty()) out += ", ";
    out += field.name;
  }
  return out;
}

class ProjectingBatchReader final : public BatchReader {
 public:
  ProjectingBatchReader(std::unique_ptr<BatchReader> full, Projection projection)
      : full_(std::move(full)), projection_(std::move(projection)) {
    new_index_.assign(projection_.indexes.empty()
                          ? 0
                          : static_cast<size_t>(*std::max_element(projection_.indexes.begin(),
                                                                  projection_.indexes.end())) +
                                1,
                      -1);
    for (size_t i = 0; i < projection_.indexes.size(); ++i) {
      new_index_[static_cast<size_t>(projection_.indexes[i])] = static_cast<int>(i);
    }
  }

  Result<bool> Next(Batch* batch) override {
    ASSIGN_OR_RAISE(bool more, full_->Next(&scratch_));
    if (!more) {
      batch->columns.clear();
      batch->type_errors.clear();
      batch->num_rows = 0;
      return false;
    }
    batch->columns.resize(projection_.indexes.size());
    for (size_t i = 0; i < projection_.indexes.size(); ++i) {
      std::swap(batch->columns[i], scratch_.columns[static_cast<size_t>(projection_.indexes[i])]);
    }
    batch->first_row = scratch_.first_row;
    batch->num_rows = scratch_.num_rows;
    batch->type_errors.clear();
    for (TypeError& error : scratch_.type_errors) {
      const size_t column = static_cast<size_t>(error.column);
      if (column >= new_index_.size() || new_index_[column] < 0) continue;
      error.column = new_index_[column];
      batch->type_errors.push_back(std::move(error));
    }
    return true;
  }
  uint64_t bytes_read() const override { return full_->bytes_read(); }
  uint64_t bytes_total() const override { return full_->bytes_total(); }

 private:
  std::unique_ptr<BatchReader> full_;
  Projection projection_;
  std::vector<int> new_index_;  // original field index -> projected index, or -1
  Batch scratch_;
};

}  // namespace

Result<Projection> ProjectSchema(const Schema& schema, const std::vector<std::string>& columns,
                                 const std::string& path) {
  Projection projection;
  std::vector<bool> keep(schema.fields.size(), columns.empty());
  for (const std::string& name : columns) {
    const int index = schema.FieldIndex(name);
    if (index < 0) {
      return Status::InvalidArgument(
          path + ": cannot project column '" + name +
          "': the schema has no such field (its fields: " + FieldList(schema) + ")");
    }
    keep[static_cast<size_t>(index)] = true;
  }
  projection.schema.primary_key = schema.primary_key;
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    if (!keep[i]) continue;
    projection.schema.fields.push_back(schema.fields[i]);
    projection.indexes.push_back(static_cast<int>(i));
  }
  return projection;
}

std::unique_ptr<BatchReader> ProjectBatchReader(std::unique_ptr<BatchReader> full,
                                                Projection projection) {
  return std::make_unique<ProjectingBatchReader>(std::move(full), std::move(projection));
}

}  // namespace mesh::format
