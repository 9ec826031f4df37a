#include "format/parquet/parquet_writer.h"

#include <algorithm>

#include "format/parquet/writer_schema.h"

namespace mesh::format::parquet {
namespace {

constexpr std::string_view kMagic = "PAR1";

std::string CreatedBy() { return std::string("meshwork version ") + MESH_VERSION; }

void AppendUint32LittleEndian(uint32_t value, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

Status CheckOptions(const ParquetWriterOptions& options) {
  if (options.row_group_rows < 1) {
    return Status::InvalidArgument("Parquet row_group_rows must be at least 1, got " +
                                   std::to_string(options.row_group_rows));
  }
  if (options.zstd_level < 1 || options.zstd_level > 19) {
    return Status::InvalidArgument("Parquet zstd_level must be within 1..19, got " +
                                   std::to_string(options.zstd_level));
  }
  if (options.data_page_bytes < 1) {
    return Status::InvalidArgument("Parquet data_page_bytes must be at least 1");
  }
  return Status::OK();
}

}  // namespace

ParquetWriter::ParquetWriter(std::unique_ptr<WritableFile> owned, WritableFile* file,
                             const Schema& schema, const ParquetWriterOptions& options)
    : owned_file_(std::move(owned)),
      file_(file),
      schema_(schema),
      options_(options),
      compressor_(options.compression, options.zstd_level) {
  ColumnChunkOptions column_options;
  column_options.dictionary = options.dictionary;
  column_options.dictionary_page_limit_bytes = options.dictionary_page_limit_bytes;
  column_options.data_page_bytes = options.data_page_bytes;
  for (const Field& field : schema_.fields) {
    bool required = options.required_fields_as_required && field.required;
    columns_.push_back(std::make_unique<ColumnChunkWriter>(field.name, field.type, required,
                                                           column_options, &compressor_));
  }
}

ParquetWriter::~ParquetWriter() = default;

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::Make(std::unique_ptr<WritableFile> file,
                                                           const Schema& schema,
                                                           const ParquetWriterOptions& options) {
  if (file == nullptr) return Status::InvalidArgument("ParquetWriter needs a file");
  RETURN_NOT_OK(CheckWritableSchema(schema));
  RETURN_NOT_OK(CheckOptions(options));
  WritableFile* raw = file.get();
  std::unique_ptr<ParquetWriter> writer(new ParquetWriter(std::move(file), raw, schema, options));
  RETURN_NOT_OK(writer->Start());
  return writer;
}

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::Make(WritableFile* file, const Schema& schema,
                                                           const ParquetWriterOptions& options) {
  if (file == nullptr) return Status::InvalidArgument("ParquetWriter needs a file");
  RETURN_NOT_OK(CheckWritableSchema(schema));
  RETURN_NOT_OK(CheckOptions(options));
  std::unique_ptr<ParquetWriter> writer(new ParquetWriter(nullptr, file, schema, options));
  RETURN_NOT_OK(writer->Start());
  return writer;
}

Status ParquetWriter::Start() { return Append(kMagic); }

Status ParquetWriter::Append(std::string_view bytes) {
  RETURN_NOT_OK(file_->Append(bytes));
  bytes_written_ += bytes.size();
  return Status::OK();
}

Status ParquetWriter::Fail(Status status) {
  if (!status.ok() && error_.ok()) error_ = status;
  return status;
}

Status ParquetWriter::CheckBatch(const Batch& batch) const {
  if (batch.columns.size() != schema_.fields.size()) {
    return Status::InvalidArgument("the batch has " + std::to_string(batch.columns.size()) +
                                   " columns but the schema has " +
                                   std::to_string(schema_.fields.size()) + " fields");
  }
  for (size_t i = 0; i < batch.columns.size(); ++i) {
    const Field& field = schema_.fields[i];
    const Column& column = batch.columns[i];
    if (!(column.type() == field.type)) {
      return Status::InvalidArgument("column " + std::to_string(i + 1) +
                                     " of the batch does not "
                                     "have the type of field '" +
                                     field.name + "'");
    }
    if (column.size() != batch.num_rows) {
      return Status::InvalidArgument("column '" + field.name + "' has " +
                                     std::to_string(column.size()) + " rows but the batch has " +
                                     std::to_string(batch.num_rows));
    }
  }
  return Status::OK();
}

Status ParquetWriter::WriteBatch(const Batch& batch) {
  if (!error_.ok()) return error_;
  if (closed_) return Status::FailedPrecondition("the Parquet writer is closed");
  RETURN_NOT_OK(CheckBatch(batch));
  size_t begin = 0;
  while (begin < batch.num_rows) {
    auto room = static_cast<size_t>(options_.row_group_rows - rows_in_group_);
    size_t end = std::min(batch.num_rows, begin + room);
    RETURN_NOT_OK(Fail(AppendRows(batch, begin, end)));
    begin = end;
    if (rows_in_group_ == options_.row_group_rows) RETURN_NOT_OK(Fail(FlushRowGroup()));
  }
  return Status::OK();
}

Status ParquetWriter::AppendRows(const Batch& batch, size_t begin, size_t end) {
  for (size_t i = 0; i < columns_.size(); ++i) {
    RETURN_NOT_OK(columns_[i]->Append(batch.columns[i], begin, end, batch.first_row));
  }
  rows_in_group_ += static_cast<int64_t>(end - begin);
  rows_written_ += static_cast<int64_t>(end - begin);
  return Status::OK();
}

Status ParquetWriter::FlushRowGroup() {
  if (rows_in_group_ == 0) return Status::OK();
  RowGroup group;
  group.num_rows = rows_in_group_;
  group.file_offset = static_cast<int64_t>(bytes_written_);
  group.ordinal = static_cast<int16_t>(std::min<size_t>(row_groups_.size(), INT16_MAX));
  int64_t compressed = 0;
  std::string chunk_bytes;
  for (auto& column : columns_) {
    chunk_bytes.clear();
    ColumnChunk chunk;
    RETURN_NOT_OK(column->Finish(static_cast<int64_t>(bytes_written_), &chunk_bytes, &chunk));
    RETURN_NOT_OK(Append(chunk_bytes));
    group.total_byte_size += chunk.meta_data->total_uncompressed_size;
    compressed += chunk.meta_data->total_compressed_size;
    group.columns.push_back(std::move(chunk));
  }
  group.total_compressed_size = compressed;
  row_groups_.push_back(std::move(group));
  rows_in_group_ = 0;
  return Status::OK();
}

Status ParquetWriter::WriteFooter() {
  FileMetaData metadata;
  metadata.version = 1;
  metadata.schema = WriterSchemaElements(schema_, options_.required_fields_as_required);
  metadata.num_rows = rows_written_;
  metadata.row_groups = std::move(row_groups_);
  for (const auto& [key, value] : options_.key_value_metadata) {
    metadata.key_value_metadata.push_back(KeyValue{key, value});
  }
  metadata.created_by = CreatedBy();
  metadata.column_orders_type_defined.assign(schema_.fields.size(), true);
  std::string footer;
  EncodeFileMetaData(metadata, &footer);
  if (footer.size() > UINT32_MAX) return Status::ResourceExhausted("Parquet footer over 4 GiB");
  AppendUint32LittleEndian(static_cast<uint32_t>(footer.size()), &footer);
  footer.append(kMagic);
  return Append(footer);
}

Status ParquetWriter::Close() {
  if (!error_.ok()) return error_;
  if (closed_) return Status::OK();
  RETURN_NOT_OK(Fail(FlushRowGroup()));
  RETURN_NOT_OK(Fail(WriteFooter()));
  closed_ = true;
  if (owned_file_ != nullptr) {
    RETURN_NOT_OK(Fail(owned_file_->Sync()));
    RETURN_NOT_OK(Fail(owned_file_->Close()));
  }
  return Status::OK();
}

}  // namespace mesh::format::parquet
