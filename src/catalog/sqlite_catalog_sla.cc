// SqliteCatalog's service level storage (catalog.h "Service levels"; schema migration
// "service_levels" in sqlite_schema.cc).
#include <algorithm>

#include "catalog/sqlite_catalog.h"
#include "catalog/sqlite_catalog_internal.h"

namespace mesh {
namespace {

using Mode = SqliteTransaction::Mode;

constexpr std::string_view kIncidentColumns =
    "SELECT id, product, kind, breach_key, breach_at, summary, status, opened_at, "
    "acknowledged_by, acknowledged_at, closed_by, closed_at, note FROM incidents ";

constexpr std::string_view kNotificationColumns =
    "SELECT n.id, n.team, n.product, n.subject, n.subject_id, n.event, n.message, n.created_at, "
    "d.status, d.attempts, d.last_error, d.id, d.url, d.last_attempt_at, d.delivered_at "
    "FROM notifications n LEFT JOIN webhook_deliveries d ON d.notification_id = n.id ";

constexpr std::string_view kReportColumns =
    "SELECT id, product, title, body, opened_by, opened_at, status, resolved_by, resolved_at "
    "FROM consumer_reports ";

std::string Concat(std::string_view a, std::string_view b) {
  return std::string(a) + std::string(b);
}

std::optional<Timestamp> OptionalTime(const SqliteStatement& row, int column) {
  if (auto micros = row.OptionalInt(column)) return Timestamp{*micros};
  return std::nullopt;
}

Incident ReadIncident(const SqliteStatement& row) {
  Incident incident;
  incident.id = row.Int(0);
  incident.product = row.Text(1);
  incident.kind = ParseBreachKind(row.Text(2)).value_or(BreachKind::kLate);
  incident.breach_key = row.Text(3);
  incident.breach_at = Timestamp{row.Int(4)};
  incident.summary = row.Text(5);
  incident.status = ParseIncidentStatus(row.Text(6)).value_or(IncidentStatus::kOpen);
  incident.opened_at = Timestamp{row.Int(7)};
  incident.acknowledged_by = row.Text(8);
  incident.acknowledged_at = OptionalTime(row, 9);
  incident.closed_by = row.Text(10);
  incident.closed_at = OptionalTime(row, 11);
  incident.note = row.Text(12);
  return incident;
}

Notification ReadNotification(const SqliteStatement& row) {
  Notification notification;
  notification.id = row.Int(0);
  notification.team = row.Text(1);
  notification.product = row.Text(2);
  notification.subject = row.Text(3);
  notification.subject_id = row.Int(4);
  notification.event = row.Text(5);
  notification.message = row.Text(6);
  notification.at = Timestamp{row.Int(7)};
  if (!row.IsNull(8)) {
    notification.webhook = ParseDeliveryStatus(row.Text(8));
    notification.webhook_attempts = static_cast<int>(row.Int(9));
    notification.webhook_error = row.Text(10);
  }
  return notification;
}

WebhookDelivery ReadDelivery(const SqliteStatement& row) {
  WebhookDelivery delivery;
  delivery.notification = ReadNotification(row);
  delivery.id = row.Int(11);
  delivery.url = row.Text(12);
  delivery.status = delivery.notification.webhook.value_or(DeliveryStatus::kPending);
  delivery.attempts = delivery.notification.webhook_attempts;
  delivery.last_error = delivery.notification.webhook_error;
  delivery.last_attempt_at = OptionalTime(row, 13);
  delivery.delivered_at = OptionalTime(row, 14);
  return delivery;
}

ConsumerReport ReadReport(const SqliteStatement& row) {
  ConsumerReport report;
  report.id = row.Int(0);
  report.product = row.Text(1);
  report.title = row.Text(2);
  report.body = row.Text(3);
  report.opened_by = row.Text(4);
  report.opened_at = Timestamp{row.Int(5)};
  report.status = ParseReportStatus(row.Text(6)).value_or(ReportStatus::kOpen);
  report.resolved_by = row.Text(7);
  report.resolved_at = OptionalTime(row, 8);
  return report;
}

// One line per name, framed by newlines, so SQL can test membership with instr().
std::string LineSet(const std::vector<std::string>& teams) {
  std::string out = "\n";
  for (const std::string& team : teams) out += team + "\n";
  return out;
}

AuditEntry WithTarget(const AuditEntry& audit, const std::string& target) {
  AuditEntry out = audit;
  if (out.target.empty()) out.target = target;
  return out;
}

Status CheckTransition(const Incident& incident, IncidentStatus to) {
  bool allowed =
      (incident.status == IncidentStatus::kOpen && to != IncidentStatus::kOpen) ||
      (incident.status == IncidentStatus::kAcknowledged && to == IncidentStatus::kClosed);
  if (allowed) return Status::OK();
  return Status::FailedPrecondition(
      "incident " + std::to_string(incident.id) + " is " +
      std::string(IncidentStatusName(incident.status)) + " and cannot become " +
      std::string(IncidentStatusName(to)) +
      " (incidents go open → acknowledged → closed; a closed incident stays closed)");
}

}  // namespace

Status SqliteInsertNotifications(SqliteConnection* connection, std::string_view subject,
                                 int64_t subject_id, std::string_view product,
                                 const std::vector<NotificationDraft>& drafts, Timestamp at,
                                 std::string_view operation) {
  for (const NotificationDraft& draft : drafts) {
    {
      ASSIGN_OR_RAISE(auto insert,
                      connection->Prepare("INSERT INTO notifications (team, product, subject, "
                                          "subject_id, event, message, created_at) VALUES (?1, "
                                          "?2, ?3, ?4, ?5, ?6, ?7)",
                                          operation));
      RETURN_NOT_OK(insert.Bind(1, draft.team)
                        .Bind(2, product)
                        .Bind(3, subject)
                        .Bind(4, subject_id)
                        .Bind(5, draft.event)
                        .Bind(6, draft.message)
                        .Bind(7, at.micros)
                        .Run());
    }
    if (!draft.webhook_url || draft.webhook_url->empty()) continue;
    int64_t notification_id = connection->LastInsertRowId();
    ASSIGN_OR_RAISE(auto delivery, connection->Prepare("INSERT INTO webhook_deliveries "
                                                       "(notification_id, url, status) VALUES "
                                                       "(?1, ?2, 'pending')",
                                                       operation));
    RETURN_NOT_OK(delivery.Bind(1, notification_id).Bind(2, *draft.webhook_url).Run());
  }
  return Status::OK();
}

Result<std::optional<SlaTickState>> SqliteCatalog::GetSlaTickState(std::string_view product) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare("SELECT evaluated_through, ticked_at FROM sla_tick_state "
                                       "WHERE product = ?1",
                                       "read sla tick state"));
  query.Bind(1, product);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) return std::optional<SlaTickState>();
  return std::optional<SlaTickState>(
      SlaTickState{std::string(product), Timestamp{query.Int(0)}, Timestamp{query.Int(1)}});
}

