// AssessMaturity: which phase of the implementation path (governance.md "Maturity and health")
// the organisation is in, from the catalog and the workspace, with the evidence for and
// against the next phase. Phases and thresholds (docs/usage.md "Maturity"):
//   1 centralised             the starting point: nothing published by the domains yet
//   2 first products          at least one product published
//   3 domains publishing on   at least 2 domains, and at least 30% of all domains, published
//     their own               in the window through members of their own owner teams, and
//                             at least 2 distinct teams did so
//   4 mesh operation          at least 75% of domains have a published product, at least 50%
//                             published in the window, at least 90% of the workspace's
//                             products pass governance without errors, and at least 50% of
//                             published products were read in the window by a team that does
//                             not own them
// A phase is reached when its criteria and those of every earlier phase hold. Searches are not
// recorded by the catalog, so "consumers find products" is measured by their reads.
// Pure function of its input; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/time.h"
#include "health/mesh_activity.h"
#include "model/organisation.h"

namespace mesh::health {

struct MaturityThresholds {
  int window_days = 30;
  int64_t min_active_domains = 2;
  double min_active_domain_share = 0.30;
  int64_t min_publishing_teams = 2;
  double min_domains_with_products_share = 0.75;
  double min_active_domain_share_operation = 0.50;
  double min_lint_clean_rate = 0.90;
  double min_consumer_reach = 0.50;
};

struct MaturityInput {
  const Organisation* organisation = nullptr;
  const MeshActivity* activity = nullptr;  // reads gathered for [now - window, now)
  Timestamp now;
  int64_t governed_products = 0;  // descriptors of the workspace that governance checked
  int64_t clean_products = 0;     // of them, those without error findings
  MaturityThresholds thresholds;
};

struct MaturityMetrics {
  int64_t domains = 0;
  int64_t domains_with_products = 0;
  int64_t active_domains = 0;  // published in the window through their own owner teams
  int64_t publishing_teams = 0;
  int64_t published_products = 0;
  int64_t governed_products = 0;
  int64_t clean_products = 0;
  int64_t products_read_by_others = 0;  // published products read by a non-owner team
  int64_t reads_by_others = 0;
  int64_t reads = 0;
};

struct Criterion {
  std::string id;  // "domains.active", "governance.clean_rate", ...
  std::string description;
  double value = 0;
  double threshold = 0;
  bool met = false;
  std::string evidence;  // the measurement in words
};

struct PhaseAssessment {
  int phase = 1;
  std::string name;
  std::vector<Criterion> criteria;
  bool reached = false;
};

struct MaturityVerdict {
  int phase = 1;
  std::string name;
  Timestamp measured_at;
  int window_days = 0;
  MaturityMetrics metrics;
  std::vector<PhaseAssessment> phases;  // 1..4
};

MaturityVerdict AssessMaturity(const MaturityInput& input);

// {"phase", "name", "measured_at", "window_days", "metrics": {...}, "phases": [{"phase", "name",
// "reached", "criteria": [...]}], "next": {"phase", "name", "for": [...], "against": [...]}
// (null at phase 4)}.
nlohmann::ordered_json MaturityToJson(const MaturityVerdict& verdict);
std::string RenderMaturity(const MaturityVerdict& verdict);

}  // namespace mesh::health
