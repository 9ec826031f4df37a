#include "governance/mesh_rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "governance/descriptor_rules.h"
#include "model/suggest.h"

namespace mesh::governance {
namespace {

using ProductIndex = std::map<std::string_view, const Descriptor*, std::less<>>;

bool IsExternalSource(std::string_view entry) { return entry.substr(0, 7) == "source:"; }

yaml::Mark LineageMark(const Descriptor& product, size_t index) {
  return DescriptorMark(product, "lineage[" + std::to_string(index) + "]");
}

void CheckLineageNames(const Descriptor& product, const ProductIndex& index,
                       const std::vector<std::string_view>& names, RuleReporter* reporter) {
  for (size_t i = 0; i < product.lineage.size(); ++i) {
    const std::string& entry = product.lineage[i];
    if (IsExternalSource(entry) || index.count(entry)) continue;
    reporter->Report(product, "lineage.unknown_product", LineageMark(product, i),
                     "lineage names '" + entry +
                         "', which is not a product of this mesh:" + DidYouMean(entry, names) +
                         " name a product, or write 'source:<system>/<object>' for an input "
                         "outside the mesh");
  }
}

// Finds lineage cycles by depth-first search; each cycle is reported once, at the lineage entry
// of its alphabetically first product that closes it.
class CycleFinder {
 public:
  CycleFinder(const ProductIndex& index, RuleReporter* reporter)
      : index_(index), reporter_(reporter) {}

  void Run() {
    for (const auto& [name, product] : index_) {
      if (!done_.count(name)) Visit(product);
    }
  }

 private:
  void Visit(const Descriptor* product) {
    on_path_.insert(product->name);
    path_.push_back(product);
    for (size_t i = 0; i < product->lineage.size(); ++i) {
      auto next = index_.find(product->lineage[i]);
      if (next == index_.end()) continue;
      if (on_path_.count(next->first)) {
        ReportCycle(next->second);
      } else if (!done_.count(next->first)) {
        Visit(next->second);
      }
    }
    path_.pop_back();
    on_path_.erase(product->name);
    done_.insert(product->name);
  }

  // path_ ends with the product whose lineage names `start`, which is on the path.
  void ReportCycle(const Descriptor* start) {
    auto first = std::find(path_.begin(), path_.end(), start);
    std::vector<const Descriptor*> cycle(first, path_.end());
    // Rotate so that the alphabetically first product leads: the same cycle reads the same way
    // whichever product the search started from.
    auto lead = std::min_element(cycle.begin(), cycle.end(),
                                 [](auto* a, auto* b) { return a->name < b->name; });
    std::rotate(cycle.begin(), lead, cycle.end());
    std::string text;
    for (const Descriptor* product : cycle) text += product->name + " -> ";
    text += cycle.front()->name;
    if (!reported_.insert(text).second) return;
    // The lineage entry of the last product (in the rotated order) that names the first one.
    const Descriptor& closer = *cycle.back();
    size_t entry = 0;
    while (entry < closer.lineage.size() && closer.lineage[entry] != cycle.front()->name) ++entry;
    reporter_->Report(closer, "lineage.cycle", LineageMark(closer, entry),
                      "lineage forms a cycle: " + text +
                          "; a product cannot depend on itself: remove one of these lineage "
                          "entries");
  }

  const ProductIndex& index_;
  RuleReporter* reporter_;
  std::set<std::string_view> on_path_;
  std::set<std::string_view> done_;
  std::vector<const Descriptor*> path_;
  std::set<std::string> reported_;
};

void CheckConsumers(const Descriptor& product, const Organisation& org,
                    const std::vector<std::string_view>& teams, RuleReporter* reporter) {
  for (size_t i = 0; i < product.consumer_teams.size(); ++i) {
    const std::string& team = product.consumer_teams[i];
    if (org.FindTeam(team)) continue;
    reporter->Report(product, "consumers.unknown_team",
                     DescriptorMark(product, "consumer_teams[" + std::to_string(i) + "]"),
                     "consumer team '" + team + "' is not a team of " + org.file + ":" +
                         DidYouMean(team, teams) + " name a team there, or add the team to " +
                         org.file);
  }
}

void CheckDomainNames(const Organisation& org, RuleReporter* reporter) {
  for (const Domain& domain : org.domains) {
    const EffectivePolicy& policy = reporter->policies().For(domain.id);
    auto it = domain.value_marks.find("id");
    yaml::Mark mark = it != domain.value_marks.end() ? it->second : domain.mark;
    for (const NamingRule& rule : policy.naming_domain) {
      if (rule.Matches(domain.id)) continue;
      std::optional<std::string> suggestion = rule.Suggest(domain.id);
      reporter->ReportInFile(org.file, domain.id, "naming.domain", mark,
                             "domain '" + domain.id + "' breaks naming.domain (" + rule.text() +
                                 "): " +
                                 (suggestion ? "rename it to '" + *suggestion + "'"
                                             : "rename it so that it matches " + rule.text()));
      break;
    }
    size_t length = NameLength(domain.id);
    if (length > static_cast<size_t>(policy.naming_max_length)) {
      reporter->ReportInFile(org.file, domain.id, "naming.max_length", mark,
                             "domain '" + domain.id + "' has " + std::to_string(length) +
                                 " characters; naming.max_length allows " +
                                 std::to_string(policy.naming_max_length) + ": shorten it");
    }
  }
}

}  // namespace

void CheckMesh(const Organisation& org, const std::vector<const Descriptor*>& products,
               RuleReporter* reporter) {
  ProductIndex index;
  for (const Descriptor* product : products) index.emplace(product->name, product);
  std::vector<std::string_view> names;
  for (const auto& [name, product] : index) names.push_back(name);
  std::vector<std::string_view> teams;
  for (const Team& team : org.teams) teams.push_back(team.id);

  for (const Descriptor* product : products) {
    CheckLineageNames(*product, index, names, reporter);
    CheckConsumers(*product, org, teams, reporter);
  }
  CycleFinder(index, reporter).Run();
  CheckDomainNames(org, reporter);
}

}  // namespace mesh::governance