Result<SlaTickOutcome> SqliteCatalog::RecordSlaTick(const SlaTickRecord& record,
                                                    const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "record the sla tick of " + record.state.product;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  {
    ASSIGN_OR_RAISE(auto state,
                    connection_->Prepare(
                        "INSERT INTO sla_tick_state (product, evaluated_through, ticked_at) "
                        "VALUES (?1, ?2, ?3) ON CONFLICT (product) DO UPDATE SET "
                        "evaluated_through = max(evaluated_through, excluded.evaluated_through), "
                        "ticked_at = excluded.ticked_at",
                        operation));
    RETURN_NOT_OK(state.Bind(1, record.state.product)
                      .Bind(2, record.state.evaluated_through.micros)
                      .Bind(3, record.state.ticked_at.micros)
                      .Run());
  }
  SlaTickOutcome outcome;
  for (const PeriodEvaluation& period : record.periods) {
    ASSIGN_OR_RAISE(auto insert,
                    connection_->Prepare(
                        "INSERT INTO sla_periods (product, deadline, period_start, period, "
                        "availability, met, met_by, evaluated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                        "?7, ?8) ON CONFLICT (product, deadline) DO NOTHING",
                        operation));
    RETURN_NOT_OK(insert.Bind(1, record.state.product)
                      .Bind(2, period.deadline.micros)
                      .Bind(3, period.period_start.micros)
                      .Bind(4, period.period)
                      .Bind(5, period.availability)
                      .Bind(6, int64_t{period.met ? 1 : 0})
                      .Bind(7, period.met_by)
                      .Bind(8, period.evaluated_at.micros)
                      .Run());
    outcome.periods_recorded += connection_->Changes();
  }
  for (const IncidentDraft& draft : record.incidents) {
    Incident incident = draft.incident;
    incident.product = record.state.product;
    {
      ASSIGN_OR_RAISE(auto insert,
                      connection_->Prepare(
                          "INSERT INTO incidents (product, kind, breach_key, breach_at, summary, "
                          "status, opened_at) VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6) "
                          "ON CONFLICT (product, breach_key) DO NOTHING",
                          operation));
      RETURN_NOT_OK(insert.Bind(1, incident.product)
                        .Bind(2, BreachKindName(incident.kind))
                        .Bind(3, incident.breach_key)
                        .Bind(4, incident.breach_at.micros)
                        .Bind(5, incident.summary)
                        .Bind(6, incident.opened_at.micros)
                        .Run());
      if (connection_->Changes() == 0) continue;
    }
    incident.id = connection_->LastInsertRowId();
    incident.status = IncidentStatus::kOpen;
    RETURN_NOT_OK(SqliteInsertNotifications(connection_.get(), "incident", incident.id,
                                            incident.product, draft.notifications,
                                            incident.opened_at, operation));
    AuditEntry opened = audit;
    opened.action = "incident.open";
    opened.target = "incident/" + std::to_string(incident.id);
    opened.outcome = "ok";
    opened.details = incident.product + " " + std::string(BreachKindName(incident.kind)) + ": " +
                     incident.summary;
    RETURN_NOT_OK(InsertAudit(opened).status());
    outcome.opened.push_back(std::move(incident));
  }
  RETURN_NOT_OK(InsertAudit(audit).status());
  RETURN_NOT_OK(transaction.Commit());
  return outcome;
}

