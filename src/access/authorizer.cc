#include "access/authorizer.h"

#include <algorithm>

#include "model/descriptor_parser.h"

namespace mesh::access {

// The product a permission is checked against, as far as access cares.
struct Authorizer::Subject {
  std::string product;
  std::string domain;
  std::string owner;                  // team id
  const Descriptor* given = nullptr;  // the resource's descriptor, when it had one
  std::optional<Descriptor> parsed;   // else the catalog's current one, when needed

  const Descriptor& descriptor() const { return parsed ? *parsed : *given; }
};

// What the active grants to a reader's teams cover on one product (ranks; -1: nothing).
struct Authorizer::Coverage {
  int level_rank = -1;
  int pii_rank = -1;
  std::vector<GrantRecord> expired;  // for messages: grants that would have applied
};

namespace {

std::string JoinTeams(const std::vector<std::string>& teams) {
  if (teams.empty()) return "(none)";
  std::string out;
  for (const std::string& team : teams) {
    if (!out.empty()) out += ", ";
    out += team;
  }
  return out;
}

std::string Quoted(std::string_view person) { return "'" + std::string(person) + "'"; }

}  // namespace

Authorizer::Authorizer(const Organisation* organisation, Catalog* catalog, const Clock* clock,
                       AccessLevels levels)
    : organisation_(organisation), catalog_(catalog), clock_(clock), levels_(std::move(levels)) {}

Result<Principal> Authorizer::PrincipalFor(std::string_view person) const {
  return MakePrincipal(*organisation_, person);
}

Result<Authorizer::Subject> Authorizer::Resolve(const Resource& resource,
                                                bool need_descriptor) const {
  if (resource.product.empty() && resource.descriptor == nullptr) {
    return Status::InvalidArgument("this permission is checked against a product: name one");
  }
  Subject subject;
  if (resource.descriptor != nullptr) {
    subject.product = resource.descriptor->name;
    subject.domain = resource.descriptor->domain;
    subject.owner = resource.descriptor->owner;
    subject.given = resource.descriptor;
    return subject;
  }
  ASSIGN_OR_RAISE(ProductRecord product, catalog_->GetProduct(resource.product));
  subject.product = product.name;
  subject.domain = product.domain;
  subject.owner = product.owner;
  if (!need_descriptor) return subject;
  ASSIGN_OR_RAISE(VersionRecord version, catalog_->GetVersion(product.name, {}));
  FindingSink sink(version.Ref());
  subject.parsed = ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!subject.parsed) {
    return Status::Corruption("the descriptor stored with " + version.Ref() +
                              " cannot be read back; its access cannot be decided");
  }
  return subject;
}

bool Authorizer::Owns(const Principal& principal, const Subject& subject) const {
  const std::vector<std::string> teams = organisation_->TeamsOf(principal.person);
  return std::any_of(teams.begin(), teams.end(), [&](const std::string& team) {
    return team == subject.owner || organisation_->OwnsDomain(team, subject.domain);
  });
}

std::string Authorizer::OwnersOf(const Subject& subject) const {
  std::vector<std::string> teams{subject.owner};
  if (const Domain* domain = organisation_->FindDomain(subject.domain)) {
    for (const std::string& team : domain->owners) {
      if (std::find(teams.begin(), teams.end(), team) == teams.end()) teams.push_back(team);
    }
  }
  return JoinTeams(teams);
}

Result<Authorizer::Coverage> Authorizer::CoverageOf(const Principal& principal,
                                                    std::string_view product) const {
  const std::vector<std::string> teams = organisation_->TeamsOf(principal.person);
  GrantFilter filter;
  filter.product = std::string(product);
  filter.include_revoked = true;  // inactive ones only explain a denial
  ASSIGN_OR_RAISE(std::vector<GrantRecord> grants, catalog_->ListGrants(filter));
  const Timestamp now = clock_->Now();
  Coverage coverage;
  for (GrantRecord& grant : grants) {
    if (std::find(teams.begin(), teams.end(), grant.team) == teams.end()) continue;
    if (!grant.IsActive(now)) {
      coverage.expired.push_back(std::move(grant));
      continue;
    }
    // A grant naming a level the taxonomy no longer has covers nothing.
    if (!levels_.IsKnown(grant.level)) continue;
    const int rank = levels_.Rank(grant.level);
    coverage.level_rank = std::max(coverage.level_rank, rank);
    if (grant.pii) coverage.pii_rank = std::max(coverage.pii_rank, rank);
  }
  return coverage;
}

Result<bool> Authorizer::IsOwner(const Principal& principal, const Resource& resource) const {
  ASSIGN_OR_RAISE(Subject subject, Resolve(resource, false));
  return Owns(principal, subject);
}

