// Usage and billing, maturity and health over the REST API: what `mesh usage report`, `mesh
// maturity` and `mesh doctor` print with --json (src/usage/usage_report.h, src/health/
// mesh_reports.h), computed from the served workspace and catalog on each request. The usage
// report (JSON, or CSV with ?format=csv) is the charge-back of every domain and team, so it needs
// the governance role (or admin); maturity and health describe the mesh as a whole, like the
// governance findings, and any valid token reads them.
#include "health/mesh_reports.h"
#include "server/api_routes.h"
#include "server/request_context.h"
#include "usage/usage_report.h"
#include "usage/usage_report_output.h"

namespace mesh::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr int32_t kDefaultUsageDays = 30;

int32_t DayOf(Timestamp at) {
  return static_cast<int32_t>(at.micros / kMicrosPerDay - (at.micros % kMicrosPerDay < 0 ? 1 : 0));
}

// ?from=&to= (YYYY-MM-DD, both optional): default the 30 days up to today.
Result<usage::UsageWindow> UsageWindowFromQuery(const RequestContext& context) {
  const int32_t today = DayOf(context.services().clock->Now());
  std::optional<std::string> to = context.Query("to");
  std::string to_text = to.value_or(FormatDate(today));
  std::optional<std::string> from = context.Query("from");
  if (from) return usage::UsageWindow::Parse(*from, to_text);
  std::optional<int32_t> to_day = ParseDate(to_text);
  if (!to_day) {
    return Status::InvalidArgument("query parameter 'to' is '" + to_text + "': write YYYY-MM-DD");
  }
  return usage::UsageWindow::Parse(FormatDate(*to_day - (kDefaultUsageDays - 1)), to_text);
}

Result<usage::ChargeView> ViewFromQuery(const RequestContext& context) {
  const std::string by = context.Query("by").value_or("domain");
  if (by == "domain") return usage::ChargeView::kDomain;
  if (by == "team") return usage::ChargeView::kTeam;
  return Status::InvalidArgument("query parameter 'by' is '" + by + "': use domain or team");
}

// ?format=json (default) or csv (`mesh usage report --csv`).
Result<std::string> FormatFromQuery(const RequestContext& context) {
  std::string format = context.Query("format").value_or("json");
  if (format == "json" || format == "csv") return format;
  return Status::InvalidArgument("query parameter 'format' is '" + format + "': use json or csv");
}

void ReportUsage(RequestContext& context) {
  Result<usage::UsageWindow> window = UsageWindowFromQuery(context);
  if (!window.ok()) return context.Fail(window.status());
  Result<usage::ChargeView> view = ViewFromQuery(context);
  if (!view.ok()) return context.Fail(view.status());
  Result<std::string> format = FormatFromQuery(context);
  if (!format.ok()) return context.Fail(format.status());
  const Workspace& workspace = *context.services().workspace;
  Result<WorkspaceContents> contents = workspace.Load();
  if (!contents.ok()) return context.Fail(contents.status());
  Result<std::optional<usage::Prices>> prices = usage::LoadWorkspacePrices(workspace);
  if (!prices.ok()) return context.Fail(prices.status());
  usage::UsageReportRequest request;
  request.catalog = context.services().catalog;
  request.contents = &*contents;
  request.window = *window;
  request.now = context.services().clock->Now();
  request.prices = *prices;
  request.view = *view;
  Result<usage::UsageReport> report = usage::ReportUsage(request);
  if (!report.ok()) return context.Fail(report.status());
  if (*format == "csv") {
    context.response().status = 200;
    context.response().set_content(usage::UsageReportToCsv(report->chargeback),
                                   "text/csv; charset=utf-8");
    return;
  }
  context.Json(200, usage::UsageReportToJson(report->chargeback, report->ledger));
}

// The served workspace and catalog as the health reports need them.
struct HealthSubject {
  WorkspaceContents contents;
  health::MeshReportInput input;
};

Result<HealthSubject> LoadHealthSubject(const RequestContext& context) {
  HealthSubject subject;
  ASSIGN_OR_RAISE(subject.contents, context.services().workspace->Load());
  subject.input.workspace = context.services().workspace;
  subject.input.contents = &subject.contents;
  subject.input.catalog = context.services().catalog;
  subject.input.now = context.services().clock->Now();
  return subject;
}

void AssessMaturity(RequestContext& context) {
  Result<int64_t> days = IntegerQuery(context, "window_days", 30, 1, 3660);
  if (!days.ok()) return context.Fail(days.status());
  Result<HealthSubject> subject = LoadHealthSubject(context);
  if (!subject.ok()) return context.Fail(subject.status());
  subject->input.contents = &subject->contents;  // the moved-to copy
  Result<health::MaturityVerdict> verdict =
      health::AssessMeshMaturity(subject->input, static_cast<int>(*days));
  if (!verdict.ok()) return context.Fail(verdict.status());
  context.Json(200, health::MaturityToJson(*verdict));
}

void Diagnose(RequestContext& context) {
  Result<int64_t> days = IntegerQuery(context, "window_days", 14, 1, 3660);
  if (!days.ok()) return context.Fail(days.status());
  Result<HealthSubject> subject = LoadHealthSubject(context);
  if (!subject.ok()) return context.Fail(subject.status());
  subject->input.contents = &subject->contents;  // the moved-to copy
  Result<health::DoctorRun> run = health::DiagnoseMesh(subject->input, static_cast<int>(*days));
  if (!run.ok()) return context.Fail(run.status());
  context.Json(200, health::DiagnosesToJson(run->diagnoses, subject->input.now,
                                            static_cast<int>(*days), run->warnings));
}

Route Get(std::string pattern, access::Permission permission, RouteHandler handler,
          std::string summary) {
  Route route;
  route.method = "GET";
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddUsageRoutes(RouteTable* routes) {
  routes->Add(Get("/api/v1/usage", access::Permission::kGovernance, ReportUsage,
                  "Metered usage and charge-back per domain or team over a window"));
  routes->Add(Get("/api/v1/maturity", access::Permission::kAuthenticated, AssessMaturity,
                  "The organisation's phase of the data mesh path, with the evidence"));
  routes->Add(Get("/api/v1/doctor", access::Permission::kAuthenticated, Diagnose,
                  "What is degrading in the mesh, with evidence and suggested actions"));
}

}  // namespace mesh::server
