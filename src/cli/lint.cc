// mesh lint [--json | --sarif] [--fail-on error|warn]: everything `mesh validate` checks, plus
// federated governance (the global and domain policies, waivers, severity overrides) and the
// anti-pattern lint across the whole mesh (docs/rules.md, docs/governance.md).
#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <tuple>

#include "base/clock.h"
#include "cli/findings_output.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "governance/governance.h"
#include "governance/policy_loader.h"
#include "governance/sarif_report.h"

namespace mesh::cli {
namespace {

struct LintOptions {
  bool json = false;
  bool sarif = false;
  std::string fail_on = "error";
};

// Products governance can reason about: read with a name, each name once (a second descriptor
// with the same name already has an org.duplicate_id finding).
std::vector<const Descriptor*> GovernableProducts(const WorkspaceContents& contents) {
  std::vector<const Descriptor*> products;
  std::set<std::string_view> names;
  for (const Descriptor& descriptor : contents.descriptors) {
    if (descriptor.name.empty() || !names.insert(descriptor.name).second) continue;
    products.push_back(&descriptor);
  }
  return products;
}

// The org check reports an unknown consumer team as org.unknown_team; governance reports the
// same place as consumers.unknown_team (which waivers and severity overrides reach). Keep one.
void DropDuplicateConsumerFindings(std::vector<Finding>* findings) {
  std::set<std::tuple<std::string, int, int>> consumer_places;
  for (const Finding& finding : *findings) {
    if (finding.rule == "consumers.unknown_team") {
      consumer_places.emplace(finding.file, finding.line, finding.column);
    }
  }
  std::erase_if(*findings, [&](const Finding& finding) {
    return finding.rule == "org.unknown_team" &&
           consumer_places.count({finding.file, finding.line, finding.column});
  });
}

Result<std::vector<Finding>> LintWorkspace(const Workspace& workspace, const Clock& clock,
                                           size_t* files_checked) {
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace.Load());
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  std::vector<Finding> findings = std::move(contents.findings);
  findings.insert(findings.end(), policies.findings.begin(), policies.findings.end());
  *files_checked = contents.files.size() + (policies.global ? 1 : 0) + policies.domains.size();
  if (contents.org) {
    governance::GovernanceInput input;
    input.org = &*contents.org;
    input.products = GovernableProducts(contents);
    input.global_policy = policies.global ? &*policies.global : nullptr;
    input.domain_policies = std::move(policies.domains);
    input.now = clock.Now();
    std::vector<Finding> governed = governance::Govern(input);
    findings.insert(findings.end(), governed.begin(), governed.end());
  }
  DropDuplicateConsumerFindings(&findings);
  SortFindings(&findings);
  return findings;
}

std::string RuleSummary(std::string_view rule) { return governance::GovernanceRuleSummary(rule); }

int RunLint(const GlobalOptions& global, const LintOptions& options) {
  Result<std::shared_ptr<Clock>> clock = ClockFromEnvironment();
  if (!clock.ok()) {
    std::cerr << "mesh lint: " << clock.status().message() << "\n";
    return kExitUsage;
  }
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) {
    std::cerr << "mesh lint: " << workspace.status().message() << "\n";
    return kExitUsage;
  }
  size_t files_checked = 0;
  Result<std::vector<Finding>> findings = LintWorkspace(*workspace, **clock, &files_checked);
  if (!findings.ok()) {
    std::cerr << "mesh lint: " << findings.status().message() << "\n";
    return kExitUsage;
  }
  if (options.sarif) {
    std::cout << governance::SarifReport(*findings, &RuleSummary);
  } else if (options.json) {
    PrintFindingsJson(std::cout, *findings, files_checked);
  } else {
    PrintFindings(std::cout, *findings, files_checked, global.color);
  }
  bool fail_on_warn = options.fail_on == "warn";
  bool failed = std::any_of(findings->begin(), findings->end(), [&](const Finding& finding) {
    return fail_on_warn || finding.severity == Severity::kError;
  });
  return failed ? kExitFindings : kExitOk;
}

void SetupLint(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "lint",
      "Validate the workspace, apply the governance policies (governance/global.yaml and "
      "governance/domains/*.yaml) and look for mesh anti-patterns; print every finding");
  auto options = std::make_shared<LintOptions>();
  CLI::Option* json = command->add_flag(
      "--json", options->json,
      "Print {\"findings\": [{rule, severity, file, line, column, message}], \"errors\": N, "
      "\"warnings\": N, \"files\": N}");
  CLI::Option* sarif = command->add_flag(
      "--sarif", options->sarif, "Print a SARIF 2.1.0 log for code-scanning tools");
  json->excludes(sarif);
  command->add_option("--fail-on", options->fail_on,
                      "Exit 1 when a finding is at least this severe: error (default) or warn")
      ->check(CLI::IsMember({"error", "warn"}));
  command->footer(
      "Output: as 'mesh validate' (file:line:col: severity rule: message, then a summary), or "
      "--json, or --sarif. Waivers expire by the clock: set MESH_NOW (ISO-8601) to lint as of "
      "another time. Rules: docs/rules.md; policies: docs/governance.md.\n"
      "Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 usage error, no "
      "workspace, an unreadable file or a bad MESH_NOW.");
  command->callback([&global, options, exit_code] { *exit_code = RunLint(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("lint", 30, SetupLint);

}  // namespace mesh::cli
