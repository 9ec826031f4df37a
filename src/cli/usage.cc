// mesh usage report --from D --to D [--by domain|team] [--prices FILE] [--json|--csv]: what each
// domain or team used in the window (stored bytes, reads, check time) and, with a prices file
// (default governance/prices.yaml), what to charge back; every column adds up to its total
// exactly (src/usage/chargeback.h, docs/usage.md).
// Exit codes: 0 reported, 2 usage or input error (bad dates, a prices file with errors, no
// workspace or catalog).
#include <iostream>
#include <memory>

#include "cli/mesh_context.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "usage/chargeback.h"
#include "usage/prices.h"
#include "usage/usage_meter.h"
#include "usage/usage_report.h"
#include "usage/usage_report_output.h"

namespace mesh::cli {
namespace {

struct UsageReportOptions {
  std::string from;
  std::string to;
  std::string by = "domain";
  std::string prices;
  bool json = false;
  bool csv = false;
  StoreOptions stores;
};

int Fail(const Status& status) {
  std::cerr << "mesh usage report: " << status.message() << "\n";
  return kExitUsage;
}

// --prices FILE must exist; the workspace's governance/prices.yaml may be absent (usage only).
Result<std::optional<usage::Prices>> LoadReportPrices(const MeshContext& context,
                                                      const UsageReportOptions& options) {
  if (options.prices.empty()) return usage::LoadWorkspacePrices(context.workspace);
  ASSIGN_OR_RAISE(
      usage::Prices prices,
      usage::LoadPrices(context.workspace.fs(), AbsolutePath(options.prices), options.prices));
  return std::optional<usage::Prices>(prices);
}

int RunUsageReport(const GlobalOptions& global, const UsageReportOptions& options) {
  Result<usage::UsageWindow> window = usage::UsageWindow::Parse(options.from, options.to);
  if (!window.ok()) return Fail(window.status());
  Result<MeshContext> context = OpenMeshContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  Result<std::optional<usage::Prices>> prices = LoadReportPrices(*context, options);
  if (!prices.ok()) return Fail(prices.status());
  usage::UsageReportRequest request;
  request.catalog = context->catalog.get();
  request.contents = &context->contents;
  request.window = *window;
  request.now = context->clock->Now();
  request.prices = *prices;
  request.view = options.by == "team" ? usage::ChargeView::kTeam : usage::ChargeView::kDomain;
  Result<usage::UsageReport> report = usage::ReportUsage(request);
  if (!report.ok()) return Fail(report.status());
  const usage::UsageLedger& ledger = report->ledger;
  const usage::Chargeback& chargeback = report->chargeback;
  if (options.json) {
    std::cout << usage::UsageReportToJson(chargeback, ledger).dump(2) << "\n";
  } else if (options.csv) {
    std::cout << usage::UsageReportToCsv(chargeback);
  } else {
    std::cout << usage::RenderUsageReport(chargeback, ledger);
  }
  return kExitOk;
}

void SetupUsage(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command =
      app.add_subcommand("usage", "Metered usage and charge-back per domain and team");
  command->require_subcommand(1);
  auto options = std::make_shared<UsageReportOptions>();
  CLI::App* report = command->add_subcommand(
      "report", "Stored bytes, reads and check time in a window, with charges at the prices");
  report->add_option("--from", options->from, "First day (YYYY-MM-DD, UTC), inclusive")->required();
  report->add_option("--to", options->to, "Last day (YYYY-MM-DD, UTC), inclusive")->required();
  report->add_option("--by", options->by, "Rows per domain (default) or per team")
      ->check(CLI::IsMember({"domain", "team"}));
  report->add_option("--prices", options->prices,
                     "Prices file (default: governance/prices.yaml of the workspace, if any)");
  auto* json = report->add_flag("--json", options->json, "Print the report as JSON");
  auto* csv = report->add_flag("--csv", options->csv, "Print one CSV line per row and a total");
  json->excludes(csv);
  AddStoreOptions(report, &options->stores);
  report->callback(
      [&global, options, exit_code] { *exit_code = RunUsageReport(global, *options); });
  command->footer(
      "Exit codes: 0 reported, 2 usage or input error (dates, prices file, no "
      "workspace or catalog).");
}

}  // namespace

MESH_REGISTER_VERB("usage", 80, SetupUsage);

}  // namespace mesh::cli
