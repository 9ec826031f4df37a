#include "sla/sla_tick.h"

#include <limits>
#include <set>

#include "sla/evaluator.h"

namespace mesh::sla {
namespace {

constexpr Timestamp kBeginningOfTime{std::numeric_limits<int64_t>::min() / 2};

Result<std::set<std::string>> KnownBreachKeys(Catalog& catalog, const std::string& product) {
  IncidentFilter filter;
  filter.product = product;
  ASSIGN_OR_RAISE(std::vector<Incident> incidents, catalog.ListIncidents(filter));
  std::set<std::string> keys;
  for (const Incident& incident : incidents) keys.insert(incident.breach_key);
  return keys;
}

IncidentDraft DraftIncident(const SlaSubject& subject, const Breach& breach,
                            const Organisation* org, Timestamp now) {
  IncidentDraft draft;
  draft.incident.product = subject.product.name;
  draft.incident.kind = breach.kind;
  draft.incident.breach_key = breach.key;
  draft.incident.breach_at = breach.at;
  draft.incident.summary = breach.summary;
  draft.incident.opened_at = now;
  std::string message = subject.product.name + ": " + std::string(BreachKindName(breach.kind)) +
                        " breach at " + FormatTimestamp(breach.at) + ": " + breach.summary;
  draft.notifications = DraftsFor(TeamsToNotify(subject.product.owner, subject.consumers), org,
                                  "incident_opened", message);
  return draft;
}

Result<std::optional<ProductTick>> TickProduct(const TickRequest& request,
                                               const SlaSubject& subject, Timestamp now) {
  Catalog& catalog = *request.catalog;
  const std::string& name = subject.product.name;
  ASSIGN_OR_RAISE(std::optional<SlaTickState> state, catalog.GetSlaTickState(name));
  Timestamp from = state ? state->evaluated_through : kBeginningOfTime;
  SlaTickRecord record;
  record.state = {name, now, now};
  record.periods = EvaluatePeriods(name, subject.history, from, now, now);
  std::vector<Breach> breaches;
  for (const PeriodEvaluation& period : record.periods) {
    if (!period.met) breaches.push_back(LateBreach(period));
  }
  for (Breach& breach :
       VersionBreaches(subject.history, subject.quarantine, kBeginningOfTime, now)) {
    breaches.push_back(std::move(breach));
  }
  ASSIGN_OR_RAISE(std::set<std::string> known, KnownBreachKeys(catalog, name));
  for (const Breach& breach : breaches) {
    if (known.count(breach.key) == 0) {
      record.incidents.push_back(DraftIncident(subject, breach, request.org, now));
    }
  }
  if (record.periods.empty() && record.incidents.empty()) return std::optional<ProductTick>();
  ProductTick tick;
  tick.product = name;
  for (const PeriodEvaluation& period : record.periods) tick.periods_missed += period.met ? 0 : 1;
  AuditEntry audit;
  audit.at = now;
  audit.actor = "system";
  audit.action = "sla.tick";
  audit.target = name;
  audit.outcome = "ok";
  audit.details = std::to_string(record.periods.size()) + " periods evaluated through " +
                  FormatTimestamp(now) + ", " + std::to_string(tick.periods_missed) + " missed";
  ASSIGN_OR_RAISE(SlaTickOutcome outcome, catalog.RecordSlaTick(record, audit));
  tick.periods_recorded = outcome.periods_recorded;
  tick.opened = std::move(outcome.opened);
  return std::optional<ProductTick>(std::move(tick));
}

}  // namespace

Result<SlaSubject> LoadSlaSubject(Catalog& catalog, const ProductRecord& product) {
  ASSIGN_OR_RAISE(std::vector<VersionRecord> versions, catalog.ListVersions(product.name));
  ASSIGN_OR_RAISE(SlaHistory history, SlaHistory::Build(std::move(versions)));
  ASSIGN_OR_RAISE(std::vector<QuarantineEntry> quarantine, catalog.ListQuarantine(product.name));
  ASSIGN_OR_RAISE(std::vector<std::string> consumers, catalog.ListConsumers(product.name));
  return SlaSubject{product, std::move(history), std::move(quarantine), std::move(consumers)};
}

Result<TickReport> RunSlaTick(const TickRequest& request) {
  TickReport report;
  report.now = request.clock->Now();
  std::vector<ProductRecord> products;
  if (request.product) {
    ASSIGN_OR_RAISE(ProductRecord one, request.catalog->GetProduct(*request.product));
    products.push_back(std::move(one));
  } else {
    ASSIGN_OR_RAISE(products, request.catalog->ListProducts(ProductFilter{}));
  }
  for (const ProductRecord& product : products) {
    if (product.current_snapshot == 0) continue;
    ASSIGN_OR_RAISE(SlaSubject subject, LoadSlaSubject(*request.catalog, product));
    ASSIGN_OR_RAISE(std::optional<ProductTick> tick, TickProduct(request, subject, report.now));
    if (tick) report.products.push_back(std::move(*tick));
  }
  if (request.sender != nullptr) {
    ASSIGN_OR_RAISE(report.deliveries,
                    DeliverPendingWebhooks(*request.catalog, *request.sender, *request.clock));
  }
  return report;
}

}  // namespace mesh::sla
