// LoadPolicies: reads a workspace's governance/global.yaml (optional) and
// governance/domains/<domain>.yaml files through a FileSystem and parses them. Problems in a file
// (bad YAML, bad values) become findings naming the file and place; only an unreadable folder is
// an error Status. Thread-safe when the FileSystem is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "governance/policy.h"
#include "model/finding.h"

namespace mesh::governance {

struct LoadedPolicies {
  std::optional<Policy> global;
  std::vector<Policy> domains;  // sorted by domain
  std::vector<Finding> findings;
};

// `root` is the workspace folder; files are named in findings relative to it
// ("governance/global.yaml").
Result<LoadedPolicies> LoadPolicies(FileSystem& fs, const std::string& root);

}  // namespace mesh::governance
