#include "sla/sla_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "sla/sla_json.h"
#include "sla/sla_tick.h"

namespace mesh::sla {
namespace {

int32_t DayOf(Timestamp at) {
  return static_cast<int32_t>(at.micros / kMicrosPerDay - (at.micros % kMicrosPerDay < 0 ? 1 : 0));
}

Json ComplianceJson(const Compliance& compliance) {
  return compliance.ratio ? Json(*compliance.ratio) : Json(nullptr);
}

Json NextDeadlineJson(const SlaStatus& status) {
  if (!status.next_deadline) return nullptr;
  return {
      {"at", FormatTimestamp(status.next_deadline->at)},
      {"local", status.next_deadline_local},
      {"period", status.next_deadline->period},
      {"already_met_by",
       status.current_period_met_by.empty() ? Json(nullptr) : Json(status.current_period_met_by)}};
}

Json NewestJson(const SlaStatus& status) {
  if (!status.newest) return nullptr;
  const VersionRecord& newest = *status.newest;
  return {{"ref", newest.Ref()},
          {"published_at", FormatTimestamp(newest.published_at)},
          {"lag_hours", newest.lag_hours ? Json(*newest.lag_hours) : Json(nullptr)},
          {"completeness", newest.completeness}};
}

// NotFound unless `domain` is one of the catalog's products' domains or of mesh.yaml's.
Status RequireKnownDomain(const std::vector<ProductRecord>& products, const std::string& domain,
                          const Organisation* organisation) {
  std::set<std::string, std::less<>> known;
  for (const ProductRecord& product : products) known.insert(product.domain);
  if (organisation != nullptr) {
    for (const Domain& declared : organisation->domains) known.insert(declared.id);
  }
  if (known.contains(domain)) return Status::OK();
  std::string names;
  for (const std::string& id : known) names += (names.empty() ? "" : ", ") + id;
  return Status::NotFound("no domain '" + domain + "' in the catalog" +
                          (organisation != nullptr ? " or mesh.yaml" : "") +
                          "; known domains: " + (names.empty() ? "none" : names));
}

}  // namespace

Result<std::vector<ProductRecord>> SelectSlaProducts(Catalog& catalog, const std::string& name,
                                                     const std::string& domain,
                                                     const Organisation* organisation) {
  if (!name.empty()) {
    ASSIGN_OR_RAISE(ProductRecord product, catalog.GetProduct(name));
    return std::vector<ProductRecord>{product};
  }
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products, catalog.ListProducts(ProductFilter{}));
  if (!domain.empty()) {
    RETURN_NOT_OK(RequireKnownDomain(products, domain, organisation));
    std::erase_if(products, [&](const ProductRecord& p) { return p.domain != domain; });
  }
  std::erase_if(products, [](const ProductRecord& p) { return p.current_snapshot == 0; });
  return products;
}

Result<ProductSlaStatus> StatusOfProduct(Catalog& catalog, const ProductRecord& product,
                                         Timestamp now) {
  ASSIGN_OR_RAISE(SlaSubject subject, LoadSlaSubject(catalog, product));
  ASSIGN_OR_RAISE(
      std::vector<PeriodEvaluation> recorded,
      catalog.ListPeriodEvaluations(product.name, Timestamp{now.micros - 9 * kMicrosPerDay}, now));
  ProductSlaStatus row;
  row.status = EvaluateStatus(product.name, subject.history, subject.quarantine, now, recorded);
  IncidentFilter filter;
  filter.product = product.name;
  ASSIGN_OR_RAISE(std::vector<Incident> incidents, catalog.ListIncidents(filter));
  row.open_incidents = std::count_if(incidents.begin(), incidents.end(), [](const Incident& i) {
    return i.status != IncidentStatus::kClosed;
  });
  return row;
}

Json SlaStatusJson(const ProductSlaStatus& row) {
  const SlaStatus& status = row.status;
  Json json;
  json["product"] = status.product;
  json["sla"] = status.sla ? SlaJson(*status.sla) : Json(nullptr);
  json["within_sla"] = status.within_sla;
  json["reasons"] = status.reasons;
  json["last_period"] = status.last_period ? PeriodJson(*status.last_period) : Json(nullptr);
  json["next_deadline"] = NextDeadlineJson(status);
  json["newest"] = NewestJson(status);
  json["open_incidents"] = row.open_incidents;
  return json;
}

Result<ReportWindow> ChooseReportWindow(const std::string& from, const std::string& to,
                                        Timestamp now, std::string_view from_name,
                                        std::string_view to_name) {
  auto parse = [](const std::string& text, std::string_view name) -> Result<int32_t> {
    std::optional<int32_t> day = ParseDate(text);
    if (!day) {
      return Status::InvalidArgument(std::string(name) + " '" + text +
                                     "' is not a date: write YYYY-MM-DD");
    }
    return *day;
  };
  ReportWindow window;
  window.to_day = DayOf(now);
  if (!to.empty()) {
    ASSIGN_OR_RAISE(window.to_day, parse(to, to_name));
  }
  window.from_day = window.to_day - (kDefaultReportWindowDays - 1);
  if (!from.empty()) {
    ASSIGN_OR_RAISE(window.from_day, parse(from, from_name));
  }
  if (window.from_day > window.to_day) {
    return Status::InvalidArgument(std::string(from_name) + " " + FormatDate(window.from_day) +
                                   " is after " + std::string(to_name) + " " +
                                   FormatDate(window.to_day));
  }
  window.from = Timestamp{int64_t{window.from_day} * kMicrosPerDay - 1};
  window.to = Timestamp{(int64_t{window.to_day} + 1) * kMicrosPerDay - 1};
  return window;
}

