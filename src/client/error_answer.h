// The Status of an error answer from `mesh serve`: its JSON body {"error":{"code","message"}}
// (src/server/api_error.h, docs/api.md "Errors") mapped back to the StatusCode the server made it
// from, with the server's message. 401 and 403 also say which server refused and what to do; an
// answer that is not a Meshwork error (a proxy's 502 page) says so and shows its start.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace mesh::client {

// `server` is the URL as people read it; `http_status` is >= 400.
Status StatusFromErrorAnswer(int http_status, std::string_view body, const std::string& server);

// The StatusCode of a stable API error code ("not_found" -> kNotFound, ...); kInternal for codes
// this client does not know.
StatusCode StatusCodeOfApiError(std::string_view code);

}  // namespace mesh::client
