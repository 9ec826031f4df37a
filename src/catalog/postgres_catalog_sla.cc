// PostgresCatalog's service level storage and read meter (catalog.h "Service levels"; schema
// migrations 4 and 5 in postgres_schema.cc). Changes that check a row before changing it (an
// incident's transition, a report's resolution) lock that row first (SELECT ... FOR UPDATE), so
// that of two servers deciding at once the second sees the first one's decision.
#include <algorithm>

#include "catalog/postgres_catalog.h"
#include "catalog/postgres_catalog_internal.h"

namespace mesh {
namespace {

const std::string kIncidentColumns =
    "SELECT id, product, kind, breach_key, breach_at, summary, status, opened_at, "
    "acknowledged_by, acknowledged_at, closed_by, closed_at, note FROM incidents ";

const std::string kNotificationColumns =
    "SELECT n.id, n.team, n.product, n.subject, n.subject_id, n.event, n.message, n.created_at, "
    "d.status, d.attempts, d.last_error, d.id, d.url, d.last_attempt_at, d.delivered_at "
    "FROM notifications n LEFT JOIN webhook_deliveries d ON d.notification_id = n.id ";

const std::string kReportColumns =
    "SELECT id, product, title, body, opened_by, opened_at, status, resolved_by, resolved_at "
    "FROM consumer_reports ";

std::optional<Timestamp> OptionalTime(const pqxx::field& field) {
  if (auto micros = PgOptionalInt(field)) return Timestamp{*micros};
  return std::nullopt;
}

Incident ReadIncident(const pqxx::row& row) {
  Incident incident;
  incident.id = PgInt(row[0]);
  incident.product = PgText(row[1]);
  incident.kind = ParseBreachKind(PgText(row[2])).value_or(BreachKind::kLate);
  incident.breach_key = PgText(row[3]);
  incident.breach_at = Timestamp{PgInt(row[4])};
  incident.summary = PgText(row[5]);
  incident.status = ParseIncidentStatus(PgText(row[6])).value_or(IncidentStatus::kOpen);
  incident.opened_at = Timestamp{PgInt(row[7])};
  incident.acknowledged_by = PgText(row[8]);
  incident.acknowledged_at = OptionalTime(row[9]);
  incident.closed_by = PgText(row[10]);
  incident.closed_at = OptionalTime(row[11]);
  incident.note = PgText(row[12]);
  return incident;
}

Notification ReadNotification(const pqxx::row& row) {
  Notification notification;
  notification.id = PgInt(row[0]);
  notification.team = PgText(row[1]);
  notification.product = PgText(row[2]);
  notification.subject = PgText(row[3]);
  notification.subject_id = PgInt(row[4]);
  notification.event = PgText(row[5]);
  notification.message = PgText(row[6]);
  notification.at = Timestamp{PgInt(row[7])};
  if (!row[8].is_null()) {
    notification.webhook = ParseDeliveryStatus(PgText(row[8]));
    notification.webhook_attempts = static_cast<int>(PgInt(row[9]));
    notification.webhook_error = PgText(row[10]);
  }
  return notification;
}

WebhookDelivery ReadDelivery(const pqxx::row& row) {
  WebhookDelivery delivery;
  delivery.notification = ReadNotification(row);
  delivery.id = PgInt(row[11]);
  delivery.url = PgText(row[12]);
  delivery.status = delivery.notification.webhook.value_or(DeliveryStatus::kPending);
  delivery.attempts = delivery.notification.webhook_attempts;
  delivery.last_error = delivery.notification.webhook_error;
  delivery.last_attempt_at = OptionalTime(row[13]);
  delivery.delivered_at = OptionalTime(row[14]);
  return delivery;
}

ConsumerReport ReadReport(const pqxx::row& row) {
  ConsumerReport report;
  report.id = PgInt(row[0]);
  report.product = PgText(row[1]);
  report.title = PgText(row[2]);
  report.body = PgText(row[3]);
  report.opened_by = PgText(row[4]);
  report.opened_at = Timestamp{PgInt(row[5])};
  report.status = ParseReportStatus(PgText(row[6])).value_or(ReportStatus::kOpen);
  report.resolved_by = PgText(row[7]);
  report.resolved_at = OptionalTime(row[8]);
  return report;
}

ReadUsageRecord ReadUsageRow(const pqxx::row& row) {
  return ReadUsageRecord{PgInt(row[0]),  PgText(row[1]), PgInt(row[2]),           PgText(row[3]),
                         PgText(row[4]), PgInt(row[5]),  Timestamp{PgInt(row[6])}};
}

template <typename Record, typename Reader>
std::vector<Record> ReadAll(const pqxx::result& rows, Reader read) {
  std::vector<Record> out;
  out.reserve(rows.size());
  for (const pqxx::row& row : rows) out.push_back(read(row));
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

Status IncidentNotFound(int64_t id) {
  return Status::NotFound("incident " + std::to_string(id) +
                          " does not exist: list them with `mesh incident list`");
}

Status ReportNotFound(int64_t id) {
  return Status::NotFound("report " + std::to_string(id) +
                          " does not exist: list them with `mesh report list`");
}

// The report with its comments; nullopt when there is none. `lock` takes the report's row lock.
std::optional<ConsumerReport> FindReport(pqxx::transaction_base& transaction, int64_t id,
                                         bool lock) {
  pqxx::result rows = ExecPrepared(transaction, lock ? "sla_lock_report" : "sla_get_report",
                                   PostgresParams().Add(id));
  if (rows.empty()) return std::nullopt;
  ConsumerReport report = ReadReport(rows[0]);
  for (const pqxx::row& row :
       ExecPrepared(transaction, "sla_report_comments", PostgresParams().Add(id))) {
    report.comments.push_back(
        {PgInt(row[0]), PgInt(row[1]), PgText(row[2]), PgText(row[3]), Timestamp{PgInt(row[4])}});
  }
  return report;
}

Status ValidateRead(const ReadUsageRecord& read) {
  if (read.product.empty()) return Status::InvalidArgument("read usage: product is empty");
  if (read.person.empty()) {
    return Status::InvalidArgument("read usage of " + read.product + ": person is empty");
  }
  if (read.snapshot < 1) {
    return Status::InvalidArgument("read usage of " + read.product + ": snapshot " +
                                   std::to_string(read.snapshot) + " is below 1");
  }
  if (read.bytes < 0) {
    return Status::InvalidArgument("read usage of " + read.product + ": negative bytes " +
                                   std::to_string(read.bytes));
  }
  return Status::OK();
}

std::optional<int64_t> Micros(const std::optional<Timestamp>& time) {
  return time ? std::optional<int64_t>(time->micros) : std::nullopt;
}

}  // namespace

void PostgresInsertNotifications(pqxx::transaction_base& transaction, std::string_view subject,
                                 int64_t subject_id, std::string_view product,
                                 const std::vector<NotificationDraft>& drafts, Timestamp at) {
  for (const NotificationDraft& draft : drafts) {
    int64_t id = PgInt(ExecPrepared(transaction, "sla_insert_notification",
                                    PostgresParams()
                                        .Add(draft.team)
                                        .Add(product)
                                        .Add(subject)
                                        .Add(subject_id)
                                        .Add(draft.event)
                                        .Add(draft.message)
                                        .Add(at.micros))
                           .at(0)[0]);
    if (!draft.webhook_url || draft.webhook_url->empty()) continue;
    ExecPrepared(transaction, "sla_insert_delivery",
                 PostgresParams().Add(id).Add(*draft.webhook_url));
  }
}

const std::map<std::string, std::string>& PostgresServiceLevelStatements() {
  static const auto* statements = new std::map<std::string, std::string>{
      {"sla_get_tick_state",
       "SELECT evaluated_through, ticked_at FROM sla_tick_state WHERE product = $1"},
      {"sla_upsert_tick_state",
       "INSERT INTO sla_tick_state (product, evaluated_through, ticked_at) VALUES ($1, $2, $3) "
       "ON CONFLICT (product) DO UPDATE SET evaluated_through = "
       "GREATEST(sla_tick_state.evaluated_through, excluded.evaluated_through), "
       "ticked_at = excluded.ticked_at"},
      {"sla_insert_period",
       "INSERT INTO sla_periods (product, deadline, period_start, period, availability, met, "
       "met_by, evaluated_at) VALUES ($1, $2, $3, $4, $5, $6::boolean, $7, $8) "
       "ON CONFLICT (product, deadline) DO NOTHING"},
      {"sla_insert_incident",
       "INSERT INTO incidents (product, kind, breach_key, breach_at, summary, status, opened_at) "
       "VALUES ($1, $2, $3, $4, $5, 'open', $6) ON CONFLICT (product, breach_key) DO NOTHING "
       "RETURNING id"},
      {"sla_insert_notification",
       "INSERT INTO notifications (team, product, subject, subject_id, event, message, "
       "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"},
      {"sla_insert_delivery",
       "INSERT INTO webhook_deliveries (notification_id, url, status) VALUES ($1, $2, 'pending')"},
      {"sla_list_periods",
       "SELECT product, deadline, period_start, period, availability, met, met_by, evaluated_at "
       "FROM sla_periods WHERE product = $1 AND deadline > $2 AND deadline <= $3 "
       "ORDER BY deadline"},
      {"sla_list_incidents",
       kIncidentColumns +
           "WHERE ($1::text IS NULL OR product = $1::text) AND ($2::text IS NULL OR status = "
           "$2::text) AND (cardinality($3::text[]) = 0 OR product = ANY ($3::text[])) "
           "ORDER BY id DESC"},
      {"sla_get_incident", kIncidentColumns + "WHERE id = $1"},
      {"sla_lock_incident", kIncidentColumns + "WHERE id = $1 FOR UPDATE"},
      {"sla_transition_incident",
       "UPDATE incidents SET status = $2, "
       "acknowledged_by = CASE WHEN $3::boolean THEN acknowledged_by ELSE $4 END, "
       "acknowledged_at = CASE WHEN $3::boolean THEN acknowledged_at ELSE $5 END, "
       "closed_by = CASE WHEN $3::boolean THEN $4 ELSE closed_by END, "
       "closed_at = CASE WHEN $3::boolean THEN $5 ELSE closed_at END, "
       "note = CASE WHEN $6::text <> '' THEN $6::text ELSE note END WHERE id = $1"},
      {"sla_list_notifications",
       kNotificationColumns + "WHERE n.team = ANY ($1::text[]) ORDER BY n.id DESC LIMIT $2"},
      {"sla_pending_deliveries", kNotificationColumns + "WHERE d.status = 'pending' ORDER BY d.id"},
      {"sla_record_attempt",
       "UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = $2, "
       "last_error = $3, status = CASE WHEN $4::boolean THEN 'delivered' ELSE status END, "
       "delivered_at = CASE WHEN $4::boolean THEN $2 ELSE delivered_at END "
       "WHERE id = $1 AND status = 'pending'"},
      {"sla_insert_report",
       "INSERT INTO consumer_reports (product, title, body, opened_by, opened_at, status) "
       "VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id"},
      {"sla_list_reports",
       kReportColumns + "WHERE $1::text = '' OR product = $1::text ORDER BY id DESC"},
      {"sla_get_report", kReportColumns + "WHERE id = $1"},
      {"sla_lock_report", kReportColumns + "WHERE id = $1 FOR UPDATE"},
      {"sla_report_comments",
       "SELECT id, report_id, person, body, created_at FROM report_comments WHERE report_id = $1 "
       "ORDER BY id"},
      {"sla_insert_comment",
       "INSERT INTO report_comments (report_id, person, body, created_at) VALUES ($1, $2, $3, $4) "
       "RETURNING id"},
      {"sla_resolve_report",
       "UPDATE consumer_reports SET status = 'resolved', resolved_by = $2, resolved_at = $3 "
       "WHERE id = $1"},
      {"usage_insert_read",
       "INSERT INTO read_usage (product, snapshot, person, team, bytes, at) VALUES ($1, $2, $3, "
       "$4, $5, $6) RETURNING id"},
      {"usage_list_reads",
       "SELECT id, product, snapshot, person, team, bytes, at FROM read_usage WHERE "
       "($1::bigint IS NULL OR at >= $1::bigint) AND ($2::bigint IS NULL OR at < $2::bigint) AND "
       "($3::text IS NULL OR product = $3::text) ORDER BY at, id"},
  };
  return *statements;
}

Result<std::optional<SlaTickState>> PostgresCatalog::GetSlaTickState(std::string_view product) {
  std::optional<SlaTickState> state;
  RETURN_NOT_OK(pool_->Read("read sla tick state", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows =
        ExecPrepared(transaction, "sla_get_tick_state", PostgresParams().Add(product));
    if (!rows.empty()) {
      state = SlaTickState{std::string(product), Timestamp{PgInt(rows[0][0])},
                           Timestamp{PgInt(rows[0][1])}};
    }
    return Status::OK();
  }));
  return state;
}

Result<SlaTickOutcome> PostgresCatalog::RecordSlaTick(const SlaTickRecord& record,
                                                      const AuditEntry& audit) {
  const std::string& product = record.state.product;
  SlaTickOutcome outcome;
  RETURN_NOT_OK(pool_->Write("record the sla tick of " + product, [&](pqxx::work& transaction) {
    outcome = SlaTickOutcome();
    ExecPrepared(transaction, "sla_upsert_tick_state",
                 PostgresParams()
                     .Add(product)
                     .Add(record.state.evaluated_through.micros)
                     .Add(record.state.ticked_at.micros));
    for (const PeriodEvaluation& period : record.periods) {
      outcome.periods_recorded += ExecPrepared(transaction, "sla_insert_period",
                                               PostgresParams()
                                                   .Add(product)
                                                   .Add(period.deadline.micros)
                                                   .Add(period.period_start.micros)
                                                   .Add(period.period)
                                                   .Add(period.availability)
                                                   .Add(period.met ? "true" : "false")
                                                   .Add(period.met_by)
                                                   .Add(period.evaluated_at.micros))
                                      .affected_rows();
    }
    for (const IncidentDraft& draft : record.incidents) {
      Incident incident = draft.incident;
      incident.product = product;
      pqxx::result inserted = ExecPrepared(transaction, "sla_insert_incident",
                                           PostgresParams()
                                               .Add(product)
                                               .Add(BreachKindName(incident.kind))
                                               .Add(incident.breach_key)
                                               .Add(incident.breach_at.micros)
                                               .Add(incident.summary)
                                               .Add(incident.opened_at.micros));
      if (inserted.empty()) continue;  // this breach has its incident already
      incident.id = PgInt(inserted[0][0]);
      incident.status = IncidentStatus::kOpen;
      PostgresInsertNotifications(transaction, "incident", incident.id, product,
                                  draft.notifications, incident.opened_at);
      AuditEntry opened = audit;
      opened.action = "incident.open";
      opened.target = "incident/" + std::to_string(incident.id);
      opened.outcome = "ok";
      opened.details =
          product + " " + std::string(BreachKindName(incident.kind)) + ": " + incident.summary;
      PostgresInsertAudit(transaction, opened);
      outcome.opened.push_back(std::move(incident));
    }
    PostgresInsertAudit(transaction, audit);
    return Status::OK();
  }));
  return outcome;
}

Result<std::vector<PeriodEvaluation>> PostgresCatalog::ListPeriodEvaluations(
    std::string_view product, Timestamp from, Timestamp to) {
  std::vector<PeriodEvaluation> out;
  RETURN_NOT_OK(pool_->Read("list sla periods", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<PeriodEvaluation>(
        ExecPrepared(transaction, "sla_list_periods",
                     PostgresParams().Add(product).Add(from.micros).Add(to.micros)),
        [](const pqxx::row& row) {
          return PeriodEvaluation{PgText(row[0]),           Timestamp{PgInt(row[1])},
                                  Timestamp{PgInt(row[2])}, PgText(row[3]),
                                  PgText(row[4]),           row[5].as<bool>(),
                                  PgText(row[6]),           Timestamp{PgInt(row[7])}};
        });
    return Status::OK();
  }));
  return out;
}

