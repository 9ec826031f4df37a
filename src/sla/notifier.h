// Notifier: who hears about an incident or a consumer report, and the delivery of webhooks.
// The owner team and the consumer teams of a product are told (governance.md "Service level
// monitoring"); each team's notification carries its webhook URL from mesh.yaml, so the catalog
// keeps a pending delivery for it. DeliverPendingWebhooks POSTs every pending delivery (new
// ones and earlier failures) and records each attempt with an audit entry; a failure stays
// pending for the next run. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"
#include "catalog/catalog.h"
#include "model/organisation.h"
#include "sla/webhook_sender.h"

namespace mesh::sla {

// The owner team first, then the consumer teams (sorted, without repeats).
std::vector<std::string> TeamsToNotify(const std::string& owner,
                                       const std::vector<std::string>& consumers);

// One draft per team, with the team's webhook URL when mesh.yaml sets one.
std::vector<NotificationDraft> DraftsFor(const std::vector<std::string>& teams,
                                         const Organisation* org, const std::string& event,
                                         const std::string& message);

// The JSON body POSTed for a notification: {"notification_id", "event", "team", "product",
// "subject", "subject_id", "message", "at"}.
std::string WebhookPayload(const Notification& notification);

struct DeliveryRun {
  int attempted = 0;
  int delivered = 0;
  std::vector<std::string> failures;  // "webhook 3 to analytics: POST ... failed: ..."
};

Result<DeliveryRun> DeliverPendingWebhooks(Catalog& catalog, WebhookSender& sender,
                                           const Clock& clock);

}  // namespace mesh::sla
