// mesh check DESCRIPTOR DATA [--json] [--format csv|jsonl|parquet] [--ref DESCRIPTOR=DATA]...
// Runs every check the descriptor implies over one data file in one pass (src/quality) and
// prints a table of checks and the verdict, or the full report as JSON (docs/cli.md).
// Exit codes: 0 no error-severity check failed, 1 one did, 2 unusable input (unreadable file,
// wrong header, malformed data, invalid descriptor), with the file and place named.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/filesystem.h"
#include "cli/verb.h"
#include "format/reader.h"
#include "model/descriptor_parser.h"
#include "quality/check_plan.h"
#include "quality/engine.h"
#include "quality/report.h"

namespace mesh::cli {
namespace {

struct CheckOptions {
  std::string descriptor;
  std::string data;
  std::string format;
  std::vector<std::string> references;  // "DESCRIPTOR=DATA"
  bool json = false;
  int threads = 2;
};

// A failure that makes the input unusable (exit 2); the message names the file and place.
struct InputError {
  std::string message;
};

Result<Descriptor> LoadDescriptor(FileSystem& fs, const std::string& path) {
  ASSIGN_OR_RAISE(std::string text, fs.ReadFile(path));
  FindingSink sink(path);
  std::optional<Descriptor> descriptor = ParseDescriptorText(text, path, &sink);
  std::string errors;
  for (const Finding& finding : sink.findings()) {
    if (finding.severity == Severity::kError) errors += "\n  " + finding.ToString();
  }
  if (!descriptor || !errors.empty()) {
    return Status::InvalidArgument(path +
                                   ": invalid descriptor (run 'mesh validate' for all "
                                   "findings):" +
                                   errors);
  }
  return *descriptor;
}

Result<format::DataFormat> ChooseFormat(const std::string& path, const std::string& name) {
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

// The data of referenced products, given as --ref DESCRIPTOR=DATA (the product's own
// descriptor, for its name and schema, and a data file of it).
class ReferenceFiles {
 public:
  explicit ReferenceFiles(std::shared_ptr<FileSystem> fs) : fs_(std::move(fs)) {}

  Status Add(const std::string& spec) {
    const size_t equals = spec.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == spec.size()) {
      return Status::InvalidArgument("--ref '" + spec +
                                     "': write DESCRIPTOR=DATA, e.g. "
                                     "--ref products/orders.yaml=orders.parquet");
    }
    Entry entry;
    entry.data = spec.substr(equals + 1);
    ASSIGN_OR_RAISE(entry.descriptor, LoadDescriptor(*fs_, spec.substr(0, equals)));
    const std::string name = entry.descriptor.name;
    products_[name] = std::move(entry);
    return Status::OK();
  }

  Result<std::shared_ptr<const quality::ReferenceValues>> Load(const std::string& product,
                                                               const std::string& field) {
    auto it = products_.find(product);
    if (it == products_.end()) {
      return Status::NotFound("no data of product '" + product + "' was given: pass --ref " +
                              "DESCRIPTOR=DATA with " + product + "'s descriptor and a data file");
    }
    const Entry& entry = it->second;
    const int column = entry.descriptor.schema.FieldIndex(field);
    if (column < 0) {
      return Status::NotFound("product '" + product + "' has no field '" + field + "'");
    }
    ASSIGN_OR_RAISE(format::DataFormat format, ChooseFormat(entry.data, ""));
    ASSIGN_OR_RAISE(std::unique_ptr<format::BatchReader> reader,
                    format::OpenBatchReader(fs_, entry.data, format, entry.descriptor.schema));
    return quality::ReferenceValues::Load(reader.get(), column);
  }

 private:
  struct Entry {
    Descriptor descriptor;
    std::string data;
  };
  std::shared_ptr<FileSystem> fs_;
  std::map<std::string, Entry> products_;
};

// A one-line progress bar on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  void Update(uint64_t done, uint64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (total == 0 || now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const int width = 40;
    const int filled = static_cast<int>(static_cast<double>(done) / total * width);
    std::fprintf(stderr, "\rchecking [%-*s] %3d%%", width, std::string(filled, '#').c_str(),
                 static_cast<int>(static_cast<double>(done) * 100 / total));
    std::fflush(stderr);
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r%*s\r", 60, "");
  }

