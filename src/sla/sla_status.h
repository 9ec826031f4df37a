// SlaStatus: is a product within its service level now, and what comes next
// (docs/sla.md "Status"). Within SLA means all of: the last decided period was met, the newest
// snapshot's lag is within max_lag_hours, and no publish was rejected for completeness since
// that snapshot. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sla/evaluator.h"

namespace mesh::sla {

struct SlaStatus {
  std::string product;
  std::optional<Sla> sla;  // the SLA in force now; none: nothing is promised
  bool within_sla = true;
  std::vector<std::string> reasons;  // why not, in words
  std::optional<PeriodEvaluation> last_period;
  std::optional<Deadline> next_deadline;
  std::string next_deadline_local;      // in the SLA's zone, with its offset
  std::string current_period_met_by;    // a snapshot already published for the next deadline
  std::optional<VersionRecord> newest;  // the newest snapshot published by now
};

SlaStatus EvaluateStatus(const std::string& product, const SlaHistory& history,
                         const std::vector<QuarantineEntry>& quarantine, Timestamp now,
                         const std::vector<PeriodEvaluation>& recorded = {});

}  // namespace mesh::sla