Result<std::vector<PeriodEvaluation>> SqliteCatalog::ListPeriodEvaluations(std::string_view product,
                                                                           Timestamp from,
                                                                           Timestamp to) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(
                                  "SELECT product, deadline, period_start, period, availability, "
                                  "met, met_by, evaluated_at FROM sla_periods WHERE product = ?1 "
                                  "AND deadline > ?2 AND deadline <= ?3 ORDER BY deadline",
                                  "list sla periods"));
  query.Bind(1, product).Bind(2, from.micros).Bind(3, to.micros);
  std::vector<PeriodEvaluation> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back({query.Text(0), Timestamp{query.Int(1)}, Timestamp{query.Int(2)}, query.Text(3),
                   query.Text(4), query.Int(5) != 0, query.Text(6), Timestamp{query.Int(7)}});
  }
  return out;
}

Result<std::vector<Incident>> SqliteCatalog::ListIncidents(const IncidentFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(
                      Concat(kIncidentColumns,
                             "WHERE (?1 IS NULL OR product = ?1) AND (?2 IS NULL OR status = ?2) "
                             "AND (?3 = '' OR instr(?3, char(10) || product || char(10)) > 0) "
                             "ORDER BY id DESC"),
                      "list incidents"));
  std::optional<std::string> status;
  if (filter.status) status = std::string(IncidentStatusName(*filter.status));
  query.Bind(1, filter.product)
      .Bind(2, status)
      .Bind(3, filter.products.empty() ? std::string() : LineSet(filter.products));
  std::vector<Incident> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadIncident(query));
  }
  return out;
}

Result<Incident> SqliteCatalog::FindIncident(int64_t id) {
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kIncidentColumns, "WHERE id = ?1"), "read incident"));
  query.Bind(1, id);
  ASSIGN_OR_RAISE(bool row, query.Step());
  if (!row) {
    return Status::NotFound("incident " + std::to_string(id) +
                            " does not exist: list them with `mesh incident list`");
  }
  return ReadIncident(query);
}

Result<Incident> SqliteCatalog::GetIncident(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  return FindIncident(id);
}

