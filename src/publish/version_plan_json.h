// The JSON of a VersionPlan: what `mesh diff --json` prints and what the server's
// POST /api/v1/products/{name}/diff answers (docs/cli.md "mesh diff", docs/api.md), one function
// so that both always agree. Pure.
#pragma once

#include <nlohmann/json.hpp>

#include "model/descriptor.h"
#include "publish/version_plan.h"

namespace mesh {

// {product, file, current, current_version, proposed_version, required_bump, declared_bump,
//  least_version, ok, affected_teams, changes: [{kind, path, before, after, message, line,
//  column, affects}], findings: [{rule, severity, file, line, column, message}]}
nlohmann::ordered_json VersionPlanJson(const Descriptor& proposed, const VersionPlan& plan);

// "first" when the product was never published, "lowered" when the declared version is below
// the current one, else the declared bump ("major", "minor", "patch", "none").
std::string DeclaredBumpName(const VersionPlan& plan);

}  // namespace mesh
