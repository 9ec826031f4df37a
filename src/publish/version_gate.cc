#include "publish/version_gate.h"

#include <set>

namespace mesh {
namespace {

VersionBump BumpFor(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kPatch:
      return VersionBump::kPatch;
    case ChangeKind::kMinor:
      return VersionBump::kMinor;
    case ChangeKind::kBreaking:
      return VersionBump::kMajor;
  }
  return VersionBump::kMajor;
}

std::string JoinTeams(const std::vector<std::string>& teams) {
  if (teams.empty()) return "none listed";
  std::string out;
  for (const std::string& team : teams) {
    if (!out.empty()) out += ", ";
    out += team;
  }
  return out;
}

std::vector<std::string> AffectedTeams(const Descriptor& current, const Descriptor& proposed,
                                       const VersionCheckOptions& options) {
  std::set<std::string> teams(options.consumer_teams.begin(), options.consumer_teams.end());
  teams.insert(current.consumer_teams.begin(), current.consumer_teams.end());
  teams.insert(proposed.consumer_teams.begin(), proposed.consumer_teams.end());
  return {teams.begin(), teams.end()};
}

Finding MakeFinding(const Descriptor& proposed, std::string rule, yaml::Mark mark,
                    std::string message) {
  Finding finding;
  finding.rule = std::move(rule);
  finding.severity = Severity::kError;
  finding.file = proposed.file;
  finding.line = mark.line;
  finding.column = mark.column;
  finding.message = std::move(message);
  return finding;
}

std::string DescribeDeclared(const SchemaVersion& current, const SchemaVersion& proposed,
                             VersionBump declared) {
  std::string from = current.ToString();
  std::string to = proposed.ToString();
  if (declared == VersionBump::kNone) return "schema_version stays " + to;
  return "schema_version " + from + " → " + to + " is a " + std::string(VersionBumpName(declared)) +
         " bump";
}

Finding BumpRequiredFinding(const Descriptor& current, const Descriptor& proposed,
                            const SchemaChange& change, VersionBump declared, VersionBump required,
                            const std::vector<std::string>& teams) {
  SchemaVersion needed = NextVersion(current.schema_version, BumpFor(change.kind));
  std::string affects =
      change.kind == ChangeKind::kBreaking ? "; affects consumer teams: " + JoinTeams(teams) : "";
  std::string message =
      change.path + ": " + change.message + " (" + std::string(ChangeKindName(change.kind)) +
      " change, needs a " + std::string(VersionBumpName(BumpFor(change.kind))) +
      " bump, at least " + needed.ToString() + "; " +
      DescribeDeclared(current.schema_version, proposed.schema_version, declared) + ")" + affects +
      "; set schema_version to " + NextVersion(current.schema_version, required).ToString();
  yaml::Mark mark = change.mark.line > 0 ? change.mark : proposed.ValueMarkOf("schema_version");
  return MakeFinding(proposed, "version.bump_required", mark, std::move(message));
}

}  // namespace

std::string_view VersionBumpName(VersionBump bump) {
  switch (bump) {
    case VersionBump::kNone:
      return "none";
    case VersionBump::kPatch:
      return "patch";
    case VersionBump::kMinor:
      return "minor";
    case VersionBump::kMajor:
      return "major";
  }
  return "?";
}

VersionBump RequiredBump(const std::vector<SchemaChange>& changes) {
  VersionBump required = VersionBump::kNone;
  for (const SchemaChange& change : changes) required = std::max(required, BumpFor(change.kind));
  return required;
}

std::optional<VersionBump> DeclaredBump(const SchemaVersion& current,
                                        const SchemaVersion& proposed) {
  if (proposed < current) return std::nullopt;
  if (proposed.major > current.major) return VersionBump::kMajor;
  if (proposed.minor > current.minor) return VersionBump::kMinor;
  if (proposed.patch > current.patch) return VersionBump::kPatch;
  return VersionBump::kNone;
}

SchemaVersion NextVersion(const SchemaVersion& current, VersionBump bump) {
  switch (bump) {
    case VersionBump::kNone:
      return current;
    case VersionBump::kPatch:
      return {current.major, current.minor, current.patch + 1};
    case VersionBump::kMinor:
      return {current.major, current.minor + 1, 0};
    case VersionBump::kMajor:
      return {current.major + 1, 0, 0};
  }
  return current;
}

VersionCheck CheckVersionBump(const Descriptor& current, const Descriptor& proposed,
                              const VersionCheckOptions& options) {
  VersionCheck check;
  check.changes = DiffDescriptors(current, proposed, options.diff);
  check.required = RequiredBump(check.changes);
  check.declared = DeclaredBump(current.schema_version, proposed.schema_version);
  check.affected_teams = AffectedTeams(current, proposed, options);
  if (!check.declared) {
    check.findings.push_back(MakeFinding(
        proposed, "version.lowered", proposed.ValueMarkOf("schema_version"),
        "schema_version " + proposed.schema_version.ToString() + " is lower than the current " +
            current.schema_version.ToString() + ": a version is never lowered; set it to " +
            NextVersion(current.schema_version, check.required).ToString() + " or higher"));
    return check;
  }
  for (const SchemaChange& change : check.changes) {
    if (BumpFor(change.kind) <= *check.declared) continue;
    check.findings.push_back(BumpRequiredFinding(current, proposed, change, *check.declared,
                                                 check.required, check.affected_teams));
  }
  return check;
}

}  // namespace mesh
