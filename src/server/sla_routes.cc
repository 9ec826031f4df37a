// Service levels, incidents, consumer reports and notifications over the REST API: what `mesh
// sla`, `mesh incident`, `mesh report` and `mesh notifications` do, with the same JSON
// (src/sla/sla_json.h, sla_report.h) and the same actions (src/sla/sla_actions.h). Access
// (governance.md "Service level monitoring"; docs/api.md): any valid token reads SLA status and
// compliance; incidents and reports are visible to the people they concern (the product's
// owner, domain-owner and consumer teams, a report's author) and to governance and admins; owners
// (publish permission on the product) acknowledge and close incidents and resolve reports; any
// person files a report on a published product and comments on the reports they can see.
// Notifications are queued in the catalog; an action that queued some wakes the server's SLA
// ticker (services().notifications_queued), which sends their webhooks. `POST /api/v1/sla/tick`
// runs a tick at once (admins; `mesh serve` also ticks on its own, src/server/sla_ticker.h).
#include <charconv>

#include "server/api_routes.h"
#include "server/product_resource.h"
#include "server/request_context.h"
#include "sla/sla_actions.h"
#include "sla/sla_json.h"
#include "sla/sla_report.h"
#include "sla/sla_tick.h"
#include "sla/webhook_sender.h"

