// What `mesh sla status` and `mesh sla report` compute, and the REST API serves
// (docs/sla.md "Status" and "Reports", docs/api.md): a product's status now with its open
// incidents, and per-product compliance and breaches over a window of UTC days, with totals and
// worst offenders, as values and as JSON. Functions of the catalog and `now`: reproducible.
// Thread-compatible.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/organisation.h"
#include "sla/evaluator.h"
#include "sla/sla_status.h"

namespace mesh::sla {

// The published products to look at: one by name (NotFound when unknown), or all of one
// domain, or all. A domain is known when a product of the catalog belongs to it or, when
// `organisation` is given, when mesh.yaml declares it; NotFound for any other domain, naming
// the known ones (a known domain without published products gives an empty list).
Result<std::vector<ProductRecord>> SelectSlaProducts(Catalog& catalog, const std::string& name,
                                                     const std::string& domain,
                                                     const Organisation* organisation = nullptr);

struct ProductSlaStatus {
  SlaStatus status;
  int64_t open_incidents = 0;  // open or acknowledged
};
Result<ProductSlaStatus> StatusOfProduct(Catalog& catalog, const ProductRecord& product,
                                         Timestamp now);
// {"product", "sla", "within_sla", "reasons", "last_period", "next_deadline", "newest",
//  "open_incidents"}
nlohmann::ordered_json SlaStatusJson(const ProductSlaStatus& row);

inline constexpr int kDefaultReportWindowDays = 30;

// A window of whole UTC days [from_day, to_day].
struct ReportWindow {
  int32_t from_day = 0;
  int32_t to_day = 0;
  Timestamp from;  // exclusive: one microsecond before from_day starts
  Timestamp to;    // inclusive: the last microsecond of to_day
};
// `from` and `to` are YYYY-MM-DD or empty (to: today; from: kDefaultReportWindowDays - 1 days
// before to). InvalidArgument naming `from_name`/`to_name` for a bad date or from > to.
Result<ReportWindow> ChooseReportWindow(const std::string& from, const std::string& to,
                                        Timestamp now, std::string_view from_name = "--from",
                                        std::string_view to_name = "--to");

struct ProductSlaReport {
  ProductRecord product;
  std::optional<Sla> sla;  // in force at the window's end (or now, when earlier)
  ProductEvaluation evaluation;
};
Result<ProductSlaReport> ReportOfProduct(Catalog& catalog, const ProductRecord& product,
                                         const ReportWindow& window, Timestamp now);

int64_t CountBreaches(const ProductEvaluation& evaluation, BreachKind kind);
// Lowest compliance first (products without periods after those with), then most breaches;
// only products with a missed period or a breach.
std::vector<const ProductSlaReport*> WorstOffenders(const std::vector<ProductSlaReport>& rows,
                                                    size_t limit);
// Σ met / Σ periods over the rows (not an average of ratios); `breaches` gets their total.
Compliance TotalCompliance(const std::vector<ProductSlaReport>& rows, int64_t* breaches);

// {"product", "domain", "owner", "sla", "periods", "met", "missed", "compliance",
//  "breach_counts": {"late", "lag", "completeness"}, "breaches", "missed_periods"}
nlohmann::ordered_json SlaReportRowJson(const ProductSlaReport& row);
// {"from", "to", "now", "totals", "products", "worst_offenders"}: `mesh sla report --json`.
nlohmann::ordered_json SlaReportJson(const ReportWindow& window, Timestamp now,
                                     const std::vector<ProductSlaReport>& rows);
// Compliance per UTC day of the deadlines decided in the evaluation, oldest first:
// [{"period": "YYYY-MM-DD", "periods", "met", "compliance"}] (the web UI's chart).
nlohmann::ordered_json DailyComplianceJson(const ProductEvaluation& evaluation);

}  // namespace mesh::sla
