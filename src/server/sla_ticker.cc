#include "server/sla_ticker.h"

#include <utility>

namespace mesh::server {

SlaTicker::SlaTicker(const Workspace* workspace, Catalog* catalog, const Clock* clock,
                     std::unique_ptr<sla::WebhookSender> sender, SlaTickerOptions options)
    : workspace_(workspace),
      catalog_(catalog),
      clock_(clock),
      sender_(std::move(sender)),
      options_(std::move(options)) {
  thread_ = std::thread([this] { Loop(); });
}

SlaTicker::~SlaTicker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SlaTicker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

int64_t SlaTicker::completed_ticks() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return completed_;
}

void SlaTicker::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    woken_ = false;
    lock.unlock();
    TickOnce();
    lock.lock();
    ++completed_;
    wake_.wait_for(lock, options_.interval, [this] { return stopping_ || woken_; });
  }
}

void SlaTicker::TickOnce() {
  auto log = [this](const std::string& line) {
    if (options_.log) options_.log(line);
  };
  Result<WorkspaceContents> contents = workspace_->Load();
  if (!contents.ok() || !contents->org) {
    log("sla tick skipped: the served mesh.yaml cannot be read" +
        (contents.ok() ? std::string() : ": " + contents.status().message()) +
        " (run `mesh validate`)");
    return;
  }
  sla::TickRequest request;
  request.catalog = catalog_;
  request.org = &*contents->org;
  request.clock = clock_;
  request.sender = sender_.get();
  Result<sla::TickReport> report = sla::RunSlaTick(request);
  if (!report.ok()) {
    log("sla tick failed: " + report.status().message() + " (tried again at the next tick)");
    return;
  }
  if (std::string line = DescribeTick(*report); !line.empty()) log(line);
}

std::string DescribeTick(const sla::TickReport& report) {
  int64_t periods = 0;
  int64_t missed = 0;
  size_t opened = 0;
  for (const sla::ProductTick& tick : report.products) {
    periods += tick.periods_recorded;
    missed += tick.periods_missed;
    opened += tick.opened.size();
  }
  const sla::DeliveryRun& deliveries = report.deliveries;
  if (periods == 0 && opened == 0 && deliveries.attempted == 0) return "";
  std::string line = "sla tick at " + FormatTimestamp(report.now) + ": " + std::to_string(periods) +
                     " periods recorded (" + std::to_string(missed) + " missed), " +
                     std::to_string(opened) + " incidents opened, " +
                     std::to_string(deliveries.delivered) + " of " +
                     std::to_string(deliveries.attempted) + " webhooks delivered";
  for (const std::string& failure : deliveries.failures) {
    line += "; " + failure + " (kept; retried at the next tick)";
  }
  return line;
}

}  // namespace mesh::server
