// Metrics: the server's Prometheus counters: requests by route pattern, method and status, a
// latency histogram, and requests in flight; rendered in the Prometheus text format (0.0.4).
// Unmatched paths count under the route "unmatched", so a prober cannot grow the label set.
// Safe for concurrent use.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace mesh::server {

class Metrics {
 public:
  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  // A started request that ended without an answer being logged (the client went away).
  void RequestAbandoned() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  void RequestFinished(std::string_view route, std::string_view method, int status, double seconds);
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBucketSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

  std::atomic<int64_t> in_flight_{0};
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> counts_;
  std::array<uint64_t, kBucketSeconds.size()> buckets_{};
  uint64_t observations_ = 0;
  double seconds_sum_ = 0;
};

}  // namespace mesh::server