Result<std::vector<Incident>> PostgresCatalog::ListIncidents(const IncidentFilter& filter) {
  std::optional<std::string> status;
  if (filter.status) status = std::string(IncidentStatusName(*filter.status));
  std::vector<Incident> out;
  RETURN_NOT_OK(pool_->Read("list incidents", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<Incident>(
        ExecPrepared(
            transaction, "sla_list_incidents",
            PostgresParams().Add(filter.product).Add(status).AddTextArray(filter.products)),
        ReadIncident);
    return Status::OK();
  }));
  return out;
}

Result<Incident> PostgresCatalog::GetIncident(int64_t id) {
  std::optional<Incident> found;
  RETURN_NOT_OK(pool_->Read("read incident", [&](pqxx::transaction_base& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "sla_get_incident", PostgresParams().Add(id));
    if (!rows.empty()) found = ReadIncident(rows[0]);
    return Status::OK();
  }));
  if (!found) return IncidentNotFound(id);
  return *std::move(found);
}

Result<Incident> PostgresCatalog::TransitionIncident(const IncidentTransition& transition,
                                                     const AuditEntry& audit) {
  const int64_t id = transition.incident_id;
  Incident changed;
  RETURN_NOT_OK(pool_->Write("change incident " + std::to_string(id), [&](pqxx::work& transaction) {
    pqxx::result rows = ExecPrepared(transaction, "sla_lock_incident", PostgresParams().Add(id));
    if (rows.empty()) return IncidentNotFound(id);
    Incident incident = ReadIncident(rows[0]);
    RETURN_NOT_OK(CheckTransition(incident, transition.to));
    bool closing = transition.to == IncidentStatus::kClosed;
    ExecPrepared(transaction, "sla_transition_incident",
                 PostgresParams()
                     .Add(id)
                     .Add(IncidentStatusName(transition.to))
                     .Add(closing ? "true" : "false")
                     .Add(transition.person)
                     .Add(transition.at.micros)
                     .Add(transition.note));
    PostgresInsertNotifications(transaction, "incident", id, incident.product,
                                transition.notifications, transition.at);
    PostgresInsertAudit(transaction, WithTarget(audit, "incident/" + std::to_string(id)));
    changed =
        ReadIncident(ExecPrepared(transaction, "sla_get_incident", PostgresParams().Add(id)).at(0));
    return Status::OK();
  }));
  return changed;
}

