// Reading a product's data over HTTP, streamed in any format, by the same ReadVersion as
// `mesh read` (publish/version_reader.h): retired snapshots and superseded majors past their
// readable_until are refused, damaged stored data stops the read, the read is audited when it
// completes and metered for charge-back (usage/read_meter.h). Which fields the reader may not
// receive is decided before the answer starts (their names go in the X-Mesh-Withheld-Fields
// header); the rows are then written to the response as chunks while the lake object is read
// batch by batch, so memory stays bounded by one batch plus the writer's buffer.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "format/reader.h"
#include "publish/version_reader.h"
#include "server/api_routes.h"
#include "server/request_context.h"
#include "usage/read_meter.h"

namespace mesh::server {
namespace {

// The response's chunk sink as a WritableFile: each append goes out as a chunk.
class ChunkFile final : public WritableFile {
 public:
  explicit ChunkFile(httplib::DataSink* sink) : sink_(sink) {}
  Status Append(std::string_view data) override {
    if (data.empty()) return Status::OK();
    if (!sink_->write(data.data(), data.size())) {
      return Status::IOError("the client stopped reading");
    }
    CountStreamedBytes(data.size());
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  httplib::DataSink* sink_;
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

// Everything that can refuse the read before the answer starts: the snapshot, the format, the
// fields the reader may receive (at least one).
struct PlannedRead {
  ReadRequest request;
  std::vector<access::WithheldField> withheld;
  std::string ref;
  VersionRecord version;
  Schema delivered;  // the descriptor's fields less the withheld ones
};

Result<PlannedRead> PlanRead(RequestContext& context) {
  const std::string& name = context.Param("name");
  ASSIGN_OR_RAISE(VersionSelector selector, SelectorFromQuery(context));
  PlannedRead plan;
  plan.request.now = context.services().clock->Now();
  ASSIGN_OR_RAISE(VersionRecord version, ResolveReadableVersion(*context.services().catalog, name,
                                                                selector, plan.request.now));
  ASSIGN_OR_RAISE(format::DataFormat data_format, RequestedFormat(context, version));
  ASSIGN_OR_RAISE(Descriptor descriptor, StoredDescriptor(version));
  access::Resource resource{name, &descriptor};
  ASSIGN_OR_RAISE(plan.withheld,
                  context.services().decider->Withheld(*context.principal(), resource));
  if (plan.withheld.size() >= descriptor.schema.fields.size()) {
    return Status::FailedPrecondition("nothing of " + version.Ref() + " may be delivered to '" +
                                      context.person() + "': every field is withheld");
  }
  plan.request.product = name;
  plan.request.selector.snapshot = version.snapshot;  // exactly the one access was decided on
  plan.request.format = data_format;
  for (const access::WithheldField& field : plan.withheld) {
    plan.request.excluded_fields.push_back(field.field);
  }
  plan.request.person = context.person();
  plan.request.threads = 1;
  plan.ref = version.Ref();
  for (const Field& field : descriptor.schema.fields) {
    const bool kept =
        std::none_of(plan.withheld.begin(), plan.withheld.end(),
                     [&](const access::WithheldField& w) { return w.field == field.name; });
    if (kept) plan.delivered.fields.push_back(field);
  }
  plan.version = std::move(version);
  return plan;
}

// Streams the planned read into `sink` and meters it; false cuts the answer off (the client
// then sees no final chunk and knows it is incomplete).
bool StreamRead(const ServerServices& services, const access::Principal& reader,
                const ReadRequest& request, httplib::DataSink& sink) {
  ChunkFile file(&sink);
  Result<ReadResult> read = ReadVersion(*services.catalog, *services.lake, request, &file);
  if (!read.ok()) return false;
  usage::ReadToMeter metered{read->version.product,
                             read->version.snapshot,
                             reader.person,
                             reader.teams.empty() ? "" : reader.teams.front(),
                             static_cast<int64_t>(read->bytes),
                             request.now};
  // The team is given (the reader's first in mesh.yaml order), so no organisation is consulted.
  static const Organisation kUnused;
  Result<int64_t> recorded = usage::RecordRead(*services.catalog, kUnused, metered);
  if (!recorded.ok()) {
    std::cerr << "mesh serve: the read of " << read->version.Ref()
              << " was not metered: " << recorded.status().message() << "\n";
  }
  sink.done();
  return true;
}

void ReadData(RequestContext& context) {
  Result<PlannedRead> plan = PlanRead(context);
  if (!plan.ok()) return context.Fail(plan.status());
  context.response().status = 200;
  context.response().set_header("X-Mesh-Ref", plan->ref);
  context.response().set_header("X-Mesh-Withheld-Fields", JoinWithheld(plan->withheld));
  SetSummaryHeaders(context.response(), plan->version, plan->delivered, plan->withheld);
  auto shared = std::make_shared<PlannedRead>(std::move(*plan));
  const ServerServices* services = &context.services();
  const access::Principal reader = *context.principal();
  context.response().set_chunked_content_provider(
      ContentType(*shared->request.format),
      [shared, services, reader](size_t, httplib::DataSink& sink) {
        return StreamRead(*services, reader, shared->request, sink);
      });
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
