// What a person does to incidents and consumer reports (docs/sla.md "Incidents", "Consumer
// reports"), the same for `mesh incident` / `mesh report` and the REST API: each action is one
// catalog transaction with its audit entry and the notifications it sends to the owner and
// consumer teams (webhooks stay pending until delivered). Who may act is the caller's
// `may_act` check, run on the product before anything changes. Thread-compatible.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "model/organisation.h"

namespace mesh::sla {

struct ActionContext {
  Catalog* catalog = nullptr;
  const Organisation* org = nullptr;  // teams, their webhooks
  Timestamp now;
};

// OK, or why the person may not act on the product (PermissionDenied).
using MayAct = std::function<Status(const ProductRecord& product)>;

// The owner team, then the consumer teams of the product (who hears of its incidents/reports).
Result<std::vector<std::string>> TeamsOfProduct(Catalog& catalog, const ProductRecord& product);

// True when one of the person's teams owns the product (its owner team or a team owning its
// domain) or consumes it: whom its incidents and reports concern.
Result<bool> ConcernsPerson(Catalog& catalog, const Organisation& org, const ProductRecord& product,
                            const std::string& person);

// Acknowledges or closes an incident; closing tells the owner and consumer teams.
// FailedPrecondition for a move the incident cannot make.
Result<Incident> ChangeIncident(const ActionContext& context, int64_t id, IncidentStatus to,
                                const std::string& person, const std::string& note,
                                const MayAct& may_act);

struct NewReport {
  std::string product;
  std::string title;
  std::string body;
  std::string person;
};
// InvalidArgument without a title; NotFound for an unknown product.
Result<ConsumerReport> OpenReport(const ActionContext& context, const NewReport& report);
Result<ReportComment> CommentOnReport(const ActionContext& context, int64_t id,
                                      const std::string& person, const std::string& body);
Result<ConsumerReport> ResolveReport(const ActionContext& context, int64_t id,
                                     const std::string& person, const MayAct& may_act);

}  // namespace mesh::sla
