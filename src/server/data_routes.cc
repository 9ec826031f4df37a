// Reading a product's data over HTTP, streamed in any format: the stored object is read from the
// lake batch by batch, fields the reader may not receive are left out (their names go in the
// X-Mesh-Withheld-Fields header), and each batch is written out in the requested format as a
// chunk. Memory stays bounded by one batch plus the writer's buffer, whatever the size.
#include "format/csv_writer.h"
#include "format/jsonl_writer.h"
#include "format/parquet/parquet_writer.h"
#include "format/reader.h"
#include "publish/version_reader.h"
#include "server/api_routes.h"
#include "server/lake_file_system.h"
#include "server/product_resource.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

// A WritableFile whose appends go to the response's current chunk sink; what is appended while
// there is none (a Parquet writer's leading magic, written when it opens) waits for the first.
class SinkFile final : public WritableFile {
 public:
  Status set_sink(httplib::DataSink* sink) {
    sink_ = sink;
    if (sink_ == nullptr || pending_.empty()) return Status::OK();
    std::string pending = std::move(pending_);
    pending_.clear();
    return Append(pending);
  }
  Status Append(std::string_view data) override {
    if (sink_ == nullptr) {
      pending_.append(data);
      return Status::OK();
    }
    if (!sink_->write(data.data(), data.size())) {
      return Status::IOError("the client stopped reading");
    }
    CountStreamedBytes(data.size());
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  httplib::DataSink* sink_ = nullptr;
  std::string pending_;
};

// The fields a reader receives, and where they are in the stored schema.
struct Projection {
  Schema schema;
  std::vector<size_t> columns;
};

Projection Project(const Schema& stored, const std::vector<access::WithheldField>& withheld) {
  Projection projection;
  for (size_t i = 0; i < stored.fields.size(); ++i) {
    bool hidden = false;
    for (const access::WithheldField& field : withheld)
      hidden |= field.field == stored.fields[i].name;
    if (hidden) continue;
    projection.schema.fields.push_back(stored.fields[i]);
    projection.columns.push_back(i);
  }
  return projection;
}

// One streamed read: the lake reader, the projection and the writer of the requested format.
class DataStream {
 public:
  static Result<std::shared_ptr<DataStream>> Open(ObjectStore* lake, const VersionRecord& version,
                                                  const Descriptor& descriptor,
                                                  Projection projection,
                                                  format::DataFormat output) {
    auto stream = std::shared_ptr<DataStream>(new DataStream());
    std::optional<format::DataFormat> stored = format::DataFormatFromName(version.output_format);
    if (!stored) return Status::Corruption(version.Ref() + ": unknown stored format");
    format::ReadOptions read_options;
    read_options.threads = 1;
    read_options.batch_rows = 8192;
    ASSIGN_OR_RAISE(stream->reader_,
                    format::OpenBatchReader(LakeFileSystem(lake), version.object_key, *stored,
                                            descriptor.schema, read_options));
    stream->projection_ = std::move(projection);
    const std::string name = version.Ref();
    if (output == format::DataFormat::kParquet) {
      ASSIGN_OR_RAISE(stream->parquet_, format::parquet::ParquetWriter::Make(
                                            &stream->sink_file_, stream->projection_.schema));
    } else {
      auto file = std::make_unique<ForwardingFile>(&stream->sink_file_);
      ASSIGN_OR_RAISE(
          stream->text_,
          output == format::DataFormat::kCsv
              ? format::OpenCsvWriter(std::move(file), name, stream->projection_.schema)
              : format::OpenJsonlWriter(std::move(file), name, stream->projection_.schema));
    }
    return stream;
  }

  // Writes the next batch (or the end) to `sink`; false stops the response (an error cut it).
  bool Next(httplib::DataSink& sink) {
    Status written = sink_file_.set_sink(&sink);
    if (written.ok()) written = WriteNext(sink);
    (void)sink_file_.set_sink(nullptr);
    return written.ok();
  }

 private:
  // A second owner-less handle on the sink file (the text writers want to own theirs).
  class ForwardingFile final : public WritableFile {
   public:
    explicit ForwardingFile(WritableFile* target) : target_(target) {}
    Status Append(std::string_view data) override { return target_->Append(data); }
    Status Sync() override { return Status::OK(); }
    Status Close() override { return Status::OK(); }

   private:
    WritableFile* target_;
  };

  DataStream() = default;

  Status WriteNext(httplib::DataSink& sink) {
    format::Batch batch;
    ASSIGN_OR_RAISE(bool more, reader_->Next(&batch));
    if (!more) {
      RETURN_NOT_OK(parquet_ ? parquet_->Close() : text_->Finish());
      sink.done();
      return Status::OK();
    }
    format::Batch projected;
    projected.first_row = batch.first_row;
    projected.num_rows = batch.num_rows;
    for (size_t column : projection_.columns) {
      projected.columns.push_back(std::move(batch.columns[column]));
    }
    return parquet_ ? parquet_->WriteBatch(projected) : text_->Write(projected);
  }

