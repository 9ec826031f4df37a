#include "publish/version_reader.h"

#include <algorithm>

#include "format/csv_writer.h"
#include "format/jsonl_writer.h"
#include "format/parquet/parquet_writer.h"
#include "lake/object_file_system.h"
#include "model/descriptor_parser.h"

namespace mesh {
namespace {

// Forwards appends to the caller's sink and counts them; syncing and closing stay the caller's.
class CountingSink final : public WritableFile {
 public:
  CountingSink(WritableFile* sink, uint64_t* bytes) : sink_(sink), bytes_(bytes) {}
  Status Append(std::string_view data) override {
    RETURN_NOT_OK(sink_->Append(data));
    *bytes_ += data.size();
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  WritableFile* sink_;
  uint64_t* bytes_;
};

// One writer for the three formats.
class OutputWriter {
 public:
  static Result<std::unique_ptr<OutputWriter>> Make(format::DataFormat data_format,
                                                    const Schema& schema, WritableFile* sink,
                                                    uint64_t* bytes, const std::string& name) {
    auto writer = std::unique_ptr<OutputWriter>(new OutputWriter());
    writer->file_ = std::make_unique<CountingSink>(sink, bytes);
    if (data_format == format::DataFormat::kParquet) {
      ASSIGN_OR_RAISE(writer->parquet_,
                      format::parquet::ParquetWriter::Make(writer->file_.get(), schema));
    } else if (data_format == format::DataFormat::kCsv) {
      ASSIGN_OR_RAISE(
          writer->text_,
          format::OpenCsvWriter(std::make_unique<CountingSink>(sink, bytes), name, schema));
    } else {
      ASSIGN_OR_RAISE(
          writer->text_,
          format::OpenJsonlWriter(std::make_unique<CountingSink>(sink, bytes), name, schema));
    }
    return writer;
  }
  Status Write(const format::Batch& batch) {
    return parquet_ ? parquet_->WriteBatch(batch) : text_->Write(batch);
  }
  Status Finish() { return parquet_ ? parquet_->Close() : text_->Finish(); }

 private:
  OutputWriter() = default;
  std::unique_ptr<CountingSink> file_;
  std::unique_ptr<format::parquet::ParquetWriter> parquet_;
  std::unique_ptr<format::BatchWriter> text_;
};

// Which of the schema's fields are delivered (indexes) and which are left out (names).
struct Projection {
  std::vector<int> kept;
  Schema schema;
  std::vector<std::string> withheld;
};

Result<Projection> Project(const Schema& schema, const std::vector<std::string>& excluded,
                           const std::string& ref) {
  Projection projection;
  projection.schema = schema;
  projection.schema.fields.clear();
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    const Field& field = schema.fields[i];
    if (std::find(excluded.begin(), excluded.end(), field.name) != excluded.end()) {
      projection.withheld.push_back(field.name);
      continue;
    }
    projection.kept.push_back(static_cast<int>(i));
    projection.schema.fields.push_back(field);
  }
  if (projection.kept.empty()) {
    return Status::FailedPrecondition("nothing of " + ref +
                                      " may be delivered: every field is withheld");
  }
  return projection;
}

format::Batch ProjectBatch(format::Batch&& batch, const Projection& projection) {
  format::Batch out;
  out.first_row = batch.first_row;
  out.num_rows = batch.num_rows;
  for (int index : projection.kept) out.columns.push_back(std::move(batch.columns[index]));
  return out;
}

Status CheckClean(const format::Batch& batch, const VersionRecord& version) {
  if (batch.type_errors.empty()) return Status::OK();
  const format::TypeError& error = batch.type_errors.front();
  return Status::Corruption("lake object " + version.object_key + " of " + version.Ref() +
                            " holds a value its schema rejects (row " + std::to_string(error.row) +
                            ": " + error.reason + "); the stored data is damaged");
}

Status AuditRead(Catalog& catalog, const ReadRequest& request, const ReadResult& result) {
  if (request.person.empty()) return Status::OK();
  std::string details = "format " + std::string(format::DataFormatName(result.format)) + ", rows " +
                        std::to_string(result.rows) + ", bytes " + std::to_string(result.bytes);
  if (!result.withheld.empty()) {
    details += ", withheld";
    for (const std::string& field : result.withheld) details += " " + field;
  }
  AuditEntry entry{0,  request.now, request.person, "read", result.version.Ref(), "ok", details,
                   "", ""};
  return catalog.AppendAudit(entry).status();
}

}  // namespace

Result<VersionRecord> ResolveReadableVersion(Catalog& catalog, std::string_view product,
                                             const VersionSelector& selector, Timestamp now) {
  ASSIGN_OR_RAISE(VersionRecord version, catalog.GetVersion(product, selector));
  if (version.status == VersionStatus::kRetired) {
    return Status::FailedPrecondition(
        version.Ref() + " is retired: its major version " + std::to_string(version.version.major) +
        " is no longer readable; read " + std::string(product) + " (the current version) instead");
  }
  if (version.readable_until && now.micros > version.readable_until->micros) {
    return Status::FailedPrecondition(
        version.Ref() + " is no longer readable: the deprecation period of major version " +
        std::to_string(version.version.major) + " ended at " +
        FormatTimestamp(*version.readable_until) + "; read " + std::string(product) +
        " (the current version) instead");
  }
  return version;
}

Result<Descriptor> StoredDescriptor(const VersionRecord& version) {
  FindingSink sink(version.Ref());
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!descriptor) {
    return Status::Corruption("catalog: the stored descriptor of " + version.Ref() +
                              " cannot be parsed");
  }
  return *descriptor;
}

Result<ReadResult> ReadVersion(Catalog& catalog, ObjectStore& lake, const ReadRequest& request,
                               WritableFile* sink) {
  ReadResult result;
  ASSIGN_OR_RAISE(result.version,
                  ResolveReadableVersion(catalog, request.product, request.selector, request.now));
  const VersionRecord& version = result.version;
  ASSIGN_OR_RAISE(Descriptor descriptor, StoredDescriptor(version));
  std::optional<format::DataFormat> stored = format::DataFormatFromName(version.output_format);
  if (!stored) {
    return Status::Corruption("catalog: " + version.Ref() + " has unknown output format '" +
                              version.output_format + "'");
  }
  result.format = request.format.value_or(*stored);
  ASSIGN_OR_RAISE(Projection projection,
                  Project(descriptor.schema, request.excluded_fields, version.Ref()));
  result.withheld = projection.withheld;
  for (const Field& field : projection.schema.fields) result.columns.push_back(field.name);

  format::ReadOptions read_options;
  read_options.threads = std::max(1, request.threads);
  ASSIGN_OR_RAISE(
      std::unique_ptr<format::BatchReader> reader,
      format::OpenBatchReader(std::make_shared<ObjectFileSystem>(&lake), version.object_key,
                              *stored, descriptor.schema, read_options));
  ASSIGN_OR_RAISE(
      std::unique_ptr<OutputWriter> writer,
      OutputWriter::Make(result.format, projection.schema, sink, &result.bytes, version.Ref()));
  format::Batch batch;
  while (true) {
    ASSIGN_OR_RAISE(bool more, reader->Next(&batch));
    if (!more) break;
    RETURN_NOT_OK(CheckClean(batch, version));
    result.rows += static_cast<int64_t>(batch.num_rows);
    RETURN_NOT_OK(writer->Write(ProjectBatch(std::move(batch), projection)));
    batch = format::Batch();
  }
  RETURN_NOT_OK(writer->Finish());
  RETURN_NOT_OK(AuditRead(catalog, request, result));
  return result;
}

}  // namespace mesh
