// Evaluation of a product's service level over time (data-product.md "Service levels",
// governance.md "Service level monitoring"; docs/sla.md "Evaluation"). Pure functions of the
// catalog's history, so every answer is reproducible for a given `now`.
//  - A period (previous deadline, deadline] is met when a snapshot was published in it.
//    Only deadlines at or before `now` are decided.
//  - A snapshot whose lag exceeds its own descriptor's max_lag_hours is a `lag` breach at its
//    publish time; a quarantined publish rejected for completeness below sla.min_completeness
//    (or for its lag) is a `completeness` (or `lag`) breach at the time of the attempt; a missed
//    period is a `late` breach at its deadline.
//  - Compliance over a window = met periods / decided periods (none when no period was decided).
// Thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "sla/sla_history.h"

namespace mesh::sla {

struct Breach {
  BreachKind kind = BreachKind::kLate;
  Timestamp at;
  std::string key;  // the incident key: "late:<deadline>", "lag:<snapshot>", "completeness:<id>"
  std::string subject;  // the period, the snapshot ref, or "quarantine #<id>"
  std::string summary;  // in words, with what was measured and promised
};

// Periods whose deadline d satisfies from < d <= min(to, now), oldest first. Recorded
// decisions (from `mesh sla tick`) replace computed ones for the same deadline.
std::vector<PeriodEvaluation> EvaluatePeriods(const std::string& product, const SlaHistory& history,
                                              Timestamp from, Timestamp to, Timestamp now,
                                              const std::vector<PeriodEvaluation>& recorded = {});

// Lag and completeness breaches with from < at <= to, oldest first.
std::vector<Breach> VersionBreaches(const SlaHistory& history,
                                    const std::vector<QuarantineEntry>& quarantine, Timestamp from,
                                    Timestamp to);

// The `late` breach of a missed period.
Breach LateBreach(const PeriodEvaluation& period);

// True when a quarantined publish was rejected (also) for completeness below the SLA; the
// publisher's reason says "completeness X is below sla.min_completeness Y".
bool IsCompletenessRejection(const QuarantineEntry& entry);
// True when a quarantined publish was rejected (also) for its lag ("check sla.max_lag_hours
// failed"): the data was not delivered in time, a `lag` breach at the attempt.
bool IsLagRejection(const QuarantineEntry& entry);

struct Compliance {
  int64_t periods = 0;
  int64_t met = 0;
  std::optional<double> ratio;  // met / periods; none without periods
};
Compliance ComputeCompliance(const std::vector<PeriodEvaluation>& periods);

// Everything the report says about one product over a window.
struct ProductEvaluation {
  std::string product;
  std::vector<PeriodEvaluation> periods;
  std::vector<Breach> breaches;  // late, lag and completeness, oldest first
  Compliance compliance;
};

ProductEvaluation EvaluateWindow(const std::string& product, const SlaHistory& history,
                                 const std::vector<QuarantineEntry>& quarantine, Timestamp from,
                                 Timestamp to, Timestamp now,
                                 const std::vector<PeriodEvaluation>& recorded = {});

}  // namespace mesh::sla