Result<Incident> SqliteCatalog::TransitionIncident(const IncidentTransition& transition,
                                                   const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "change incident " + std::to_string(transition.incident_id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(Incident incident, FindIncident(transition.incident_id));
  RETURN_NOT_OK(CheckTransition(incident, transition.to));
  bool closing = transition.to == IncidentStatus::kClosed;
  {
    ASSIGN_OR_RAISE(
        auto update,
        connection_->Prepare("UPDATE incidents SET status = ?2, "
                             "acknowledged_by = CASE WHEN ?3 THEN acknowledged_by ELSE ?4 END, "
                             "acknowledged_at = CASE WHEN ?3 THEN acknowledged_at ELSE ?5 END, "
                             "closed_by = CASE WHEN ?3 THEN ?4 ELSE closed_by END, "
                             "closed_at = CASE WHEN ?3 THEN ?5 ELSE closed_at END, "
                             "note = CASE WHEN ?6 <> '' THEN ?6 ELSE note END WHERE id = ?1",
                             operation));
    RETURN_NOT_OK(update.Bind(1, incident.id)
                      .Bind(2, IncidentStatusName(transition.to))
                      .Bind(3, int64_t{closing ? 1 : 0})
                      .Bind(4, transition.person)
                      .Bind(5, transition.at.micros)
                      .Bind(6, transition.note)
                      .Run());
  }
  RETURN_NOT_OK(SqliteInsertNotifications(connection_.get(), "incident", incident.id,
                                          incident.product, transition.notifications, transition.at,
                                          operation));
  RETURN_NOT_OK(InsertAudit(WithTarget(audit, "incident/" + std::to_string(incident.id))).status());
  RETURN_NOT_OK(transaction.Commit());
  return FindIncident(incident.id);
}

Result<std::vector<Notification>> SqliteCatalog::ListNotifications(
    const NotificationFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query,
                  connection_->Prepare(Concat(kNotificationColumns,
                                              "WHERE instr(?1, char(10) || n.team || char(10)) > 0 "
                                              "ORDER BY n.id DESC LIMIT ?2"),
                                       "list notifications"));
  query.Bind(1, LineSet(filter.teams)).Bind(2, int64_t{std::max(filter.limit, 1)});
  std::vector<Notification> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadNotification(query));
  }
  return out;
}

Result<std::vector<WebhookDelivery>> SqliteCatalog::ListPendingDeliveries() {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(
      auto query,
      connection_->Prepare(Concat(kNotificationColumns, "WHERE d.status = 'pending' ORDER BY d.id"),
                           "list pending webhook deliveries"));
  std::vector<WebhookDelivery> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadDelivery(query));
  }
  return out;
}

Status SqliteCatalog::RecordWebhookAttempt(const WebhookAttempt& attempt, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "record webhook delivery attempt " + std::to_string(attempt.delivery_id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  {
    ASSIGN_OR_RAISE(
        auto update,
        connection_->Prepare(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?2, "
            "last_error = ?3, status = CASE WHEN ?4 THEN 'delivered' ELSE status END, "
            "delivered_at = CASE WHEN ?4 THEN ?2 ELSE delivered_at END "
            "WHERE id = ?1 AND status = 'pending'",
            operation));
    RETURN_NOT_OK(update.Bind(1, attempt.delivery_id)
                      .Bind(2, attempt.at.micros)
                      .Bind(3, attempt.delivered ? std::string() : attempt.error)
                      .Bind(4, int64_t{attempt.delivered ? 1 : 0})
                      .Run());
  }
  if (connection_->Changes() == 0) {
    return Status::NotFound("no pending webhook delivery " + std::to_string(attempt.delivery_id));
  }
  RETURN_NOT_OK(
      InsertAudit(WithTarget(audit, "webhook/" + std::to_string(attempt.delivery_id))).status());
  return transaction.Commit();
}

Result<ConsumerReport> SqliteCatalog::OpenConsumerReport(
    const ConsumerReport& report, const std::vector<NotificationDraft>& notifications,
    const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "open a report on " + report.product;
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  {
    ASSIGN_OR_RAISE(auto insert,
                    connection_->Prepare("INSERT INTO consumer_reports (product, title, body, "
                                         "opened_by, opened_at, status) VALUES (?1, ?2, ?3, ?4, "
                                         "?5, 'open')",
                                         operation));
    RETURN_NOT_OK(insert.Bind(1, report.product)
                      .Bind(2, report.title)
                      .Bind(3, report.body)
                      .Bind(4, report.opened_by)
                      .Bind(5, report.opened_at.micros)
                      .Run());
  }
  ConsumerReport opened = report;
  opened.id = connection_->LastInsertRowId();
  opened.status = ReportStatus::kOpen;
  opened.comments.clear();
  RETURN_NOT_OK(SqliteInsertNotifications(connection_.get(), "report", opened.id, opened.product,
                                          notifications, opened.opened_at, operation));
  RETURN_NOT_OK(InsertAudit(WithTarget(audit, "report/" + std::to_string(opened.id))).status());
  RETURN_NOT_OK(transaction.Commit());
  return opened;
}

Result<std::vector<ConsumerReport>> SqliteCatalog::ListConsumerReports(std::string_view product) {
  std::lock_guard<std::mutex> lock(mu_);
  ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kReportColumns,
                                                          "WHERE ?1 = '' OR product = ?1 "
                                                          "ORDER BY id DESC"),
                                                   "list consumer reports"));
  query.Bind(1, product);
  std::vector<ConsumerReport> out;
  while (true) {
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) break;
    out.push_back(ReadReport(query));
  }
  return out;
}

