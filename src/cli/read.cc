// mesh read NAME[@VERSION][#SNAPSHOT] --as PERSON [--format csv|jsonl|parquet] [-o FILE] [--json]
// (or --server URL: the server streams it, for the person of MESH_TOKEN; --as is then optional)
// Streams a published snapshot out of the lake (src/publish/version_reader.h), converted to the
// requested format (default: the stored one), to stdout or FILE. PERSON must be in mesh.yaml;
// whether they may read it and which fields are left out is decided by the access::Authorizer
// (cli/read_access.h). The read is audited
// and metered for charge-back (usage/read_meter.h).
// Exit codes: 0 read, 1 denied, 2 usage or input error (unknown product/version, retired
// snapshot, unwritable output).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "catalog/product_ref.h"
#include "cli/catalog_option.h"
#include "cli/read_access.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "governance/effective_policy.h"
#include "governance/policy_loader.h"
#include "publish/version_reader.h"
#include "usage/read_meter.h"

namespace mesh::cli {
namespace {

struct ReadCommandOptions {
  std::string ref;
  std::string person;
  std::string format;
  std::string output;
  bool json = false;
  int threads = 2;
  StoreOptions stores;
  RemoteOptions remote;
};

// Standard output as a WritableFile (binary-safe: Parquet goes through it too).
class StdoutFile final : public WritableFile {
 public:
  Status Append(std::string_view data) override {
    while (!data.empty()) {
      ssize_t written = ::write(STDOUT_FILENO, data.data(), data.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0)
        return Status::IOError("writing to stdout: " + std::string(strerror(errno)));
      data.remove_prefix(static_cast<size_t>(written));
    }
    return Status::OK();
  }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }
};

int Fail(const std::string& message, int code = kExitUsage) {
  std::cerr << "mesh read: " << message << "\n";
  return code;
}

// What a read delivered, locally or from a server: what the summary prints.
struct ReadSummary {
  std::string ref;
  VersionStatus status = VersionStatus::kCurrent;
  format::DataFormat format = format::DataFormat::kCsv;
  int64_t rows = 0;
  uint64_t bytes = 0;
  std::vector<std::string> columns;
  std::vector<access::WithheldField> withheld;  // in schema order
};

ReadSummary SummaryOf(const ReadResult& result, const std::vector<access::WithheldField>& decided) {
  ReadSummary summary{result.version.Ref(),
                      result.version.status,
                      result.format,
                      result.rows,
                      result.bytes,
                      result.columns,
                      {}};
  for (const std::string& field : result.withheld) {
    std::string reason;
    for (const access::WithheldField& entry : decided) {
      if (entry.field == field) reason = entry.reason;
    }
    summary.withheld.push_back({field, reason});
  }
  return summary;
}

ReadSummary SummaryOf(const client::RemoteRead& read) {
  return ReadSummary{read.ref,   read.status,  read.format,  read.rows,
                     read.bytes, read.columns, read.withheld};
}

nlohmann::ordered_json SummaryJson(const ReadSummary& summary, const std::string& output) {
  nlohmann::ordered_json json;
  json["ref"] = summary.ref;
  json["status"] = std::string(VersionStatusName(summary.status));
  json["format"] = std::string(format::DataFormatName(summary.format));
  json["output"] = output.empty() ? "-" : output;
  json["rows"] = summary.rows;
  json["bytes"] = summary.bytes;
  json["columns"] = summary.columns;
  json["withheld"] = nlohmann::ordered_json::array();
  for (const access::WithheldField& field : summary.withheld) {
    json["withheld"].push_back({{"field", field.field}, {"reason", field.reason}});
  }
  return json;
}

void PrintSummary(const ReadSummary& summary, const ReadCommandOptions& options,
                  const std::string& output) {
  std::ostream& out = output.empty() ? std::cerr : std::cout;
  if (options.json) {
    out << SummaryJson(summary, output).dump(2) << "\n";
    return;
  }
  out << "read " << summary.ref << ": " << summary.rows << " rows, " << summary.bytes << " bytes ("
      << format::DataFormatName(summary.format) << ")"
      << (output.empty() ? "" : " to " + options.output) << "\n";
  for (const access::WithheldField& field : summary.withheld) {
    out << "  withheld " << field.field << ": " << field.reason << "\n";
  }
}

// Where the data goes: stdout, or FILE through FILE.part, renamed when the read succeeded (so
// FILE is whole or absent).
class DataOutput {
 public:
  DataOutput(FileSystem* fs, std::string path) : fs_(fs), path_(std::move(path)) {}
  Status Open() {
    if (path_.empty()) return Status::OK();
    RETURN_NOT_OK(fs_->CreateDirs(DirName(path_)));
    ASSIGN_OR_RAISE(file_, fs_->OpenForWrite(path_ + ".part"));
    return Status::OK();
  }
  WritableFile* sink() { return file_ ? file_.get() : &stdout_; }
  // Keeps the file when `succeeded` (an error when it cannot), removes the part otherwise.
  Status Finish(bool succeeded) {
    if (!file_) return Status::OK();
    Status closed = succeeded ? file_->Sync() : Status::OK();
    if (closed.ok()) closed = file_->Close();
    if (closed.ok() && succeeded) closed = fs_->Rename(path_ + ".part", path_);
    if (!closed.ok() || !succeeded) (void)fs_->Remove(path_ + ".part");
    return succeeded ? closed : Status::OK();
  }