Status Authorizer::Check(const Principal& principal, Permission permission,
                         const Resource& resource) const {
  if (!organisation_->HasPerson(principal.person)) {
    return Status::PermissionDenied(Quoted(principal.person) +
                                    " is not a member of any team in mesh.yaml");
  }
  const std::string who = Quoted(principal.person);
  switch (permission) {
    case Permission::kAuthenticated:
    case Permission::kRequestAccess:
      return Status::OK();
    case Permission::kGovernance:
      if (organisation_->HasRole(principal.person, "governance") ||
          organisation_->HasRole(principal.person, "admin")) {
        return Status::OK();
      }
      return Status::PermissionDenied(who +
                                      " needs the governance or admin role (a team's `roles` "
                                      "in mesh.yaml) for this");
    case Permission::kAdmin:
      if (organisation_->HasRole(principal.person, "admin")) return Status::OK();
      return Status::PermissionDenied(who +
                                      " needs the admin role (a team's `roles` in mesh.yaml) "
                                      "for this");
    case Permission::kReadData: {
      ASSIGN_OR_RAISE(Subject subject, Resolve(resource, true));
      return CheckReadData(principal, subject);
    }
    case Permission::kPublish:
    case Permission::kManageAccess:
      return CheckProductRole(principal, permission, resource);
  }
  return Status::PermissionDenied("unknown permission: denied");
}

Status Authorizer::CheckProductRole(const Principal& principal, Permission permission,
                                    const Resource& resource) const {
  ASSIGN_OR_RAISE(Subject subject, Resolve(resource, false));
  if (Owns(principal, subject)) return Status::OK();
  const bool manage = permission == Permission::kManageAccess;
  if (manage && organisation_->HasRole(principal.person, "admin")) return Status::OK();
  return Status::PermissionDenied(
      Quoted(principal.person) + " may not " + (manage ? "manage access to " : "publish ") +
      subject.product + ": only members of " + OwnersOf(subject) +
      " (the teams owning it and domain " + subject.domain + ")" + (manage ? " or an admin" : "") +
      " may; " + Quoted(principal.person) + " is in " +
      JoinTeams(organisation_->TeamsOf(principal.person)));
}

Status Authorizer::CheckReadData(const Principal& principal, const Subject& subject) const {
  if (Owns(principal, subject)) return Status::OK();
  const std::string level = subject.descriptor().classification.value_or("");
  if (levels_.IsOpen(level)) return Status::OK();
  ASSIGN_OR_RAISE(Coverage coverage, CoverageOf(principal, subject.product));
  const int needed = levels_.Rank(level);
  if (coverage.level_rank >= needed) return Status::OK();
  const std::string shown = level.empty() ? "no level (counts as " + levels_.Highest() + ")"
                            : levels_.IsKnown(level) ? level
                                                     : level + " (not in the taxonomy: counts as " +
                                                           levels_.Highest() + ")";
  std::string message = Quoted(principal.person) + " may not read the data of " + subject.product +
                        " (classified " + shown + "): it needs an active " + "grant of " +
                        levels_.LevelAt(needed) + " to one of the teams " +
                        JoinTeams(organisation_->TeamsOf(principal.person));
  if (coverage.level_rank >= 0) {
    message += " (their grants cover " + levels_.LevelAt(coverage.level_rank) + ")";
  }
  for (const GrantRecord& grant : coverage.expired) {
    message += grant.revoked_at
                   ? "; grant " + std::to_string(grant.id) + " to " + grant.team + " was revoked"
                   : "; grant " + std::to_string(grant.id) + " to " + grant.team + " expired on " +
                         FormatTimestamp(*grant.expires_at);
  }
  message += "; ask the owners (" + OwnersOf(subject) + ") with `mesh access request " +
             subject.product + " --as " + principal.person + " --purpose \"...\"`";
  return Status::PermissionDenied(message);
}

Result<std::vector<WithheldField>> Authorizer::Withheld(const Principal& principal,
                                                        const Resource& resource) const {
  ASSIGN_OR_RAISE(Subject subject, Resolve(resource, true));
  std::vector<WithheldField> withheld;
  if (Owns(principal, subject)) return withheld;
  ASSIGN_OR_RAISE(Coverage coverage, CoverageOf(principal, subject.product));
  const std::string teams = JoinTeams(organisation_->TeamsOf(principal.person));
  auto covers = [&](int rank) {
    return rank < 0 ? std::string("no active grant to ") + teams
                    : "the grants of " + teams + " cover " + levels_.LevelAt(rank);
  };
  for (const Field& field : subject.descriptor().schema.fields) {
    const std::string level = subject.descriptor().FieldClassification(field);
    const int rank = levels_.Rank(level);
    const std::string shown = levels_.IsKnown(level) ? level : levels_.Highest();
    if (!levels_.IsOpen(level) && rank > coverage.level_rank) {
      withheld.push_back({field.name, "classified " + shown + "; " + covers(coverage.level_rank)});
    } else if (field.HasTag("pii") && rank > coverage.pii_rank) {
      withheld.push_back(
          {field.name, "tagged pii at " + shown + "; " +
                           (coverage.pii_rank < 0 ? "no active grant covering pii to " + teams
                                                  : "the pii grants of " + teams + " cover " +
                                                        levels_.LevelAt(coverage.pii_rank))});
    }
  }
  return withheld;
}

}  // namespace mesh::access
