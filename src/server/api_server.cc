#include "server/api_server.h"

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <variant>

#include "base/time.h"
#include "server/api_routes.h"
#include "server/product_resource.h"
#include "server/request_context.h"
#include "server/request_target.h"
#include "server/static_routes.h"

namespace mesh::server {

void AddAllApiRoutes(RouteTable* routes, const Metrics* metrics) {
  AddOperationalRoutes(routes, metrics);
  AddCatalogRoutes(routes);
  AddDataRoutes(routes);
  AddPublishRoutes(routes);
  AddAdminRoutes(routes);
  AddContractRoutes(routes);
  AddGovernanceRoutes(routes);
  AddAccessRoutes(routes);
  AddDiffRoutes(routes);
  // Service levels, incidents, reports (sla_routes.cc); usage, maturity, health (usage_routes.cc).
  AddSlaRoutes(routes);
  AddUsageRoutes(routes);
}

namespace {

// What the access log and the metrics need of the request a worker thread is answering. The
// gate, the handler and httplib's logger run on the same worker thread for one request.
struct RequestState {
  bool active = false;
  std::chrono::steady_clock::time_point start;
  std::string route = "unmatched";
  std::string person;
  uint64_t streamed_bytes = 0;
};
thread_local RequestState t_request;

void Answer(httplib::Response& res, const ApiError& error, bool close_connection) {
  res.status = error.http_status;
  res.set_content(error.ToJson() + "\n", "application/json");
  if (close_connection) res.set_header("Connection", "close");
}

// Request smuggling basics: one framing, and only one.
std::optional<ApiError> CheckFraming(const httplib::Request& req) {
  const size_t lengths = req.get_header_value_count("Content-Length");
  const bool chunked = req.has_header("Transfer-Encoding");
  if (lengths > 1) return ApiError::BadRequest("more than one Content-Length header");
  if (lengths == 1 && chunked) {
    return ApiError::BadRequest("both Content-Length and Transfer-Encoding: send one of them");
  }
  if (req.get_header_value_count("Transfer-Encoding") > 1 ||
      (chunked && req.get_header_value("Transfer-Encoding") != "chunked")) {
    return ApiError::BadRequest("the only Transfer-Encoding accepted is 'chunked'");
  }
  if (lengths == 1) {
    const std::string value = req.get_header_value("Content-Length");
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
        value.size() > 18) {
      return ApiError::BadRequest("Content-Length is not a decimal number");
    }
  }
  if (req.get_header_value_count("Authorization") > 1) {
    return ApiError::BadRequest("more than one Authorization header");
  }
  return std::nullopt;
}

std::optional<ApiError> CheckBodyLimit(const httplib::Request& req, const Route& route) {
  const bool chunked = req.has_header("Transfer-Encoding");
  const uint64_t length =
      req.has_header("Content-Length") ? std::stoull(req.get_header_value("Content-Length")) : 0;
  if (route.max_body_bytes == 0 && (chunked || length > 0)) {
    return ApiError::PayloadTooLarge(route.method + " " + route.pattern + " takes no body");
  }
  if (length > route.max_body_bytes) {
    return ApiError::PayloadTooLarge("the body is larger than the " +
                                     std::to_string(route.max_body_bytes) +
                                     " bytes this endpoint accepts");
  }
  return std::nullopt;
}

// The token of "Authorization: Bearer <token>"; nullopt for anything else.
std::optional<std::string> BearerToken(const httplib::Request& req) {
  if (!req.has_header("Authorization")) return std::nullopt;
  const std::string value = req.get_header_value("Authorization");
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != kScheme[i]) return std::nullopt;
  }
  std::string token = value.substr(kScheme.size());
  if (token.empty() || token.find_first_of(" \t") != std::string::npos) return std::nullopt;
  return token;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void CountStreamedBytes(size_t bytes) { t_request.streamed_bytes += bytes; }

// The gate: everything a request must pass before its handler runs.
class Gate {
 public:
  Gate(const RouteTable& routes, const ServerServices& services, const ServerOptions& options)
      : routes_(routes), services_(services), options_(options) {
    if (!options.web_root.empty()) {
      static_route_ =
          StaticFilesRoute(std::make_shared<StaticSite>(PosixFileSystem(), options.web_root));
    }
  }

