// Test support: a webhook receiver for the tests of SLA ticks and notifications.
#pragma once

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mesh::sla {

// A real HTTP server on 127.0.0.1 that records the bodies POSTed to /hook and /hook/ANYTHING,
// answering 500 while `failing` is set. Thread-safe.
class HookServer {
 public:
  HookServer() {
    server_.Post("/hook(/.*)?",
                 [this](const httplib::Request& request, httplib::Response& response) {
                   if (failing.load()) {
                     response.status = 500;
                     return;
                   }
                   std::lock_guard<std::mutex> lock(mu_);
                   bodies_.push_back(request.body);
                   response.status = 204;
                 });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // bind_to_any_port already listens: connections queue until the accept loop runs.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~HookServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& suffix = "") const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/hook" + suffix;
  }
  std::vector<std::string> Bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }

  std::atomic<bool> failing{false};

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> bodies_;
};

}  // namespace mesh::sla
