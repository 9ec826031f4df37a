// ApiServer: `mesh serve`: the REST API over HTTP/1.1 (cpp-httplib) on a thread pool.
// Every request passes one gate before any handler runs, in this order: framing checks (one
// Content-Length, never both Content-Length and Transfer-Encoding), the canonical request target
// (request_target.h), the route table (404/405, deny by default), body limits (413), the bearer
// token (TokenService::Authenticate, else 401) and the route's permission (AccessDecider::Check on
// the product the route names, else 403, audited). Each answered request writes one JSON access
// log line and counts in /metrics. Stop() stops accepting and lets in-flight requests finish.
// Run() blocks on one thread; Stop() may be called from any thread (also a signal watcher).
#pragma once

#include <memory>

#include "base/result.h"
#include "server/metrics.h"
#include "server/route_table.h"
#include "server/server_options.h"

namespace httplib {
class Server;
}

namespace mesh::server {

class ApiServer {
 public:
  static Result<std::unique_ptr<ApiServer>> Make(const ServerServices& services,
                                                 const ServerOptions& options);
  ~ApiServer();

  // Binds the listening socket; returns the port (the ephemeral one when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(); returns once in-flight requests have finished.
  Status Run();
  void Stop();

  const RouteTable& routes() const { return routes_; }
  const Metrics& metrics() const { return metrics_; }

 private:
  ApiServer(const ServerServices& services, const ServerOptions& options);
  void Configure();

  ServerServices services_;
  ServerOptions options_;
  RouteTable routes_;
  Metrics metrics_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace mesh::server
