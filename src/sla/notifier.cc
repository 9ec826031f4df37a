#include "sla/notifier.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace mesh::sla {

std::vector<std::string> TeamsToNotify(const std::string& owner,
                                       const std::vector<std::string>& consumers) {
  std::vector<std::string> teams = consumers;
  std::sort(teams.begin(), teams.end());
  teams.erase(std::unique(teams.begin(), teams.end()), teams.end());
  teams.erase(std::remove(teams.begin(), teams.end(), owner), teams.end());
  teams.insert(teams.begin(), owner);
  return teams;
}

std::vector<NotificationDraft> DraftsFor(const std::vector<std::string>& teams,
                                         const Organisation* org, const std::string& event,
                                         const std::string& message) {
  std::vector<NotificationDraft> drafts;
  for (const std::string& team : teams) {
    NotificationDraft draft{team, event, message, std::nullopt};
    if (const Team* found = org ? org->FindTeam(team) : nullptr)
      draft.webhook_url = found->webhook_url;
    drafts.push_back(std::move(draft));
  }
  return drafts;
}

std::string WebhookPayload(const Notification& notification) {
  nlohmann::ordered_json json;
  json["notification_id"] = notification.id;
  json["event"] = notification.event;
  json["team"] = notification.team;
  json["product"] = notification.product;
  json["subject"] = notification.subject;
  json["subject_id"] = notification.subject_id;
  json["message"] = notification.message;
  json["at"] = FormatTimestamp(notification.at);
  return json.dump();
}

Result<DeliveryRun> DeliverPendingWebhooks(Catalog& catalog, WebhookSender& sender,
                                           const Clock& clock) {
  ASSIGN_OR_RAISE(std::vector<WebhookDelivery> pending, catalog.ListPendingDeliveries());
  DeliveryRun run;
  for (const WebhookDelivery& delivery : pending) {
    Status posted = sender.Post(delivery.url, WebhookPayload(delivery.notification));
    WebhookAttempt attempt{delivery.id, clock.Now(), posted.ok(),
                           posted.ok() ? "" : posted.message()};
    AuditEntry audit;
    audit.at = attempt.at;
    audit.actor = "system";
    audit.action = "webhook.deliver";
    audit.outcome = posted.ok() ? "ok" : "failed";
    audit.details = delivery.notification.team + " " + delivery.url +
                    (posted.ok() ? "" : ": " + posted.message());
    RETURN_NOT_OK(catalog.RecordWebhookAttempt(attempt, audit));
    ++run.attempted;
    if (posted.ok()) {
      ++run.delivered;
    } else {
      run.failures.push_back("webhook " + std::to_string(delivery.id) + " to " +
                             delivery.notification.team + ": " + posted.message());
    }
  }
  return run;
}

}  // namespace mesh::sla
