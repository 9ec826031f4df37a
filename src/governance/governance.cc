#include "governance/governance.h"

#include "governance/antipatterns.h"
#include "governance/descriptor_rules.h"
#include "governance/mesh_rules.h"
#include "governance/policy_set.h"

namespace mesh::governance {

std::vector<Finding> Govern(const GovernanceInput& input) {
  std::vector<Finding> findings;
  PolicySet policies(input.global_policy, input.domain_policies, *input.org, input.products,
                     input.now, &findings);
  RuleReporter reporter(policies);
  for (const Descriptor* product : input.products) {
    CheckDescriptor(*product, policies.For(product->domain), &reporter);
  }
  CheckMesh(*input.org, input.products, &reporter);
  if (input.anti_patterns) CheckAntiPatterns(*input.org, input.products, &reporter);
  for (Finding& finding : reporter.Take()) findings.push_back(std::move(finding));
  SortFindings(&findings);
  return findings;
}

}  // namespace mesh::governance
