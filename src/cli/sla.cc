// mesh sla status [NAME] [--json] | mesh sla report [--from D] [--to D] [--domain D] [--json] |
// mesh sla tick [NAME] [--json]: service level monitoring (docs/sla.md, docs/cli.md).
// Exit codes: status 0 when every product is within its SLA, 1 when one is not; report and tick
// 0; 2 for usage errors, an unknown product, or an unreadable workspace or catalog.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/sla_context.h"
#include "cli/sla_json.h"
#include "cli/verb.h"
#include "sla/sla_status.h"
#include "sla/sla_tick.h"

namespace mesh::cli {
namespace {

struct SlaOptions {
  std::string product;
  std::string from;
  std::string to;
  std::string domain;
  bool json = false;
  StoreOptions stores;
};

constexpr int kDefaultWindowDays = 30;

std::string Fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// The published products to look at: one by name, or all (optionally of one domain).
Result<std::vector<ProductRecord>> SelectProducts(Catalog& catalog, const std::string& name,
                                                  const std::string& domain) {
  if (!name.empty()) {
    ASSIGN_OR_RAISE(ProductRecord product, catalog.GetProduct(name));
    return std::vector<ProductRecord>{product};
  }
  ProductFilter filter;
  if (!domain.empty()) filter.domain = domain;
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products, catalog.ListProducts(filter));
  std::erase_if(products, [](const ProductRecord& p) { return p.current_snapshot == 0; });
  return products;
}

// ---- status ----

struct StatusRow {
  sla::SlaStatus status;
  int64_t open_incidents = 0;
};

Result<StatusRow> StatusOf(SlaContext& context, const ProductRecord& product) {
  ASSIGN_OR_RAISE(sla::SlaSubject subject, sla::LoadSlaSubject(*context.catalog, product));
  Timestamp now = context.clock->Now();
  ASSIGN_OR_RAISE(std::vector<PeriodEvaluation> recorded,
                  context.catalog->ListPeriodEvaluations(
                      product.name, Timestamp{now.micros - 9 * kMicrosPerDay}, now));
  StatusRow row;
  row.status =
      sla::EvaluateStatus(product.name, subject.history, subject.quarantine, now, recorded);
  IncidentFilter filter;
  filter.product = product.name;
  ASSIGN_OR_RAISE(std::vector<Incident> incidents, context.catalog->ListIncidents(filter));
  row.open_incidents = std::count_if(incidents.begin(), incidents.end(), [](const Incident& i) {
    return i.status != IncidentStatus::kClosed;
  });
  return row;
}

Json StatusJson(const StatusRow& row) {
  const sla::SlaStatus& status = row.status;
  Json json;
  json["product"] = status.product;
  json["sla"] = status.sla ? SlaJson(*status.sla) : Json(nullptr);
  json["within_sla"] = status.within_sla;
  json["reasons"] = status.reasons;
  json["last_period"] = status.last_period ? PeriodJson(*status.last_period) : Json(nullptr);
  if (status.next_deadline) {
    json["next_deadline"] = {{"at", FormatTimestamp(status.next_deadline->at)},
                             {"local", status.next_deadline_local},
                             {"period", status.next_deadline->period},
                             {"already_met_by", status.current_period_met_by.empty()
                                                    ? Json(nullptr)
                                                    : Json(status.current_period_met_by)}};
  } else {
    json["next_deadline"] = nullptr;
  }
  if (status.newest) {
    json["newest"] = {
        {"ref", status.newest->Ref()},
        {"published_at", FormatTimestamp(status.newest->published_at)},
        {"lag_hours", status.newest->lag_hours ? Json(*status.newest->lag_hours) : Json(nullptr)},
        {"completeness", status.newest->completeness}};
  } else {
    json["newest"] = nullptr;
  }
  json["open_incidents"] = row.open_incidents;
  return json;
}

void PrintStatus(const StatusRow& row) {
  const sla::SlaStatus& status = row.status;
  if (!status.sla) {
    std::cout << status.product << ": no SLA\n";
    return;
  }
  std::cout << status.product << ": " << (status.within_sla ? "within SLA" : "NOT within SLA")
            << " (" << sla::DescribeSla(*status.sla) << ")\n";
  for (const std::string& reason : status.reasons) std::cout << "  - " << reason << "\n";
  if (status.last_period) {
    std::cout << "  last period " << status.last_period->period << " (deadline "
              << FormatTimestamp(status.last_period->deadline) << "): "
              << (status.last_period->met ? "met by " + status.last_period->met_by : "missed")
              << "\n";
  }
  if (status.next_deadline) {
    std::cout << "  next deadline " << status.next_deadline_local << " ("
              << FormatTimestamp(status.next_deadline->at) << "): "
              << (status.current_period_met_by.empty()
                      ? "nothing published for it yet"
                      : "already met by " + status.current_period_met_by)
              << "\n";
  }
  if (status.newest) {
    std::cout << "  newest " << status.newest->Ref() << " published "
              << FormatTimestamp(status.newest->published_at) << ", lag "
              << (status.newest->lag_hours ? Fixed(*status.newest->lag_hours, 2) + " h" : "unknown")
              << ", completeness " << Fixed(status.newest->completeness, 4) << "\n";
  }
  if (row.open_incidents > 0) {
    std::cout << "  open incidents: " << row.open_incidents << " (mesh incident list "
              << status.product << ")\n";
  }
}

int RunStatus(const GlobalOptions& global, const SlaOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("sla status", context.status());
  auto products = SelectProducts(*context->catalog, options.product, "");
  if (!products.ok()) return FailWith("sla status", products.status());
  Json json = Json::array();
  bool all_within = true;
  for (const ProductRecord& product : *products) {
    Result<StatusRow> row = StatusOf(*context, product);
    if (!row.ok()) return FailWith("sla status", row.status());
    all_within = all_within && row->status.within_sla;
    if (options.json) {
      json.push_back(StatusJson(*row));
    } else {
      PrintStatus(*row);
    }
  }
  if (options.json) std::cout << json.dump(2) << "\n";
  if (!options.json && products->empty()) std::cout << "no published products\n";
  return all_within ? kExitOk : kExitFindings;
}

// ---- report ----

struct Window {
  int32_t from_day = 0;
  int32_t to_day = 0;
  Timestamp from;  // exclusive: one microsecond before from_day starts
  Timestamp to;    // inclusive: the last microsecond of to_day
};

Result<Window> ChooseWindow(const SlaOptions& options, Timestamp now) {
  Window window;
  auto parse = [](const std::string& text, const char* flag) -> Result<int32_t> {
    std::optional<int32_t> day = ParseDate(text);
    if (!day) {
      return Status::InvalidArgument(std::string(flag) + " '" + text +
                                     "' is not a date: write YYYY-MM-DD");
    }
    return *day;
  };
  int32_t today = static_cast<int32_t>(now.micros / kMicrosPerDay - (now.micros < 0 ? 1 : 0));
  if (!options.to.empty()) {
    ASSIGN_OR_RAISE(window.to_day, parse(options.to, "--to"));
  } else {
    window.to_day = today;
  }
  if (!options.from.empty()) {
    ASSIGN_OR_RAISE(window.from_day, parse(options.from, "--from"));
  } else {
    window.from_day = window.to_day - (kDefaultWindowDays - 1);
  }
  if (window.from_day > window.to_day) {
    return Status::InvalidArgument("--from " + FormatDate(window.from_day) + " is after --to " +
                                   FormatDate(window.to_day));
  }
  window.from = Timestamp{int64_t{window.from_day} * kMicrosPerDay - 1};
  window.to = Timestamp{(int64_t{window.to_day} + 1) * kMicrosPerDay - 1};
  return window;
}

struct ReportRow {
  ProductRecord product;
  std::optional<Sla> sla;
  sla::ProductEvaluation evaluation;
};

Result<ReportRow> ReportOf(SlaContext& context, const ProductRecord& product,
                           const Window& window) {
  ASSIGN_OR_RAISE(sla::SlaSubject subject, sla::LoadSlaSubject(*context.catalog, product));
  ASSIGN_OR_RAISE(std::vector<PeriodEvaluation> recorded,
                  context.catalog->ListPeriodEvaluations(product.name, window.from, window.to));
  ReportRow row;
  row.product = product;
  Timestamp now = context.clock->Now();
  if (const sla::SlaSegment* segment = subject.history.At(std::min(now, window.to))) {
    row.sla = segment->sla;
  }
  row.evaluation = sla::EvaluateWindow(product.name, subject.history, subject.quarantine,
                                       window.from, window.to, now, recorded);
  return row;
}

int64_t CountKind(const sla::ProductEvaluation& evaluation, BreachKind kind) {
  return std::count_if(evaluation.breaches.begin(), evaluation.breaches.end(),
                       [kind](const sla::Breach& breach) { return breach.kind == kind; });
}

// Lowest compliance first (products without periods after those with), then most breaches.
std::vector<const ReportRow*> WorstOffenders(const std::vector<ReportRow>& rows, size_t limit) {
  std::vector<const ReportRow*> out;
  for (const ReportRow& row : rows) {
    const auto& c = row.evaluation.compliance;
    if ((c.ratio && *c.ratio < 1.0) || !row.evaluation.breaches.empty()) out.push_back(&row);
  }
  std::stable_sort(out.begin(), out.end(), [](const ReportRow* a, const ReportRow* b) {
    double ra = a->evaluation.compliance.ratio.value_or(2.0);
    double rb = b->evaluation.compliance.ratio.value_or(2.0);
    if (ra != rb) return ra < rb;
    return a->evaluation.breaches.size() > b->evaluation.breaches.size();
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Json ComplianceJson(const sla::Compliance& compliance) {
  return compliance.ratio ? Json(*compliance.ratio) : Json(nullptr);
}

Json ReportRowJson(const ReportRow& row) {
  const sla::ProductEvaluation& evaluation = row.evaluation;
  Json json;
  json["product"] = row.product.name;
  json["domain"] = row.product.domain;
  json["owner"] = row.product.owner;
  json["sla"] = row.sla ? SlaJson(*row.sla) : Json(nullptr);
  json["periods"] = evaluation.compliance.periods;
  json["met"] = evaluation.compliance.met;
  json["missed"] = evaluation.compliance.periods - evaluation.compliance.met;
  json["compliance"] = ComplianceJson(evaluation.compliance);
  json["breach_counts"] = {{"late", CountKind(evaluation, BreachKind::kLate)},
                           {"lag", CountKind(evaluation, BreachKind::kLag)},
                           {"completeness", CountKind(evaluation, BreachKind::kCompleteness)}};
  Json breaches = Json::array();
  for (const sla::Breach& breach : evaluation.breaches) breaches.push_back(BreachJson(breach));
  json["breaches"] = std::move(breaches);
  Json missed = Json::array();
  for (const PeriodEvaluation& period : evaluation.periods) {
    if (!period.met) missed.push_back(PeriodJson(period));
  }
  json["missed_periods"] = std::move(missed);
  return json;
}

sla::Compliance Totals(const std::vector<ReportRow>& rows, int64_t* breaches) {
  sla::Compliance total;
  *breaches = 0;
  for (const ReportRow& row : rows) {
    total.periods += row.evaluation.compliance.periods;
    total.met += row.evaluation.compliance.met;
    *breaches += static_cast<int64_t>(row.evaluation.breaches.size());
  }
  if (total.periods > 0) {
    total.ratio = static_cast<double>(total.met) / static_cast<double>(total.periods);
  }
  return total;
}

std::string Percent(const sla::Compliance& compliance) {
  if (!compliance.ratio) return "n/a";
  return Fixed(*compliance.ratio * 100, 1) + "%";
}

void PrintReport(const Window& window, const std::vector<ReportRow>& rows) {
  int64_t breaches = 0;
  sla::Compliance total = Totals(rows, &breaches);
  std::cout << "SLA report " << FormatDate(window.from_day) << " .. " << FormatDate(window.to_day)
            << ": " << rows.size() << " products, " << total.met << "/" << total.periods
            << " periods met (" << Percent(total) << "), " << breaches << " breaches\n";
  for (const ReportRow& row : rows) {
    const sla::ProductEvaluation& e = row.evaluation;
    std::cout << "  " << row.product.name << " (" << row.product.domain << "): " << e.compliance.met
              << "/" << e.compliance.periods << " met (" << Percent(e.compliance) << "), "
              << e.breaches.size() << " breaches (late " << CountKind(e, BreachKind::kLate)
              << ", lag " << CountKind(e, BreachKind::kLag) << ", completeness "
              << CountKind(e, BreachKind::kCompleteness) << ")\n";
    for (const sla::Breach& breach : e.breaches) {
      std::cout << "    " << FormatTimestamp(breach.at) << "  " << BreachKindName(breach.kind)
                << "  " << breach.summary << "\n";
    }
  }
  std::vector<const ReportRow*> worst = WorstOffenders(rows, 5);
  if (!worst.empty()) std::cout << "worst offenders:\n";
  for (size_t i = 0; i < worst.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << worst[i]->product.name << "  "
              << Percent(worst[i]->evaluation.compliance) << ", "
              << worst[i]->evaluation.breaches.size() << " breaches\n";
  }
}

Json ReportJsonOf(const Window& window, Timestamp now, const std::vector<ReportRow>& rows) {
  int64_t breaches = 0;
  sla::Compliance total = Totals(rows, &breaches);
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
  for (const ReportRow& row : rows) products.push_back(ReportRowJson(row));
  json["products"] = std::move(products);
  Json worst = Json::array();
  for (const ReportRow* row : WorstOffenders(rows, 5)) {
    worst.push_back({{"product", row->product.name},
                     {"compliance", ComplianceJson(row->evaluation.compliance)},
                     {"breaches", row->evaluation.breaches.size()}});
  }
  json["worst_offenders"] = std::move(worst);
  return json;
}

int RunReport(const GlobalOptions& global, const SlaOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("sla report", context.status());
  Timestamp now = context->clock->Now();
  Result<Window> window = ChooseWindow(options, now);
  if (!window.ok()) return FailWith("sla report", window.status());
  auto products = SelectProducts(*context->catalog, "", options.domain);
  if (!products.ok()) return FailWith("sla report", products.status());
  std::vector<ReportRow> rows;
  for (const ProductRecord& product : *products) {
    Result<ReportRow> row = ReportOf(*context, product, *window);
    if (!row.ok()) return FailWith("sla report", row.status());
    rows.push_back(std::move(*row));
  }
  if (options.json) {
    std::cout << ReportJsonOf(*window, now, rows).dump(2) << "\n";
  } else {
    PrintReport(*window, rows);
  }
  return kExitOk;
}

// ---- tick ----

Json TickJson(const sla::TickReport& report) {
  Json json;
  json["now"] = FormatTimestamp(report.now);
  Json products = Json::array();
  for (const sla::ProductTick& tick : report.products) {
    Json opened = Json::array();
    for (const Incident& incident : tick.opened) opened.push_back(IncidentJson(incident));
    products.push_back({{"product", tick.product},
                        {"periods_recorded", tick.periods_recorded},
                        {"periods_missed", tick.periods_missed},
                        {"incidents_opened", std::move(opened)}});
  }
  json["products"] = std::move(products);
  json["webhooks"] = {{"attempted", report.deliveries.attempted},
                      {"delivered", report.deliveries.delivered},
                      {"failed", report.deliveries.failures}};
  return json;
}

void PrintTick(const sla::TickReport& report) {
  std::cout << "sla tick at " << FormatTimestamp(report.now) << "\n";
  if (report.products.empty()) std::cout << "  nothing new since the last tick\n";
  for (const sla::ProductTick& tick : report.products) {
    std::cout << "  " << tick.product << ": " << tick.periods_recorded << " periods recorded ("
              << tick.periods_missed << " missed), " << tick.opened.size() << " incidents opened\n";
    for (const Incident& incident : tick.opened) {
      std::cout << "    incident #" << incident.id << " " << BreachKindName(incident.kind) << ": "
                << incident.summary << "\n";
    }
  }
  const sla::DeliveryRun& deliveries = report.deliveries;
  if (deliveries.attempted > 0) {
    std::cout << "  webhooks: " << deliveries.attempted << " attempted, " << deliveries.delivered
              << " delivered, " << deliveries.failures.size()
              << " failed (kept and retried at the next tick)\n";
    for (const std::string& failure : deliveries.failures) std::cout << "    " << failure << "\n";
  }
}

int RunTick(const GlobalOptions& global, const SlaOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("sla tick", context.status());
  if (!options.product.empty()) {
    Result<ProductRecord> product = context->catalog->GetProduct(options.product);
    if (!product.ok()) return FailWith("sla tick", product.status());
  }
  std::unique_ptr<sla::WebhookSender> sender = sla::MakeHttpWebhookSender();
  sla::TickRequest request;
  request.catalog = context->catalog.get();
  request.org = &context->org;
  request.clock = context->clock.get();
  request.sender = sender.get();
  if (!options.product.empty()) request.product = options.product;
  Result<sla::TickReport> report = sla::RunSlaTick(request);
  if (!report.ok()) return FailWith("sla tick", report.status());
  if (options.json) {
    std::cout << TickJson(*report).dump(2) << "\n";
  } else {
    PrintTick(*report);
  }
  return kExitOk;
}

void SetupSla(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "sla", "Service levels: status now, compliance reports, and the tick that opens incidents");
  command->require_subcommand(1);
  auto options = std::make_shared<SlaOptions>();

  CLI::App* status = command->add_subcommand("status", "Is each product within its SLA now?");
  status->add_option("product", options->product, "Only this product");
  status->add_flag("--json", options->json, "Print [{product, within_sla, reasons, ...}]");
  AddStoreOptions(status, &options->stores);
  status->callback([&global, options, exit_code] { *exit_code = RunStatus(global, *options); });

  CLI::App* report = command->add_subcommand(
      "report", "Compliance (met periods / periods), breaches and worst offenders over a window");
  report->add_option("--from", options->from,
                     "First day (YYYY-MM-DD, UTC); default: 29 days "
                     "before --to");
  report->add_option("--to", options->to, "Last day (YYYY-MM-DD, UTC); default: today");
  report->add_option("--domain", options->domain, "Only this domain's products");
  report->add_flag("--json", options->json, "Print {from, to, totals, products, worst_offenders}");
  AddStoreOptions(report, &options->stores);
  report->callback([&global, options, exit_code] { *exit_code = RunReport(global, *options); });

  CLI::App* tick = command->add_subcommand(
      "tick", "Evaluate deadlines passed since the last tick; open incidents; send webhooks");
  tick->add_option("product", options->product, "Only this product");
  tick->add_flag("--json", options->json, "Print {now, products, webhooks}");
  AddStoreOptions(tick, &options->stores);
  tick->callback([&global, options, exit_code] { *exit_code = RunTick(global, *options); });

  command->footer(
      "Time comes from MESH_NOW when set. Exit codes: 0 ok (status: all within SLA), 1 status: "
      "a product is not within its SLA, 2 usage error, unknown product or unreadable catalog.");
}

}  // namespace

MESH_REGISTER_VERB("sla", 70, SetupSla);

}  // namespace mesh::cli
