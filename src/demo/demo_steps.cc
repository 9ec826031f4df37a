#include "demo/demo_steps.h"

#include <map>
#include <set>

#include "demo/demo_publish.h"
#include "demo/generation_order.h"
#include "demo/sample_data.h"
#include "demo/sample_writer.h"
#include "governance/governance.h"
#include "governance/policy_loader.h"

namespace mesh::demo {
namespace {

void DescribeOrganisation(const WorkspaceContents& contents, DemoReport* report) {
  if (contents.org) {
    const Organisation& org = *contents.org;
    report->organisation = org.name;
    report->teams = org.teams.size();
    std::set<std::string> people;
    for (const Team& team : org.teams) people.insert(team.members.begin(), team.members.end());
    report->people = people.size();
    for (const Domain& domain : org.domains)
      report->domains.push_back({domain.id, domain.owners, {}});
  }
  for (const Descriptor& product : contents.descriptors) {
    report->products.push_back(product.name);
    report->formats.emplace_back(OutputFormatName(product.output_format));
    for (DemoDomain& domain : report->domains) {
      if (domain.id == product.domain) domain.products.push_back(product.name);
    }
  }
}

// Products governance can reason about: each name once (a second descriptor with the same name
// already has an org.duplicate_id finding), as `mesh lint` does.
std::vector<const Descriptor*> GovernableProducts(const WorkspaceContents& contents) {
  std::vector<const Descriptor*> products;
  std::set<std::string_view> names;
  for (const Descriptor& descriptor : contents.descriptors) {
    if (descriptor.name.empty() || !names.insert(descriptor.name).second) continue;
    products.push_back(&descriptor);
  }
  return products;
}

// Governance findings (policies, waivers, anti-patterns) of the loaded workspace, sorted into
// the report: anti-patterns apart from the rest.
Status ApplyGovernance(const Workspace& workspace, const WorkspaceContents& contents, Timestamp now,
                       DemoReport* report) {
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  report->findings.insert(report->findings.end(), policies.findings.begin(),
                          policies.findings.end());
  report->files_checked += (policies.global ? 1 : 0) + policies.domains.size();
  if (!contents.org) return Status::OK();
  governance::GovernanceInput input;
  input.org = &*contents.org;
  input.products = GovernableProducts(contents);
  input.global_policy = policies.global ? &*policies.global : nullptr;
  input.domain_policies = std::move(policies.domains);
  input.now = now;
  for (Finding& finding : governance::Govern(input)) {
    const bool anti_pattern = finding.rule.starts_with("antipattern.");
    (anti_pattern ? report->lint_findings : report->findings).push_back(std::move(finding));
  }
  SortFindings(&report->findings);
  SortFindings(&report->lint_findings);
  return Status::OK();
}

class ValidateStep final : public DemoStep {
 public:
  std::string_view Name() const override { return "validate"; }

  Status Run(DemoContext* context) override {
    context->progress->Line("validating the mesh in " + context->options.workspace_dir);
    ASSIGN_OR_RAISE(Workspace workspace,
                    Workspace::Open(context->fs, context->options.workspace_dir));
    ASSIGN_OR_RAISE(context->contents, workspace.Load());
    context->workspace = std::move(workspace);
    DemoReport& report = context->report;
    report.findings = context->contents.findings;
    report.files_checked = context->contents.files.size();
    RETURN_NOT_OK(
        ApplyGovernance(*context->workspace, context->contents, context->options.now, &report));
    DescribeOrganisation(context->contents, &report);
    if (report.CountErrors() > 0) {
      report.stopped_because = "the mesh has " + std::to_string(report.CountErrors()) +
                               " validation error(s); fix them (see the findings) and run "
                               "mesh demo again";
    }
    return Status::OK();
  }
};

class GenerateStep final : public DemoStep {
 public:
  std::string_view Name() const override { return "generate"; }

  Status Run(DemoContext* context) override {
    const std::vector<Descriptor>& products = context->contents.descriptors;
    ASSIGN_OR_RAISE(std::vector<size_t> order, GenerationOrder(products));
    const std::string data_dir = JoinPath(context->options.out_dir, "data");
    RETURN_NOT_OK(context->fs->CreateDirs(data_dir));
    SampleOptions options;
    options.seed = context->options.seed;
    options.rows = context->options.rows;
    options.now = context->options.now;
    SampleCatalog& catalog = context->samples;
    size_t done = 0;
    for (size_t index : order) {
      const Descriptor& product = products[index];
      ASSIGN_OR_RAISE(SampleTable table, GenerateSample(product, options, catalog));
      const SampleFileFormat format = SampleFileFormatFor(product.output_format);
      DemoFile file;
      file.product = product.name;
      file.domain = product.domain;
      file.format = std::string(SampleFileExtension(format));
      file.path = JoinPath(data_dir, product.name + "." + file.format);
      file.rows = static_cast<int64_t>(table.rows.size());
      file.shortfall = table.shortfall;
      ASSIGN_OR_RAISE(const std::string bytes, SampleFileBytes(table, format));
      file.bytes = bytes.size();
      RETURN_NOT_OK(context->fs->WriteFileAtomically(file.path, bytes));
      ++done;
      context->progress->Line("[" + std::to_string(done) + "/" + std::to_string(order.size()) +
                              "] " + product.name + ": " + std::to_string(file.rows) + " rows -> " +
                              file.path);
      catalog.Add(std::move(table));
      context->report.files.push_back(std::move(file));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<DemoStep> MakeValidateStep() { return std::make_unique<ValidateStep>(); }
std::unique_ptr<DemoStep> MakeGenerateStep() { return std::make_unique<GenerateStep>(); }

std::vector<std::unique_ptr<DemoStep>> StandardDemoSteps(int history_days) {
  std::vector<std::unique_ptr<DemoStep>> steps;
  steps.push_back(MakeValidateStep());
  steps.push_back(MakeGenerateStep());
  if (history_days > 0) steps.push_back(MakeHistoryStep());
  steps.push_back(MakePublishStep());
  return steps;
}

}  // namespace mesh::demo
