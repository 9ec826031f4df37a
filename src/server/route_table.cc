#include "server/route_table.h"

#include <cstdio>
#include <cstdlib>

namespace mesh::server {
namespace {

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string> SplitPattern(std::string_view pattern) {
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= pattern.size()) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) slash = pattern.size();
    segments.emplace_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

[[noreturn]] void BadRoute(const std::string& why, const Route& route) {
  std::fprintf(stderr, "route table: %s: %s %s\n", why.c_str(), route.method.c_str(),
               route.pattern.c_str());
  std::abort();
}

}  // namespace

void RouteTable::Add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/' || route.pattern.back() == '/') {
    BadRoute("a pattern starts with '/' and does not end with one", route);
  }
  Compiled compiled{SplitPattern(route.pattern)};
  for (const std::string& segment : compiled.segments) {
    if (segment.empty()) BadRoute("empty segment", route);
  }
  if (!route.product_param.empty()) {
    bool found = false;
    for (const std::string& segment : compiled.segments) {
      found = found || segment == "{" + route.product_param + "}";
    }
    if (!found) BadRoute("product_param is not a parameter of the pattern", route);
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      BadRoute("duplicate route", route);
    }
  }
  if (!route.handler) BadRoute("no handler", route);
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

bool RouteTable::SegmentsMatch(const Compiled& compiled, const std::vector<std::string>& segments,
                               std::map<std::string, std::string, std::less<>>* params) {
  if (compiled.segments.size() != segments.size()) return false;
  params->clear();
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& pattern = compiled.segments[i];
    if (IsParam(pattern)) {
      (*params)[pattern.substr(1, pattern.size() - 2)] = segments[i];
    } else if (pattern != segments[i]) {
      return false;
    }
  }
  return true;
}

std::variant<RouteMatch, ApiError> RouteTable::Match(
    std::string_view method, const std::vector<std::string>& segments) const {
  // A literal segment beats a parameter: the most literal match among those of `method` wins.
  bool path_known = false;
  RouteMatch best;
  int best_literals = -1;
  std::map<std::string, std::string, std::less<>> params;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!SegmentsMatch(compiled_[i], segments, &params)) continue;
    path_known = true;
    if (routes_[i].method != method) continue;
    const int literals =
        static_cast<int>(compiled_[i].segments.size()) - static_cast<int>(params.size());
    if (literals > best_literals) {
      best_literals = literals;
      best.route = &routes_[i];
      best.params = params;
    }
  }
  if (best.route != nullptr) return best;
  if (path_known) {
    return ApiError::MethodNotAllowed("this path does not accept " + std::string(method));
  }
  return ApiError::NotFound("no such endpoint (the API is described at /api/v1/openapi.json)");
}

}  // namespace mesh::server
