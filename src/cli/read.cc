// mesh read NAME[@VERSION][#SNAPSHOT] --as PERSON [--format csv|jsonl|parquet] [-o FILE] [--json]
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

nlohmann::ordered_json SummaryJson(const ReadResult& result, const std::string& output,
                                   const std::vector<access::WithheldField>& withheld) {
  nlohmann::ordered_json json;
  json["ref"] = result.version.Ref();
  json["status"] = std::string(VersionStatusName(result.version.status));
  json["format"] = std::string(format::DataFormatName(result.format));
  json["output"] = output.empty() ? "-" : output;
  json["rows"] = result.rows;
  json["bytes"] = result.bytes;
  json["columns"] = result.columns;
  json["withheld"] = nlohmann::ordered_json::array();
  for (const std::string& field : result.withheld) {
    std::string reason;
    for (const access::WithheldField& entry : withheld) {
      if (entry.field == field) reason = entry.reason;
    }
    json["withheld"].push_back({{"field", field}, {"reason", reason}});
  }
  return json;
}

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

int RunRead(const GlobalOptions& global, const ReadCommandOptions& options) {
  Result<ProductRef> ref = ParseProductRef(options.ref);
  if (!ref.ok()) return Fail(ref.status().message());
  std::optional<format::DataFormat> data_format;
  if (!options.format.empty()) {
    data_format = format::DataFormatFromName(options.format);
    if (!data_format) return Fail("--format '" + options.format + "': use csv, jsonl or parquet");
  }
  Result<ReadContext> context = OpenContext(global, options);
  if (!context.ok()) return Fail(context.status().message());
  FileSystem& fs = context->workspace.fs();
  const std::string output = options.output.empty() ? "" : AbsolutePath(options.output);
  std::unique_ptr<WritableFile> file;
  const std::string temp = output + ".part";
  if (!output.empty()) {
    Status made = fs.CreateDirs(DirName(output));
    if (!made.ok()) return Fail(made.message());
    Result<std::unique_ptr<WritableFile>> opened = fs.OpenForWrite(temp);
    if (!opened.ok()) return Fail(opened.status().message());
    file = std::move(*opened);
  }
  StdoutFile stdout_file;
  std::vector<access::WithheldField> withheld;
  int code = kExitUsage;
  Result<ReadResult> result = ReadInto(*context, options, *ref, data_format,
                                       file ? file.get() : &stdout_file, &withheld, &code);
  if (file) {
    Status closed = result.ok() ? file->Sync() : Status::OK();
    if (closed.ok()) closed = file->Close();
    if (closed.ok() && result.ok()) closed = fs.Rename(temp, output);
    if (!closed.ok() || !result.ok()) (void)fs.Remove(temp);
    if (!closed.ok() && result.ok()) return Fail(closed.message());
  }
  if (!result.ok()) return Fail(result.status().message(), code);
  nlohmann::ordered_json summary = SummaryJson(*result, output, withheld);
  std::ostream& out = output.empty() ? std::cerr : std::cout;
  if (options.json) {
    out << summary.dump(2) << "\n";
  } else {
    out << "read " << result->version.Ref() << ": " << result->rows << " rows, " << result->bytes
        << " bytes (" << format::DataFormatName(result->format) << ")"
        << (output.empty() ? "" : " to " + options.output) << "\n";
    for (const nlohmann::ordered_json& entry : summary["withheld"]) {
      out << "  withheld " << entry["field"].get<std::string>() << ": "
          << entry["reason"].get<std::string>() << "\n";
    }
  }
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
  command->add_option("--as", options->person, "Who reads: a person of mesh.yaml")->required();
  command->add_option("--format", options->format,
                      "csv, jsonl or parquet (default: the stored output_format)");
  command->add_option("-o,--output", options->output, "Write to FILE instead of stdout");
  command->add_flag("--json", options->json,
                    "Print the summary as {ref, status, format, output, rows, bytes, columns, "
                    "withheld: [{field, reason}]} (to stdout with -o, else to stderr)");
  command->add_option("--threads", options->threads, "Threads reading (default 2)");
  AddStoreOptions(command, &options->stores);
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
