#include "health/maturity.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <sstream>

namespace mesh::health {
namespace {

double Share(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.0f%%", share * 100);
  return text;
}

std::string OfTotal(int64_t part, int64_t whole) {
  return std::to_string(part) + " of " + std::to_string(whole) + " (" +
         Percent(Share(part, whole)) + ")";
}

bool OwnsProduct(const Organisation& organisation, const ProductRecord& product,
                 std::string_view team) {
  return team == product.owner || organisation.OwnsDomain(team, product.domain);
}

// The owner team of the product's domain that `person` publishes through, if any.
std::optional<std::string> PublishingTeam(const Organisation& organisation,
                                          const ProductRecord& product, std::string_view person) {
  const Domain* domain = organisation.FindDomain(product.domain);
  if (domain == nullptr) return std::nullopt;
  for (const std::string& team : domain->owners) {
    if (organisation.IsMember(person, team)) return team;
  }
  return std::nullopt;
}

MaturityMetrics Measure(const MaturityInput& input) {
  const Organisation& organisation = *input.organisation;
  const MeshActivity& activity = *input.activity;
  const Timestamp since{input.now.micros - int64_t{input.thresholds.window_days} * kMicrosPerDay};
  MaturityMetrics metrics;
  metrics.domains = static_cast<int64_t>(organisation.domains.size());
  std::set<std::string> with_products, active, teams, read_by_others;
  for (const ProductActivity& entry : activity.products) {
    const ProductRecord& product = entry.product;
    if (product.current_snapshot == 0) continue;
    ++metrics.published_products;
    if (organisation.FindDomain(product.domain)) with_products.insert(product.domain);
    for (const VersionRecord& version : entry.versions) {
      if (version.published_at < since || version.published_at > input.now) continue;
      std::optional<std::string> team = PublishingTeam(organisation, product, version.publisher);
      if (!team) continue;
      active.insert(product.domain);
      teams.insert(*team);
    }
  }
  for (const ReadUsageRecord& read : activity.reads) {
    ++metrics.reads;
    const ProductActivity* entry = activity.Find(read.product);
    if (entry == nullptr || OwnsProduct(organisation, entry->product, read.team)) continue;
    ++metrics.reads_by_others;
    if (entry->product.current_snapshot > 0) read_by_others.insert(read.product);
  }
  metrics.domains_with_products = static_cast<int64_t>(with_products.size());
  metrics.active_domains = static_cast<int64_t>(active.size());
  metrics.publishing_teams = static_cast<int64_t>(teams.size());
  metrics.products_read_by_others = static_cast<int64_t>(read_by_others.size());
  metrics.governed_products = input.governed_products;
  metrics.clean_products = input.clean_products;
  return metrics;
}

Criterion AtLeast(std::string id, std::string description, double value, double threshold,
                  std::string evidence) {
  return Criterion{std::move(id), std::move(description), value,
                   threshold,     value >= threshold,     std::move(evidence)};
}

std::vector<PhaseAssessment> Phases(const MaturityMetrics& m, const MaturityThresholds& t) {
  const std::string window = " in the last " + std::to_string(t.window_days) + " days";
  std::vector<PhaseAssessment> phases(4);
  phases[0] = {1, "centralised", {}, true};
  phases[1] = {2, "first products", {}, false};
  phases[1].criteria.push_back(
      AtLeast("products.published", "at least one product is published",
              static_cast<double>(m.published_products), 1,
              std::to_string(m.published_products) + " products published"));
  phases[2] = {3, "domains publishing on their own", {}, false};
  phases[2].criteria.push_back(
      AtLeast("domains.active", "domains that published through their own owner teams" + window,
              static_cast<double>(m.active_domains), static_cast<double>(t.min_active_domains),
              OfTotal(m.active_domains, m.domains) + " domains published" + window));
  phases[2].criteria.push_back(
      AtLeast("domains.active_share", "share of domains that published" + window,
              Share(m.active_domains, m.domains), t.min_active_domain_share,
              OfTotal(m.active_domains, m.domains) + " domains published" + window));
  phases[2].criteria.push_back(
      AtLeast("teams.publishing", "distinct owner teams that published" + window,
              static_cast<double>(m.publishing_teams), static_cast<double>(t.min_publishing_teams),
              std::to_string(m.publishing_teams) + " teams published" + window));
  phases[3] = {4, "mesh operation", {}, false};
  phases[3].criteria.push_back(
      AtLeast("domains.with_products", "share of domains with a published product",
              Share(m.domains_with_products, m.domains), t.min_domains_with_products_share,
              OfTotal(m.domains_with_products, m.domains) + " domains have a published product"));
  phases[3].criteria.push_back(
      AtLeast("domains.active_share_operation", "share of domains that published" + window,
              Share(m.active_domains, m.domains), t.min_active_domain_share_operation,
              OfTotal(m.active_domains, m.domains) + " domains published" + window));
  phases[3].criteria.push_back(
      AtLeast("governance.clean_rate", "share of products that pass governance without errors",
              Share(m.clean_products, m.governed_products), t.min_lint_clean_rate,
              OfTotal(m.clean_products, m.governed_products) + " products pass mesh lint"));
  phases[3].criteria.push_back(AtLeast(
      "consumers.reach",
      "share of published products read by a team that does not own them" + window,
      Share(m.products_read_by_others, m.published_products), t.min_consumer_reach,
      OfTotal(m.products_read_by_others, m.published_products) +
          " published products were read by other teams (" + std::to_string(m.reads_by_others) +
          " of " + std::to_string(m.reads) + " reads)"));
  return phases;
}

nlohmann::ordered_json CriterionJson(const Criterion& criterion) {
  return {{"id", criterion.id},       {"description", criterion.description},
          {"value", criterion.value}, {"threshold", criterion.threshold},
          {"met", criterion.met},     {"evidence", criterion.evidence}};
}

}  // namespace

MaturityVerdict AssessMaturity(const MaturityInput& input) {
  MaturityVerdict verdict;
  verdict.measured_at = input.now;
  verdict.window_days = input.thresholds.window_days;
  verdict.metrics = Measure(input);
  verdict.phases = Phases(verdict.metrics, input.thresholds);
  bool all_earlier = true;
  for (PhaseAssessment& phase : verdict.phases) {
    bool met = std::all_of(phase.criteria.begin(), phase.criteria.end(),
                           [](const Criterion& c) { return c.met; });
    phase.reached = all_earlier && met;
    all_earlier = phase.reached;
    if (phase.reached) {
      verdict.phase = phase.phase;
      verdict.name = phase.name;
    }
  }
  return verdict;
}

nlohmann::ordered_json MaturityToJson(const MaturityVerdict& verdict) {
  nlohmann::ordered_json json;
  json["phase"] = verdict.phase;
  json["name"] = verdict.name;
  json["measured_at"] = FormatTimestamp(verdict.measured_at);
  json["window_days"] = verdict.window_days;
  const MaturityMetrics& m = verdict.metrics;
  json["metrics"] = {{"domains", m.domains},
                     {"domains_with_products", m.domains_with_products},
                     {"active_domains", m.active_domains},
                     {"publishing_teams", m.publishing_teams},
                     {"published_products", m.published_products},
                     {"governed_products", m.governed_products},
                     {"clean_products", m.clean_products},
                     {"products_read_by_others", m.products_read_by_others},
                     {"reads_by_others", m.reads_by_others},
                     {"reads", m.reads}};
  json["phases"] = nlohmann::ordered_json::array();
  for (const PhaseAssessment& phase : verdict.phases) {
    nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
    for (const Criterion& criterion : phase.criteria) criteria.push_back(CriterionJson(criterion));
    json["phases"].push_back({{"phase", phase.phase},
                              {"name", phase.name},
                              {"reached", phase.reached},
                              {"criteria", criteria}});
  }
  json["next"] = nullptr;
  if (verdict.phase < 4) {
    const PhaseAssessment& next = verdict.phases[verdict.phase];
    nlohmann::ordered_json evidence_for = nlohmann::ordered_json::array();
    nlohmann::ordered_json against = nlohmann::ordered_json::array();
    for (const Criterion& criterion : next.criteria) {
      (criterion.met ? evidence_for : against).push_back(CriterionJson(criterion));
    }
    json["next"] = {
        {"phase", next.phase}, {"name", next.name}, {"for", evidence_for}, {"against", against}};
  }
  return json;
}

std::string RenderMaturity(const MaturityVerdict& verdict) {
  std::ostringstream out;
  out << "phase " << verdict.phase << " of 4: " << verdict.name << " (measured at "
      << FormatTimestamp(verdict.measured_at) << ", window " << verdict.window_days << " days)\n";
  for (const PhaseAssessment& phase : verdict.phases) {
    if (phase.criteria.empty()) continue;
    bool is_next = phase.phase == verdict.phase + 1;
    out << "phase " << phase.phase << " " << phase.name
        << (phase.reached ? ": reached"
            : is_next     ? ": next"
                          : ": not reached")
        << "\n";
    for (const Criterion& criterion : phase.criteria) {
      out << "  [" << (criterion.met ? "for" : "against") << "] " << criterion.evidence
          << " (needs " << criterion.description << " >= "
          << (criterion.threshold < 1.0 && criterion.threshold > 0.0
                  ? Percent(criterion.threshold)
                  : std::to_string(static_cast<int64_t>(criterion.threshold)))
          << ")\n";
    }
  }
  if (verdict.phase == 4) {
    out << "phase 4 is the last: no next phase to argue for or against; every criterion above "
           "is the evidence that keeps the mesh in it\n";
  }
  return out.str();
}

}  // namespace mesh::health
