#include "format/parquet/parquet_reader.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "format/parquet/column_conversion.h"
#include "format/parquet/row_group_prefetcher.h"
#include "format/projection.h"

namespace mesh::format {

namespace {

using parquet::ColumnConversion;
using parquet::ColumnValues;
using parquet::ParquetFile;

// Column storage in a Batch uses 32-bit offsets: a batch's string/binary bytes must stay below
// this per column.
constexpr uint64_t kMaxBatchColumnBytes = std::numeric_limits<uint32_t>::max();

class ParquetBatchReader final : public BatchReader {
 public:
  ParquetBatchReader(std::shared_ptr<FileSystem> fs, std::unique_ptr<ParquetFile> file,
                     const Schema& schema, std::vector<int> file_columns,
                     std::vector<ColumnConversion> plans, const ReadOptions& options)
      : fs_(std::move(fs)),
        file_(std::move(file)),
        schema_(schema),
        file_columns_(std::move(file_columns)),
        plans_(std::move(plans)),
        options_(options),
        prefetcher_(*file_, file_columns_, options.threads) {}

  Result<bool> Next(Batch* batch) override;
  uint64_t bytes_read() const override {
    const int64_t total = file_->num_rows();
    if (total <= 0) return done_ ? file_->file_size() : 0;
    return static_cast<uint64_t>(static_cast<double>(file_->file_size()) *
                                 std::min(1.0, static_cast<double>(rows_done_) / total));
  }
  uint64_t bytes_total() const override { return file_->file_size(); }

 private:
  void PrepareBatch(Batch* batch) const;
  size_t RowsFitting(size_t begin, size_t rows) const;

  std::shared_ptr<FileSystem> fs_;  // keeps the file system alive while the file is open
  std::unique_ptr<ParquetFile> file_;
  Schema schema_;
  std::vector<int> file_columns_;  // per schema field: index into file_->columns()
  std::vector<ColumnConversion> plans_;
  ReadOptions options_;
  parquet::RowGroupPrefetcher prefetcher_;

