// SlaTicker: the server's own `mesh sla tick` (docs/sla.md "Ticks and incidents"). On a thread of
// its own it runs sla::RunSlaTick over the served catalog at start and then every `interval`,
// reading the served mesh.yaml anew each time (webhook URLs may change), so deadlines that
// passed open their incidents and pending webhooks go out without anyone running the verb.
// Wake() asks for a tick now: the API's incident and report actions call it so that the
// webhooks they queued leave at once rather than at the next interval.
// Ticks are idempotent and the catalog serialises concurrent ones, so every server on a shared
// catalog may run one; a webhook is then delivered at least once (two servers ticking at the
// same instant may both send it). Thread-safe; the destructor stops the thread and waits for a
// tick in progress to end.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/clock.h"
#include "catalog/catalog.h"
#include "model/workspace.h"
#include "sla/sla_tick.h"
#include "sla/webhook_sender.h"

namespace mesh::server {

struct SlaTickerOptions {
  std::chrono::milliseconds interval{std::chrono::seconds(60)};
  // One line per tick that changed something or failed; empty: silent.
  std::function<void(const std::string&)> log;
};

class SlaTicker {
 public:
  SlaTicker(const Workspace* workspace, Catalog* catalog, const Clock* clock,
            std::unique_ptr<sla::WebhookSender> sender, SlaTickerOptions options);
  ~SlaTicker();
  SlaTicker(const SlaTicker&) = delete;
  SlaTicker& operator=(const SlaTicker&) = delete;

  // A tick as soon as the one in progress (if any) has ended.
  void Wake();
  // Ticks run to their end so far, with or without an error.
  int64_t completed_ticks() const;

 private:
  void Loop();
  void TickOnce();

  const Workspace* workspace_;
  Catalog* catalog_;
  const Clock* clock_;
  std::unique_ptr<sla::WebhookSender> sender_;
  SlaTickerOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  int64_t completed_ = 0;
  std::thread thread_;
};

// What a tick did, in one line ("" when it changed nothing and delivered nothing).
std::string DescribeTick(const sla::TickReport& report);

}  // namespace mesh::server
