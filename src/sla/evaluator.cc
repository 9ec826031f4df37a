#include "sla/evaluator.h"

#include <algorithm>
#include <cstdio>

namespace mesh::sla {
namespace {

// The publisher's wording of rejection reasons (publisher.cc RejectionReasons): the SLA
// completeness verdict, and the failed SLA checks of the quality report.
constexpr std::string_view kCompletenessMarkers[] = {"below sla.min_completeness",
                                                     "check sla.min_completeness failed"};
constexpr std::string_view kLagMarker = "check sla.max_lag_hours failed";

std::string Hours(double hours) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f h", hours);
  return text;
}

PeriodEvaluation Decide(const std::string& product, const SlaHistory& history,
                        const SlaSegment& segment, const Deadline& deadline, Timestamp now) {
  PeriodEvaluation period;
  period.product = product;
  period.deadline = deadline.at;
  period.period_start = segment.calendar->LastAtOrBefore(Timestamp{deadline.at.micros - 1}).at;
  period.period = deadline.period;
  period.availability = segment.sla->availability_text.empty()
                            ? segment.sla->availability->ToString()
                            : segment.sla->availability_text;
  const VersionRecord* met_by = history.FirstPublishedIn(period.period_start, deadline.at);
  period.met = met_by != nullptr;
  if (met_by) period.met_by = met_by->Ref();
  period.evaluated_at = now;
  return period;
}

void ReplaceWithRecorded(const std::vector<PeriodEvaluation>& recorded,
                         std::vector<PeriodEvaluation>* periods) {
  std::map<int64_t, const PeriodEvaluation*> by_deadline;
  for (const PeriodEvaluation& period : recorded) by_deadline[period.deadline.micros] = &period;
  for (PeriodEvaluation& period : *periods) {
    auto it = by_deadline.find(period.deadline.micros);
    if (it != by_deadline.end()) period = *it->second;
  }
}

std::optional<Breach> LagBreach(const SlaHistory& history, const VersionRecord& version) {
  const SlaSegment* segment = history.At(version.published_at);
  if (!segment || !segment->sla || !segment->sla->max_lag_hours || !version.lag_hours) {
    return std::nullopt;
  }
  if (*version.lag_hours <= *segment->sla->max_lag_hours) return std::nullopt;
  Breach breach;
  breach.kind = BreachKind::kLag;
  breach.at = version.published_at;
  breach.key = "lag:" + std::to_string(version.snapshot);
  breach.subject = version.Ref();
  breach.summary = version.Ref() + " was published with a lag of " + Hours(*version.lag_hours) +
                   ", more than sla.max_lag_hours " + Hours(*segment->sla->max_lag_hours);
  return breach;
}

Breach RejectionBreach(const QuarantineEntry& entry, BreachKind kind) {
  Breach breach;
  breach.kind = kind;
  breach.at = entry.at;
  breach.key = kind == BreachKind::kLag ? "lag:quarantine/" + std::to_string(entry.id)
                                        : "completeness:" + std::to_string(entry.id);
  breach.subject = "quarantine #" + std::to_string(entry.id);
  breach.summary = "a publish of " + entry.product + "@" +
                   FormatSchemaVersion(entry.attempted_version) + " by " + entry.person +
                   " was rejected: " + entry.reason;
  return breach;
}

}  // namespace

std::vector<PeriodEvaluation> EvaluatePeriods(const std::string& product, const SlaHistory& history,
                                              Timestamp from, Timestamp to, Timestamp now,
                                              const std::vector<PeriodEvaluation>& recorded) {
  std::vector<PeriodEvaluation> periods;
  Timestamp end = std::min(to, now);
  const std::vector<SlaSegment>& segments = history.segments();
  for (size_t i = 0; i < segments.size(); ++i) {
    const SlaSegment& segment = segments[i];
    if (!segment.calendar) continue;
    Timestamp start = std::max(from, segment.from);
    Timestamp until = std::min(end, history.EndOf(i).value_or(end));
    for (const Deadline& deadline : segment.calendar->DeadlinesBetween(start, until)) {
      periods.push_back(Decide(product, history, segment, deadline, now));
    }
  }
  ReplaceWithRecorded(recorded, &periods);
  return periods;
}

bool IsCompletenessRejection(const QuarantineEntry& entry) {
  for (std::string_view marker : kCompletenessMarkers) {
    if (entry.reason.find(marker) != std::string::npos) return true;
  }
  return false;
}

bool IsLagRejection(const QuarantineEntry& entry) {
  return entry.reason.find(kLagMarker) != std::string::npos;
}

std::vector<Breach> VersionBreaches(const SlaHistory& history,
                                    const std::vector<QuarantineEntry>& quarantine, Timestamp from,
                                    Timestamp to) {
  std::vector<Breach> breaches;
  for (const VersionRecord& version : history.versions()) {
    if (version.published_at <= from || version.published_at > to) continue;
    if (std::optional<Breach> breach = LagBreach(history, version)) breaches.push_back(*breach);
  }
  for (const QuarantineEntry& entry : quarantine) {
    if (entry.at <= from || entry.at > to) continue;
    if (IsCompletenessRejection(entry)) {
      breaches.push_back(RejectionBreach(entry, BreachKind::kCompleteness));
    }
    if (IsLagRejection(entry)) breaches.push_back(RejectionBreach(entry, BreachKind::kLag));
  }
  std::stable_sort(breaches.begin(), breaches.end(),
                   [](const Breach& a, const Breach& b) { return a.at < b.at; });
  return breaches;
}

Breach LateBreach(const PeriodEvaluation& period) {
  Breach breach;
  breach.kind = BreachKind::kLate;
  breach.at = period.deadline;
  breach.key = "late:" + FormatTimestamp(period.deadline);
  breach.subject = period.period;
  breach.summary = "no version of " + period.product + " was published for the period " +
                   period.period + " (" + period.availability + "): nothing between " +
                   FormatTimestamp(period.period_start) + " and the deadline " +
                   FormatTimestamp(period.deadline);
  return breach;
}

Compliance ComputeCompliance(const std::vector<PeriodEvaluation>& periods) {
  Compliance compliance;
  compliance.periods = static_cast<int64_t>(periods.size());
  for (const PeriodEvaluation& period : periods) compliance.met += period.met ? 1 : 0;
  if (compliance.periods > 0) {
    compliance.ratio =
        static_cast<double>(compliance.met) / static_cast<double>(compliance.periods);
  }
  return compliance;
}

ProductEvaluation EvaluateWindow(const std::string& product, const SlaHistory& history,
                                 const std::vector<QuarantineEntry>& quarantine, Timestamp from,
                                 Timestamp to, Timestamp now,
                                 const std::vector<PeriodEvaluation>& recorded) {
  ProductEvaluation evaluation;
  evaluation.product = product;
  evaluation.periods = EvaluatePeriods(product, history, from, to, now, recorded);
  evaluation.compliance = ComputeCompliance(evaluation.periods);
  for (const PeriodEvaluation& period : evaluation.periods) {
    if (!period.met) evaluation.breaches.push_back(LateBreach(period));
  }
  for (Breach& breach : VersionBreaches(history, quarantine, from, std::min(to, now))) {
    evaluation.breaches.push_back(std::move(breach));
  }
  std::stable_sort(evaluation.breaches.begin(), evaluation.breaches.end(),
                   [](const Breach& a, const Breach& b) { return a.at < b.at; });
  return evaluation;
}

}  // namespace mesh::sla
