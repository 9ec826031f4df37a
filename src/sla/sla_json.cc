#include "sla/sla_json.h"

namespace mesh::sla {

Json OptionalTimeJson(const std::optional<Timestamp>& at) {
  return at ? Json(FormatTimestamp(*at)) : Json(nullptr);
}

Json PeriodJson(const PeriodEvaluation& period) {
  Json json;
  json["period"] = period.period;
  json["deadline"] = FormatTimestamp(period.deadline);
  json["period_start"] = FormatTimestamp(period.period_start);
  json["availability"] = period.availability;
  json["met"] = period.met;
  json["met_by"] = period.met ? Json(period.met_by) : Json(nullptr);
  return json;
}

Json BreachJson(const Breach& breach) {
  Json json;
  json["kind"] = BreachKindName(breach.kind);
  json["at"] = FormatTimestamp(breach.at);
  json["key"] = breach.key;
  json["subject"] = breach.subject;
  json["summary"] = breach.summary;
  return json;
}

Json IncidentJson(const Incident& incident) {
  Json json;
  json["id"] = incident.id;
  json["product"] = incident.product;
  json["kind"] = BreachKindName(incident.kind);
  json["status"] = IncidentStatusName(incident.status);
  json["breach_at"] = FormatTimestamp(incident.breach_at);
  json["breach_key"] = incident.breach_key;
  json["summary"] = incident.summary;
  json["opened_at"] = FormatTimestamp(incident.opened_at);
  json["acknowledged_by"] =
      incident.acknowledged_by.empty() ? Json(nullptr) : Json(incident.acknowledged_by);
  json["acknowledged_at"] = OptionalTimeJson(incident.acknowledged_at);
  json["closed_by"] = incident.closed_by.empty() ? Json(nullptr) : Json(incident.closed_by);
  json["closed_at"] = OptionalTimeJson(incident.closed_at);
  json["note"] = incident.note;
  return json;
}

Json NotificationJson(const Notification& notification) {
  Json json;
  json["id"] = notification.id;
  json["team"] = notification.team;
  json["product"] = notification.product;
  json["subject"] = notification.subject;
  json["subject_id"] = notification.subject_id;
  json["event"] = notification.event;
  json["message"] = notification.message;
  json["at"] = FormatTimestamp(notification.at);
  if (notification.webhook) {
    json["webhook"] = {{"status", DeliveryStatusName(*notification.webhook)},
                       {"attempts", notification.webhook_attempts},
                       {"last_error", notification.webhook_error}};
  } else {
    json["webhook"] = nullptr;
  }
  return json;
}

Json ReportJson(const ConsumerReport& report) {
  Json json;
  json["id"] = report.id;
  json["product"] = report.product;
  json["title"] = report.title;
  json["body"] = report.body;
  json["status"] = ReportStatusName(report.status);
  json["opened_by"] = report.opened_by;
  json["opened_at"] = FormatTimestamp(report.opened_at);
  json["resolved_by"] = report.resolved_by.empty() ? Json(nullptr) : Json(report.resolved_by);
  json["resolved_at"] = OptionalTimeJson(report.resolved_at);
  Json comments = Json::array();
  for (const ReportComment& comment : report.comments) {
    comments.push_back({{"id", comment.id},
                        {"person", comment.person},
                        {"body", comment.body},
                        {"at", FormatTimestamp(comment.at)}});
  }
  json["comments"] = std::move(comments);
  return json;
}

Json SlaJson(const Sla& sla) {
  Json json;
  json["availability"] = sla.availability ? Json(sla.availability->ToString()) : Json(nullptr);
  json["timezone"] = sla.timezone;
  json["max_lag_hours"] = sla.max_lag_hours ? Json(*sla.max_lag_hours) : Json(nullptr);
  json["min_completeness"] = sla.min_completeness ? Json(*sla.min_completeness) : Json(nullptr);
  return json;
}

Json TickJson(const TickReport& report) {
  Json json;
  json["now"] = FormatTimestamp(report.now);
  Json products = Json::array();
  for (const ProductTick& tick : report.products) {
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

}  // namespace mesh::sla