 private:
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

constexpr uint64_t kProgressMinBytes = 32ull << 20;

nlohmann::ordered_json ReportJson(const CheckOptions& options, format::DataFormat format,
                                  const quality::QualityReport& report) {
  nlohmann::ordered_json json;
  json["descriptor"] = options.descriptor;
  json["data"] = options.data;
  json["format"] = std::string(format::DataFormatName(format));
  nlohmann::ordered_json body = quality::ReportToJson(report);
  for (auto& [key, value] : body.items()) json[key] = value;
  return json;
}

int Fail(const std::string& message) {
  std::cerr << "mesh check: " << message << "\n";
  return kExitUsage;
}

int RunCheck(const CheckOptions& options) {
  Result<std::shared_ptr<Clock>> clock = ClockFromEnvironment();
  if (!clock.ok()) return Fail(clock.status().message());
  std::shared_ptr<FileSystem> fs = PosixFileSystem();
  Result<Descriptor> descriptor = LoadDescriptor(*fs, options.descriptor);
  if (!descriptor.ok()) return Fail(descriptor.status().message());
  Result<format::DataFormat> format = ChooseFormat(options.data, options.format);
  if (!format.ok()) return Fail(format.status().message());

  auto references = std::make_shared<ReferenceFiles>(fs);
  for (const std::string& spec : options.references) {
    Status added = references->Add(spec);
    if (!added.ok()) return Fail(added.message());
  }
  quality::PlanOptions plan_options;
  plan_options.references = [references](const std::string& product, const std::string& field) {
    return references->Load(product, field);
  };
  Result<quality::CheckPlan> plan = quality::CheckPlan::Make(*descriptor, plan_options);
  if (!plan.ok()) return Fail(options.descriptor + ": " + plan.status().message());

  format::ReadOptions read_options;
  read_options.threads = std::max(1, options.threads);
  Result<std::unique_ptr<format::BatchReader>> reader =
      format::OpenBatchReader(fs, options.data, *format, descriptor->schema, read_options);
  if (!reader.ok()) return Fail(reader.status().message());

  quality::EngineOptions engine;
  engine.threads = std::max(1, options.threads);
  engine.now = (*clock)->Now();
  ProgressBar bar;
  if (::isatty(STDERR_FILENO) && (*reader)->bytes_total() >= kProgressMinBytes) {
    engine.progress = [&bar](uint64_t done, uint64_t total) { bar.Update(done, total); };
  }
  Result<quality::QualityReport> report = quality::RunChecks(*plan, reader->get(), engine);
  bar.Clear();
  if (!report.ok()) return Fail(report.status().message());

  if (options.json) {
    std::cout << ReportJson(options, *format, *report).dump(2) << "\n";
  } else {
    std::cout << options.data << " (" << format::DataFormatName(*format) << ") against "
              << options.descriptor << "\n\n"
              << quality::RenderReportTable(*report);
  }
  return report->HasFailedErrors() ? kExitFindings : kExitOk;
}

void SetupCheck(CLI::App& app, const GlobalOptions& /*global*/, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "check", "Run every quality check of a descriptor over a data file, in one pass");
  auto options = std::make_shared<CheckOptions>();
  command->add_option("descriptor", options->descriptor, "The product's descriptor (YAML)")
      ->required();
  command->add_option("data", options->data, "The data file (CSV, JSONL or Parquet)")->required();
  command->add_flag("--json", options->json, "Print the full report as JSON");
  command->add_option("--format", options->format,
                      "csv, jsonl or parquet (default: from the data file's extension)");
  command->add_option("--ref", options->references,
                      "DESCRIPTOR=DATA: data of a product that referential checks point at "
                      "(repeatable)");
  command->add_option("--threads", options->threads, "Threads reading and checking (default 2)");
  command->footer(
      "Checks: field constraints, primary key, quality entries, SLA completeness and lag, types "
      "(names in docs/quality.md). Freshness and lag use MESH_NOW when set.\n"
      "Exit codes: 0 no error-severity check failed, 1 one did, 2 unusable input (unreadable "
      "or malformed file, wrong header, invalid descriptor).");
  command->callback([options, exit_code] { *exit_code = RunCheck(*options); });
}

}  // namespace

MESH_REGISTER_VERB("check", 40, SetupCheck);

}  // namespace mesh::cli
