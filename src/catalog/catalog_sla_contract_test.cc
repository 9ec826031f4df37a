// The Catalog contract for service level storage (sla_records.h): runs against every backend
// that instantiates CatalogContractTest.
#include <gtest/gtest.h>

#include "catalog/catalog_contract_test.h"

namespace mesh {
namespace {

Timestamp T(const char* text) { return *ParseTimestamp(text); }

AuditEntry SystemAudit(const char* action, Timestamp at, std::string target = "") {
  AuditEntry audit;
  audit.at = at;
  audit.actor = "system";
  audit.action = action;
  audit.target = std::move(target);
  audit.outcome = "ok";
  return audit;
}

PeriodEvaluation Period(const char* deadline, const char* start, bool met) {
  PeriodEvaluation period;
  period.product = "orders";
  period.deadline = T(deadline);
  period.period_start = T(start);
  period.period = std::string(deadline).substr(0, 10);
  period.availability = "08:00 daily";
  period.met = met;
  period.met_by = met ? "orders@1.0.0#1" : "";
  period.evaluated_at = T("2026-11-22T09:00:00Z");
  return period;
}

IncidentDraft LateIncident(const char* deadline) {
  IncidentDraft draft;
  draft.incident.kind = BreachKind::kLate;
  draft.incident.breach_key = std::string("late:") + deadline;
  draft.incident.breach_at = T(deadline);
  draft.incident.summary = "no version published for the period ending " + std::string(deadline);
  draft.incident.opened_at = T("2026-11-22T09:00:00Z");
  draft.notifications = {{"team-sales", "incident_opened", "orders missed its deadline", {}},
                         {"analytics", "incident_opened", "orders missed its deadline",
                          std::string("http://127.0.0.1:9/hook")}};
  return draft;
}

SlaTickRecord Tick() {
  SlaTickRecord record;
  record.state = {"orders", T("2026-11-22T09:00:00Z"), T("2026-11-22T09:00:00Z")};
  record.periods = {Period("2026-11-21T08:00:00Z", "2026-11-20T08:00:00Z", true),
                    Period("2026-11-22T08:00:00Z", "2026-11-21T08:00:00Z", false)};
  record.incidents = {LateIncident("2026-11-22T08:00:00Z")};
  return record;
}

TEST_P(CatalogContractTest, SlaTickRecordsPeriodsAndOpensEachBreachOnce) {
  auto first =
      catalog_->RecordSlaTick(Tick(), SystemAudit("sla.tick", T("2026-11-22T09:00:00Z"), "orders"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->periods_recorded, 2);
  ASSERT_EQ(first->opened.size(), 1u);
  EXPECT_GT(first->opened[0].id, 0);
  EXPECT_EQ(first->opened[0].product, "orders");

  auto other = OpenAnother();
  auto again =
      other->RecordSlaTick(Tick(), SystemAudit("sla.tick", T("2026-11-22T09:05:00Z"), "orders"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->periods_recorded, 0);
  EXPECT_TRUE(again->opened.empty());

  auto incidents = catalog_->ListIncidents({});
  ASSERT_TRUE(incidents.ok());
  ASSERT_EQ(incidents->size(), 1u);
  EXPECT_EQ((*incidents)[0].status, IncidentStatus::kOpen);
  EXPECT_EQ((*incidents)[0].kind, BreachKind::kLate);
  EXPECT_EQ((*incidents)[0].breach_at, T("2026-11-22T08:00:00Z"));

  auto notifications = catalog_->ListNotifications({{"team-sales", "analytics"}, 100});
  ASSERT_TRUE(notifications.ok());
  EXPECT_EQ(notifications->size(), 2u);

  auto periods = catalog_->ListPeriodEvaluations("orders", T("2026-11-21T08:00:00Z"),
                                                 T("2026-11-30T00:00:00Z"));
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);  // the window is open at its start
  EXPECT_FALSE((*periods)[0].met);
  EXPECT_EQ((*periods)[0].period, "2026-11-22");

  auto audit = catalog_->ListAudit({});
  ASSERT_TRUE(audit.ok());
  int opens = 0, ticks = 0;
  for (const AuditEntry& entry : *audit) {
    opens += entry.action == "incident.open";
    ticks += entry.action == "sla.tick";
  }
  EXPECT_EQ(opens, 1);
  EXPECT_EQ(ticks, 2);
}

TEST_P(CatalogContractTest, SlaTickStateOnlyMovesForward) {
  auto before = catalog_->GetSlaTickState("orders");
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value());
  SlaTickRecord record;
  record.state = {"orders", T("2026-11-22T09:00:00Z"), T("2026-11-22T09:00:00Z")};
  ASSERT_TRUE(
      catalog_->RecordSlaTick(record, SystemAudit("sla.tick", record.state.ticked_at)).ok());
  record.state = {"orders", T("2026-11-21T09:00:00Z"), T("2026-11-22T10:00:00Z")};
  ASSERT_TRUE(
      catalog_->RecordSlaTick(record, SystemAudit("sla.tick", record.state.ticked_at)).ok());
  auto after = catalog_->GetSlaTickState("orders");
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE(after->has_value());
  EXPECT_EQ((*after)->evaluated_through, T("2026-11-22T09:00:00Z"));
  EXPECT_EQ((*after)->ticked_at, T("2026-11-22T10:00:00Z"));
}

TEST_P(CatalogContractTest, IncidentsGoOpenAcknowledgedClosedAndStayClosed) {
  auto tick = catalog_->RecordSlaTick(Tick(), SystemAudit("sla.tick", T("2026-11-22T09:00:00Z")));
  ASSERT_TRUE(tick.ok());
  int64_t id = tick->opened.at(0).id;
  IncidentTransition ack{
      id, IncidentStatus::kAcknowledged, "alice", T("2026-11-22T10:00:00Z"), "looking into it", {}};
  AuditEntry audit = SystemAudit("incident.ack", ack.at);
  audit.actor = "alice";
  auto acked = catalog_->TransitionIncident(ack, audit);
  ASSERT_TRUE(acked.ok()) << acked.status();
  EXPECT_EQ(acked->status, IncidentStatus::kAcknowledged);
  EXPECT_EQ(acked->acknowledged_by, "alice");
  EXPECT_EQ(acked->acknowledged_at, ack.at);

  auto twice = catalog_->TransitionIncident(ack, audit);
  EXPECT_EQ(twice.status().code(), StatusCode::kFailedPrecondition);

  IncidentTransition close{id,
                           IncidentStatus::kClosed,
                           "bob",
                           T("2026-11-22T11:00:00Z"),
                           "upstream fixed",
                           {{"analytics", "incident_closed", "closed", {}}}};
  auto closed = catalog_->TransitionIncident(close, audit);
  ASSERT_TRUE(closed.ok()) << closed.status();
  EXPECT_EQ(closed->status, IncidentStatus::kClosed);
  EXPECT_EQ(closed->closed_by, "bob");
  EXPECT_EQ(closed->acknowledged_by, "alice");
  EXPECT_EQ(closed->note, "upstream fixed");
  EXPECT_EQ(catalog_->TransitionIncident(close, audit).status().code(),
            StatusCode::kFailedPrecondition);
  close.incident_id = id + 100;
  EXPECT_EQ(catalog_->TransitionIncident(close, audit).status().code(), StatusCode::kNotFound);

  auto open_only = catalog_->ListIncidents({std::nullopt, {}, IncidentStatus::kOpen});
  ASSERT_TRUE(open_only.ok());
  EXPECT_TRUE(open_only->empty());
  auto by_product = catalog_->ListIncidents({std::nullopt, {"orders"}, std::nullopt});
  ASSERT_TRUE(by_product.ok());
  EXPECT_EQ(by_product->size(), 1u);
  auto other_product = catalog_->ListIncidents({std::string("payments"), {}, std::nullopt});
  ASSERT_TRUE(other_product.ok());
  EXPECT_TRUE(other_product->empty());
  auto notifications = catalog_->ListNotifications({{"analytics"}, 100});
  ASSERT_TRUE(notifications.ok());
  ASSERT_EQ(notifications->size(), 2u);
  EXPECT_EQ((*notifications)[0].event, "incident_closed");  // newest first
  EXPECT_EQ((*notifications)[0].subject_id, id);
}

TEST_P(CatalogContractTest, WebhookDeliveriesStayPendingUntilOneAttemptSucceeds) {
  ASSERT_TRUE(
      catalog_->RecordSlaTick(Tick(), SystemAudit("sla.tick", T("2026-11-22T09:00:00Z"))).ok());
  auto pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  const WebhookDelivery delivery = (*pending)[0];
  EXPECT_EQ(delivery.url, "http://127.0.0.1:9/hook");
  EXPECT_EQ(delivery.notification.team, "analytics");
  EXPECT_EQ(delivery.attempts, 0);

  WebhookAttempt failed{delivery.id, T("2026-11-22T09:00:01Z"), false, "connection refused"};
  ASSERT_TRUE(
      catalog_->RecordWebhookAttempt(failed, SystemAudit("webhook.deliver", failed.at)).ok());
  pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].attempts, 1);
  EXPECT_EQ((*pending)[0].last_error, "connection refused");
  EXPECT_EQ((*pending)[0].last_attempt_at, failed.at);

