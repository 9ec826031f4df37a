#include "governance/policy_set.h"

#include <set>

#include "governance/effective_policy.h"
#include "governance/rule_ids.h"

namespace mesh::governance {
namespace {

Finding MakeFinding(const std::string& rule, Severity severity, const std::string& file,
                    yaml::Mark mark, std::string message) {
  Finding finding;
  finding.rule = rule;
  finding.severity = severity;
  finding.file = file;
  finding.line = mark.line;
  finding.column = mark.column;
  finding.message = std::move(message);
  return finding;
}

}  // namespace

Severity DefaultSeverity(std::string_view rule) {
  const RuleInfo* info = FindRule(rule);
  return info ? info->default_severity : Severity::kError;
}

PolicySet::PolicySet(const Policy* global, const std::vector<Policy>& domain_policies,
                     const Organisation& org, const std::vector<const Descriptor*>& products,
                     Timestamp now, std::vector<Finding>* findings)
    : global_(ResolveGlobalPolicy(global)), now_(now) {
  for (const Policy& policy : domain_policies) {
    FindingSink sink(policy.file);
    if (!org.FindDomain(policy.domain)) {
      sink.Error("policy.unknown_domain", policy.mark,
                 "'" + policy.domain + "' is not a domain of " + org.file +
                     ": name the file governance/domains/<domain id>.yaml after a domain there");
    } else {
      by_domain_.emplace(policy.domain, TightenForDomain(global_, policy, &sink));
    }
    for (Finding& finding : sink.Take()) findings->push_back(std::move(finding));
  }
  if (global) ReportWaiverProblems(*global, products, findings);
}

const EffectivePolicy& PolicySet::For(std::string_view domain) const {
  auto it = by_domain_.find(domain);
  return it == by_domain_.end() ? global_ : it->second;
}

void PolicySet::ReportWaiverProblems(const Policy& global,
                                     const std::vector<const Descriptor*>& products,
                                     std::vector<Finding>* findings) const {
  std::set<std::string_view> names;
  for (const Descriptor* product : products) names.insert(product->name);
  for (const Waiver& waiver : global.waivers) {
    if (waiver.IsExpired(now_)) {
      findings->push_back(MakeFinding("waiver.expired", Severity::kWarn, global.file,
                                      waiver.ValueMarkOf("expires"),
                                      "the waiver of " + waiver.rule + " for " + waiver.product +
                                          " expired on " + waiver.expires_text +
                                          " and no longer applies: fix the product, or renew the "
                                          "waiver with a new date and reason"));
    }
    if (!names.count(waiver.product)) {
      findings->push_back(MakeFinding(
          "waiver.unknown_product", Severity::kError, global.file, waiver.ValueMarkOf("product"),
          "the waiver of " + waiver.rule + " names '" + waiver.product +
              "', which is not a product of this mesh: correct the name or remove the waiver"));
    }
  }
}

void RuleReporter::Report(const Descriptor& product, const std::string& rule, yaml::Mark mark,
                          std::string message) {
  ReportWithSeverity(product, rule, DefaultSeverity(rule), mark, std::move(message));
}

void RuleReporter::ReportWithSeverity(const Descriptor& product, const std::string& rule,
                                      Severity severity, yaml::Mark mark, std::string message) {
  const EffectivePolicy& policy = policies_.For(product.domain);
  if (policy.ActiveWaiver(rule, product.name, policies_.now())) return;
  findings_.push_back(
      MakeFinding(rule, policy.SeverityOf(rule, severity), product.file, mark, std::move(message)));
}

void RuleReporter::ReportInFile(const std::string& file, std::string_view domain,
                                const std::string& rule, yaml::Mark mark, std::string message) {
  const EffectivePolicy& policy = policies_.For(domain);
  findings_.push_back(MakeFinding(rule, policy.SeverityOf(rule, DefaultSeverity(rule)), file, mark,
                                  std::move(message)));
}

}  // namespace mesh::governance
