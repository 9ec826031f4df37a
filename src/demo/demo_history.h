// SimulateHistory: gives a demo mesh a past (issue #9: "the demo mesh has a history"). Every
// product of the workspace is published once a simulated day, for `days` days up to `end`,
// through the real publish path (Publish with a fixed clock set to each publish instant), with
// fresh deterministic sample data each day; the consumer teams of each product then read it
// (recorded by the read meter, usage/read_meter.h). Planted on purpose, so that `mesh doctor`
// and `mesh maturity` have something to say:
//  - one domain degrades: in the second half of the history, two of every three of its publishes
//    carry null values in a required field and are quarantined (failure_rate_rising);
//  - the products that lack an owner, docs or SLA in the mesh keep lacking them.
// Late publishes and consumer reports come from the service-level module once it lands.
// Thread-compatible: one run per catalog.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "catalog/catalog.h"
#include "demo/demo_runner.h"
#include "lake/object_store.h"
#include "model/workspace.h"

namespace mesh::demo {

struct HistoryOptions {
  const Workspace* workspace = nullptr;
  const WorkspaceContents* contents = nullptr;  // loaded; must hold the organisation
  Catalog* catalog = nullptr;
  ObjectStore* lake = nullptr;
  std::string data_dir;  // each day's sample files, through the workspace's file system
  int days = 28;
  Timestamp end;  // the last day's publishes happen in the two hours before this instant
  int64_t rows = 40;
  uint64_t seed = 1;
  std::string degrading_domain;  // empty: the domain of the last product in generation order
};

struct HistoryReport {
  int days = 0;
  std::string degrading_domain;
  int64_t published = 0;
  int64_t rejected = 0;
  int64_t refused = 0;
  int64_t reads = 0;
  std::vector<std::string> refusals;  // product and first reason, for each refused publish
};

Result<HistoryReport> SimulateHistory(const HistoryOptions& options, DemoProgress* progress);

}  // namespace mesh::demo