namespace mesh::server {
namespace {

using Json = nlohmann::ordered_json;
using access::Permission;

constexpr size_t kSmallJsonBody = 64 * 1024;

Result<Organisation> ServedOrganisation(const RequestContext& context) {
  ASSIGN_OR_RAISE(WorkspaceContents contents, context.services().workspace->Load());
  if (!contents.org) return Status::FailedPrecondition("the served mesh.yaml cannot be read");
  return std::move(*contents.org);
}

Result<int64_t> IdParam(const RequestContext& context, std::string_view what) {
  int64_t id = 0;
  const std::string& text = context.Param("id");
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument("an " + std::string(what) + " id is a positive integer");
  }
  return id;
}

bool SeesEverything(const RequestContext& context) {
  return context.principal()->HasRole("governance") || context.principal()->HasRole("admin");
}

// Whether the caller may see the incidents and reports of `product` (`author`: a report's).
Result<bool> MaySee(const RequestContext& context, const Organisation& org,
                    const std::string& product, const std::string& author = "") {
  if (SeesEverything(context) || (!author.empty() && author == context.person())) return true;
  ASSIGN_OR_RAISE(ProductRecord record, context.services().catalog->GetProduct(product));
  return sla::ConcernsPerson(*context.services().catalog, org, record, context.person());
}

Status NotConcerned(const std::string& what, const std::string& product) {
  return Status::PermissionDenied(what + " of " + product +
                                  " is visible to its owner and consumer teams, its author, and "
                                  "governance only");
}

// The caller owns the product: publish permission on its current descriptor.
sla::MayAct OwnersOnly(RequestContext& context) {
  return [&context](const ProductRecord& product) -> Status {
    ASSIGN_OR_RAISE(CurrentProduct current,
                    LoadCurrentProduct(*context.services().catalog, product.name));
    return context.Authorize(Permission::kPublish, {product.name, &current.descriptor});
  };
}

// The webhooks of what an action queued leave with the server's next tick: now.
void SendQueuedWebhooksSoon(const RequestContext& context) {
  if (context.services().notifications_queued) context.services().notifications_queued();
}

sla::ActionContext ActionsOf(const RequestContext& context, const Organisation& org) {
  return {context.services().catalog, &org, context.services().clock->Now()};
}

// ---- service levels ----

Result<sla::ReportWindow> WindowFromQuery(const RequestContext& context) {
  return sla::ChooseReportWindow(context.Query("from").value_or(""),
                                 context.Query("to").value_or(""), context.services().clock->Now(),
                                 "query parameter 'from'", "query parameter 'to'");
}

// The published products of ?domain= (all without it); NotFound for a domain that neither the
// served mesh.yaml nor the catalog knows, as `mesh sla report --domain`.
Result<std::vector<ProductRecord>> ProductsOfDomainQuery(const RequestContext& context) {
  ASSIGN_OR_RAISE(Organisation org, ServedOrganisation(context));
  return sla::SelectSlaProducts(*context.services().catalog, "",
                                context.Query("domain").value_or(""), &org);
}

// `mesh sla status NAME --json` plus "status": none, met or breached, and the target.
Json StatusAnswer(const sla::ProductSlaStatus& status) {
  Json json = sla::SlaStatusJson(status);
  json["status"] = !status.status.sla ? "none" : status.status.within_sla ? "met" : "breached";
  json["target"] = 1.0;
  return json;
}

// `mesh sla status --json`: every published product (?domain= narrows), each as StatusAnswer.
void ListSlaStatus(RequestContext& context) {
  Catalog& catalog = *context.services().catalog;
  const Timestamp now = context.services().clock->Now();
  Result<std::vector<ProductRecord>> products = ProductsOfDomainQuery(context);
  if (!products.ok()) return context.Fail(products.status());
  Json json = Json::array();
  for (const ProductRecord& product : *products) {
    Result<sla::ProductSlaStatus> status = sla::StatusOfProduct(catalog, product, now);
    if (!status.ok()) return context.Fail(status.status());
    json.push_back(StatusAnswer(*status));
  }
  context.Json(200, json);
}

// `mesh sla tick --json`: deadlines passed since the last tick, incidents, webhooks (admins).
void RunTick(RequestContext& context) {
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  std::unique_ptr<sla::WebhookSender> sender = sla::MakeHttpWebhookSender();
  sla::TickRequest request;
  request.catalog = context.services().catalog;
  request.org = &*org;
  request.clock = context.services().clock;
  request.sender = sender.get();
  request.product = context.Query("product");
  Result<sla::TickReport> report = sla::RunSlaTick(request);
  if (!report.ok()) return context.Fail(report.status());
  context.Json(200, sla::TickJson(*report));
}

// `mesh sla status NAME --json`, with the window's compliance, breaches and daily history.
void ShowProductSla(RequestContext& context) {
  Catalog& catalog = *context.services().catalog;
  const Timestamp now = context.services().clock->Now();
  Result<sla::ReportWindow> window = WindowFromQuery(context);
  if (!window.ok()) return context.Fail(window.status());
  Result<ProductRecord> product = catalog.GetProduct(context.Param("name"));
  if (!product.ok()) return context.Fail(product.status());
  Result<sla::ProductSlaStatus> status = sla::StatusOfProduct(catalog, *product, now);
  if (!status.ok()) return context.Fail(status.status());
  Result<sla::ProductSlaReport> report = sla::ReportOfProduct(catalog, *product, *window, now);
  if (!report.ok()) return context.Fail(report.status());
  Json json = StatusAnswer(*status);
  json["window"] = {{"from", FormatDate(window->from_day)}, {"to", FormatDate(window->to_day)}};
  json["report"] = sla::SlaReportRowJson(*report);
  json["history"] = sla::DailyComplianceJson(report->evaluation);
  context.Json(200, json);
}

// `mesh sla report --json`.
void ReportSla(RequestContext& context) {
  Catalog& catalog = *context.services().catalog;
  const Timestamp now = context.services().clock->Now();
  Result<sla::ReportWindow> window = WindowFromQuery(context);
  if (!window.ok()) return context.Fail(window.status());
  Result<std::vector<ProductRecord>> products = ProductsOfDomainQuery(context);
  if (!products.ok()) return context.Fail(products.status());
  std::vector<sla::ProductSlaReport> rows;
  for (const ProductRecord& product : *products) {
    Result<sla::ProductSlaReport> row = sla::ReportOfProduct(catalog, product, *window, now);
    if (!row.ok()) return context.Fail(row.status());
    rows.push_back(std::move(*row));
  }
  context.Json(200, sla::SlaReportJson(*window, now, rows));
}

// ---- incidents ----

Result<IncidentFilter> IncidentFilterFromQuery(const RequestContext& context, bool* active_only) {
  IncidentFilter filter;
  if (std::optional<std::string> product = context.Query("product")) filter.product = *product;
  const std::string status = context.Query("status").value_or("active");
  *active_only = status == "active";
  if (status != "active" && status != "all") {
    filter.status = ParseIncidentStatus(status);
    if (!filter.status) {
      return Status::InvalidArgument("query parameter 'status' is '" + status +
                                     "': use open, acknowledged, closed, active or all");
    }
  }
  return filter;
}

void ListIncidents(RequestContext& context) {
  bool active_only = false;
  Result<IncidentFilter> filter = IncidentFilterFromQuery(context, &active_only);
  if (!filter.ok()) return context.Fail(filter.status());
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<std::vector<Incident>> incidents = context.services().catalog->ListIncidents(*filter);
  if (!incidents.ok()) return context.Fail(incidents.status());
  Json json = Json::array();
  std::map<std::string, bool> visible;  // by product
  for (const Incident& incident : *incidents) {
    if (active_only && incident.status == IncidentStatus::kClosed) continue;
    if (!visible.count(incident.product)) {
      Result<bool> may = MaySee(context, *org, incident.product);
      if (!may.ok()) return context.Fail(may.status());
      visible[incident.product] = *may;
    }
    if (visible[incident.product]) json.push_back(sla::IncidentJson(incident));
  }
  context.Json(200, json);
}

void ShowIncident(RequestContext& context) {
  Result<int64_t> id = IdParam(context, "incident");
  if (!id.ok()) return context.Fail(id.status());
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<Incident> incident = context.services().catalog->GetIncident(*id);
  if (!incident.ok()) return context.Fail(incident.status());
  Result<bool> may = MaySee(context, *org, incident->product);
  if (!may.ok()) return context.Fail(may.status());
  if (!*may)
    return context.Fail(NotConcerned("incident " + std::to_string(*id), incident->product));
  context.Json(200, sla::IncidentJson(*incident));
}

void ChangeIncident(RequestContext& context, IncidentStatus to) {
  Result<int64_t> id = IdParam(context, "incident");
  if (!id.ok()) return context.Fail(id.status());
  Result<nlohmann::json> body = context.ReadJsonBody();
  if (!body.ok()) return context.Fail(body.status());
  const nlohmann::json& note = (*body)["note"];
  if (!note.is_null() && !note.is_string()) {
    return context.Fail(Status::InvalidArgument("'note' must be a string"));
  }
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<Incident> changed =
      sla::ChangeIncident(ActionsOf(context, *org), *id, to, context.person(),
                          note.is_string() ? note.get<std::string>() : "", OwnersOnly(context));
  if (!changed.ok()) return context.Fail(changed.status());
  SendQueuedWebhooksSoon(context);
  context.Json(200, sla::IncidentJson(*changed));
}

void AcknowledgeIncident(RequestContext& context) {
  ChangeIncident(context, IncidentStatus::kAcknowledged);
}
void CloseIncident(RequestContext& context) { ChangeIncident(context, IncidentStatus::kClosed); }

// ---- consumer reports ----

// `mesh report show --json`, plus the names the web UI reads: summary (= title), description
// (= body), person (= opened_by), at (= opened_at).
Json ReportAnswer(const ConsumerReport& report, const std::string& support) {
  Json json = sla::ReportJson(report);
  json["support"] = support.empty() ? Json(nullptr) : Json(support);
  json["summary"] = report.title;
  json["description"] = report.body;
  json["person"] = report.opened_by;
  json["at"] = FormatTimestamp(report.opened_at);
  return json;
}

// The product's `support` channel in words (empty when it declares none).
Result<std::string> SupportOf(Catalog& catalog, const std::string& product) {
  ASSIGN_OR_RAISE(CurrentProduct current, LoadCurrentProduct(catalog, product));
  if (!current.descriptor.support) return std::string();
  const Support& support = *current.descriptor.support;
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (support.channel) add("channel " + *support.channel);
  if (support.email) add("email " + *support.email);
  if (support.issues_url) add("issues " + *support.issues_url);
  return out;
}

void ListReports(RequestContext& context) {
  const std::string status_text = context.Query("status").value_or("all");
  std::optional<ReportStatus> status;
  if (status_text != "all") {
    status = ParseReportStatus(status_text);
    if (!status) {
      return context.Fail(Status::InvalidArgument("query parameter 'status' is '" + status_text +
                                                  "': use open, resolved or all"));
    }
  }
  Catalog& catalog = *context.services().catalog;
  const std::string product = context.Query("product").value_or("");
  if (!product.empty()) {
    if (Result<ProductRecord> known = catalog.GetProduct(product); !known.ok()) {
      return context.Fail(known.status());
    }
  }
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<std::vector<ConsumerReport>> reports = catalog.ListConsumerReports(product);
  if (!reports.ok()) return context.Fail(reports.status());
  Json json = Json::array();
  std::map<std::string, std::string> support;
  for (const ConsumerReport& report : *reports) {
    if (status && report.status != *status) continue;
    Result<bool> may = MaySee(context, *org, report.product, report.opened_by);
    if (!may.ok()) return context.Fail(may.status());
    if (!*may) continue;
    if (!support.count(report.product)) {
      Result<std::string> channel = SupportOf(catalog, report.product);
      support[report.product] = channel.ok() ? *channel : "";
    }
    json.push_back(ReportAnswer(report, support[report.product]));
  }
  context.Json(200, json);
}

// The report with its comments and support channel, when the caller may see it.
Result<Json> VisibleReport(const RequestContext& context, const Organisation& org, int64_t id) {
  Catalog& catalog = *context.services().catalog;
  ASSIGN_OR_RAISE(ConsumerReport report, catalog.GetConsumerReport(id));
  ASSIGN_OR_RAISE(bool may, MaySee(context, org, report.product, report.opened_by));
  if (!may) return NotConcerned("report " + std::to_string(id), report.product);
  ASSIGN_OR_RAISE(std::string support, SupportOf(catalog, report.product));
  return ReportAnswer(report, support);
}

void ShowReport(RequestContext& context) {
  Result<int64_t> id = IdParam(context, "report");
  if (!id.ok()) return context.Fail(id.status());
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<Json> report = VisibleReport(context, *org, *id);
  if (!report.ok()) return context.Fail(report.status());
  context.Json(200, *report);
}

// A string member of the body: the first of `names` present; InvalidArgument when not a string.
Result<std::string> StringMember(const nlohmann::json& body,
                                 std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (!body.contains(name)) continue;
    if (!body[name].is_string()) {
      return Status::InvalidArgument("'" + std::string(name) + "' must be a string");
    }
    return body[name].get<std::string>();
  }
  return std::string();
}