Result<std::vector<Notification>> PostgresCatalog::ListNotifications(
    const NotificationFilter& filter) {
  std::vector<Notification> out;
  RETURN_NOT_OK(pool_->Read("list notifications", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<Notification>(
        ExecPrepared(transaction, "sla_list_notifications",
                     PostgresParams().AddTextArray(filter.teams).Add(std::max(filter.limit, 1))),
        ReadNotification);
    return Status::OK();
  }));
  return out;
}

Result<std::vector<WebhookDelivery>> PostgresCatalog::ListPendingDeliveries() {
  std::vector<WebhookDelivery> out;
  RETURN_NOT_OK(
      pool_->Read("list pending webhook deliveries", [&](pqxx::transaction_base& transaction) {
        out = ReadAll<WebhookDelivery>(
            ExecPrepared(transaction, "sla_pending_deliveries", PostgresParams()), ReadDelivery);
        return Status::OK();
      }));
  return out;
}

Status PostgresCatalog::RecordWebhookAttempt(const WebhookAttempt& attempt,
                                             const AuditEntry& audit) {
  const int64_t id = attempt.delivery_id;
  return pool_->Write(
      "record webhook delivery attempt " + std::to_string(id), [&](pqxx::work& transaction) {
        pqxx::result updated =
            ExecPrepared(transaction, "sla_record_attempt",
                         PostgresParams()
                             .Add(id)
                             .Add(attempt.at.micros)
                             .Add(attempt.delivered ? std::string() : attempt.error)
                             .Add(attempt.delivered ? "true" : "false"));
        if (updated.affected_rows() == 0) {
          return Status::NotFound("no pending webhook delivery " + std::to_string(id));
        }
        PostgresInsertAudit(transaction, WithTarget(audit, "webhook/" + std::to_string(id)));
        return Status::OK();
      });
}