  WebhookAttempt ok{delivery.id, T("2026-11-22T10:00:00Z"), true, ""};
  ASSERT_TRUE(catalog_->RecordWebhookAttempt(ok, SystemAudit("webhook.deliver", ok.at)).ok());
  pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
  EXPECT_EQ(catalog_->RecordWebhookAttempt(ok, SystemAudit("webhook.deliver", ok.at)).code(),
            StatusCode::kNotFound);

  auto notifications = catalog_->ListNotifications({{"analytics"}, 100});
  ASSERT_TRUE(notifications.ok());
  ASSERT_EQ(notifications->size(), 1u);
  EXPECT_EQ((*notifications)[0].webhook, DeliveryStatus::kDelivered);
  EXPECT_EQ((*notifications)[0].webhook_attempts, 2);
  auto sales = catalog_->ListNotifications({{"team-sales"}, 100});
  ASSERT_TRUE(sales.ok());
  ASSERT_EQ(sales->size(), 1u);
  EXPECT_FALSE((*sales)[0].webhook.has_value());
}

// A new major tells the product's consumers in the same transaction as the version.
TEST_P(CatalogContractTest, VersionCommitSendsItsNotificationsWithIt) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("orders", "1.0.0", 0)).ok());
  CommitVersionRequest major = MakeCommitRequest("orders", "2.0.0", 1);
  major.notifications = {{"analytics", "major_released", "orders 2.0.0 is a new major version",
                          std::string("http://127.0.0.1:9/hook")},
                         {"finance", "major_released", "orders 2.0.0 is a new major version", {}}};
  ASSERT_TRUE(catalog_->CommitVersion(major).ok());

  auto told = catalog_->ListNotifications({{"analytics", "finance"}, 100});
  ASSERT_TRUE(told.ok()) << told.status();
  ASSERT_EQ(told->size(), 2u);
  for (const Notification& notification : *told) {
    EXPECT_EQ(notification.product, "orders");
    EXPECT_EQ(notification.subject, "version");
    EXPECT_EQ(notification.subject_id, 2) << "the new snapshot";
    EXPECT_EQ(notification.event, "major_released");
  }
  auto pending = catalog_->ListPendingDeliveries();
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].notification.team, "analytics");

  // A commit that loses its race tells nobody.
  CommitVersionRequest stale = MakeCommitRequest("orders", "3.0.0", 1);
  stale.notifications = {{"analytics", "major_released", "orders 3.0.0", {}}};
  EXPECT_EQ(catalog_->CommitVersion(stale).status().code(), StatusCode::kConflict);
  EXPECT_EQ(catalog_->ListNotifications({{"analytics"}, 100})->size(), 1u);
}