void OpenReport(RequestContext& context) {
  Result<nlohmann::json> body = context.ReadJsonBody();
  if (!body.ok()) return context.Fail(body.status());
  sla::NewReport report;
  report.person = context.person();
  Result<std::string> product = StringMember(*body, {"product"});
  Result<std::string> title = StringMember(*body, {"title", "summary"});
  Result<std::string> text = StringMember(*body, {"body", "description"});
  for (const Status& status : {product.status(), title.status(), text.status()}) {
    if (!status.ok()) return context.Fail(status);
  }
  report.product = std::move(*product);
  report.title = std::move(*title);
  report.body = std::move(*text);
  if (report.product.empty()) {
    return context.Fail(Status::InvalidArgument("name the 'product' the report is about"));
  }
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<ConsumerReport> opened = sla::OpenReport(ActionsOf(context, *org), report);
  if (!opened.ok()) return context.Fail(opened.status());
  SendQueuedWebhooksSoon(context);
  Result<std::string> support = SupportOf(*context.services().catalog, opened->product);
  context.Json(201, ReportAnswer(*opened, support.ok() ? *support : ""));
}

void CommentOnReport(RequestContext& context) {
  Result<int64_t> id = IdParam(context, "report");
  if (!id.ok()) return context.Fail(id.status());
  Result<nlohmann::json> body = context.ReadJsonBody();
  if (!body.ok()) return context.Fail(body.status());
  Result<std::string> text = StringMember(*body, {"body"});
  if (!text.ok()) return context.Fail(text.status());
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  if (Result<Json> visible = VisibleReport(context, *org, *id); !visible.ok()) {
    return context.Fail(visible.status());
  }
  Result<ReportComment> comment =
      sla::CommentOnReport(ActionsOf(context, *org), *id, context.person(), *text);
  if (!comment.ok()) return context.Fail(comment.status());
  SendQueuedWebhooksSoon(context);
  Result<Json> report = VisibleReport(context, *org, *id);
  if (!report.ok()) return context.Fail(report.status());
  context.Json(201, *report);
}

