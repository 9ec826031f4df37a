// The points in time the access verbs and endpoints take: when a grant or token ends (a duration
// from now, a date or an instant) and where a listing starts (a date or an instant). One parser
// for the CLI's flags and the server's JSON fields, so both accept exactly the same text.
// Pure functions.
#pragma once

#include <string>

#include "base/result.h"
#include "base/time.h"

namespace mesh::access {

// A duration from `now` ("90d", "12h", "30m"), a date ("2027-03-31", its start in UTC) or an
// ISO-8601 instant. InvalidArgument naming `what` (a flag or a JSON field) otherwise.
Result<Timestamp> ParseExpiry(const std::string& text, Timestamp now, const std::string& what);

// A date ("2026-11-20", its start in UTC) or an ISO-8601 instant; InvalidArgument naming `what`.
Result<Timestamp> ParseSince(const std::string& text, const std::string& what);

}  // namespace mesh::access