Result<ConsumerReport> PostgresCatalog::OpenConsumerReport(
    const ConsumerReport& report, const std::vector<NotificationDraft>& notifications,
    const AuditEntry& audit) {
  ConsumerReport opened = report;
  opened.status = ReportStatus::kOpen;
  opened.comments.clear();
  RETURN_NOT_OK(pool_->Write("open a report on " + report.product, [&](pqxx::work& transaction) {
    opened.id = PgInt(ExecPrepared(transaction, "sla_insert_report",
                                   PostgresParams()
                                       .Add(report.product)
                                       .Add(report.title)
                                       .Add(report.body)
                                       .Add(report.opened_by)
                                       .Add(report.opened_at.micros))
                          .at(0)[0]);
    PostgresInsertNotifications(transaction, "report", opened.id, opened.product, notifications,
                                opened.opened_at);
    PostgresInsertAudit(transaction, WithTarget(audit, "report/" + std::to_string(opened.id)));
    return Status::OK();
  }));
  return opened;
}

Result<std::vector<ConsumerReport>> PostgresCatalog::ListConsumerReports(std::string_view product) {
  std::vector<ConsumerReport> out;
  RETURN_NOT_OK(pool_->Read("list consumer reports", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<ConsumerReport>(
        ExecPrepared(transaction, "sla_list_reports", PostgresParams().Add(product)), ReadReport);
    return Status::OK();
  }));
  return out;
}

