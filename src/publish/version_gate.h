// The semver gate of a publish (data-product.md "Versions"): given the current and the proposed
// descriptor, which bump the changes need, which bump the proposed schema_version makes, and
// the findings that refuse the publish: `version.bump_required` (one per change that needs more
// than the declared bump, at its place, with its kind and the consumer teams it affects) and
// `version.lowered`. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/descriptor.h"
#include "model/finding.h"
#include "publish/schema_diff.h"

namespace mesh {

enum class VersionBump { kNone, kPatch, kMinor, kMajor };
std::string_view VersionBumpName(VersionBump bump);  // "none", "patch", "minor", "major"

// The least bump that covers every change (kNone for no change).
VersionBump RequiredBump(const std::vector<SchemaChange>& changes);

// The bump from `current` to `proposed`; nullopt when `proposed` is lower.
std::optional<VersionBump> DeclaredBump(const SchemaVersion& current,
                                        const SchemaVersion& proposed);

// The smallest version above `current` that makes `bump` ("2.1.0" + minor = "2.2.0").
SchemaVersion NextVersion(const SchemaVersion& current, VersionBump bump);

struct VersionCheckOptions {
  DiffOptions diff;
  // Teams told of breaking changes: the descriptors' consumer_teams are added to these (the
  // catalog's recorded consumers, for instance).
  std::vector<std::string> consumer_teams;
};

struct VersionCheck {
  std::vector<SchemaChange> changes;  // every change, for `mesh diff`
  VersionBump required = VersionBump::kNone;
  std::optional<VersionBump> declared;      // nullopt: lowered
  std::vector<std::string> affected_teams;  // told when a breaking change is published
  std::vector<Finding> findings;  // errors that refuse the publish; empty when it may proceed
  bool ok() const { return findings.empty(); }
};

VersionCheck CheckVersionBump(const Descriptor& current, const Descriptor& proposed,
                              const VersionCheckOptions& options = {});

}  // namespace mesh
