#include "health/doctor.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "model/descriptor_parser.h"
#include "sla/evaluator.h"
#include "sla/sla_history.h"

namespace mesh::health {
namespace {

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.0f%%", share * 100);
  return text;
}

std::string Hours(double hours) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f", hours);
  return text;
}

std::optional<Descriptor> ParseStored(const VersionRecord& version) {
  FindingSink sink(version.Ref());
  return ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
}

// Publish attempts of one domain in one window.
struct Attempts {
  int64_t published = 0;
  int64_t rejected = 0;
  int64_t Total() const { return published + rejected; }
  double FailureRate() const {
    return Total() == 0 ? 0.0 : static_cast<double>(rejected) / static_cast<double>(Total());
  }
};

class Doctor {
 public:
  explicit Doctor(const DoctorInput& input)
      : input_(input),
        organisation_(*input.organisation),
        activity_(*input.activity),
        recent_begin_(input.now.micros - int64_t{input.thresholds.window_days} * kMicrosPerDay),
        previous_begin_(recent_begin_ - int64_t{input.thresholds.window_days} * kMicrosPerDay) {}

  std::vector<Diagnosis> Run() {
    DiagnoseFailureRates();
    for (const ProductActivity& product : activity_.products) DiagnoseProduct(product);
    std::sort(out_.begin(), out_.end(), [](const Diagnosis& a, const Diagnosis& b) {
      return std::tie(a.kind, a.subject) < std::tie(b.kind, b.subject);
    });
    return std::move(out_);
  }

 private:
  // 0: the recent window, 1: the previous one, nullopt: neither.
  std::optional<int> WindowOf(Timestamp at) const {
    if (at.micros >= recent_begin_ && at <= input_.now) return 0;
    if (at.micros >= previous_begin_ && at.micros < recent_begin_) return 1;
    return std::nullopt;
  }

  std::string DomainOf(const std::string& product) const {
    if (const ProductActivity* entry = activity_.Find(product)) return entry->product.domain;
    auto it = input_.product_domains.find(product);
    return it == input_.product_domains.end() ? "(unknown domain)" : it->second;
  }

  void DiagnoseFailureRates() {
    std::map<std::string, Attempts[2]> attempts;
    for (const ProductActivity& product : activity_.products) {
      for (const VersionRecord& version : product.versions) {
        if (auto window = WindowOf(version.published_at)) {
          ++attempts[product.product.domain][*window].published;
        }
      }
    }
    for (const QuarantineEntry& entry : activity_.quarantine) {
      if (auto window = WindowOf(entry.at)) ++attempts[DomainOf(entry.product)][*window].rejected;
    }
    const DoctorThresholds& t = input_.thresholds;
    for (const auto& [domain, windows] : attempts) {
      const Attempts& recent = windows[0];
      const Attempts& previous = windows[1];
      double rise = recent.FailureRate() - previous.FailureRate();
      if (recent.Total() < t.min_recent_attempts ||
          recent.FailureRate() < t.min_recent_failure_rate || rise < t.min_failure_rate_rise) {
        continue;
      }
      std::string days = std::to_string(t.window_days);
      out_.push_back(
          {"failure_rate_rising",
           domain,
           "checks failed on " + std::to_string(recent.rejected) + " of " +
               std::to_string(recent.Total()) + " publish attempts (" +
               Percent(recent.FailureRate()) + ") in the last " + days + " days, against " +
               std::to_string(previous.rejected) + " of " + std::to_string(previous.Total()) +
               " (" + Percent(previous.FailureRate()) + ") in the " + days + " days before",
           "look at the domain's quarantined attempts (mesh quarantine list) for the checks "
           "that fail and fix the upstream data or the checks with the owning team",
           {{"recent_attempts", recent.Total()},
            {"recent_rejected", recent.rejected},
            {"recent_failure_rate", recent.FailureRate()},
            {"previous_attempts", previous.Total()},
            {"previous_rejected", previous.rejected},
            {"previous_failure_rate", previous.FailureRate()}}});
    }
  }