Result<ConsumerReport> PostgresCatalog::GetConsumerReport(int64_t id) {
  std::optional<ConsumerReport> found;
  // A write transaction only for one consistent snapshot of the report and its comments.
  RETURN_NOT_OK(pool_->Write("read consumer report", [&](pqxx::work& transaction) {
    found = FindReport(transaction, id, false);
    return Status::OK();
  }));
  if (!found) return ReportNotFound(id);
  return *std::move(found);
}

Result<ReportComment> PostgresCatalog::AddReportComment(const ReportComment& comment,
                                                        const AuditEntry& audit) {
  const int64_t report_id = comment.report_id;
  ReportComment added = comment;
  RETURN_NOT_OK(
      pool_->Write("comment on report " + std::to_string(report_id), [&](pqxx::work& transaction) {
        if (ExecPrepared(transaction, "sla_get_report", PostgresParams().Add(report_id)).empty()) {
          return ReportNotFound(report_id);
        }
        added.id = PgInt(ExecPrepared(transaction, "sla_insert_comment",
                                      PostgresParams()
                                          .Add(report_id)
                                          .Add(comment.person)
                                          .Add(comment.body)
                                          .Add(comment.at.micros))
                             .at(0)[0]);
        PostgresInsertAudit(transaction, WithTarget(audit, "report/" + std::to_string(report_id)));
        return Status::OK();
      }));
  return added;
}

