#include "sla/sla_status.h"

namespace mesh::sla {
namespace {

void CheckLastPeriod(const SlaSegment& segment, const SlaHistory& history,
                     const std::string& product, Timestamp now,
                     const std::vector<PeriodEvaluation>& recorded, SlaStatus* status) {
  Deadline last = segment.calendar->LastAtOrBefore(now);
  if (last.at < segment.from) return;  // no period of this SLA has ended yet
  std::vector<PeriodEvaluation> periods =
      EvaluatePeriods(product, history, Timestamp{last.at.micros - 1}, last.at, now, recorded);
  if (periods.empty()) return;
  status->last_period = periods.back();
  if (!status->last_period->met) {
    status->within_sla = false;
    status->reasons.push_back(LateBreach(*status->last_period).summary);
  }
}

void DescribeNextDeadline(const SlaSegment& segment, const SlaHistory& history, Timestamp now,
                          SlaStatus* status) {
  Deadline next = segment.calendar->NextAfter(now);
  Timestamp start = segment.calendar->LastAtOrBefore(Timestamp{next.at.micros - 1}).at;
  status->next_deadline_local = FormatLocalTimestamp(segment.calendar->zone(), next.at);
  if (const VersionRecord* early = history.FirstPublishedIn(start, now)) {
    status->current_period_met_by = early->Ref();
  }
  status->next_deadline = std::move(next);
}

void CheckNewestVersion(const SlaHistory& history, const std::vector<QuarantineEntry>& quarantine,
                        Timestamp now, SlaStatus* status) {
  if (!status->newest) return;
  Timestamp since = status->newest->published_at;
  for (const Breach& breach :
       VersionBreaches(history, quarantine, Timestamp{since.micros - 1}, now)) {
    if (breach.kind == BreachKind::kLag && breach.subject != status->newest->Ref()) continue;
    status->within_sla = false;
    status->reasons.push_back(breach.summary);
  }
}

}  // namespace

SlaStatus EvaluateStatus(const std::string& product, const SlaHistory& history,
                         const std::vector<QuarantineEntry>& quarantine, Timestamp now,
                         const std::vector<PeriodEvaluation>& recorded) {
  SlaStatus status;
  status.product = product;
  for (const VersionRecord& version : history.versions()) {
    if (version.published_at <= now) status.newest = version;
  }
  const SlaSegment* segment = history.At(now);
  if (!segment || !segment->sla) return status;
  status.sla = segment->sla;
  if (segment->calendar) {
    CheckLastPeriod(*segment, history, product, now, recorded, &status);
    DescribeNextDeadline(*segment, history, now, &status);
  }
  CheckNewestVersion(history, quarantine, now, &status);
  return status;
}

}  // namespace mesh::sla
