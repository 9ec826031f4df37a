// RouteTable: every request the server answers, as method + path pattern → the permission it
// needs, which path parameter names the product the permission is checked on, how large a body
// it accepts, and its handler. The server consults the table before any handler runs (deny by
// default): a path no entry matches is 404, a path matched only under other methods is 405, and
// neither reaches a handler. Patterns are literal segments and "{param}" segments; literals match
// case-sensitively. Immutable after construction: safe for concurrent Match calls.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "access/permission.h"
#include "base/result.h"
#include "server/api_error.h"

namespace mesh::server {

class RequestContext;  // request_context.h
using RouteHandler = std::function<void(RequestContext&)>;

struct Route {
  std::string method;   // "GET", "POST", "DELETE"
  std::string pattern;  // "/api/v1/products/{name}/data"
  // nullopt: answered without a token (health probes, the OpenAPI document).
  std::optional<access::Permission> permission;
  // The path parameter naming the product the permission is checked on; empty: mesh-wide.
  std::string product_param;
  // When the product is not in the path but in a record the path names (an access request's or
  // a grant's product): finds it before the handler runs (NotFound: 404). Unset: product_param.
  std::function<Result<std::string>(const RequestContext&)> resolve_product;
  // The audit action a denial of this route is recorded as, with the product as its target (the
  // action the library records for the same refusal, e.g. "access.approve"); empty: the route
  // ("POST /api/v1/...") with the request path as target.
  std::string denial_action;
  // Largest body accepted; 0: the route takes no body (a request with one is refused).
  size_t max_body_bytes = 0;
  RouteHandler handler;
  std::string summary;  // one line, for logs and docs
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
};

class RouteTable {
 public:
  // InvalidArgument-like failures are programming errors here: Add aborts on a malformed or
  // duplicate pattern (checked by tests at start-up of every server).
  void Add(Route route);

  // The route for `method` and the canonical path segments, or 404/405.
  std::variant<RouteMatch, ApiError> Match(std::string_view method,
                                           const std::vector<std::string>& segments) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" kept as is
  };
  static bool SegmentsMatch(const Compiled& compiled, const std::vector<std::string>& segments,
                            std::map<std::string, std::string, std::less<>>* params);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace mesh::server
