// FaultProxy: a small HTTP/1.1 proxy on 127.0.0.1 in front of a real server (moto), for tests
// that need real network faults. Each request it receives is numbered (1, 2, ...) and handled as
// the rule says: forwarded unchanged (the Host header too, so SigV4 signatures stay valid), or
// answered with a 500 InternalError, or held without an answer until the client gives up (a
// timeout), or cut (connection closed without an answer), or forwarded and then held or cut, so
// the server acted but the client never hears of it. One request per connection (it answers with
// Connection: close). Thread-safe; Stop (or destruction) ends every connection.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"

namespace mesh {

enum class ProxyAction { kForward, kFail500, kHang, kDrop, kForwardThenHang, kForwardThenDrop };

struct ProxiedRequest {
  int number = 0;      // 1-based, in arrival order
  std::string method;  // "PUT"
  std::string target;  // "/bucket/key?partNumber=2&uploadId=..."
};

class FaultProxy {
 public:
  using Rule = std::function<ProxyAction(const ProxiedRequest&)>;

  // Listens on a free port and forwards to 127.0.0.1:`upstream_port`.
  static Result<std::unique_ptr<FaultProxy>> Start(int upstream_port, Rule rule);
  ~FaultProxy();

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_.load(); }
  // Requests handled with something other than kForward.
  int faults() const { return faults_.load(); }
  void Stop();

 private:
  FaultProxy(int listener, int port, int upstream_port, Rule rule);
  void AcceptLoop();
  void Handle(int client);
  bool Forward(const std::string& request, int client, bool relay);
  void HoldUntilClosed(int client);

  int listener_;
  int port_;
  int upstream_port_;
  Rule rule_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::atomic<int> faults_{0};
  std::mutex mu_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

}  // namespace mesh