 private:
  FileSystem* fs_;
  std::string path_;
  std::unique_ptr<WritableFile> file_;
  StdoutFile stdout_;
};

struct ReadContext {
  Workspace workspace;
  Organisation organisation;
  governance::EffectivePolicy policy;
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<ObjectStore> lake;
  std::shared_ptr<Clock> clock;
};

Result<ReadContext> OpenContext(const GlobalOptions& global, const ReadCommandOptions& options) {
  ASSIGN_OR_RAISE(std::shared_ptr<Clock> clock, ClockFromEnvironment());
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace.Load({}));
  if (!contents.org) return Status::InvalidArgument("mesh.yaml has errors; run mesh validate");
  if (!contents.org->HasPerson(options.person)) {
    return Status::InvalidArgument("--as '" + options.person +
                                   "' is not a person of mesh.yaml (a member of some team)");
  }
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  ReadContext context{
      std::move(workspace),
      std::move(*contents.org),
      governance::ResolveGlobalPolicy(policies.global ? &*policies.global : nullptr),
      nullptr,
      nullptr,
      std::move(clock)};
  ASSIGN_OR_RAISE(context.catalog, OpenVerbCatalog(options.stores, context.workspace));
  ASSIGN_OR_RAISE(context.lake, OpenVerbLake(options.stores, context.workspace));
  return context;
}

// Runs the read into `sink`; `code` says how it ended when it did not.
Result<ReadResult> ReadInto(ReadContext& context, const ReadCommandOptions& options,
                            const ProductRef& ref, std::optional<format::DataFormat> data_format,
                            WritableFile* sink, std::vector<access::WithheldField>* withheld,
                            int* code) {
  *code = kExitUsage;
  const Timestamp now = context.clock->Now();
  ASSIGN_OR_RAISE(VersionRecord version,
                  ResolveReadableVersion(*context.catalog, ref.name, ref.selector, now));
  ASSIGN_OR_RAISE(Descriptor descriptor, StoredDescriptor(version));
  ReadAccessRequest access_request{&context.organisation, options.person,
                                   &descriptor,           &context.policy,
                                   context.catalog.get(), context.clock.get()};
  Result<std::vector<access::WithheldField>> decision = ReadAccessWithGrants(access_request);
  if (!decision.ok()) {
    if (decision.status().code() == StatusCode::kPermissionDenied) *code = kExitFindings;
    return decision.status();
  }
  *withheld = *decision;
  ReadRequest request;
  request.product = ref.name;
  request.selector.snapshot = version.snapshot;  // exactly the snapshot access was decided on
  request.format = data_format;
  for (const access::WithheldField& field : *withheld)
    request.excluded_fields.push_back(field.field);
  request.person = options.person;
  request.now = now;
  request.threads = options.threads;
  ASSIGN_OR_RAISE(ReadResult result, ReadVersion(*context.catalog, *context.lake, request, sink));
  // The read meter charges the read to the reader's team (usage/read_meter.h).
  usage::ReadToMeter metered{result.version.product,
                             result.version.snapshot,
                             options.person,
                             "",
                             static_cast<int64_t>(result.bytes),
                             now};
  RETURN_NOT_OK(usage::RecordRead(*context.catalog, context.organisation, metered).status());
  return result;
}