void ResolveReport(RequestContext& context) {
  Result<int64_t> id = IdParam(context, "report");
  if (!id.ok()) return context.Fail(id.status());
  Result<Organisation> org = ServedOrganisation(context);
  if (!org.ok()) return context.Fail(org.status());
  Result<ConsumerReport> resolved =
      sla::ResolveReport(ActionsOf(context, *org), *id, context.person(), OwnersOnly(context));
  if (!resolved.ok()) return context.Fail(resolved.status());
  SendQueuedWebhooksSoon(context);
  Result<std::string> support = SupportOf(*context.services().catalog, resolved->product);
  context.Json(200, ReportAnswer(*resolved, support.ok() ? *support : ""));
}

// ---- notifications ----

void ListNotifications(RequestContext& context) {
  Result<int64_t> limit = IntegerQuery(context, "limit", 50, 1, 1000);
  if (!limit.ok()) return context.Fail(limit.status());
  NotificationFilter filter{context.principal()->teams, static_cast<int>(*limit)};
  Json json = Json::array();
  if (!filter.teams.empty()) {
    Result<std::vector<Notification>> notifications =
        context.services().catalog->ListNotifications(filter);
    if (!notifications.ok()) return context.Fail(notifications.status());
    for (const Notification& notification : *notifications) {
      json.push_back(sla::NotificationJson(notification));
    }
  }
  context.Json(200, json);
}

