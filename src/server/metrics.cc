#include "server/metrics.h"

#include <sstream>

namespace mesh::server {

void Metrics::RequestFinished(std::string_view route, std::string_view method, int status,
                              double seconds) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_[{std::string(route), std::string(method), status}];
  for (size_t i = 0; i < kBucketSeconds.size(); ++i) {
    if (seconds <= kBucketSeconds[i]) ++buckets_[i];
  }
  ++observations_;
  seconds_sum_ += seconds;
}

std::string Metrics::Render() const {
  std::ostringstream out;
  out << "# HELP mesh_http_requests_total HTTP requests answered, by route, method and status.\n"
      << "# TYPE mesh_http_requests_total counter\n";
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [key, count] : counts_) {
    const auto& [route, method, status] = key;
    out << "mesh_http_requests_total{route=\"" << route << "\",method=\"" << method
        << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP mesh_http_request_duration_seconds Time from routing to the last byte sent.\n"
      << "# TYPE mesh_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < kBucketSeconds.size(); ++i) {
    out << "mesh_http_request_duration_seconds_bucket{le=\"" << kBucketSeconds[i] << "\"} "
        << buckets_[i] << "\n";
  }
  out << "mesh_http_request_duration_seconds_bucket{le=\"+Inf\"} " << observations_ << "\n"
      << "mesh_http_request_duration_seconds_sum " << seconds_sum_ << "\n"
      << "mesh_http_request_duration_seconds_count " << observations_ << "\n"
      << "# HELP mesh_http_requests_in_flight Requests being answered now.\n"
      << "# TYPE mesh_http_requests_in_flight gauge\n"
      << "mesh_http_requests_in_flight " << in_flight_.load(std::memory_order_relaxed) << "\n";
  return out.str();
}

}  // namespace mesh::server