int RunRemoteRead(const std::string& server, const ReadCommandOptions& options,
                  const ProductRef& ref, std::optional<format::DataFormat> data_format) {
  Result<std::unique_ptr<client::MeshClient>> client = OpenVerbClient(server);
  if (!client.ok()) return Fail(client.status().message());
  if (!options.person.empty()) {
    Result<std::string> person = RemotePerson(**client, options.person);
    if (!person.ok()) return Fail(person.status().message());
  }
  const std::string output = options.output.empty() ? "" : AbsolutePath(options.output);
  DataOutput out(PosixFileSystem().get(), output);
  if (Status opened = out.Open(); !opened.ok()) return Fail(opened.message());
  Result<client::RemoteRead> read =
      (*client)->Read(ref.name, ref.selector, data_format, out.sink());
  Status finished = out.Finish(read.ok());
  if (!read.ok()) return Fail(read.status().message(), RemoteFailureExitCode(read.status()));
  if (!finished.ok()) return Fail(finished.message());
  PrintSummary(SummaryOf(*read), options, output);
  return kExitOk;
}

int RunRead(const GlobalOptions& global, const ReadCommandOptions& options) {
  Result<ProductRef> ref = ParseProductRef(options.ref);
  if (!ref.ok()) return Fail(ref.status().message());
  std::optional<format::DataFormat> data_format;
  if (!options.format.empty()) {
    data_format = format::DataFormatFromName(options.format);
    if (!data_format) return Fail("--format '" + options.format + "': use csv, jsonl or parquet");
  }
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status().message());
  if (*server) return RunRemoteRead(**server, options, *ref, data_format);
  if (options.person.empty()) {
    return Fail("--as PERSON is required: who reads (with --server, the token's person)");
  }
  Result<ReadContext> context = OpenContext(global, options);
  if (!context.ok()) return Fail(context.status().message());
  const std::string output = options.output.empty() ? "" : AbsolutePath(options.output);
  DataOutput out(&context->workspace.fs(), output);
  if (Status opened = out.Open(); !opened.ok()) return Fail(opened.message());
  std::vector<access::WithheldField> withheld;
  int code = kExitUsage;
  Result<ReadResult> result =
      ReadInto(*context, options, *ref, data_format, out.sink(), &withheld, &code);
  Status finished = out.Finish(result.ok());
  if (!result.ok()) return Fail(result.status().message(), code);
  if (!finished.ok()) return Fail(finished.message());
  PrintSummary(SummaryOf(*result, withheld), options, output);
  return kExitOk;
}

void SetupRead(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "read", "Read a published snapshot of a product, in its stored format or converted");
  auto options = std::make_shared<ReadCommandOptions>();
  command
      ->add_option("ref", options->ref,
                   "NAME (current), NAME@VERSION (its newest snapshot), NAME#SNAPSHOT or "
                   "NAME@VERSION#SNAPSHOT")
      ->required();
  command->add_option("--as", options->person,
                      "Who reads: a person of mesh.yaml (required without --server; with it, "
                      "the token's person, checked when given)");
  command->add_option("--format", options->format,
                      "csv, jsonl or parquet (default: the stored output_format)");
  command->add_option("-o,--output", options->output, "Write to FILE instead of stdout");
  command->add_flag("--json", options->json,
                    "Print the summary as {ref, status, format, output, rows, bytes, columns, "
                    "withheld: [{field, reason}]} (to stdout with -o, else to stderr)");
  command->add_option("--threads", options->threads, "Threads reading (default 2)");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "The data goes to stdout (or FILE, written whole or not at all); the summary goes to "
      "stderr (stdout with -o). Fields the reader may not receive are left out and listed. "
      "Retired snapshots, and superseded majors after their readable_until, cannot be read. "
      "Every read is recorded in the audit log. Time comes from MESH_NOW when set.\n"
      "Exit codes: 0 read, 1 access denied, 2 usage or input error (unknown person, product or "
      "version, a retired snapshot, an unwritable output).");
  command->callback([&global, options, exit_code] { *exit_code = RunRead(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("read", 54, SetupRead);

}  // namespace mesh::cli
