#include "model/organisation_parser.h"

#include <algorithm>
#include <map>

#include "model/mapping_reader.h"
#include "model/suggest.h"
#include "yaml/loader.h"

namespace mesh {
namespace {

const std::vector<std::string_view> kOrgKeys{"name", "teams", "domains"};
const std::vector<std::string_view> kTeamKeys{"id", "members", "roles", "webhook_url"};
const std::vector<std::string_view> kDomainKeys{"id", "description", "owners"};
const std::vector<std::string_view> kRoles{kRoleAdmin, kRoleGovernance};

class OrganisationParser {
 public:
  explicit OrganisationParser(FindingSink* sink)
      : sink_(sink), reader_("org", sink, &org_.marks, &org_.value_marks) {}

  Organisation Parse(const yaml::Node& root, const std::string& file) {
    org_.file = file;
    org_.mark = root.mark;
    MappingReader::Entries entries =
        reader_.ReadMapping(root, "", kOrgKeys, &org_.marks, &org_.value_marks);
    for (std::string_view key : kOrgKeys) {
      if (!entries.Find(key)) {
        sink_->Error("org.missing_key", root.mark,
                     "mesh.yaml has no '" + std::string(key) + "': add it (see governance.md)");
      }
    }
    if (const yaml::Node::Entry* name = entries.Find("name")) {
      org_.name = reader_.String(*name->value, "name").value_or("");
    }
    if (const yaml::Node::Entry* teams = entries.Find("teams")) ReadTeams(*teams->value);
    if (const yaml::Node::Entry* domains = entries.Find("domains")) ReadDomains(*domains->value);
    CheckDomainOwners();
    return std::move(org_);
  }

 private:
  // A reader for one team or domain: its marks go into the item's own maps (local names).
  MappingReader ItemReader() { return MappingReader("org", sink_, nullptr, nullptr); }

  void InvalidValue(yaml::Mark mark, std::string message) {
    sink_->Error("org.invalid_value", mark, std::move(message));
  }

  // Reads the required `id`; empty when absent or unusable.
  std::string ReadId(const MappingReader::Entries& entries, const yaml::Node& item,
                     const std::string& path, std::string_view what, MappingReader* reader) {
    const yaml::Node::Entry* id = entries.Find("id");
    if (!id) {
      sink_->Error("org.missing_key", item.mark,
                   path + " (a " + std::string(what) + ") has no 'id': add id: <" +
                       std::string(what) + " id>");
      return "";
    }
    std::optional<std::string> text = reader->String(*id->value, path + ".id");
    if (text && text->empty()) {
      InvalidValue(id->value->mark,
                   path + ".id is empty: give the " + std::string(what) + " an id");
    }
    return text.value_or("");
  }

  void CheckUnique(const std::string& id, yaml::Mark mark, std::string_view what,
                   std::map<std::string, yaml::Mark, std::less<>>* seen) {
    if (id.empty()) return;
    auto [previous, inserted] = seen->emplace(id, mark);
    if (inserted) return;
    sink_->Error("org.duplicate_id", mark,
                 std::string(what) + " id '" + id + "' is already used at line " +
                     std::to_string(previous->second.line) + ": give each " + std::string(what) +
                     " its own id or merge them");
  }

  void ReadRoles(const yaml::Node& node, const std::string& path, Team* team,
                 MappingReader* reader) {
    std::optional<std::vector<std::string>> roles =
        reader->StringList(node, path + ".roles", "roles", &team->marks, &team->value_marks);
    if (!roles) return;
    for (size_t i = 0; i < roles->size(); ++i) {
      const std::string& role = (*roles)[i];
      if (std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) {
        std::string suggestion = DidYouMean(role, kRoles);
        InvalidValue(team->value_marks[ItemPath("roles", i)],
                     "role '" + role + "' is not a role of the platform:" +
                         (suggestion.empty() ? " use admin or governance" : suggestion));
        continue;
      }
      team->roles.push_back(role);
    }
  }

  void ReadWebhook(const yaml::Node& node, const std::string& path, Team* team,
                   MappingReader* reader) {
    std::optional<std::string> url = reader->String(node, path + ".webhook_url");
    if (!url) return;
    if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) {
      InvalidValue(node.mark, path + ".webhook_url '" + *url +
                                  "' is not an http or https URL: write https://host/path");
      return;
    }
    team->webhook_url = std::move(url);
  }

