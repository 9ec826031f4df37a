#include "access/access_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "model/descriptor_parser.h"

namespace mesh::access {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalTime(const std::optional<Timestamp>& at) {
  return at ? Json(FormatTimestamp(*at)) : Json(nullptr);
}

std::string JoinTeams(const std::vector<std::string>& teams) {
  std::string out;
  for (const std::string& team : teams) out += (out.empty() ? "" : ", ") + team;
  return out.empty() ? "(none)" : out;
}

Result<Descriptor> CurrentDescriptor(Catalog* catalog, std::string_view product) {
  ASSIGN_OR_RAISE(VersionRecord version, catalog->GetVersion(product, {}));
  FindingSink sink(version.Ref());
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!descriptor) {
    return Status::Corruption("the descriptor stored with " + version.Ref() +
                              " cannot be read back");
  }
  return *std::move(descriptor);
}

}  // namespace

AuditEntry AccessService::Audit(const Principal& who, std::string_view action,
                                std::string_view target, std::string details) const {
  return AuditEntry{0,
                    clock_->Now(),
                    who.person,
                    std::string(action),
                    std::string(target),
                    "ok",
                    std::move(details),
                    "",
                    ""};
}

Status AccessService::Refuse(const Principal& who, std::string_view action, std::string_view target,
                             const Status& refusal) {
  AuditEntry entry = Audit(who, action, target, refusal.message());
  entry.outcome = "denied";
  RETURN_NOT_OK(catalog_->AppendAudit(entry).status());
  return refusal;
}

Status AccessService::CheckManage(const Principal& who, std::string_view action,
                                  std::string_view product) {
  Status allowed =
      authorizer_->Check(who, Permission::kManageAccess, Resource{std::string(product), nullptr});
  if (allowed.code() == StatusCode::kPermissionDenied) {
    return Refuse(who, action, product, allowed);
  }
  return allowed;
}

Result<std::string> AccessService::RequestTeam(const Principal& who,
                                               const AccessRequestInput& input) {
  const std::vector<std::string> teams = authorizer_->organisation().TeamsOf(who.person);
  if (input.team) {
    if (std::find(teams.begin(), teams.end(), *input.team) != teams.end()) return *input.team;
    return Status::InvalidArgument("'" + who.person + "' is not a member of team " + *input.team +
                                   ": ask for one of your teams (" + JoinTeams(teams) + ")");
  }
  if (teams.size() == 1) return teams.front();
  return Status::InvalidArgument("'" + who.person + "' is in several teams (" + JoinTeams(teams) +
                                 "): name the team the access is for with --team");
}

Result<std::string> AccessService::RequestedLevel(const Principal& who,
                                                  const AccessRequestInput& input) {
  const AccessLevels& levels = authorizer_->levels();
  if (input.level) {
    if (!levels.IsKnown(*input.level)) {
      return Status::InvalidArgument("level '" + *input.level + "' is not in the taxonomy (" +
                                     levels.Describe() + ")");
    }
    if (levels.IsOpen(*input.level) && !input.pii) {
      return Status::InvalidArgument(*input.level +
                                     " data is open to every authenticated "
                                     "person: no request is needed");
    }
    return *input.level;
  }
  ASSIGN_OR_RAISE(Descriptor descriptor, CurrentDescriptor(catalog_, input.product));
  int needed = -1;
  auto consider = [&](const std::string& level, bool pii) {
    if (!levels.IsOpen(level) || (pii && input.pii)) needed = std::max(needed, levels.Rank(level));
  };
  consider(descriptor.classification.value_or(""), false);
  for (const Field& field : descriptor.schema.fields) {
    consider(descriptor.FieldClassification(field), field.HasTag("pii"));
  }
  if (needed < 0) {
    return Status::InvalidArgument("every field of " + input.product +
                                   " is open to every authenticated person" +
                                   (input.pii ? " and none is tagged pii" : "") +
                                   ": no request is needed (" + who.person + " can read it)");
  }
  return levels.LevelAt(needed);
}

Result<AccessRequestRecord> AccessService::Request(const Principal& who,
                                                   const AccessRequestInput& input) {
  RETURN_NOT_OK(authorizer_->Check(who, Permission::kRequestAccess, Resource{}));
  ASSIGN_OR_RAISE(ProductRecord product, catalog_->GetProduct(input.product));
  if (input.purpose.find_first_not_of(" \t\n") == std::string::npos) {
    return Status::InvalidArgument("an access request says why: give the purpose with --purpose");
  }
  ASSIGN_OR_RAISE(std::string team, RequestTeam(who, input));
  ASSIGN_OR_RAISE(bool owner, authorizer_->IsOwner(who, Resource{product.name, nullptr}));
  if (owner) {
    return Status::InvalidArgument("'" + who.person + "' is an owner of " + product.name +
                                   " and reads all of it already: no request is needed");
  }
  AccessRequestRecord request;
  request.product = product.name;
  request.team = team;
  request.person = who.person;
  request.purpose = input.purpose;
  ASSIGN_OR_RAISE(request.level, RequestedLevel(who, input));
  request.pii = input.pii;
  request.requested_at = clock_->Now();
  Json details{
      {"team", team}, {"level", request.level}, {"pii", request.pii}, {"purpose", request.purpose}};
  ASSIGN_OR_RAISE(request.id,
                  catalog_->AddAccessRequest(
                      request, Audit(who, "access.request", product.name, details.dump())));
  return request;
}

