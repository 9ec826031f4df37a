// mesh publish DESCRIPTOR DATA --as PERSON [--format F] [--json] [--catalog URI] [--lake URI]
// mesh publish DESCRIPTOR DATA --server URL [--as PERSON] [--format F] [--json]: the same publish
// run by a `mesh serve`, the descriptor and the data streamed to it (token from MESH_TOKEN).
// Publishes one version of a data product (src/publish/publisher.h): validation and governance,
// team membership, quality checks while the data is written to the lake in the descriptor's
// output format, the version gate, then an atomic catalog commit, or a quarantine entry.
// Exit codes: 0 published, 1 refused or rejected (reasons printed), 2 usage or input error.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "cli/catalog_option.h"
#include "cli/findings_output.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "publish/publisher.h"
#include "server/api_json.h"

namespace mesh::cli {
namespace {

struct PublishOptions {
  std::string descriptor;
  std::string data;
  std::string person;
  std::string format;
  bool json = false;
  int threads = 2;
  StoreOptions stores;
  RemoteOptions remote;
};

int Fail(const std::string& message, int code = kExitUsage) {
  std::cerr << "mesh publish: " << message << "\n";
  return code;
}

Result<format::DataFormat> ChooseDataFormat(const std::string& path, const std::string& name) {
  if (!name.empty()) {
    std::optional<format::DataFormat> format = format::DataFormatFromName(name);
    if (!format)
      return Status::InvalidArgument("--format '" + name + "': use csv, jsonl or parquet");
    return *format;
  }
  std::optional<format::DataFormat> format = format::DataFormatFromPath(path);
  if (!format) {
    return Status::InvalidArgument(path +
                                   ": cannot tell the format from the extension; pass "
                                   "--format csv|jsonl|parquet");
  }
  return *format;
}

// A published version above its max_lag_hours is late, not wrong (data-product.md "Service
// levels"): it stays published and counts as an SLA breach, which `mesh sla tick` turns into an
// incident.
void PrintLagBreach(const PublishOutcome& outcome) {
  if (outcome.report_json.empty()) return;
  nlohmann::json report = nlohmann::json::parse(outcome.report_json, nullptr, false);
  if (report.is_discarded() || !report.contains("checks")) return;
  const nlohmann::json& lag = report["checks"].value("sla.max_lag_hours", nlohmann::json());
  if (!lag.is_object() || lag.value("passed", true) || !lag["lag_hours"].is_number()) return;
  std::cout << "  late: lag " << lag["lag_hours"].dump() << " h is above sla.max_lag_hours "
            << lag["max_lag_hours"].dump()
            << " h; published, and counted as an SLA breach (mesh sla tick opens an incident)\n";
}

void PrintOutcome(const PublishOutcome& outcome, bool color) {
  switch (outcome.result) {
    case PublishResult::kPublished:
      std::cout << "published " << outcome.version->Ref() << ": " << outcome.version->row_count
                << " rows, " << outcome.version->bytes << " bytes ("
                << outcome.version->output_format << ") as " << outcome.version->object_key << "\n";
      PrintLagBreach(outcome);
      break;
    case PublishResult::kRejected:
      std::cout << "rejected: the data failed its checks; quarantined as entry "
                << *outcome.quarantine_id << " (mesh quarantine show " << *outcome.quarantine_id
                << "); the current version is unchanged\n";
      for (const std::string& reason : outcome.reasons) std::cout << "  " << reason << "\n";
      break;
    case PublishResult::kRefused:
      std::cout << "refused: nothing was published\n";
      PrintFindings(std::cout, outcome.findings, 1, color);
      break;
  }
}

// Prints the verdict as --json or text; the exit code of the verdict.
int Report(const PublishOutcome& outcome, const PublishOptions& options, bool color) {
  if (options.json) {
    std::cout << server::PublishOutcomeJson(outcome).dump(2) << "\n";
  } else {
    PrintOutcome(outcome, color);
  }
  return outcome.result == PublishResult::kPublished ? kExitOk : kExitFindings;
}

int RunRemotePublish(const std::string& server, const PublishOptions& options, bool color) {
  Result<format::DataFormat> format = ChooseDataFormat(options.data, options.format);
  if (!format.ok()) return Fail(format.status().message());
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  const std::string descriptor_path = AbsolutePath(options.descriptor);
  Result<DescriptorUpload> descriptor = ReadDescriptorUpload(*fs, descriptor_path);
  if (!descriptor.ok()) return Fail(descriptor.status().message());
  Result<std::unique_ptr<RandomAccessFile>> data = fs->OpenForRead(AbsolutePath(options.data));
  if (!data.ok()) return Fail(data.status().message());
  Result<std::unique_ptr<client::MeshClient>> client = OpenVerbClient(server);
  if (!client.ok()) return Fail(client.status().message());
  Result<std::string> person = RemotePerson(**client, options.person);
  if (!person.ok()) return Fail(person.status().message());
  client::PublishUpload upload;
  upload.product = descriptor->product;
  upload.descriptor_text = std::move(descriptor->text);
  upload.descriptor_filename = BaseName(descriptor_path);
  upload.data = data->get();
  upload.data_filename = BaseName(AbsolutePath(options.data));
  upload.format = *format;
  Result<PublishOutcome> outcome = (*client)->Publish(upload);
  if (!outcome.ok()) {
    return Fail(outcome.status().message(), RemoteFailureExitCode(outcome.status()));
  }
  return Report(*outcome, options, color);
}

int RunPublish(const GlobalOptions& global, const PublishOptions& options) {
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status().message());
  if (*server) return RunRemotePublish(**server, options, global.color);
  if (options.person.empty()) {
    return Fail("--as PERSON is required: who publishes (with --server, the token's person)");
  }
  Result<std::shared_ptr<Clock>> clock = ClockFromEnvironment();
  if (!clock.ok()) return Fail(clock.status().message());
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) return Fail(workspace.status().message());
  Result<std::vector<std::string>> descriptor = ResolveUserPath(*workspace, options.descriptor);
  if (!descriptor.ok()) return Fail(descriptor.status().message());
  if (descriptor->size() != 1) return Fail(options.descriptor + ": name one descriptor file");
  Result<format::DataFormat> format = ChooseDataFormat(options.data, options.format);
  if (!format.ok()) return Fail(format.status().message());
  Result<std::unique_ptr<Catalog>> catalog = OpenVerbCatalog(options.stores, *workspace);
  if (!catalog.ok()) return Fail(catalog.status().message());
  Result<std::unique_ptr<ObjectStore>> lake = OpenVerbLake(options.stores, *workspace);
  if (!lake.ok()) return Fail(lake.status().message());

