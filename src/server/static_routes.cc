#include "server/static_routes.h"

#include "server/request_context.h"

namespace mesh::server {

Route StaticFilesRoute(std::shared_ptr<const StaticSite> site) {
  Route route;
  route.method = "GET";
  route.pattern = "/{path...}";
  route.summary = "The web UI's files (index.html for the app's own pages)";
  route.handler = [site](RequestContext& context) {
    StaticResponse answer = site->Serve(context.target().segments);
    httplib::Response& response = context.response();
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) response.set_header(name, value);
    response.set_content(std::move(answer.body), answer.content_type);
  };
  return route;
}

bool FallsBackToStaticFiles(std::string_view method, const RequestTarget& target,
                            const std::variant<RouteMatch, ApiError>& match) {
  const ApiError* error = std::get_if<ApiError>(&match);
  if (error == nullptr || error->http_status != 404) return false;
  if (method != "GET" && method != "HEAD") return false;
  return target.segments.empty() || target.segments.front() != "api";
}

}  // namespace mesh::server