Result<ConsumerReport> SqliteCatalog::FindConsumerReport(int64_t id) {
  ConsumerReport report;
  {
    ASSIGN_OR_RAISE(auto query, connection_->Prepare(Concat(kReportColumns, "WHERE id = ?1"),
                                                     "read consumer report"));
    query.Bind(1, id);
    ASSIGN_OR_RAISE(bool row, query.Step());
    if (!row) {
      return Status::NotFound("report " + std::to_string(id) +
                              " does not exist: list them with `mesh report list`");
    }
    report = ReadReport(query);
  }
  ASSIGN_OR_RAISE(auto comments,
                  connection_->Prepare("SELECT id, report_id, person, body, created_at FROM "
                                       "report_comments WHERE report_id = ?1 ORDER BY id",
                                       "read report comments"));
  comments.Bind(1, id);
  while (true) {
    ASSIGN_OR_RAISE(bool row, comments.Step());
    if (!row) break;
    report.comments.push_back({comments.Int(0), comments.Int(1), comments.Text(2), comments.Text(3),
                               Timestamp{comments.Int(4)}});
  }
  return report;
}

Result<ConsumerReport> SqliteCatalog::GetConsumerReport(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  return FindConsumerReport(id);
}

Result<ReportComment> SqliteCatalog::AddReportComment(const ReportComment& comment,
                                                      const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "comment on report " + std::to_string(comment.report_id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  RETURN_NOT_OK(FindConsumerReport(comment.report_id).status());
  {
    ASSIGN_OR_RAISE(auto insert,
                    connection_->Prepare("INSERT INTO report_comments (report_id, person, body, "
                                         "created_at) VALUES (?1, ?2, ?3, ?4)",
                                         operation));
    RETURN_NOT_OK(insert.Bind(1, comment.report_id)
                      .Bind(2, comment.person)
                      .Bind(3, comment.body)
                      .Bind(4, comment.at.micros)
                      .Run());
  }
  ReportComment added = comment;
  added.id = connection_->LastInsertRowId();
  RETURN_NOT_OK(
      InsertAudit(WithTarget(audit, "report/" + std::to_string(comment.report_id))).status());
  RETURN_NOT_OK(transaction.Commit());
  return added;
}

Result<ConsumerReport> SqliteCatalog::ResolveConsumerReport(
    int64_t id, std::string_view person, Timestamp at,
    const std::vector<NotificationDraft>& notifications, const AuditEntry& audit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string operation = "resolve report " + std::to_string(id);
  ASSIGN_OR_RAISE(auto transaction,
                  SqliteTransaction::Begin(connection_.get(), Mode::kWrite, operation));
  ASSIGN_OR_RAISE(ConsumerReport report, FindConsumerReport(id));
  if (report.status == ReportStatus::kResolved) {
    return Status::FailedPrecondition("report " + std::to_string(id) + " was already resolved by " +
                                      report.resolved_by);
  }
  {
    ASSIGN_OR_RAISE(auto update,
                    connection_->Prepare("UPDATE consumer_reports SET status = 'resolved', "
                                         "resolved_by = ?2, resolved_at = ?3 WHERE id = ?1",
                                         operation));
    RETURN_NOT_OK(update.Bind(1, id).Bind(2, person).Bind(3, at.micros).Run());
  }
  RETURN_NOT_OK(SqliteInsertNotifications(connection_.get(), "report", id, report.product,
                                          notifications, at, operation));
  RETURN_NOT_OK(InsertAudit(WithTarget(audit, "report/" + std::to_string(id))).status());
  RETURN_NOT_OK(transaction.Commit());
  return FindConsumerReport(id);
}

}  // namespace mesh
