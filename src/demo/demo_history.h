// SimulateHistory: gives a demo mesh a past (issue #9: "the demo mesh has a history"). Every
// product of the workspace is published once a simulated day, for `days` days up to `end`,
// through the real publish path (Publish with a fixed clock set to each publish instant), with
// fresh deterministic sample data each day; the consumer teams of each product then read it
// (recorded by the read meter, usage/read_meter.h). After each day an SLA tick (sla/sla_tick.h)
// records the day's periods and opens an incident per breach, and the owners act on them
// (sla/sla_actions.h). Planted on purpose, so that `mesh doctor` and `mesh maturity` have
// something to say:
//  - one domain degrades: in the second half of the history, two of every three of its publishes
//    carry null values in a required field and are quarantined (failure_rate_rising);
//  - one daily product slips (plant_service_trouble): in the second half it skips every other
//    day (missed periods: `late` incidents, sla_compliance_falling) and, unless an error-severity
//    freshness check would reject it, publishes data 12 hours older than its max_lag_hours on the
//    others (published all the same: `lag` incidents, late_publishes); its owners acknowledge its
//    incidents and leave them open, while other products' incidents are closed the day they
//    open;
//  - consumer reports pile up on one product (plant_service_trouble): every day of the second
//    half a consumer reports a problem; the owners resolve only the first (reports_piling_up);
//  - the products that lack an owner, docs or SLA in the mesh keep lacking them. A product whose
//    owner team has no members in mesh.yaml is published during the history by the member the
//    team had then (former_workspace.h), so that the catalog holds it and mesh doctor names it
//    (product_without_owner).
// The slipping product is the first daily one that can publish late data (see StaleHours in
// demo_history.cc), so that it shows both sla_compliance_falling and late_publishes.
// Products are published once a day, so an hourly SLA misses most of its periods.
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
  bool plant_service_trouble = true;
  // Empty: the first daily product in generation order outside the degrading domain (consumed
  // products first).
  std::string slipping_product;
  // Empty: the first product with a consumer team, of the degrading domain if it has one.
  std::string reported_product;
  // Where the copy of the workspace as it was goes, when a team has lost its members (empty:
  // `data_dir`/former-workspace).
  std::string former_workspace_dir;
};

struct HistoryReport {
  int days = 0;
  std::string degrading_domain;
  int64_t published = 0;
  int64_t rejected = 0;
  int64_t refused = 0;
  int64_t reads = 0;
  std::vector<std::string> refusals;  // product and first reason, for each refused publish
  std::string slipping_product;       // empty when none was planted
  std::string reported_product;
  int64_t skipped = 0;    // publishes the slipping product left out
  int64_t late_data = 0;  // versions published above their max_lag_hours
  int64_t incidents_opened = 0;
  int64_t incidents_acknowledged = 0;
  int64_t incidents_closed = 0;
  int64_t reports_opened = 0;
  int64_t reports_resolved = 0;
  // Owner teams without members now, whose former member published during the history.
  std::vector<std::string> emptied_teams;
};

Result<HistoryReport> SimulateHistory(const HistoryOptions& options, DemoProgress* progress);

}  // namespace mesh::demo