Result<ProductSlaReport> ReportOfProduct(Catalog& catalog, const ProductRecord& product,
                                         const ReportWindow& window, Timestamp now) {
  ASSIGN_OR_RAISE(SlaSubject subject, LoadSlaSubject(catalog, product));
  ASSIGN_OR_RAISE(std::vector<PeriodEvaluation> recorded,
                  catalog.ListPeriodEvaluations(product.name, window.from, window.to));
  ProductSlaReport row;
  row.product = product;
  if (const SlaSegment* segment = subject.history.At(std::min(now, window.to))) {
    row.sla = segment->sla;
  }
  row.evaluation = EvaluateWindow(product.name, subject.history, subject.quarantine, window.from,
                                  window.to, now, recorded);
  return row;
}

int64_t CountBreaches(const ProductEvaluation& evaluation, BreachKind kind) {
  return std::count_if(evaluation.breaches.begin(), evaluation.breaches.end(),
                       [kind](const Breach& breach) { return breach.kind == kind; });
}

std::vector<const ProductSlaReport*> WorstOffenders(const std::vector<ProductSlaReport>& rows,
                                                    size_t limit) {
  std::vector<const ProductSlaReport*> out;
  for (const ProductSlaReport& row : rows) {
    const Compliance& c = row.evaluation.compliance;
    if ((c.ratio && *c.ratio < 1.0) || !row.evaluation.breaches.empty()) out.push_back(&row);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ProductSlaReport* a, const ProductSlaReport* b) {
                     double ra = a->evaluation.compliance.ratio.value_or(2.0);
                     double rb = b->evaluation.compliance.ratio.value_or(2.0);
                     if (ra != rb) return ra < rb;
                     return a->evaluation.breaches.size() > b->evaluation.breaches.size();
                   });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Compliance TotalCompliance(const std::vector<ProductSlaReport>& rows, int64_t* breaches) {
  Compliance total;
  *breaches = 0;
  for (const ProductSlaReport& row : rows) {
    total.periods += row.evaluation.compliance.periods;
    total.met += row.evaluation.compliance.met;
    *breaches += static_cast<int64_t>(row.evaluation.breaches.size());
  }
  if (total.periods > 0) {
    total.ratio = static_cast<double>(total.met) / static_cast<double>(total.periods);
  }
  return total;
}

Json SlaReportRowJson(const ProductSlaReport& row) {
  const ProductEvaluation& evaluation = row.evaluation;
  Json json;
  json["product"] = row.product.name;
  json["domain"] = row.product.domain;
  json["owner"] = row.product.owner;
  json["sla"] = row.sla ? SlaJson(*row.sla) : Json(nullptr);
  json["periods"] = evaluation.compliance.periods;
  json["met"] = evaluation.compliance.met;
  json["missed"] = evaluation.compliance.periods - evaluation.compliance.met;
  json["compliance"] = ComplianceJson(evaluation.compliance);
  json["breach_counts"] = {{"late", CountBreaches(evaluation, BreachKind::kLate)},
                           {"lag", CountBreaches(evaluation, BreachKind::kLag)},
                           {"completeness", CountBreaches(evaluation, BreachKind::kCompleteness)}};
  Json breaches = Json::array();
  for (const Breach& breach : evaluation.breaches) breaches.push_back(BreachJson(breach));
  json["breaches"] = std::move(breaches);
  Json missed = Json::array();
  for (const PeriodEvaluation& period : evaluation.periods) {
    if (!period.met) missed.push_back(PeriodJson(period));
  }
  json["missed_periods"] = std::move(missed);
  return json;
}

Json SlaReportJson(const ReportWindow& window, Timestamp now,
                   const std::vector<ProductSlaReport>& rows) {
  int64_t breaches = 0;
  Compliance total = TotalCompliance(rows, &breaches);
  Json json;
  json["from"] = FormatDate(window.from_day);
  json["to"] = FormatDate(window.to_day);
  json["now"] = FormatTimestamp(now);
  json["totals"] = {{"products", rows.size()},
                    {"periods", total.periods},
                    {"met", total.met},
                    {"missed", total.periods - total.met},
                    {"compliance", ComplianceJson(total)},
                    {"breaches", breaches}};
  Json products = Json::array();
  for (const ProductSlaReport& row : rows) products.push_back(SlaReportRowJson(row));
  json["products"] = std::move(products);
  Json worst = Json::array();
  for (const ProductSlaReport* row : WorstOffenders(rows, 5)) {
    worst.push_back({{"product", row->product.name},
                     {"compliance", ComplianceJson(row->evaluation.compliance)},
                     {"breaches", row->evaluation.breaches.size()}});
  }
  json["worst_offenders"] = std::move(worst);
  return json;
}

Json DailyComplianceJson(const ProductEvaluation& evaluation) {
  std::map<int32_t, Compliance> by_day;
  for (const PeriodEvaluation& period : evaluation.periods) {
    Compliance& day = by_day[DayOf(period.deadline)];
    ++day.periods;
    day.met += period.met ? 1 : 0;
  }
  Json days = Json::array();
  for (const auto& [day, compliance] : by_day) {
    days.push_back({{"period", FormatDate(day)},
                    {"periods", compliance.periods},
                    {"met", compliance.met},
                    {"compliance", static_cast<double>(compliance.met) /
                                       static_cast<double>(compliance.periods)}});
  }
  return days;
}

}  // namespace mesh::sla