  void DiagnoseOwner(const ProductRecord& product) {
    const Team* team = organisation_.FindTeam(product.owner);
    std::string problem;
    if (team == nullptr) {
      problem = "its owner team '" + product.owner + "' is not in mesh.yaml";
    } else if (team->members.empty()) {
      problem = "its owner team '" + product.owner + "' has no members";
    } else if (!organisation_.OwnsDomain(product.owner, product.domain)) {
      problem =
          "its owner team '" + product.owner + "' does not own the domain '" + product.domain + "'";
    }
    if (problem.empty()) return;
    out_.push_back({"product_without_owner",
                    product.name,
                    product.name + ": " + problem,
                    "name an owner team of domain '" + product.domain +
                        "' in the descriptor's owner (and give the team members in mesh.yaml), "
                        "then publish again",
                    {{"owner", product.owner}, {"domain", product.domain}}});
  }

  void DiagnoseDescriptor(const ProductRecord& product, const Descriptor& descriptor) {
    std::vector<std::string> missing;
    if (!descriptor.description || descriptor.description->empty())
      missing.push_back("description");
    if (!descriptor.documentation_url) missing.push_back("documentation_url");
    if (!missing.empty()) {
      std::string keys = missing.size() == 2 ? missing[0] + " and " + missing[1] : missing[0];
      out_.push_back({"product_without_docs",
                      product.name,
                      product.name + " is published without " + keys,
                      "write the " + keys + " in the descriptor and publish a patch version",
                      {{"missing", missing}}});
    }
    if (!descriptor.sla) {
      out_.push_back({"product_without_sla", product.name,
                      product.name + " is published without an sla: consumers cannot tell "
                                     "when it is due or how complete it is",
                      "add sla (availability, timezone, max_lag_hours, min_completeness) to the "
                      "descriptor and publish again",
                      nlohmann::ordered_json::object()});
    }
  }

  void DiagnoseLateness(const ProductActivity& product) {
    int64_t recent = 0, late = 0;
    double worst = 0, allowed = 0;
    for (const VersionRecord& version : product.versions) {
      if (WindowOf(version.published_at) != 0) continue;
      ++recent;
      std::optional<Descriptor> descriptor = ParseStored(version);
      if (!descriptor || !descriptor->sla || !descriptor->sla->max_lag_hours ||
          !version.lag_hours || *version.lag_hours <= *descriptor->sla->max_lag_hours) {
        continue;
      }
      ++late;
      if (*version.lag_hours > worst) {
        worst = *version.lag_hours;
        allowed = *descriptor->sla->max_lag_hours;
      }
    }
    if (late == 0) return;
    out_.push_back(
        {"late_publishes",
         product.product.name,
         std::to_string(late) + " of " + std::to_string(recent) + " versions of " +
             product.product.name + " published in the last " +
             std::to_string(input_.thresholds.window_days) +
             " days were later than the sla allows (worst lag " + Hours(worst) + " h, allowed " +
             Hours(allowed) + " h)",
         "publish sooner after the data arrives (schedule the publish after the upstream "
         "load), or agree a longer max_lag_hours with the consumers",
         {{"recent_versions", recent},
          {"late_versions", late},
          {"worst_lag_hours", worst},
          {"max_lag_hours", allowed}}});
  }

  void Warn(std::string text) {
    if (input_.warnings != nullptr) input_.warnings->push_back(std::move(text));
  }

  void DiagnoseReports(const ProductRecord& product) {
    int64_t open = 0, opened_recently = 0;
    std::optional<Timestamp> oldest;
    for (const ConsumerReport& report : activity_.reports) {
      if (report.product != product.name || report.status != ReportStatus::kOpen) continue;
      ++open;
      if (report.opened_at.micros >= recent_begin_) ++opened_recently;
      if (!oldest || report.opened_at < *oldest) oldest = report.opened_at;
    }
    if (open < input_.thresholds.min_open_reports) return;
    int64_t age_days = (input_.now.micros - oldest->micros) / kMicrosPerDay;
    out_.push_back(
        {"reports_piling_up",
         product.name,
         std::to_string(open) + " consumer reports are open on " + product.name + " (" +
             std::to_string(opened_recently) + " opened in the last " +
             std::to_string(input_.thresholds.window_days) + " days; the oldest has waited " +
             std::to_string(age_days) + " days since " + FormatTimestamp(*oldest) + ")",
         "the owning team " + product.owner + " should answer the reports (mesh report list " +
             product.name + ") and resolve those that are fixed",
         {{"open_reports", open},
          {"opened_recently", opened_recently},
          {"oldest_days", age_days}}});
  }