  std::unique_ptr<format::BatchReader> reader_;
  Projection projection_;
  SinkFile sink_file_;
  std::unique_ptr<format::parquet::ParquetWriter> parquet_;
  std::unique_ptr<format::BatchWriter> text_;
};

std::string ContentType(format::DataFormat format) {
  switch (format) {
    case format::DataFormat::kCsv:
      return "text/csv; charset=utf-8";
    case format::DataFormat::kJsonl:
      return "application/x-ndjson";
    case format::DataFormat::kParquet:
      return "application/vnd.apache.parquet";
  }
  return "application/octet-stream";
}

std::string JoinWithheld(const std::vector<access::WithheldField>& withheld) {
  std::string names;
  for (const access::WithheldField& field : withheld) {
    names += (names.empty() ? "" : ",") + field.field;
  }
  return names;
}

// What a client needs to summarize the read as `mesh read` does (src/client/mesh_client.h):
// the snapshot's status and rows (every row is delivered), the delivered columns, and why each
// withheld field was left out (a JSON list, ASCII only).
void SetSummaryHeaders(httplib::Response& response, const VersionRecord& version,
                       const Schema& delivered,
                       const std::vector<access::WithheldField>& withheld) {
  std::string columns;
  for (const Field& field : delivered.fields) columns += (columns.empty() ? "" : ",") + field.name;
  nlohmann::json reasons = nlohmann::json::array();
  for (const access::WithheldField& field : withheld) {
    reasons.push_back({{"field", field.field}, {"reason", field.reason}});
  }
  response.set_header("X-Mesh-Status", std::string(VersionStatusName(version.status)));
  response.set_header("X-Mesh-Rows", std::to_string(version.row_count));
  response.set_header("X-Mesh-Columns", columns);
  response.set_header(
      "X-Mesh-Withheld-Reasons",
      reasons.dump(-1, ' ', /*ensure_ascii=*/true, nlohmann::json::error_handler_t::replace));
}

Result<format::DataFormat> RequestedFormat(const RequestContext& context,
                                           const VersionRecord& version) {
  const std::string name = context.Query("format").value_or(version.output_format);
  std::optional<format::DataFormat> format = name == "csv" || name == "jsonl" || name == "parquet"
                                                 ? format::DataFormatFromName(name)
                                                 : std::nullopt;
  if (!format) {
    return Status::InvalidArgument("query parameter 'format' must be csv, jsonl or parquet");
  }
  return *format;
}

void ReadData(RequestContext& context) {
  const std::string& name = context.Param("name");
  Result<VersionSelector> selector = SelectorFromQuery(context);
  if (!selector.ok()) return context.Fail(selector.status());
  Result<VersionRecord> version = ResolveReadableVersion(
      *context.services().catalog, name, *selector, context.services().clock->Now());
  if (!version.ok()) return context.Fail(version.status());
  Result<format::DataFormat> format = RequestedFormat(context, *version);
  if (!format.ok()) return context.Fail(format.status());
  Result<Descriptor> descriptor = ParseStoredDescriptor(*version);
  if (!descriptor.ok()) return context.Fail(descriptor.status());
  access::Resource resource{name, &*descriptor};
  Result<std::vector<access::WithheldField>> withheld =
      context.services().decider->Withheld(*context.principal(), resource);
  if (!withheld.ok()) return context.Fail(withheld.status());
  Result<std::shared_ptr<DataStream>> stream =
      DataStream::Open(context.services().lake, *version, *descriptor,
                       Project(descriptor->schema, *withheld), *format);
  if (!stream.ok()) return context.Fail(stream.status());
  context.Audit("read", version->Ref(), "ok",
                "format " + std::string(format::DataFormatName(*format)) +
                    (withheld->empty() ? "" : "; withheld " + JoinWithheld(*withheld)));
  context.response().status = 200;
  context.response().set_header("X-Mesh-Ref", version->Ref());
  context.response().set_header("X-Mesh-Withheld-Fields", JoinWithheld(*withheld));
  SetSummaryHeaders(context.response(), *version, Project(descriptor->schema, *withheld).schema,
                    *withheld);
  std::shared_ptr<DataStream> shared = std::move(*stream);
  context.response().set_chunked_content_provider(
      ContentType(*format),
      [shared](size_t, httplib::DataSink& sink) { return shared->Next(sink); });
}

}  // namespace

void AddDataRoutes(RouteTable* routes) {
  Route read;
  read.method = "GET";
  read.pattern = "/api/v1/products/{name}/data";
  read.permission = access::Permission::kReadData;
  read.product_param = "name";
  read.handler = ReadData;
  read.summary = "Read a snapshot's data (streamed; withheld fields left out)";
  routes->Add(std::move(read));
}

}  // namespace mesh::server
