// PolicySet: the effective policy of every domain of a mesh, built once from governance/global.yaml
// and governance/domains/*.yaml. Building it reports what is wrong with the policies themselves
// (policy.loosens, policy.unknown_domain, waiver.expired, waiver.unknown_product).
// Immutable once built; safe for concurrent reads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "governance/policy.h"
#include "model/descriptor.h"
#include "model/finding.h"
#include "model/organisation.h"

namespace mesh::governance {

class PolicySet {
 public:
  // `global` may be null (no governance/global.yaml). Findings about the policies go to
  // `findings`. `now` decides which waivers have expired.
  PolicySet(const Policy* global, const std::vector<Policy>& domain_policies,
            const Organisation& org, const std::vector<const Descriptor*>& products, Timestamp now,
            std::vector<Finding>* findings);

  // The effective policy for products of `domain` (the global one for a domain without a policy
  // file or not in mesh.yaml).
  const EffectivePolicy& For(std::string_view domain) const;
  const EffectivePolicy& Global() const { return global_; }
  Timestamp now() const { return now_; }

 private:
  void ReportWaiverProblems(const Policy& global, const std::vector<const Descriptor*>& products,
                            std::vector<Finding>* findings) const;

  EffectivePolicy global_;
  std::map<std::string, EffectivePolicy, std::less<>> by_domain_;
  Timestamp now_;
};

// Collects the findings of governance rules about products, applying the product's effective
// policy: an active waiver silences a finding, a severity override changes its level.
// External synchronization required.
class RuleReporter {
 public:
  explicit RuleReporter(const PolicySet& policies) : policies_(policies) {}

  // A finding of `rule` about `product`, at `mark` in the product's file.
  void Report(const Descriptor& product, const std::string& rule, yaml::Mark mark,
              std::string message);
  // A finding of `rule` in another file (mesh.yaml, say) under `domain`'s policy; no waiver
  // applies (waivers name products).
  void ReportInFile(const std::string& file, std::string_view domain, const std::string& rule,
                    yaml::Mark mark, std::string message);
  // As Report, with the default severity given instead of the rule table's.
  void ReportWithSeverity(const Descriptor& product, const std::string& rule, Severity severity,
                          yaml::Mark mark, std::string message);

  const PolicySet& policies() const { return policies_; }
  std::vector<Finding> Take() { return std::move(findings_); }

 private:
  const PolicySet& policies_;
  std::vector<Finding> findings_;
};

// The default severity of a rule id (the table of rule_ids.h; error when unknown).
Severity DefaultSeverity(std::string_view rule);

}  // namespace mesh::governance
