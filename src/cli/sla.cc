// mesh sla status [NAME] [--json] | mesh sla report [--from D] [--to D] [--domain D] [--json] |
// mesh sla tick [NAME] [--json]: service level monitoring (docs/sla.md, docs/cli.md).
// Exit codes: status 0 when every product is within its SLA, 1 when one is not; report and tick
// 0; 2 for usage errors, an unknown product, or an unreadable workspace or catalog.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/sla_context.h"
#include "cli/verb.h"
#include "sla/sla_json.h"
#include "sla/sla_report.h"
#include "sla/sla_status.h"
#include "sla/sla_tick.h"

namespace mesh::cli {
namespace {

using sla::IncidentJson;
using sla::Json;

struct SlaOptions {
  std::string product;
  std::string from;
  std::string to;
  std::string domain;
  bool json = false;
  StoreOptions stores;
};

std::string Fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

using StatusRow = sla::ProductSlaStatus;
using ReportRow = sla::ProductSlaReport;
using sla::ReportWindow;

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
  auto products = sla::SelectSlaProducts(*context->catalog, options.product, "");
  if (!products.ok()) return FailWith("sla status", products.status());
  Json json = Json::array();
  bool all_within = true;
  for (const ProductRecord& product : *products) {
    Result<StatusRow> row = sla::StatusOfProduct(*context->catalog, product, context->clock->Now());
    if (!row.ok()) return FailWith("sla status", row.status());
    all_within = all_within && row->status.within_sla;
    if (options.json) {
      json.push_back(sla::SlaStatusJson(*row));
    } else {
      PrintStatus(*row);
    }
  }
  if (options.json) std::cout << json.dump(2) << "\n";
  if (!options.json && products->empty()) std::cout << "no published products\n";
  return all_within ? kExitOk : kExitFindings;
}

// ---- report ----

std::string Percent(const sla::Compliance& compliance) {
  if (!compliance.ratio) return "n/a";
  return Fixed(*compliance.ratio * 100, 1) + "%";
}

void PrintReport(const ReportWindow& window, const std::vector<ReportRow>& rows) {
  int64_t breaches = 0;
  sla::Compliance total = sla::TotalCompliance(rows, &breaches);
  std::cout << "SLA report " << FormatDate(window.from_day) << " .. " << FormatDate(window.to_day)
            << ": " << rows.size() << " products, " << total.met << "/" << total.periods
            << " periods met (" << Percent(total) << "), " << breaches << " breaches\n";
  for (const ReportRow& row : rows) {
    const sla::ProductEvaluation& e = row.evaluation;
    std::cout << "  " << row.product.name << " (" << row.product.domain << "): " << e.compliance.met
              << "/" << e.compliance.periods << " met (" << Percent(e.compliance) << "), "
              << e.breaches.size() << " breaches (late " << sla::CountBreaches(e, BreachKind::kLate)
              << ", lag " << sla::CountBreaches(e, BreachKind::kLag) << ", completeness "
              << sla::CountBreaches(e, BreachKind::kCompleteness) << ")\n";
    for (const sla::Breach& breach : e.breaches) {
      std::cout << "    " << FormatTimestamp(breach.at) << "  " << BreachKindName(breach.kind)
                << "  " << breach.summary << "\n";
    }
  }
  std::vector<const ReportRow*> worst = sla::WorstOffenders(rows, 5);
  if (!worst.empty()) std::cout << "worst offenders:\n";
  for (size_t i = 0; i < worst.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << worst[i]->product.name << "  "
              << Percent(worst[i]->evaluation.compliance) << ", "
              << worst[i]->evaluation.breaches.size() << " breaches\n";
  }
}

int RunReport(const GlobalOptions& global, const SlaOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("sla report", context.status());
  Timestamp now = context->clock->Now();
  Result<ReportWindow> window = sla::ChooseReportWindow(options.from, options.to, now);
  if (!window.ok()) return FailWith("sla report", window.status());
  auto products = sla::SelectSlaProducts(*context->catalog, "", options.domain, &context->org);
  if (!products.ok()) return FailWith("sla report", products.status());
  std::vector<ReportRow> rows;
  for (const ProductRecord& product : *products) {
    Result<ReportRow> row = sla::ReportOfProduct(*context->catalog, product, *window, now);
    if (!row.ok()) return FailWith("sla report", row.status());
    rows.push_back(std::move(*row));
  }
  if (options.json) {
    std::cout << sla::SlaReportJson(*window, now, rows).dump(2) << "\n";
  } else {
    PrintReport(*window, rows);
  }
  return kExitOk;
}

// ---- tick ----

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
    std::cout << sla::TickJson(*report).dump(2) << "\n";
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
