#include "sla/sla_actions.h"

#include <algorithm>

#include "sla/notifier.h"

namespace mesh::sla {
namespace {

AuditEntry PersonAudit(const ActionContext& context, const std::string& person, std::string action,
                       std::string details) {
  AuditEntry audit;
  audit.at = context.now;
  audit.actor = person;
  audit.action = std::move(action);
  audit.outcome = "ok";
  audit.details = std::move(details);
  return audit;
}

// The product's teams and the teams of `extra_person` (a report's author hears of it too).
Result<std::vector<NotificationDraft>> Drafts(const ActionContext& context,
                                              const ProductRecord& product,
                                              const std::string& extra_person,
                                              const std::string& event,
                                              const std::string& message) {
  ASSIGN_OR_RAISE(std::vector<std::string> teams, TeamsOfProduct(*context.catalog, product));
  for (const std::string& team : context.org->TeamsOf(extra_person)) {
    if (std::find(teams.begin(), teams.end(), team) == teams.end()) teams.push_back(team);
  }
  return DraftsFor(teams, context.org, event, message);
}

}  // namespace

Result<std::vector<std::string>> TeamsOfProduct(Catalog& catalog, const ProductRecord& product) {
  ASSIGN_OR_RAISE(std::vector<std::string> consumers, catalog.ListConsumers(product.name));
  return TeamsToNotify(product.owner, consumers);
}

Result<bool> ConcernsPerson(Catalog& catalog, const Organisation& org, const ProductRecord& product,
                            const std::string& person) {
  ASSIGN_OR_RAISE(std::vector<std::string> concerned, TeamsOfProduct(catalog, product));
  for (const std::string& team : org.TeamsOf(person)) {
    if (org.OwnsDomain(team, product.domain)) return true;
    if (std::find(concerned.begin(), concerned.end(), team) != concerned.end()) return true;
  }
  return false;
}

Result<Incident> ChangeIncident(const ActionContext& context, int64_t id, IncidentStatus to,
                                const std::string& person, const std::string& note,
                                const MayAct& may_act) {
  ASSIGN_OR_RAISE(Incident incident, context.catalog->GetIncident(id));
  ASSIGN_OR_RAISE(ProductRecord product, context.catalog->GetProduct(incident.product));
  RETURN_NOT_OK(may_act(product));
  IncidentTransition transition{incident.id, to, person, context.now, note, {}};
  if (to == IncidentStatus::kClosed) {
    ASSIGN_OR_RAISE(std::vector<std::string> teams, TeamsOfProduct(*context.catalog, product));
    std::string message = product.name + ": incident #" + std::to_string(incident.id) + " (" +
                          std::string(BreachKindName(incident.kind)) + ") closed by " + person +
                          (note.empty() ? "" : ": " + note);
    transition.notifications = DraftsFor(teams, context.org, "incident_closed", message);
  }
  AuditEntry audit = PersonAudit(
      context, person, to == IncidentStatus::kClosed ? "incident.close" : "incident.ack", note);
  return context.catalog->TransitionIncident(transition, audit);
}

Result<ConsumerReport> OpenReport(const ActionContext& context, const NewReport& request) {
  if (request.title.empty()) return Status::InvalidArgument("give the report a title");
  ASSIGN_OR_RAISE(ProductRecord product, context.catalog->GetProduct(request.product));
  ConsumerReport report;
  report.product = product.name;
  report.title = request.title;
  report.body = request.body;
  report.opened_by = request.person;
  report.opened_at = context.now;
  ASSIGN_OR_RAISE(std::vector<NotificationDraft> drafts,
                  Drafts(context, product, request.person, "report_opened",
                         product.name + ": " + request.person + " reported: " + request.title));
  return context.catalog->OpenConsumerReport(
      report, drafts, PersonAudit(context, request.person, "report.open", request.title));
}

Result<ReportComment> CommentOnReport(const ActionContext& context, int64_t id,
                                      const std::string& person, const std::string& body) {
  if (body.empty()) return Status::InvalidArgument("a comment needs a body");
  ReportComment comment{0, id, person, body, context.now};
  return context.catalog->AddReportComment(comment,
                                           PersonAudit(context, person, "report.comment", body));
}

Result<ConsumerReport> ResolveReport(const ActionContext& context, int64_t id,
                                     const std::string& person, const MayAct& may_act) {
  ASSIGN_OR_RAISE(ConsumerReport report, context.catalog->GetConsumerReport(id));
  ASSIGN_OR_RAISE(ProductRecord product, context.catalog->GetProduct(report.product));
  RETURN_NOT_OK(may_act(product));
  ASSIGN_OR_RAISE(std::vector<NotificationDraft> drafts,
                  Drafts(context, product, report.opened_by, "report_resolved",
                         product.name + ": report #" + std::to_string(report.id) + " (" +
                             report.title + ") resolved by " + person));
  return context.catalog->ResolveConsumerReport(report.id, person, context.now, drafts,
                                                PersonAudit(context, person, "report.resolve", ""));
}

}  // namespace mesh::sla