  // Before httplib reads any body: framing, target, route, body limits. Handled on refusal.
  httplib::Server::HandlerResponse PreRoute(const httplib::Request& req, httplib::Response& res) {
    RequestTarget target;
    std::variant<RouteMatch, ApiError> match = Route(req, &target);
    if (const ApiError* error = std::get_if<ApiError>(&match)) {
      Answer(res, *error, /*close_connection=*/true);
      return httplib::Server::HandlerResponse::Handled;
    }
    const auto& route = *std::get<RouteMatch>(match).route;
    t_request.route = route.pattern;
    if (std::optional<ApiError> error = CheckBodyLimit(req, route)) {
      Answer(res, *error, true);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  // After PreRoute let the request through: authentication, authorization, the handler.
  void Dispatch(const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader* body) {
    RequestTarget target;
    std::variant<RouteMatch, ApiError> routed = Route(req, &target);
    if (const ApiError* error = std::get_if<ApiError>(&routed)) {
      return Answer(res, *error, true);
    }
    const RouteMatch& match = std::get<RouteMatch>(routed);
    std::optional<access::Principal> principal;
    if (match.route->permission) {
      Result<access::Principal> authenticated = Authenticate(req);
      if (!authenticated.ok()) return Answer(res, ApiError::Unauthenticated(), body != nullptr);
      principal = std::move(*authenticated);
      t_request.person = principal->person;
    }
    RequestContext context(req, res, body, target, match, principal ? &*principal : nullptr,
                           services_, options_);
    if (match.route->permission) {
      std::string product;
      Status allowed = Authorize(context, *match.route->permission, &product);
      if (!allowed.ok()) {
        Refuse(context, allowed, product);
        if (body != nullptr) res.set_header("Connection", "close");
        return;
      }
    }
    match.route->handler(context);
  }

 private:
  std::variant<RouteMatch, ApiError> Route(const httplib::Request& req, RequestTarget* target) {
    if (std::optional<ApiError> error = CheckFraming(req)) return *error;
    if (std::optional<ApiError> error = ParseRequestTarget(req.target, target)) return *error;
    std::variant<RouteMatch, ApiError> match = routes_.Match(req.method, target->segments);
    if (static_route_.handler && FallsBackToStaticFiles(req.method, *target, match)) {
      return RouteMatch{&static_route_, {}};
    }
    return match;
  }

  Result<access::Principal> Authenticate(const httplib::Request& req) {
    std::optional<std::string> token = BearerToken(req);
    if (!token) return Status::Unauthenticated("no bearer token");
    return services_.tokens->Authenticate(*token);
  }

  // The route's permission on the product its path names, or the record its path names
  // names (mesh-wide when it names none); the product goes to `*product`. A product that was
  // never published is NotFound, except for a first publish, whose handler checks kPublish on
  // the uploaded descriptor before it accepts any data (as it does for every publish: the
  // uploaded descriptor may name another domain than the current one).
  Status Authorize(RequestContext& context, access::Permission permission, std::string* product) {
    access::Resource resource;
    std::optional<CurrentProduct> current;
    if (context.route().resolve_product) {
      ASSIGN_OR_RAISE(*product, context.route().resolve_product(context));
    } else if (!context.route().product_param.empty()) {
      *product = context.Param(context.route().product_param);
    }
    if (!product->empty()) {
      resource.product = *product;
      Result<CurrentProduct> loaded = LoadCurrentProduct(*services_.catalog, resource.product);
      if (loaded.ok()) {
        current = std::move(*loaded);
        resource.descriptor = &current->descriptor;
      } else if (!loaded.status().IsNotFound()) {
        return loaded.status();
      } else if (permission == access::Permission::kPublish) {
        return Status::OK();  // a first publish: the handler authorizes the uploaded descriptor
      } else {
        return Status::NotFound("no published product '" + resource.product + "'");
      }
    }
    return context.Authorize(permission, resource);
  }

  // Answers a refused request; a denial is audited as the route says (route.h: denial_action).
  static void Refuse(RequestContext& context, const Status& refusal, const std::string& product) {
    const std::string& action = context.route().denial_action;
    if (action.empty() || refusal.code() != StatusCode::kPermissionDenied) {
      return context.Fail(refusal);
    }
    context.Audit(action, product, "denied", refusal.message());
    context.Error(ApiErrorFromStatus(refusal));
  }

  const RouteTable& routes_;
  const ServerServices& services_;
  const ServerOptions& options_;
  server::Route static_route_;  // no handler when the server has no web root
};

ApiServer::ApiServer(const ServerServices& services, const ServerOptions& options)
    : services_(services), options_(options), http_(std::make_unique<httplib::Server>()) {}

ApiServer::~ApiServer() = default;

Result<std::unique_ptr<ApiServer>> ApiServer::Make(const ServerServices& services,
                                                   const ServerOptions& options) {
  if (services.workspace == nullptr || services.catalog == nullptr || services.lake == nullptr ||
      services.tokens == nullptr || services.decider == nullptr || services.clock == nullptr ||
      services.access == nullptr) {
    return Status::InvalidArgument(
        "the server needs a workspace, catalog, lake, tokens, "
        "decider, clock and access service");
  }
  if (options.threads < 1) return Status::InvalidArgument("--threads must be at least 1");
  auto server = std::unique_ptr<ApiServer>(new ApiServer(services, options));
  AddAllApiRoutes(&server->routes_, &server->metrics_);
  server->Configure();
  return server;
}

void ApiServer::Configure() {
  auto gate = std::make_shared<Gate>(routes_, services_, options_);
  const int threads = options_.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_payload_max_length(std::max(options_.max_upload_bytes, options_.max_json_body_bytes) +
                                options_.max_descriptor_bytes + 64 * 1024);
  http_->set_read_timeout(options_.read_timeout_seconds, 0);
  http_->set_write_timeout(options_.write_timeout_seconds, 0);
  http_->set_keep_alive_timeout(5);
  // Answers go out at once: without TCP_NODELAY a small answer on a kept-alive connection waits
  // for the client's delayed ACK (~40 ms on Linux), which capped every route at ~300 requests/s.
  http_->set_tcp_nodelay(true);
  http_->set_pre_routing_handler([this, gate](const httplib::Request& req, httplib::Response& res) {
    if (t_request.active) metrics_.RequestAbandoned();
    t_request = RequestState{true, std::chrono::steady_clock::now(), "unmatched", ""};
    metrics_.RequestStarted();
    return gate->PreRoute(req, res);
  });
  auto plain = [gate](const httplib::Request& req, httplib::Response& res) {
    gate->Dispatch(req, res, nullptr);
  };
  auto streamed = [gate](const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& body) { gate->Dispatch(req, res, &body); };
  http_->Get(".*", plain);
  http_->Post(".*", plain);
  http_->Post(".*", streamed);
  http_->Delete(".*", plain);
  http_->Delete(".*", streamed);
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Answer(res, ApiError{500, "internal", "the server failed to answer this request"}, true);
      });
  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    const bool started = t_request.active;
    const double seconds = started ? SecondsSince(t_request.start) : 0;
    if (started) metrics_.RequestFinished(t_request.route, req.method, res.status, seconds);
    if (options_.access_log) {
      nlohmann::ordered_json line;
      line["time"] = FormatTimestamp(services_.clock->Now());
      line["method"] = req.method;
      line["path"] = req.target.substr(0, 512);
      line["route"] = t_request.route;
      line["status"] = res.status;
      line["bytes"] = res.body.size() + t_request.streamed_bytes;
      line["duration_ms"] = seconds * 1000;
      line["person"] = t_request.person;
      options_.access_log(line.dump());
    }
    t_request = RequestState{};
  });
}

Result<int> ApiServer::Bind() {
  if (options_.port == 0) {
    const int port = http_->bind_to_any_port(options_.host);
    if (port <= 0) return Status::IOError("cannot listen on " + options_.host);
    return port;
  }
  if (!http_->bind_to_port(options_.host, options_.port)) {
    return Status::IOError("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) + " (in use, or not an address here)");
  }
  return options_.port;
}

Status ApiServer::Run() {
  if (!http_->listen_after_bind()) return Status::IOError("the server stopped with an error");
  return Status::OK();
}

void ApiServer::Stop() { http_->stop(); }

}  // namespace mesh::server
