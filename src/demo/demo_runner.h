// The `mesh demo` pipeline: a list of steps run in order over one context (the demo mesh, its
// loaded contents, the report being built). The steps of today are validate and generate
// (demo_steps.h); publishing and serving are added as further steps, without touching the
// runner or the verb. Thread-compatible: one run per context.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "base/time.h"
#include "model/finding.h"
#include "model/workspace.h"

namespace mesh::demo {

// The instant the demo runs at unless MESH_NOW says otherwise (a Friday morning): the sample
// data's newest event times lie just before it and the demo mesh's waivers are valid at it.
inline constexpr std::string_view kDemoNow = "2026-11-20T08:00:00Z";
inline constexpr std::string_view kDemoWorkspace = "examples/prophecy-hall";

struct DemoOptions {
  std::string workspace_dir;  // the folder holding mesh.yaml
  std::string out_dir;        // sample files go to <out_dir>/data
  int64_t rows = 200;         // rows per product
  uint64_t seed = 1;
  Timestamp now;
};

// One sample data file written.
struct DemoFile {
  std::string product;
  std::string domain;
  std::string path;
  std::string format;  // "csv" | "jsonl"
  int64_t rows = 0;
  uint64_t bytes = 0;
  std::string shortfall;  // why fewer rows than asked, if so
};

struct DemoDomain {
  std::string id;
  std::vector<std::string> owners;
  std::vector<std::string> products;
};

struct DemoReport {
  std::string workspace;
  std::string organisation;
  Timestamp now;
  uint64_t seed = 0;
  int64_t rows_per_product = 0;
  size_t teams = 0;
  size_t people = 0;
  std::vector<DemoDomain> domains;
  std::vector<std::string> products;   // every product, in file order
  std::vector<std::string> formats;    // each product's output_format, same order
  std::vector<Finding> findings;       // model and governance rules: errors stop the demo
  std::vector<Finding> lint_findings;  // antipattern.*: shown, never stop the demo
  size_t files_checked = 0;
  std::vector<DemoFile> files;
  std::vector<std::string> steps_run;
  std::string stopped_because;  // set when a step found the mesh unfit to go on

  size_t CountErrors() const;  // in `findings`
  size_t CountWarnings() const;
};

// Where steps say what they are doing, one line at a time (the CLI prints to stderr).
class DemoProgress {
 public:
  virtual ~DemoProgress() = default;
  virtual void Line(std::string_view text) = 0;
};

struct DemoContext {
  DemoOptions options;
  std::shared_ptr<FileSystem> fs;
  DemoProgress* progress = nullptr;
  std::optional<Workspace> workspace;  // set by the validate step
  WorkspaceContents contents;          // set by the validate step
  DemoReport report;
};

class DemoStep {
 public:
  virtual ~DemoStep() = default;
  virtual std::string_view Name() const = 0;
  // An error Status (unreadable input, failed write) ends the run with that error. A step that
  // finds the mesh unfit to go on sets report.stopped_because and returns OK.
  virtual Status Run(DemoContext* context) = 0;
};

// Runs `steps` in order until one fails or stops the run; the report says how far it got.
Result<DemoReport> RunDemo(const DemoOptions& options, std::shared_ptr<FileSystem> fs,
                           DemoProgress* progress,
                           const std::vector<std::unique_ptr<DemoStep>>& steps);

}  // namespace mesh::demo
