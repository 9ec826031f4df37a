#include "model/organisation_checks.h"

#include <map>

#include "model/suggest.h"

namespace mesh {
namespace {

std::vector<std::string_view> TeamIds(const Organisation& org) {
  std::vector<std::string_view> ids;
  for (const Team& team : org.teams) ids.push_back(team.id);
  return ids;
}

std::vector<std::string_view> DomainIds(const Organisation& org) {
  std::vector<std::string_view> ids;
  for (const Domain& domain : org.domains) ids.push_back(domain.id);
  return ids;
}

std::string OwnerList(const Domain& domain) {
  std::string out;
  for (const std::string& owner : domain.owners) out += (out.empty() ? "" : ", ") + owner;
  return out;
}

}  // namespace

bool CheckTeam(const Organisation& org, std::string_view team, std::string_view what,
               yaml::Mark mark, FindingSink* sink) {
  if (org.FindTeam(team)) return true;
  std::string suggestion = DidYouMean(team, TeamIds(org));
  sink->Error("org.unknown_team", mark,
              std::string(what) + " '" + std::string(team) + "' is not a team of mesh.yaml:" +
                  (suggestion.empty() ? " add the team to mesh.yaml or fix the id" : suggestion));
  return false;
}

bool CheckPerson(const Organisation& org, std::string_view person, std::string_view what,
                 yaml::Mark mark, FindingSink* sink) {
  if (org.HasPerson(person)) return true;
  sink->Error("org.unknown_person", mark,
              std::string(what) + " '" + std::string(person) +
                  "' is not a member of any team in mesh.yaml: add them to a team's members or "
                  "fix the name");
  return false;
}

void CheckDescriptorAgainstOrganisation(const Descriptor& d, const Organisation& org,
                                        FindingSink* sink) {
  const Domain* domain = nullptr;
  if (!d.domain.empty()) {
    domain = org.FindDomain(d.domain);
    if (!domain) {
      std::string suggestion = DidYouMean(d.domain, DomainIds(org));
      sink->Error("org.unknown_domain", d.ValueMarkOf("domain"),
                  "domain '" + d.domain + "' is not a domain of mesh.yaml:" +
                      (suggestion.empty() ? " add it under domains or fix the id" : suggestion));
    }
  }
  if (!d.owner.empty() && CheckTeam(org, d.owner, "owner", d.ValueMarkOf("owner"), sink) &&
      domain && !org.OwnsDomain(d.owner, d.domain)) {
    sink->Error("org.not_owner", d.ValueMarkOf("owner"),
                "team '" + d.owner + "' does not own domain '" + d.domain + "' (its owners are " +
                    OwnerList(*domain) +
                    "): set owner to one of them, or add the team to the domain's owners in "
                    "mesh.yaml");
  }
  for (size_t i = 0; i < d.consumer_teams.size(); ++i) {
    CheckTeam(org, d.consumer_teams[i], "consumer team",
              d.ValueMarkOf("consumer_teams[" + std::to_string(i) + "]"), sink);
  }
}

void CheckUniqueProductNames(const std::vector<const Descriptor*>& descriptors,
                             std::vector<Finding>* findings) {
  std::map<std::string, const Descriptor*, std::less<>> first;
  for (const Descriptor* d : descriptors) {
    if (d->name.empty()) continue;
    auto [previous, inserted] = first.emplace(d->name, d);
    if (inserted) continue;
    FindingSink sink(d->file);
    const Descriptor& other = *previous->second;
    sink.Error("org.duplicate_id", d->ValueMarkOf("name"),
               "product name '" + d->name + "' is already used by " + other.file + ":" +
                   std::to_string(other.ValueMarkOf("name").line) +
                   ": product names are unique across the mesh; rename one of them");
    for (Finding& f : sink.Take()) findings->push_back(std::move(f));
  }
}

}  // namespace mesh
