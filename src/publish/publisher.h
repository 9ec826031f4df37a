// Publish: the self-serve publish of one data product version (data-product.md "Versions",
// "Service levels", "Data in, data out"). In order: the descriptor must pass validation and
// governance in its workspace and the person must belong to the owning team; the data is read
// once, checked by the quality engine and written in the descriptor's output format to the lake
// in the same pass; the version gate compares with the catalog's current version; failed error
// checks or completeness below the SLA quarantine the attempt; otherwise the version is committed
// atomically on the snapshot the checks were based on. Every attempt whose descriptor could be
// read writes an OpenLineage run event: COMPLETE when published, FAIL (with the reason) when
// refused, rejected or stopped by an error. Any failure leaves the previous version current.
// Thread-safe when the catalog, lake and file system are (each call works on its own values).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "format/reader.h"
#include "lake/object_store.h"
#include "model/finding.h"
#include "model/workspace.h"

namespace mesh {

struct PublishRequest {
  const Workspace* workspace = nullptr;  // holds mesh.yaml, policies and the descriptor
  std::string descriptor_file;           // relative to the workspace root (or absolute)
  std::string data_path;                 // read through the workspace's FileSystem
  format::DataFormat data_format = format::DataFormat::kCsv;
  std::string person;  // who publishes (must be a member of the owning team)
  Catalog* catalog = nullptr;
  ObjectStore* lake = nullptr;
  const Clock* clock = nullptr;
  // Folder (through the workspace's FileSystem) for OpenLineage run events; empty: none written.
  std::string openlineage_dir;
  int threads = 2;
};

enum class PublishResult { kPublished, kRefused, kRejected };
std::string_view PublishResultName(PublishResult result);  // "published", "refused", "rejected"

struct PublishOutcome {
  PublishResult result = PublishResult::kRefused;
  std::vector<Finding> findings;         // kRefused: why (descriptor, governance, version gate)
  std::vector<std::string> reasons;      // kRejected: the failed checks / SLA in words
  std::string report_json;               // the quality report (empty when refused before reading)
  std::optional<VersionRecord> version;  // kPublished
  std::optional<int64_t> quarantine_id;  // kRejected
  // The run event written: <dir>/<name>-<snapshot>.json (COMPLETE) or
  // <dir>/<name>-failed-<micros>-<n>.json (FAIL); empty when none was written.
  std::string openlineage_path;
  // Why the event could not be written; the verdict stands (a published version stays published).
  std::string openlineage_error;
};

// Errors (Status) are for what stops a publish without a verdict: unreadable or malformed
// input, PermissionDenied (naming the team), a lake or catalog failure, Conflict (retry).
Result<PublishOutcome> Publish(const PublishRequest& request);

}  // namespace mesh
