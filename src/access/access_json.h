// The JSON shapes of grants and access requests, one for every front end: `mesh access ... --json`
// (docs/cli.md) and the server's /api/v1/access endpoints (docs/api.md) print the same objects,
// so a client shows a server's answer exactly as the local verb would. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "base/time.h"
#include "catalog/access_records.h"

namespace mesh::access {

// {id, product, team, level, pii, granted_by, granted_at, expires_at, request_id, revoked_at,
//  revoked_by, active}; `active` is judged at `now`.
nlohmann::ordered_json GrantJson(const GrantRecord& grant, Timestamp now);

// {id, product, team, person, purpose, level, pii, status, requested_at, decided_by, decided_at,
//  note, grant_id}
nlohmann::ordered_json AccessRequestJson(const AccessRequestRecord& request);

}  // namespace mesh::access