  void DiagnoseCompliance(const ProductActivity& product) {
    Result<sla::SlaHistory> history = sla::SlaHistory::Build(product.versions);
    if (!history.ok()) {
      Warn(product.product.name + ": SLA compliance not judged: " + history.status().message());
      return;
    }
    auto window = [&](int64_t from, int64_t to) {
      return sla::EvaluateWindow(product.product.name, *history, activity_.quarantine,
                                 Timestamp{from}, Timestamp{to}, input_.now,
                                 product.recorded_periods)
          .compliance;
    };
    sla::Compliance recent = window(recent_begin_, input_.now.micros);
    sla::Compliance previous = window(previous_begin_, recent_begin_);
    const DoctorThresholds& t = input_.thresholds;
    if (!recent.ratio || !previous.ratio || recent.periods < t.min_periods ||
        previous.periods < t.min_periods ||
        *previous.ratio - *recent.ratio < t.min_compliance_drop) {
      return;
    }
    std::string days = std::to_string(t.window_days);
    out_.push_back(
        {"sla_compliance_falling",
         product.product.name,
         product.product.name + " met its availability in " + std::to_string(recent.met) + " of " +
             std::to_string(recent.periods) + " periods (" + Percent(*recent.ratio) +
             ") in the last " + days + " days, against " + std::to_string(previous.met) + " of " +
             std::to_string(previous.periods) + " (" + Percent(*previous.ratio) + ") in the " +
             days + " days before",
         "look at the missed periods (mesh sla report " + product.product.name +
             ") and move the publish before the deadline, or agree a later availability with "
             "the consumers",
         {{"recent_periods", recent.periods},
          {"recent_met", recent.met},
          {"recent_compliance", *recent.ratio},
          {"previous_periods", previous.periods},
          {"previous_met", previous.met},
          {"previous_compliance", *previous.ratio}}});
  }

  void DiagnoseProduct(const ProductActivity& product) {
    if (product.product.current_snapshot == 0) return;
    DiagnoseReports(product.product);
    DiagnoseCompliance(product);
    DiagnoseOwner(product.product);
    for (const VersionRecord& version : product.versions) {
      if (version.status != VersionStatus::kCurrent) continue;
      if (std::optional<Descriptor> descriptor = ParseStored(version)) {
        DiagnoseDescriptor(product.product, *descriptor);
      }
    }
    DiagnoseLateness(product);
  }

  const DoctorInput& input_;
  const Organisation& organisation_;
  const MeshActivity& activity_;
  const int64_t recent_begin_;
  const int64_t previous_begin_;
  std::vector<Diagnosis> out_;
};

}  // namespace

std::vector<Diagnosis> Diagnose(const DoctorInput& input) { return Doctor(input).Run(); }

nlohmann::ordered_json DiagnosesToJson(const std::vector<Diagnosis>& diagnoses, Timestamp now,
                                       int window_days, const std::vector<std::string>& warnings) {
  nlohmann::ordered_json json;
  json["measured_at"] = FormatTimestamp(now);
  json["window_days"] = window_days;
  json["findings"] = nlohmann::ordered_json::array();
  for (const Diagnosis& diagnosis : diagnoses) {
    json["findings"].push_back({{"kind", diagnosis.kind},
                                {"subject", diagnosis.subject},
                                {"evidence", diagnosis.evidence},
                                {"action", diagnosis.action},
                                {"measures", diagnosis.measures}});
  }
  json["warnings"] = warnings;
  return json;
}

std::string RenderDiagnoses(const std::vector<Diagnosis>& diagnoses) {
  std::ostringstream out;
  for (const Diagnosis& diagnosis : diagnoses) {
    out << diagnosis.kind << "  " << diagnosis.subject << "\n  evidence: " << diagnosis.evidence
        << "\n  action: " << diagnosis.action << "\n";
  }
  if (diagnoses.empty()) out << "no findings: the mesh looks healthy\n";
  return out.str();
}

}  // namespace mesh::health