  int next_group_ = 0;
  std::vector<ColumnValues> group_;  // the row group being served
  size_t group_rows_ = 0;
  size_t group_offset_ = 0;
  int64_t rows_done_ = 0;  // rows handed out so far
  bool done_ = false;
};

void ParquetBatchReader::PrepareBatch(Batch* batch) const {
  const size_t fields = schema_.fields.size();
  bool reusable = batch->columns.size() == fields;
  for (size_t i = 0; reusable && i < fields; ++i) {
    reusable = batch->columns[i].type() == schema_.fields[i].type;
  }
  if (!reusable) {
    batch->columns.clear();
    for (const Field& field : schema_.fields) batch->columns.emplace_back(field.type);
  } else {
    for (Column& column : batch->columns) column.Clear();
  }
  batch->type_errors.clear();
  batch->num_rows = 0;
}

size_t ParquetBatchReader::RowsFitting(size_t begin, size_t rows) const {
  for (const ColumnValues& values : group_) {
    if (values.type != parquet::PhysicalType::kByteArray &&
        values.type != parquet::PhysicalType::kFixedLenByteArray) {
      continue;
    }
    auto bytes_of = [&](size_t n) -> uint64_t {
      if (values.type == parquet::PhysicalType::kFixedLenByteArray) {
        return static_cast<uint64_t>(n) * static_cast<uint64_t>(values.type_length);
      }
      return values.offsets[begin + n] - values.offsets[begin];
    };
    while (rows > 1 && bytes_of(rows) > kMaxBatchColumnBytes) rows /= 2;
  }
  return rows;
}

Result<bool> ParquetBatchReader::Next(Batch* batch) {
  PrepareBatch(batch);
  while (group_offset_ >= group_rows_) {
    if (next_group_ >= file_->num_row_groups()) {
      done_ = true;
      return false;
    }
    ASSIGN_OR_RAISE(group_, prefetcher_.TakeNext());
    group_rows_ = static_cast<size_t>(file_->row_group_num_rows(next_group_));
    group_offset_ = 0;
    ++next_group_;
  }
  size_t rows = std::min(std::max<size_t>(options_.batch_rows, 1), group_rows_ - group_offset_);
  rows = RowsFitting(group_offset_, rows);
  if (rows == 1) {  // a single value may still be too large for a batch column
    for (const ColumnValues& values : group_) {
      if (values.type == parquet::PhysicalType::kByteArray &&
          values.offsets[group_offset_ + 1] - values.offsets[group_offset_] >
              kMaxBatchColumnBytes) {
        return Status::NotSupported(file_->path() + ": row " + std::to_string(rows_done_ + 1) +
                                    " holds a value of 4 GiB or more");
      }
    }
  }
  batch->first_row = rows_done_ + 1;
  for (size_t i = 0; i < plans_.size(); ++i) {
    parquet::ConvertRows(plans_[i], group_[i], group_offset_, rows, batch->first_row,
                         static_cast<int>(i), &batch->columns[i], batch);
  }
  batch->num_rows = rows;
  group_offset_ += rows;
  rows_done_ += static_cast<int64_t>(rows);
  if (group_offset_ >= group_rows_) group_.clear();  // free the row group early
  return true;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += "'" + name + "'";
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<BatchReader>> OpenParquetBatchReader(std::shared_ptr<FileSystem> fs,
                                                            const std::string& path,
                                                            const Schema& schema,
                                                            const ReadOptions& options) {
  return OpenParquetBatchReader(std::move(fs), path, schema, options, {});
}

Result<std::unique_ptr<BatchReader>> OpenParquetBatchReader(
    std::shared_ptr<FileSystem> fs, const std::string& path, const Schema& schema,
    const ReadOptions& options, const parquet::ParquetReadLimits& limits) {
  ASSIGN_OR_RAISE(std::unique_ptr<ParquetFile> file, ParquetFile::Open(*fs, path, limits));
  const std::vector<std::string>& top_level = file->top_level_fields();
  for (const std::string& name : top_level) {
    if (schema.FindField(name) == nullptr) {
      return Status::InvalidArgument(
          path + ": the file has column '" + name +
          "' that the schema does not declare; add the field to the descriptor or drop the "
          "column from the file");
    }
  }
  std::vector<int> file_columns;
  std::vector<ColumnConversion> plans;
  for (const Field& field : schema.fields) {
    const int index = file->FindColumn(field.name);
    if (index < 0) {
      const bool is_group =
          std::find(top_level.begin(), top_level.end(), field.name) != top_level.end();
      if (is_group) {
        return Status::NotSupported(path + ": column '" + field.name +
                                    "' is nested (a group, list or map); Meshwork reads flat "
                                    "columns only");
      }
      return Status::InvalidArgument(
          path + ": column '" + field.name +
          "' of the schema is missing from the file (its columns: " + Join(top_level) + ")");
    }
    const parquet::ColumnDescriptor& column = file->columns()[index];
    if (column.nested) {
      return Status::NotSupported(path + ": column '" + field.name +
                                  "' is nested (repeated); Meshwork reads flat columns only");
    }
    Result<ColumnConversion> plan = parquet::PlanConversion(column, field.type);
    if (!plan.ok()) {
      return Status::InvalidArgument(path + ": column '" + field.name + "' is " +
                                     field.type.ToString() + " in the schema but " +
                                     plan.status().message() +
                                     "; change the field's type or convert the column");
    }
    file_columns.push_back(index);
    plans.push_back(*plan);
  }
  // The whole schema is checked against the file above; only the projected chunks are decoded.
  ASSIGN_OR_RAISE(Projection projection, ProjectSchema(schema, options.columns, path));
  std::vector<int> projected_columns;
  std::vector<ColumnConversion> projected_plans;
  for (int index : projection.indexes) {
    projected_columns.push_back(file_columns[static_cast<size_t>(index)]);
    projected_plans.push_back(plans[static_cast<size_t>(index)]);
  }
  return std::unique_ptr<BatchReader>(
      new ParquetBatchReader(std::move(fs), std::move(file), projection.schema,
                             std::move(projected_columns), std::move(projected_plans), options));
}

}  // namespace mesh::format