  void ReadTeam(const yaml::Node& item, size_t index) {
    std::string path = ItemPath("teams", index);
    if (!reader_.ExpectMapping(item, path)) return;
    Team team;
    team.mark = item.mark;
    MappingReader reader = ItemReader();
    MappingReader::Entries entries =
        reader.ReadMapping(item, path, kTeamKeys, &team.marks, &team.value_marks);
    team.id = ReadId(entries, item, path, "team", &reader);
    if (const yaml::Node::Entry* members = entries.Find("members")) {
      team.members = reader
                         .StringList(*members->value, path + ".members", "members", &team.marks,
                                     &team.value_marks)
                         .value_or(std::vector<std::string>{});
    }
    if (const yaml::Node::Entry* roles = entries.Find("roles")) {
      ReadRoles(*roles->value, path, &team, &reader);
    }
    if (const yaml::Node::Entry* webhook = entries.Find("webhook_url")) {
      ReadWebhook(*webhook->value, path, &team, &reader);
    }
    CheckUnique(team.id, team.value_marks["id"], "team", &team_ids_);
    if (!team.id.empty()) org_.teams.push_back(std::move(team));
  }

  void ReadTeams(const yaml::Node& node) {
    if (!reader_.ExpectList(node, "teams")) return;
    for (size_t i = 0; i < node.items.size(); ++i) ReadTeam(*node.items[i], i);
  }

  void ReadDomain(const yaml::Node& item, size_t index) {
    std::string path = ItemPath("domains", index);
    if (!reader_.ExpectMapping(item, path)) return;
    Domain domain;
    domain.mark = item.mark;
    MappingReader reader = ItemReader();
    MappingReader::Entries entries =
        reader.ReadMapping(item, path, kDomainKeys, &domain.marks, &domain.value_marks);
    domain.id = ReadId(entries, item, path, "domain", &reader);
    if (const yaml::Node::Entry* description = entries.Find("description")) {
      domain.description = reader.String(*description->value, path + ".description").value_or("");
    }
    const yaml::Node::Entry* owners = entries.Find("owners");
    if (!owners) {
      sink_->Error("org.missing_key", item.mark,
                   "domain '" + domain.id + "' has no 'owners': add owners: [<team id>]");
    } else {
      domain.owners = reader
                          .StringList(*owners->value, path + ".owners", "owners", &domain.marks,
                                      &domain.value_marks)
                          .value_or(std::vector<std::string>{});
      if (owners->value->IsSequence() && owners->value->items.empty()) {
        InvalidValue(owners->value->mark,
                     "domain '" + domain.id + "' has an empty owners list: name the owning team");
      }
    }
    CheckUnique(domain.id, domain.value_marks["id"], "domain", &domain_ids_);
    if (!domain.id.empty()) org_.domains.push_back(std::move(domain));
  }

  void ReadDomains(const yaml::Node& node) {
    if (!reader_.ExpectList(node, "domains")) return;
    for (size_t i = 0; i < node.items.size(); ++i) ReadDomain(*node.items[i], i);
  }

  std::vector<std::string_view> TeamIds() const {
    std::vector<std::string_view> ids;
    for (const Team& team : org_.teams) ids.push_back(team.id);
    return ids;
  }

  void CheckDomainOwners() {
    for (const Domain& domain : org_.domains) {
      for (size_t i = 0; i < domain.owners.size(); ++i) {
        const std::string& owner = domain.owners[i];
        if (org_.FindTeam(owner)) continue;
        auto mark = domain.value_marks.find(ItemPath("owners", i));
        std::string suggestion = DidYouMean(owner, TeamIds());
        sink_->Error(
            "org.unknown_team", mark == domain.value_marks.end() ? domain.mark : mark->second,
            "domain '" + domain.id + "' is owned by '" + owner +
                "', which is not a team of mesh.yaml:" +
                (suggestion.empty() ? " add the team under teams or fix the id" : suggestion));
      }
    }
  }

  FindingSink* sink_;
  Organisation org_;
  MappingReader reader_;
  std::map<std::string, yaml::Mark, std::less<>> team_ids_;
  std::map<std::string, yaml::Mark, std::less<>> domain_ids_;
};

}  // namespace

std::optional<Organisation> ParseOrganisation(const yaml::Document& document, FindingSink* sink) {
  const yaml::Node& root = *document.root;
  if (!root.IsMap()) {
    sink->Error("org.syntax", root.mark,
                "mesh.yaml must be a mapping with name, teams and domains, not " + root.Describe());
    return std::nullopt;
  }
  return OrganisationParser(sink).Parse(root, document.file);
}

std::optional<Organisation> ParseOrganisationText(std::string_view text, const std::string& file,
                                                  FindingSink* sink) {
  yaml::SyntaxError error;
  Result<yaml::Document> document = yaml::LoadYaml(text, file, {}, &error);
  if (!document.ok()) {
    yaml::Mark mark = error.mark.line > 0 ? error.mark : yaml::Mark{1, 1};
    sink->Error("org.syntax", mark,
                error.message + "; fix the YAML (check indentation, quotes and brackets)");
    return std::nullopt;
  }
  return ParseOrganisation(*document, sink);
}

}  // namespace mesh
