// The `mesh demo` pipeline: a list of steps run in order over one context (the demo mesh, its
// loaded contents, the report being built). The steps of today are validate, generate and
// publish (demo_steps.h, demo_publish.h); serving is added as a further step, without touching
// the runner or the verb. Thread-compatible: one run per context.
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
#include "catalog/catalog.h"
#include "demo/sample_data.h"
#include "lake/object_store.h"
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
  // Where the publish step keeps its catalog (catalog.db), lake (lake/) and OpenLineage events
  // (openlineage/), made fresh on every run; empty: <workspace_dir>/.mesh.
  std::string store_dir;
  // Days of simulated history published before the demo's own publishes (demo_history.h); 0:
  // none. The history ends the day before `now`.
  int history_days = 0;
  int64_t history_rows = 60;  // rows per product per simulated day (soldier_roster needs 50)
};

// One sample data file written.
struct DemoFile {
  std::string product;
  std::string domain;
  std::string path;
  std::string format;  // "csv" | "jsonl" | "parquet"
  int64_t rows = 0;
  uint64_t bytes = 0;
  std::string shortfall;  // why fewer rows than asked, if so
};

// One publish of the demo, and whether it went as planned.
struct DemoPublish {
  std::string product;
  std::string attempted;  // "name@2.1.0"
  std::string person;
  std::string data_path;
  // "" for a clean publish, else what was planted: "anti_pattern" (an error-severity
  // anti-pattern of the demo mesh: must be refused), "quality" (bad rows: must be rejected),
  // "major_bump" (a removed field under a minor bump: must be refused), "no_owner" (its owner
  // team has no members: nobody may publish it, an "error").
  std::string planted;
  std::string result;  // "published" | "rejected" | "refused" | "error"
  std::string ref;     // published: "name@2.1.0#3"
  std::string detail;  // why rejected / refused / failed, in words
  int64_t rows = 0;
  int64_t bytes = 0;
  bool as_planned = true;
};

struct DemoDomain {
  std::string id;
  std::vector<std::string> owners;
  std::vector<std::string> products;
};

// What the history step simulated (demo_history.h HistoryReport).
struct DemoHistory {
  int days = 0;
  std::string degrading_domain;
  std::string slipping_product;
  std::string reported_product;
  int64_t published = 0;
  int64_t rejected = 0;
  int64_t refused = 0;
  int64_t skipped = 0;
  int64_t late_data = 0;
  int64_t reads = 0;
  int64_t incidents_opened = 0;
  int64_t incidents_closed = 0;
  int64_t reports_opened = 0;
  int64_t reports_resolved = 0;
  std::vector<std::string> emptied_teams;  // owner teams without members now
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
  std::string catalog_uri;  // set by the publish step
  std::string lake_uri;
  std::optional<DemoHistory> history;  // set by the history step
  std::vector<DemoPublish> publishes;
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

// The catalog, lake and OpenLineage folder the demo publishes into (DemoOptions::store_dir).
struct DemoStores {
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<ObjectStore> lake;
  std::string openlineage_dir;
};

struct DemoContext {
  DemoOptions options;
  std::shared_ptr<FileSystem> fs;
  DemoProgress* progress = nullptr;
  std::optional<Workspace> workspace;  // set by the validate step
  WorkspaceContents contents;          // set by the validate step
  SampleCatalog samples;               // set by the generate step
  std::optional<DemoStores> stores;    // opened fresh by the first step that publishes
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
