// Diagnose: what is degrading in a mesh (governance.md "Maturity and health"), each diagnosis
// with its evidence and a suggested action (docs/usage.md "Doctor"). Diagnoses:
//   failure_rate_rising     a domain whose publish attempts fail their checks more often in
//                           the recent window than in the one before: recent rate at least
//                           `min_recent_failure_rate`, at least `min_failure_rate_rise` above
//                           the previous rate, over at least `min_recent_attempts` attempts
//   product_without_owner   the owner team is missing from mesh.yaml, has no members, or does
//                           not own the product's domain
//   product_without_docs    no description or no documentation_url
//   product_without_sla     no sla
//   late_publishes          versions published in the recent window whose lag exceeded their
//                           sla.max_lag_hours
//   reports_piling_up       at least `min_open_reports` consumer reports open on a product
//   sla_compliance_falling  availability compliance (sla/evaluator.h: met periods / periods)
//                           in the recent window at least `min_compliance_drop` below the
//                           previous window's, each window with at least `min_periods` periods
// Products are judged by the descriptor of their current version (what consumers see).
// Pure function of its input; thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/time.h"
#include "health/mesh_activity.h"
#include "model/organisation.h"

namespace mesh::health {

struct DoctorThresholds {
  int window_days = 14;  // recent window [now - w, now); previous [now - 2w, now - w)
  double min_recent_failure_rate = 0.20;
  double min_failure_rate_rise = 0.15;
  int64_t min_recent_attempts = 3;
  int64_t min_open_reports = 3;
  double min_compliance_drop = 0.15;
  int64_t min_periods = 3;
};

struct DoctorInput {
  const Organisation* organisation = nullptr;
  const MeshActivity* activity = nullptr;
  Timestamp now;
  // Domains of products the catalog has no record of (rejected before their first publish).
  std::map<std::string, std::string, std::less<>> product_domains;
  DoctorThresholds thresholds;
  // Receives what could not be judged and why (e.g. a time zone missing from the system's
  // database); may be null.
  std::vector<std::string>* warnings = nullptr;
};

struct Diagnosis {
  std::string kind;     // "failure_rate_rising", ...
  std::string subject;  // the domain or product
  std::string evidence;
  std::string action;
  nlohmann::ordered_json measures;  // the numbers behind the evidence
};

// Sorted by kind, then subject.
std::vector<Diagnosis> Diagnose(const DoctorInput& input);

// {"measured_at", "window_days", "findings": [{"kind", "subject", "evidence", "action",
// "measures"}], "warnings": [...]}.
nlohmann::ordered_json DiagnosesToJson(const std::vector<Diagnosis>& diagnoses, Timestamp now,
                                       int window_days,
                                       const std::vector<std::string>& warnings = {});
std::string RenderDiagnoses(const std::vector<Diagnosis>& diagnoses);

}  // namespace mesh::health
