// RunSlaTick: evaluates every deadline that passed since the previous tick, for every
// published product with an SLA (or one), and acts on what it finds (docs/sla.md "Ticks"):
// records each period's decision, opens one incident per new breach (late, lag, completeness)
// and notifies the owner and consumer teams, all in one catalog transaction per product; then
// POSTs every pending webhook. Idempotent: a tick at the same time changes nothing, a later tick
// only evaluates what is new, and an incident exists once per (product, breach) however many
// ticks see it. Thread-compatible (the catalog serialises concurrent ticks).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "catalog/catalog.h"
#include "model/organisation.h"
#include "sla/notifier.h"
#include "sla/sla_history.h"

namespace mesh::sla {

// What the SLA verbs need to know about one product.
struct SlaSubject {
  ProductRecord product;
  SlaHistory history;
  std::vector<QuarantineEntry> quarantine;
  std::vector<std::string> consumers;
};
Result<SlaSubject> LoadSlaSubject(Catalog& catalog, const ProductRecord& product);

struct ProductTick {
  std::string product;
  int64_t periods_recorded = 0;
  int64_t periods_missed = 0;
  std::vector<Incident> opened;
};

struct TickReport {
  Timestamp now;
  std::vector<ProductTick> products;  // those with something new
  DeliveryRun deliveries;
};

struct TickRequest {
  Catalog* catalog = nullptr;
  const Organisation* org = nullptr;  // webhook URLs; may be null
  const Clock* clock = nullptr;
  WebhookSender* sender = nullptr;     // null: deliveries stay pending
  std::optional<std::string> product;  // only this one
};

// NotFound (from the catalog, naming it) when `product` is set and unknown.
Result<TickReport> RunSlaTick(const TickRequest& request);

}  // namespace mesh::sla
