// Fuzz target: arbitrary bytes through LoadYaml and ParseOrganisation (mesh.yaml). Besides
// sanitizer reports, it checks that every finding has an org rule id and a real position, and
// that an organisation without error findings has unique team and domain ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "model/organisation_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  mesh::FindingSink sink("mesh.yaml");
  std::optional<mesh::Organisation> org = mesh::ParseOrganisationText(text, "mesh.yaml", &sink);
  for (const mesh::Finding& finding : sink.findings()) {
    if (finding.rule.rfind("org.", 0) != 0 || finding.line < 1 || finding.column < 1 ||
        finding.message.empty()) {
      std::abort();
    }
  }
  if (!sink.HasErrors()) {
    if (!org) std::abort();
    std::set<std::string> teams, domains;
    for (const mesh::Team& team : org->teams) {
      if (!teams.insert(team.id).second) std::abort();
    }
    for (const mesh::Domain& domain : org->domains) {
      if (!domains.insert(domain.id).second) std::abort();
      for (const std::string& owner : domain.owners) {
        if (!org->FindTeam(owner)) std::abort();
      }
    }
  }
  return 0;
}