Result<ConsumerReport> PostgresCatalog::ResolveConsumerReport(
    int64_t id, std::string_view person, Timestamp at,
    const std::vector<NotificationDraft>& notifications, const AuditEntry& audit) {
  ConsumerReport resolved;
  RETURN_NOT_OK(pool_->Write("resolve report " + std::to_string(id), [&](pqxx::work& transaction) {
    std::optional<ConsumerReport> report = FindReport(transaction, id, true);
    if (!report) return ReportNotFound(id);
    if (report->status == ReportStatus::kResolved) {
      return Status::FailedPrecondition("report " + std::to_string(id) +
                                        " was already resolved by " + report->resolved_by);
    }
    ExecPrepared(transaction, "sla_resolve_report",
                 PostgresParams().Add(id).Add(person).Add(at.micros));
    PostgresInsertNotifications(transaction, "report", id, report->product, notifications, at);
    PostgresInsertAudit(transaction, WithTarget(audit, "report/" + std::to_string(id)));
    resolved = *FindReport(transaction, id, false);
    return Status::OK();
  }));
  return resolved;
}

Result<int64_t> PostgresCatalog::RecordRead(const ReadUsageRecord& read) {
  RETURN_NOT_OK(ValidateRead(read));
  int64_t id = 0;
  RETURN_NOT_OK(pool_->Write("record a read of " + read.product, [&](pqxx::work& transaction) {
    id = PgInt(ExecPrepared(transaction, "usage_insert_read",
                            PostgresParams()
                                .Add(read.product)
                                .Add(read.snapshot)
                                .Add(read.person)
                                .Add(read.team)
                                .Add(read.bytes)
                                .Add(read.at.micros))
                   .at(0)[0]);
    return Status::OK();
  }));
  return id;
}

Result<std::vector<ReadUsageRecord>> PostgresCatalog::ListReads(const ReadUsageQuery& query) {
  std::vector<ReadUsageRecord> out;
  RETURN_NOT_OK(pool_->Read("list read usage", [&](pqxx::transaction_base& transaction) {
    out = ReadAll<ReadUsageRecord>(
        ExecPrepared(
            transaction, "usage_list_reads",
            PostgresParams().Add(Micros(query.from)).Add(Micros(query.to)).Add(query.product)),
        ReadUsageRow);
    return Status::OK();
  }));
  return out;
}

}  // namespace mesh