  PublishRequest request;
  request.workspace = &*workspace;
  request.descriptor_file = descriptor->front();
  request.data_path = AbsolutePath(options.data);
  request.data_format = *format;
  request.person = options.person;
  request.catalog = catalog->get();
  request.lake = lake->get();
  request.clock = clock->get();
  request.openlineage_dir = workspace->PathOf(".mesh/openlineage");
  request.threads = options.threads;
  Result<PublishOutcome> outcome = Publish(request);
  if (!outcome.ok()) {
    if (outcome.status().code() == StatusCode::kPermissionDenied || outcome.status().IsConflict()) {
      std::cerr << "mesh publish: " << outcome.status().message() << "\n";
      return kExitFindings;
    }
    return Fail(outcome.status().message());
  }
  if (!outcome->openlineage_error.empty()) {
    std::cerr << "mesh publish: warning: the OpenLineage run event was not written: "
              << outcome->openlineage_error << "\n";
  }
  return Report(*outcome, options, global.color);
}

void SetupPublish(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "publish",
      "Publish a version of a data product: govern the descriptor, check the data while storing "
      "it in the lake, enforce the version rules, then record it in the catalog");
  auto options = std::make_shared<PublishOptions>();
  command->add_option("descriptor", options->descriptor, "The product's descriptor (YAML)")
      ->required();
  command->add_option("data", options->data, "The data file (CSV, JSONL or Parquet)")->required();
  command->add_option("--as", options->person,
                      "Who publishes: a member of the product's owning team (mesh.yaml); required "
                      "without --server (with it, the token's person, checked when given)");
  command->add_option("--format", options->format,
                      "csv, jsonl or parquet (default: from the data file's extension)");
  command->add_flag("--json", options->json,
                    "Print {result, ref, version, snapshot, object_key, rows, bytes, "
                    "completeness, lag_hours, openlineage, openlineage_error, quarantine_id, "
                    "reasons, findings, report}");
  command->add_option("--threads", options->threads, "Threads reading and checking (default 2)");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  command->footer(
      "Steps: validation and governance of the descriptor (error findings refuse), membership "
      "of the owning team, the quality checks in one pass while the data is written to the lake "
      "in the descriptor's output_format, the version rules against the current version "
      "(version.bump_required, version.lowered refuse), then either an atomic catalog commit "
      "(name@version#snapshot, audit entry, lineage, .mesh/openlineage/<name>-<snapshot>.json) "
      "or, when an error-severity check fails or completeness is below sla.min_completeness, a "
      "quarantine entry. The previous version stays current unless the publish succeeds. Time "
      "comes from MESH_NOW when set.\n"
      "Exit codes: 0 published, 1 refused, rejected, not a member of the owning team, or lost a "
      "race (run again), 2 usage or input error (unreadable or malformed data, no workspace).");
  command->callback([&global, options, exit_code] { *exit_code = RunPublish(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("publish", 50, SetupPublish);

}  // namespace mesh::cli
