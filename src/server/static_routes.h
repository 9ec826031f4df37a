// The web UI at / (docs/ui.md): one public GET route answered by StaticSite. The route table has
// no catch-all patterns, so the gate falls back to this route for a GET whose path no API route
// matches and that is not under /api/ (an unknown API path stays a JSON 404). Public: the
// sign-in page must load without a token; the files hold no data. Thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <variant>

#include "server/request_target.h"
#include "server/route_table.h"
#include "server/static_site.h"

namespace mesh::server {

Route StaticFilesRoute(std::shared_ptr<const StaticSite> site);

// Whether a request the route table answered with `match` goes to the static files instead.
bool FallsBackToStaticFiles(std::string_view method, const RequestTarget& target,
                            const std::variant<RouteMatch, ApiError>& match);

}  // namespace mesh::server
