// The JSON of a Finding, {rule, severity, file, line, column, message}: one function for every
// report that lists findings (`mesh validate/lint/publish/diff --json`, the REST API), so that
// their shapes cannot drift apart. Pure.
#pragma once

#include <nlohmann/json.hpp>

#include "model/finding.h"

namespace mesh {

nlohmann::ordered_json FindingJson(const Finding& finding);

}  // namespace mesh
