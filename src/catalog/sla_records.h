// What the catalog keeps for service level monitoring (governance.md "Service level
// monitoring"; docs/sla.md): per-period availability decisions and per-product tick state,
// incidents opened by breaches, notifications to teams with their webhook deliveries, and
// consumer reports (the error reporting channel) with their comments. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"

namespace mesh {

enum class DeliveryStatus { kPending, kDelivered };
std::string_view DeliveryStatusName(DeliveryStatus status);  // "pending", "delivered"
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view name);

enum class BreachKind { kLate, kLag, kCompleteness };
std::string_view BreachKindName(BreachKind kind);  // "late", "lag", "completeness"
std::optional<BreachKind> ParseBreachKind(std::string_view name);

// The decision for one availability period, made once its deadline passed.
struct PeriodEvaluation {
  std::string product;
  Timestamp deadline;        // closes the period; unique per product
  Timestamp period_start;    // the previous deadline (exclusive)
  std::string period;        // "2026-11-20", or "2026-11-01T01:30:00-04:00" for hourly
  std::string availability;  // the SLA text in force ("08:00 daily")
  bool met = false;
  std::string met_by;  // the first version ref published in the period, when met
  Timestamp evaluated_at;
};

// How far `mesh sla tick` has evaluated a product.
struct SlaTickState {
  std::string product;
  Timestamp evaluated_through;  // every deadline at or before this is recorded
  Timestamp ticked_at;
};

enum class IncidentStatus { kOpen, kAcknowledged, kClosed };
std::string_view IncidentStatusName(IncidentStatus status);  // "open", "acknowledged", "closed"
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view name);

// One breach of one product: (product, breach_key) is unique, so evaluating the same breach
// again never opens a second incident.
struct Incident {
  int64_t id = 0;  // assigned when opened
  std::string product;
  BreachKind kind = BreachKind::kLate;
  std::string breach_key;  // "late:<deadline>", "lag:<snapshot>", "completeness:<quarantine id>"
  Timestamp breach_at;     // when the breach happened
  std::string summary;
  IncidentStatus status = IncidentStatus::kOpen;
  Timestamp opened_at;
  std::string acknowledged_by;
  std::optional<Timestamp> acknowledged_at;
  std::string closed_by;
  std::optional<Timestamp> closed_at;
  std::string note;  // the closing (or acknowledging) person's words
};

// A message to a team about an incident or a consumer report. `subject_id` is the incident's
// or report's id.
struct Notification {
  int64_t id = 0;
  std::string team;
  std::string product;
  std::string subject;  // "incident" or "report"
  int64_t subject_id = 0;
  std::string event;  // "incident_opened", "incident_closed", "report_opened", ...
  std::string message;
  Timestamp at;
  // The webhook delivery of this notification, when the team has a webhook.
  std::optional<DeliveryStatus> webhook;
  int webhook_attempts = 0;
  std::string webhook_error;  // the last failure
};

// A notification to create together with the change that causes it. `webhook_url` (the team's,
// from mesh.yaml) adds a pending webhook delivery.
struct NotificationDraft {
  std::string team;
  std::string event;
  std::string message;
  std::optional<std::string> webhook_url;
};

// One POST of one notification to one team's webhook. Stays pending, with its attempts and
// last error, until a POST succeeds: a notification is never lost.
struct WebhookDelivery {
  int64_t id = 0;
  Notification notification;
  std::string url;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  std::optional<Timestamp> last_attempt_at;
  std::string last_error;
  std::optional<Timestamp> delivered_at;
};

struct WebhookAttempt {
  int64_t delivery_id = 0;
  Timestamp at;
  bool delivered = false;
  std::string error;  // when not delivered
};

enum class ReportStatus { kOpen, kResolved };
std::string_view ReportStatusName(ReportStatus status);  // "open", "resolved"
std::optional<ReportStatus> ParseReportStatus(std::string_view name);

struct ReportComment {
  int64_t id = 0;
  int64_t report_id = 0;
  std::string person;
  std::string body;
  Timestamp at;
};

// A consumer's report of a problem with a product (the error reporting channel).
struct ConsumerReport {
  int64_t id = 0;
  std::string product;
  std::string title;
  std::string body;
  std::string opened_by;
  Timestamp opened_at;
  ReportStatus status = ReportStatus::kOpen;
  std::string resolved_by;
  std::optional<Timestamp> resolved_at;
  std::vector<ReportComment> comments;  // oldest first (filled by GetConsumerReport)
};

// An incident to open with the notifications it sends.
struct IncidentDraft {
  Incident incident;
  std::vector<NotificationDraft> notifications;
};

// Everything one tick records for one product, in one transaction. Periods already recorded
// and incidents whose (product, breach_key) exists are left as they are (and send nothing).
struct SlaTickRecord {
  SlaTickState state;  // names the product
  std::vector<PeriodEvaluation> periods;
  std::vector<IncidentDraft> incidents;
};

struct SlaTickOutcome {
  int64_t periods_recorded = 0;
  std::vector<Incident> opened;  // with their ids
};

// A change of an incident's status by a person (acknowledge or close).
struct IncidentTransition {
  int64_t incident_id = 0;
  IncidentStatus to = IncidentStatus::kAcknowledged;
  std::string person;
  Timestamp at;
  std::string note;
  std::vector<NotificationDraft> notifications;
};

struct IncidentFilter {
  std::optional<std::string> product;
  std::vector<std::string> products;  // when not empty: only these
  std::optional<IncidentStatus> status;
};

struct NotificationFilter {
  std::vector<std::string> teams;  // notifications to any of these teams
  int limit = 200;
};

}  // namespace mesh