TEST_P(CatalogContractTest, ConsumerReportsAreOpenedCommentedAndResolvedOnce) {
  ConsumerReport report;
  report.product = "orders";
  report.title = "amounts doubled since Monday";
  report.body = "every amount is twice the ERP's";
  report.opened_by = "carol";
  report.opened_at = T("2026-11-23T09:00:00Z");
  AuditEntry audit = SystemAudit("report.open", report.opened_at);
  audit.actor = "carol";
  auto opened = catalog_->OpenConsumerReport(
      report, {{"team-sales", "report_opened", "carol reported a problem", {}}}, audit);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_GT(opened->id, 0);
  EXPECT_EQ(opened->status, ReportStatus::kOpen);

  ReportComment comment{0, opened->id, "alice", "confirmed, fixing the unit",
                        T("2026-11-23T10:00:00Z")};
  auto added = catalog_->AddReportComment(comment, audit);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_GT(added->id, 0);
  comment.report_id = opened->id + 50;
  EXPECT_EQ(catalog_->AddReportComment(comment, audit).status().code(), StatusCode::kNotFound);

  auto resolved =
      catalog_->ResolveConsumerReport(opened->id, "alice", T("2026-11-24T09:00:00Z"), {}, audit);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->status, ReportStatus::kResolved);
  EXPECT_EQ(resolved->resolved_by, "alice");
  ASSERT_EQ(resolved->comments.size(), 1u);
  EXPECT_EQ(resolved->comments[0].body, "confirmed, fixing the unit");
  EXPECT_EQ(catalog_->ResolveConsumerReport(opened->id, "bob", T("2026-11-24T10:00:00Z"), {}, audit)
                .status()
                .code(),
            StatusCode::kFailedPrecondition);

  auto listed = OpenAnother()->ListConsumerReports("orders");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].title, "amounts doubled since Monday");
  auto none = catalog_->ListConsumerReports("payments");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(catalog_->GetConsumerReport(999).status().code(), StatusCode::kNotFound);

  auto trail = catalog_->ListAudit({0, std::string("carol"), std::string("report/"), 100});
  ASSERT_TRUE(trail.ok());
  // open, comment, resolve; the refused comment and resolve wrote nothing.
  ASSERT_EQ(trail->size(), 3u);
  for (const AuditEntry& entry : *trail) {
    EXPECT_EQ(entry.target, "report/" + std::to_string(opened->id));
  }
}

}  // namespace
}  // namespace mesh
