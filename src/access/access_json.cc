#include "access/access_json.h"

namespace mesh::access {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalTime(const std::optional<Timestamp>& at) {
  return at ? Json(FormatTimestamp(*at)) : Json(nullptr);
}

Json OptionalId(const std::optional<int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

}  // namespace

nlohmann::ordered_json GrantJson(const GrantRecord& grant, Timestamp now) {
  return Json{{"id", grant.id},
              {"product", grant.product},
              {"team", grant.team},
              {"level", grant.level},
              {"pii", grant.pii},
              {"granted_by", grant.granted_by},
              {"granted_at", FormatTimestamp(grant.granted_at)},
              {"expires_at", OptionalTime(grant.expires_at)},
              {"request_id", OptionalId(grant.request_id)},
              {"revoked_at", OptionalTime(grant.revoked_at)},
              {"revoked_by", grant.revoked_by},
              {"active", grant.IsActive(now)}};
}

nlohmann::ordered_json AccessRequestJson(const AccessRequestRecord& request) {
  return Json{{"id", request.id},
              {"product", request.product},
              {"team", request.team},
              {"person", request.person},
              {"purpose", request.purpose},
              {"level", request.level},
              {"pii", request.pii},
              {"status", std::string(AccessRequestStatusName(request.status))},
              {"requested_at", FormatTimestamp(request.requested_at)},
              {"decided_by", request.decided_by},
              {"decided_at", OptionalTime(request.decided_at)},
              {"note", request.decision_note},
              {"grant_id", OptionalId(request.grant_id)}};
}

}  // namespace mesh::access
