// JSON shapes of service levels, incidents, notifications and consumer reports: what the CLI
// verbs print with --json (docs/cli.md) and the REST API answers (docs/api.md). Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "sla/evaluator.h"
#include "sla/sla_tick.h"

namespace mesh::sla {

using Json = nlohmann::ordered_json;

Json OptionalTimeJson(const std::optional<Timestamp>& at);
// {"period", "deadline", "period_start", "availability", "met", "met_by"}
Json PeriodJson(const PeriodEvaluation& period);
// {"kind", "at", "key", "subject", "summary"}
Json BreachJson(const Breach& breach);
// {"id", "product", "kind", "status", "breach_at", "breach_key", "summary", "opened_at",
//  "acknowledged_by", "acknowledged_at", "closed_by", "closed_at", "note"}
Json IncidentJson(const Incident& incident);
// {"id", "team", "product", "subject", "subject_id", "event", "message", "at",
//  "webhook": null | {"status", "attempts", "last_error"}}
Json NotificationJson(const Notification& notification);
// {"id", "product", "title", "body", "status", "opened_by", "opened_at", "resolved_by",
//  "resolved_at", "comments": [{"id", "person", "body", "at"}]}
Json ReportJson(const ConsumerReport& report);
// {"availability", "timezone", "max_lag_hours", "min_completeness"} (null members when unset)
Json SlaJson(const Sla& sla);
// {"now", "products": [{"product", "periods_recorded", "periods_missed", "incidents_opened"}],
//  "webhooks": {"attempted", "delivered", "failed": ["..."]}}
Json TickJson(const TickReport& report);

}  // namespace mesh::sla