Result<AccessRequestRecord> AccessService::Approve(const Principal& who, int64_t request_id,
                                                   std::optional<Timestamp> expires_at,
                                                   const std::string& note) {
  ASSIGN_OR_RAISE(AccessRequestRecord request, catalog_->GetAccessRequest(request_id));
  RETURN_NOT_OK(CheckManage(who, "access.approve", request.product));
  if (request.person == who.person) {
    return Refuse(who, "access.approve", request.product,
                  Status::PermissionDenied("'" + who.person + "' asked for access request " +
                                           std::to_string(request_id) +
                                           " and may not approve it: another owner decides"));
  }
  const Timestamp now = clock_->Now();
  if (expires_at && *expires_at <= now) {
    return Status::InvalidArgument("the expiry " + FormatTimestamp(*expires_at) +
                                   " is not in the future (now is " + FormatTimestamp(now) + ")");
  }
  if (!expires_at && authorizer_->levels().NeedsRequest(request.level)) {
    expires_at = Timestamp{now.micros + kDefaultRequestOnlyGrantDays * kMicrosPerDay};
  }
  GrantRecord grant;
  grant.product = request.product;
  grant.team = request.team;
  grant.level = request.level;
  grant.pii = request.pii;
  grant.granted_by = who.person;
  grant.granted_at = now;
  grant.expires_at = expires_at;
  AccessDecision decision{request_id, AccessRequestStatus::kApproved, who.person, now, note, grant};
  Json details{{"request", request_id},
               {"team", request.team},
               {"level", request.level},
               {"pii", request.pii},
               {"expires_at", OptionalTime(expires_at)},
               {"note", note}};
  return catalog_->DecideAccessRequest(
      decision, Audit(who, "access.approve", request.product, details.dump()));
}

Result<AccessRequestRecord> AccessService::Deny(const Principal& who, int64_t request_id,
                                                const std::string& reason) {
  ASSIGN_OR_RAISE(AccessRequestRecord request, catalog_->GetAccessRequest(request_id));
  RETURN_NOT_OK(CheckManage(who, "access.deny", request.product));
  if (reason.find_first_not_of(" \t\n") == std::string::npos) {
    return Status::InvalidArgument("a denial says why: give the reason with --reason");
  }
  AccessDecision decision{
      request_id, AccessRequestStatus::kDenied, who.person, clock_->Now(), reason, std::nullopt};
  Json details{{"request", request_id}, {"team", request.team}, {"reason", reason}};
  return catalog_->DecideAccessRequest(decision,
                                       Audit(who, "access.deny", request.product, details.dump()));
}

Result<GrantRecord> AccessService::Grant(const Principal& who, const GrantInput& input) {
  ASSIGN_OR_RAISE(ProductRecord product, catalog_->GetProduct(input.product));
  RETURN_NOT_OK(CheckManage(who, "access.grant", product.name));
  const AccessLevels& levels = authorizer_->levels();
  if (authorizer_->organisation().FindTeam(input.team) == nullptr) {
    return Status::InvalidArgument("team '" + input.team + "' is not in mesh.yaml");
  }
  if (!levels.IsKnown(input.level)) {
    return Status::InvalidArgument("level '" + input.level + "' is not in the taxonomy (" +
                                   levels.Describe() + ")");
  }
  if (levels.IsOpen(input.level) && !input.pii) {
    return Status::InvalidArgument(input.level +
                                   " data is open to every authenticated person: no grant is "
                                   "needed");
  }
  if (levels.NeedsRequest(input.level)) {
    return Refuse(
        who, "access.grant", product.name,
        Status::PermissionDenied(input.level +
                                 " access is granted only by approving an access request with "
                                 "a purpose: have team " +
                                 input.team +
                                 " ask with `mesh access "
                                 "request " +
                                 product.name + " --purpose \"...\"`"));
  }
  const Timestamp now = clock_->Now();
  if (input.expires_at && *input.expires_at <= now) {
    return Status::InvalidArgument("the expiry " + FormatTimestamp(*input.expires_at) +
                                   " is not in the future (now is " + FormatTimestamp(now) + ")");
  }
  GrantRecord grant;
  grant.product = product.name;
  grant.team = input.team;
  grant.level = input.level;
  grant.pii = input.pii;
  grant.granted_by = who.person;
  grant.granted_at = now;
  grant.expires_at = input.expires_at;
  Json details{{"team", grant.team},
               {"level", grant.level},
               {"pii", grant.pii},
               {"expires_at", OptionalTime(grant.expires_at)}};
  ASSIGN_OR_RAISE(grant.id, catalog_->AddGrant(
                                grant, Audit(who, "access.grant", product.name, details.dump())));
  return grant;
}

Result<GrantRecord> AccessService::Revoke(const Principal& who, int64_t grant_id,
                                          const std::string& reason) {
  ASSIGN_OR_RAISE(GrantRecord grant, catalog_->GetGrant(grant_id));
  RETURN_NOT_OK(CheckManage(who, "access.revoke", grant.product));
  const Timestamp now = clock_->Now();
  Json details{{"grant", grant_id}, {"team", grant.team}, {"reason", reason}};
  RETURN_NOT_OK(catalog_->RevokeGrant(grant_id, who.person, now,
                                      Audit(who, "access.revoke", grant.product, details.dump())));
  grant.revoked_at = now;
  grant.revoked_by = who.person;
  return grant;
}

}  // namespace mesh::access