Route Make(std::string method, std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = Permission::kAuthenticated;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  if (route.method == "POST") route.max_body_bytes = kSmallJsonBody;
  return route;
}

}  // namespace

void AddSlaRoutes(RouteTable* routes) {
  Route product_sla = Make("GET", "/api/v1/products/{name}/sla", ShowProductSla,
                           "A product's SLA status now, compliance and breaches over a window");
  product_sla.product_param = "name";
  routes->Add(std::move(product_sla));
  routes->Add(Make("GET", "/api/v1/sla", ReportSla,
                   "SLA compliance, breaches and worst offenders of every product over a window"));
  routes->Add(Make("GET", "/api/v1/sla/status", ListSlaStatus,
                   "Every published product's SLA status now (within its SLA? next deadline?)"));
  Route tick = Make("POST", "/api/v1/sla/tick", RunTick,
                    "Evaluate deadlines passed since the last tick, open incidents, send webhooks "
                    "(admins; the server also ticks on its own)");
  tick.permission = Permission::kAdmin;
  routes->Add(std::move(tick));
  routes->Add(Make("GET", "/api/v1/incidents", ListIncidents,
                   "Incidents opened by SLA breaches that concern the caller"));
  routes->Add(Make("GET", "/api/v1/incidents/{id}", ShowIncident, "One incident"));
  routes->Add(Make("POST", "/api/v1/incidents/{id}/acknowledge", AcknowledgeIncident,
                   "Acknowledge an open incident (owners)"));
  routes->Add(Make("POST", "/api/v1/incidents/{id}/close", CloseIncident,
                   "Close an incident (owners); tells the owner and consumer teams"));
  routes->Add(Make("GET", "/api/v1/reports", ListReports,
                   "Consumer reports that concern the caller, with each product's support"));
  routes->Add(Make("POST", "/api/v1/reports", OpenReport, "Report a problem with a product"));
  routes->Add(Make("GET", "/api/v1/reports/{id}", ShowReport, "One report with its comments"));
  routes->Add(
      Make("POST", "/api/v1/reports/{id}/comments", CommentOnReport, "Comment on a report"));
  routes->Add(Make("POST", "/api/v1/reports/{id}/resolve", ResolveReport,
                   "Resolve a report (owners); tells the owner and consumer teams"));
  routes->Add(Make("GET", "/api/v1/notifications", ListNotifications,
                   "What the caller's teams were told about incidents and reports"));
}

}  // namespace mesh::server
