#include "publish/publisher.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/memory_filesystem.h"
#include "format/batch_writer.h"
#include "format/csv_writer.h"
#include "format/jsonl_writer.h"
#include "format/parquet/parquet_writer.h"
#include "governance/effective_policy.h"
#include "governance/governance.h"
#include "governance/policy_loader.h"
#include "lineage/openlineage_event.h"
#include "model/descriptor_parser.h"
#include "publish/catalog_entry.h"
#include "publish/version_plan.h"
#include "quality/check_plan.h"
#include "quality/engine.h"
#include "quality/referential_kernel.h"
#include "quality/report.h"
#include "sla/notifier.h"

namespace mesh {
namespace {

// A WritableFile whose bytes go to an ObjectWriter; Close leaves committing to the caller.
class ObjectWriterFile final : public WritableFile {
 public:
  explicit ObjectWriterFile(ObjectWriter* writer) : writer_(writer) {}
  Status Append(std::string_view data) override { return writer_->Append(data); }
  Status Sync() override { return Status::OK(); }
  Status Close() override { return Status::OK(); }

 private:
  ObjectWriter* writer_;
};

// Writes batches in the descriptor's output format into one lake object.
class StagedObject {
 public:
  static Result<std::unique_ptr<StagedObject>> Make(ObjectStore& lake,
                                                    const Descriptor& descriptor) {
    auto staged = std::unique_ptr<StagedObject>(new StagedObject());
    ASSIGN_OR_RAISE(staged->object_, lake.NewWriter());
    staged->file_ = std::make_unique<ObjectWriterFile>(staged->object_.get());
    const std::string name =
        descriptor.name + "." + std::string(OutputFormatName(descriptor.output_format));
    if (descriptor.output_format == OutputFormat::kParquet) {
      ASSIGN_OR_RAISE(staged->parquet_,
                      format::parquet::ParquetWriter::Make(staged->file_.get(), descriptor.schema));
    } else if (descriptor.output_format == OutputFormat::kCsv) {
      ASSIGN_OR_RAISE(staged->text_, format::OpenCsvWriter(
                                         std::make_unique<ObjectWriterFile>(staged->object_.get()),
                                         name, descriptor.schema));
    } else {
      ASSIGN_OR_RAISE(staged->text_, format::OpenJsonlWriter(
                                         std::make_unique<ObjectWriterFile>(staged->object_.get()),
                                         name, descriptor.schema));
    }
    return staged;
  }

  Status Write(const format::Batch& batch) {
    return parquet_ ? parquet_->WriteBatch(batch) : text_->Write(batch);
  }

  Result<ObjectRef> Commit() {
    RETURN_NOT_OK(parquet_ ? parquet_->Close() : text_->Finish());
    return object_->Commit();
  }

