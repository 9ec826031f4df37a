// ParseOrganisation: reads mesh.yaml (governance.md "mesh.yaml") into the typed Organisation and
// reports every problem in the file with its rule id (docs/rules.md) and exact line:column:
// org.syntax, org.duplicate_key, org.unknown_key, org.missing_key, org.type, org.invalid_value,
// org.duplicate_id (two teams or two domains with one id) and org.unknown_team (a domain owner
// that is not a team of the file). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/finding.h"
#include "model/organisation.h"
#include "yaml/node.h"

namespace mesh {

// The roles a team may hold (governance.md "Identity and access").
inline constexpr std::string_view kRoleAdmin = "admin";
inline constexpr std::string_view kRoleGovernance = "governance";

// Returns the organisation whenever the document is a mapping, with everything that could be
// read; nullopt (and an org.syntax finding) when it is not. Callers decide by
// sink->HasErrors() whether to trust it.
std::optional<Organisation> ParseOrganisation(const yaml::Document& document, FindingSink* sink);

// Loads YAML text and parses it; a YAML syntax error becomes an org.syntax finding.
std::optional<Organisation> ParseOrganisationText(std::string_view text, const std::string& file,
                                                  FindingSink* sink);

}  // namespace mesh