 private:
  StagedObject() = default;
  std::unique_ptr<ObjectWriter> object_;
  std::unique_ptr<ObjectWriterFile> file_;
  std::unique_ptr<format::parquet::ParquetWriter> parquet_;
  std::unique_ptr<format::BatchWriter> text_;
};

struct Checked {
  quality::QualityReport report;
  ObjectRef object;  // the data in output_format; as delivered when `unconvertible`
  // Why the data could not be written in output_format (a null in a column Parquet declares
  // REQUIRED): such data fails its checks, and is quarantined as delivered.
  Status unconvertible;
};

// The data file as delivered, stored in the lake (for the quarantine of data that cannot be
// converted to the output format).
Result<ObjectRef> StoreAsDelivered(const PublishRequest& request) {
  constexpr size_t kChunk = size_t{4} << 20;
  ASSIGN_OR_RAISE(std::unique_ptr<RandomAccessFile> file,
                  request.workspace->fs().OpenForRead(request.data_path));
  ASSIGN_OR_RAISE(uint64_t size, file->Size());
  ASSIGN_OR_RAISE(std::unique_ptr<ObjectWriter> writer, request.lake->NewWriter());
  std::string chunk;
  for (uint64_t offset = 0; offset < size; offset += kChunk) {
    RETURN_NOT_OK(file->ReadAt(
        offset, static_cast<size_t>(std::min<uint64_t>(kChunk, size - offset)), &chunk));
    RETURN_NOT_OK(writer->Append(chunk));
  }
  return writer->Commit();
}

// What the consumers of a product hear when it gets a new major version (data-product.md
// "Versions": the previous major stays readable for the deprecation period, and its consumers
// are told).
std::string NewMajorMessage(const Descriptor& descriptor, const VersionPlan& plan,
                            Timestamp readable_until) {
  const SchemaVersion& previous = plan.current->version;
  int breaking = 0;
  for (const SchemaChange& change : plan.check.changes) {
    if (change.kind == ChangeKind::kBreaking) ++breaking;
  }
  return descriptor.name + " " + FormatSchemaVersion(descriptor.schema_version) +
         " is a new major version (" + std::to_string(breaking) + " breaking change" +
         (breaking == 1 ? "" : "s") + "): " + descriptor.name + "@" +
         std::to_string(previous.major) + ".x stays readable until " +
         FormatTimestamp(readable_until) + "; move your reads to " + descriptor.name + "@" +
         FormatSchemaVersion(descriptor.schema_version) + " before then";
}

// Validation and governance findings of `descriptor_file`; the descriptor when it could be read.
struct Governed {
  std::optional<Descriptor> descriptor;
  std::optional<Organisation> org;
  std::vector<Finding> errors;
  governance::EffectivePolicy global_policy;  // taxonomy and deprecation period
};

Result<Governed> ValidateAndGovern(const PublishRequest& request) {
  const Workspace& workspace = *request.workspace;
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace.Load());
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  const Descriptor* descriptor = contents.FindByFile(request.descriptor_file);
  if (descriptor == nullptr) {
    return Status::NotFound(request.descriptor_file +
                            ": not a product descriptor of the workspace (descriptors live "
                            "under products/ of " +
                            workspace.root() + ")");
  }
  Governed governed;
  std::vector<Finding> findings = contents.findings;
  if (contents.org) {
    governance::GovernanceInput input;
    input.org = &*contents.org;
    for (const Descriptor& product : contents.descriptors) {
      if (!product.name.empty()) input.products.push_back(&product);
    }
    input.global_policy = policies.global ? &*policies.global : nullptr;
    input.domain_policies = policies.domains;
    input.now = request.clock->Now();
    std::vector<Finding> more = governance::Govern(input);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  for (Finding& finding : findings) {
    if (finding.severity == Severity::kError && finding.file == request.descriptor_file) {
      governed.errors.push_back(std::move(finding));
    }
  }
  for (const Finding& finding : policies.findings) {
    if (finding.severity == Severity::kError) governed.errors.push_back(finding);
  }
  governed.descriptor = *descriptor;
  governed.org = contents.org;
  governed.global_policy =
      governance::ResolveGlobalPolicy(policies.global ? &*policies.global : nullptr);
  return governed;
}

// The distinct values of `product.field` in the product's current published version, read
// from the lake (the whole object is held in memory while its values are collected).
Result<std::shared_ptr<const quality::ReferenceValues>> LoadPublishedReference(
    Catalog& catalog, ObjectStore& lake, const std::string& product, const std::string& field) {
  Result<VersionRecord> version = catalog.GetVersion(product, VersionSelector{});
  if (!version.ok()) {
    if (version.status().code() != StatusCode::kNotFound) return version.status();
    return Status::NotFound("referential check on " + product + "." + field + ": " + product +
                            " has no published version; publish it first");
  }
  FindingSink sink(version->Ref());
  std::optional<Descriptor> referenced =
      ParseDescriptorText(version->descriptor_yaml, version->Ref(), &sink);
  if (!referenced) {
    return Status::Corruption("catalog: the stored descriptor of " + version->Ref() +
                              " cannot be parsed");
  }
  const int column = referenced->schema.FieldIndex(field);
  if (column < 0) {
    return Status::NotFound("referential check: " + version->Ref() + " has no field '" + field +
                            "'");
  }
  std::optional<format::DataFormat> data_format =
      format::DataFormatFromName(version->output_format);
  if (!data_format) {
    return Status::Corruption("catalog: " + version->Ref() + " has unknown output format '" +
                              version->output_format + "'");
  }
  ASSIGN_OR_RAISE(std::string bytes, lake.Get(version->object_key));
  auto memory = std::make_shared<MemoryFileSystem>();
  const std::string path = "/" + version->Ref() + "." + version->output_format;
  RETURN_NOT_OK(memory->WriteFileAtomically(path, bytes));
  ASSIGN_OR_RAISE(std::unique_ptr<format::BatchReader> reader,
                  format::OpenBatchReader(memory, path, *data_format, referenced->schema));
  return quality::ReferenceValues::Load(reader.get(), column);
}

Result<Checked> CheckAndStage(const PublishRequest& request, const Descriptor& descriptor) {
  quality::PlanOptions plan_options;
  plan_options.references = [&request](const std::string& product, const std::string& field) {
    return LoadPublishedReference(*request.catalog, *request.lake, product, field);
  };
  ASSIGN_OR_RAISE(quality::CheckPlan plan, quality::CheckPlan::Make(descriptor, plan_options));
  format::ReadOptions read_options;
  read_options.threads = std::max(1, request.threads);
  ASSIGN_OR_RAISE(std::unique_ptr<format::BatchReader> reader,
                  format::OpenBatchReader(request.workspace->shared_fs(), request.data_path,
                                          request.data_format, descriptor.schema, read_options));
  ASSIGN_OR_RAISE(std::unique_ptr<StagedObject> staged,
                  StagedObject::Make(*request.lake, descriptor));
  quality::EngineOptions engine;
  engine.threads = std::max(1, request.threads);
  engine.now = request.clock->Now();
  Checked checked;
  // A data error of the conversion stops the conversion, not the checks: they tell why.
  engine.on_batch = [&staged, &checked](const format::Batch& batch) {
    if (!checked.unconvertible.ok()) return Status::OK();
    Status written = staged->Write(batch);
    if (written.code() != StatusCode::kInvalidArgument) return written;
    checked.unconvertible = written;
    return Status::OK();
  };
  ASSIGN_OR_RAISE(checked.report, quality::RunChecks(plan, reader.get(), engine));
  if (checked.unconvertible.ok()) {
    Result<ObjectRef> committed = staged->Commit();
    if (committed.ok()) {
      checked.object = *committed;
      return checked;
    }
    if (committed.status().code() != StatusCode::kInvalidArgument) return committed.status();
    checked.unconvertible = committed.status();
  }
  staged.reset();  // aborts the partial object
  ASSIGN_OR_RAISE(checked.object, StoreAsDelivered(request));
  return checked;
}

// What a failed check measured, in words.
std::string MeasuredText(const quality::CheckResult& check) {
  switch (check.shape) {
    case quality::ResultShape::kRows:
      return std::to_string(check.failing_rows) + " failing rows";
    case quality::ResultShape::kRowCount:
      return std::to_string(static_cast<int64_t>(check.value.value_or(0))) + " rows";
    case quality::ResultShape::kCompleteness:
      return "completeness " + std::to_string(check.value.value_or(0));
    case quality::ResultShape::kFreshness:
    case quality::ResultShape::kLag:
      return check.age_hours ? std::to_string(*check.age_hours) + " hours" : "no event time";
  }
  return "";
}

std::vector<std::string> RejectionReasons(const Descriptor& descriptor,
                                          const quality::QualityReport& report) {
  std::vector<std::string> reasons;
  for (const quality::CheckResult& check : report.checks) {
    if (check.passed || check.severity != Severity::kError) continue;
    // data-product.md "Service levels": a version that misses max_lag_hours is published and
    // counted as an SLA breach (the data is late, not wrong); the report keeps the failed check.
    if (check.shape == quality::ResultShape::kLag) continue;
    reasons.push_back("check " + check.name + " failed (" + check.detail +
                      "): " + MeasuredText(check));
  }
  if (descriptor.sla && descriptor.sla->min_completeness &&
      report.sla.completeness < *descriptor.sla->min_completeness) {
    reasons.push_back("completeness " + std::to_string(report.sla.completeness) +
                      " is below sla.min_completeness " +
                      std::to_string(*descriptor.sla->min_completeness));
  }
  return reasons;
}

std::string JoinReasons(const std::vector<std::string>& reasons) {
  std::string joined;
  for (const std::string& reason : reasons) joined += (joined.empty() ? "" : "; ") + reason;
  return joined;
}

// The first free name for a FAIL event of `name` at `at` in `dir`.
std::string FailedEventPath(FileSystem& fs, const std::string& dir, const std::string& name,
                            Timestamp at) {
  const std::string stem = JoinPath(dir, name + "-failed-" + std::to_string(at.micros) + "-");
  int n = 1;
  while (fs.Exists(stem + std::to_string(n) + ".json")) ++n;
  return stem + std::to_string(n) + ".json";
}

// What a failed attempt tells OpenLineage: the reasons, the refusing findings or the error.
std::string FailureText(const Result<PublishOutcome>& outcome) {
  if (!outcome.ok()) return outcome.status().ToString();
  std::string text = JoinReasons(outcome->reasons);
  for (const Finding& finding : outcome->findings) {
    text += (text.empty() ? "" : "; ") + finding.ToString();
  }
  return text;
}

// Writes the attempt's run event; for a publish that stands, a failure to write is reported in
// the outcome rather than turning the verdict into an error.
void WriteRunEvent(const PublishRequest& request, const Governed& governed,
                   Result<PublishOutcome>* outcome) {
  if (request.openlineage_dir.empty() || !governed.descriptor) return;
  const Descriptor& descriptor = *governed.descriptor;
  const bool published = outcome->ok() && (*outcome)->result == PublishResult::kPublished;
  VersionRecord attempt;
  attempt.product = descriptor.name;
  attempt.version = descriptor.schema_version;
  attempt.publisher = request.person;
  attempt.published_at = request.clock->Now();
  const VersionRecord& version = published ? *(*outcome)->version : attempt;
  OpenLineageOptions options;
  if (governed.org && !governed.org->name.empty()) {
    options.mesh_namespace = "meshwork://" + governed.org->name;
  }
  FileSystem& fs = request.workspace->fs();
  std::string path;
  Status written = [&]() -> Status {
    ASSIGN_OR_RAISE(std::string event,
                    OpenLineageRunEvent(descriptor, version,
                                        published ? RunOutcome::kComplete : RunOutcome::kFail,
                                        options, published ? "" : FailureText(*outcome)));
    RETURN_NOT_OK(fs.CreateDirs(request.openlineage_dir));
    path = published ? JoinPath(request.openlineage_dir,
                                descriptor.name + "-" + std::to_string(version.snapshot) + ".json")
                     : FailedEventPath(fs, request.openlineage_dir, descriptor.name,
                                       attempt.published_at);
    return fs.WriteFileAtomically(path, event + "\n");
  }();
  if (!outcome->ok()) return;  // the error is the verdict; the event was best effort
  if (written.ok()) {
    (*outcome)->openlineage_path = path;
  } else {
    (*outcome)->openlineage_error = written.ToString();
  }
}

// Everything after validation and governance.
Result<PublishOutcome> PublishGoverned(const PublishRequest& request, const Governed& governed);

}  // namespace

std::string_view PublishResultName(PublishResult result) {
  switch (result) {
    case PublishResult::kPublished:
      return "published";
    case PublishResult::kRefused:
      return "refused";
    case PublishResult::kRejected:
      return "rejected";
  }
  return "refused";
}

// The publish itself; Publish (below) adds the audit entry of a refusal.
static Result<PublishOutcome> PublishUnaudited(const PublishRequest& request) {
  ASSIGN_OR_RAISE(Governed governed, ValidateAndGovern(request));
  Result<PublishOutcome> outcome = PublishGoverned(request, governed);
  WriteRunEvent(request, governed, &outcome);
  return outcome;
}

namespace {

Result<PublishOutcome> PublishGoverned(const PublishRequest& request, const Governed& governed) {
  PublishOutcome outcome;
  if (!governed.errors.empty()) {
    outcome.result = PublishResult::kRefused;
    outcome.findings = governed.errors;
    return outcome;
  }
  const Descriptor& descriptor = *governed.descriptor;
  if (!governed.org || !governed.org->IsMember(request.person, descriptor.owner)) {
    return Status::PermissionDenied("'" + request.person + "' may not publish " + descriptor.name +
                                    ": only members of its owning team '" + descriptor.owner +
                                    "' (mesh.yaml) may");
  }
  ASSIGN_OR_RAISE(
      std::string descriptor_yaml,
      request.workspace->fs().ReadFile(request.workspace->PathOf(request.descriptor_file)));

  VersionCheckOptions gate_options;
  gate_options.diff.classification_levels = governed.global_policy.classification_levels;
  ASSIGN_OR_RAISE(VersionPlan plan, PlanVersion(*request.catalog, descriptor, gate_options));
  if (!plan.ok()) {
    outcome.result = PublishResult::kRefused;
    outcome.findings = std::move(plan.check.findings);
    return outcome;
  }

  ASSIGN_OR_RAISE(Checked checked, CheckAndStage(request, descriptor));
  outcome.report_json = quality::ReportToJson(checked.report).dump();
  const Timestamp now = request.clock->Now();
  const std::string attempted =
      descriptor.name + "@" + FormatSchemaVersion(descriptor.schema_version);

  outcome.reasons = RejectionReasons(descriptor, checked.report);
  if (outcome.reasons.empty() && !checked.unconvertible.ok()) return checked.unconvertible;
  if (!checked.unconvertible.ok()) {
    outcome.reasons.push_back("the data cannot be stored as " +
                              std::string(OutputFormatName(descriptor.output_format)) + " (" +
                              checked.unconvertible.message() + "): quarantined as delivered");
  }
  if (!outcome.reasons.empty()) {
    QuarantineEntry entry;
    entry.product = descriptor.name;
    entry.attempted_version = descriptor.schema_version;
    entry.reason = JoinReasons(outcome.reasons);
    entry.report_json = outcome.report_json;
    entry.object_key = checked.object.key;
    entry.person = request.person;
    entry.at = now;
    AuditEntry audit{0,  now, request.person, "quarantine", attempted, "rejected", entry.reason,
                     "", ""};
    ASSIGN_OR_RAISE(int64_t id, request.catalog->AddQuarantine(entry, audit));
    outcome.result = PublishResult::kRejected;
    outcome.quarantine_id = id;
    return outcome;
  }

  CommitVersionRequest commit = CommitRequestFromDescriptor(descriptor, descriptor_yaml);
  commit.expected_current_snapshot = plan.current ? plan.current->snapshot : 0;
  VersionRecord& version = commit.version;
  version.report_json = outcome.report_json;
  version.content_hash = checked.object.sha256;
  version.object_key = checked.object.key;
  version.row_count = checked.report.rows;
  version.bytes = static_cast<int64_t>(checked.object.bytes);
  version.lag_hours = checked.report.sla.lag_hours;
  version.completeness = checked.report.sla.completeness;
  version.publisher = request.person;
  version.published_at = now;
  if (plan.raises_major()) {
    commit.previous_major_readable_until =
        Timestamp{now.micros + governed.global_policy.deprecation_days * kMicrosPerDay};
    commit.notifications = sla::DraftsFor(
        plan.check.affected_teams, governed.org ? &*governed.org : nullptr, "major_released",
        NewMajorMessage(descriptor, plan, *commit.previous_major_readable_until));
  }
  commit.audit = AuditEntry{
      0, now, request.person, "publish", attempted, "ok", "object " + checked.object.key, "", ""};
  Result<VersionRecord> committed = request.catalog->CommitVersion(commit);
  if (!committed.ok()) {
    if (committed.status().IsConflict()) {
      return Status::Conflict("another publish of " + descriptor.name +
                              " was committed while this one ran; nothing was published, run "
                              "the publish again");
    }
    return committed.status();
  }
  outcome.result = PublishResult::kPublished;
  outcome.version = *committed;
  return outcome;
}

}  // namespace
namespace {

// What a refused publish is about: the descriptor's product name, else its file.
std::string RefusedTarget(const PublishRequest& request) {
  Result<std::string> text =
      request.workspace->fs().ReadFile(request.workspace->PathOf(request.descriptor_file));
  if (text.ok()) {
    FindingSink sink(request.descriptor_file);
    std::optional<Descriptor> descriptor =
        ParseDescriptorText(*text, request.descriptor_file, &sink);
    if (descriptor && !descriptor->name.empty()) return descriptor->name;
  }
  return request.descriptor_file;
}

std::string RefusalDetails(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) {
    if (finding.severity != Severity::kError) continue;
    out += (out.empty() ? "" : "; ") + finding.rule + ": " + finding.message;
  }
  return out;
}

}  // namespace

// Successful and quarantined publishes are audited by the catalog together with their change;
// a refusal (governance or version findings: outcome "refused"; not an owner: "denied") changes
// nothing, so its entry is appended here.
Result<PublishOutcome> Publish(const PublishRequest& request) {
  Result<PublishOutcome> outcome = PublishUnaudited(request);
  const bool denied = outcome.status().code() == StatusCode::kPermissionDenied;
  const bool refused = outcome.ok() && outcome->result == PublishResult::kRefused;
  if (!denied && !refused) return outcome;
  AuditEntry audit{0,
                   request.clock->Now(),
                   request.person.empty() ? std::string("unknown") : request.person,
                   "publish",
                   RefusedTarget(request),
                   denied ? "denied" : "refused",
                   denied ? outcome.status().message() : RefusalDetails(outcome->findings),
                   "",
                   ""};
  RETURN_NOT_OK(request.catalog->AppendAudit(audit).status());
  return outcome;
}

}  // namespace mesh
