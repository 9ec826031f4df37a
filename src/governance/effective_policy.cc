#include "governance/effective_policy.h"

#include <algorithm>
#include <cstdio>

#include "governance/rule_ids.h"

namespace mesh::governance {
namespace {

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string FormatList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

Severity DefaultSeverityOf(std::string_view rule) {
  const RuleInfo* info = FindRule(rule);
  return info ? info->default_severity : Severity::kError;
}

// Reports what a domain policy loosens; each check leaves `effective` alone when it loosens.
class Tightener {
 public:
  Tightener(const Policy& domain, EffectivePolicy* effective, FindingSink* sink)
      : domain_(domain), effective_(effective), sink_(sink) {}

  void Run() {
    Naming(domain_.naming_product, "naming.product", &effective_->naming_product);
    Naming(domain_.naming_field, "naming.field", &effective_->naming_field);
    Naming(domain_.naming_domain, "naming.domain", &effective_->naming_domain);
    if (auto v = domain_.naming_max_length) {
      Bound(*v <= effective_->naming_max_length, "naming.max_length",
            std::to_string(effective_->naming_max_length), std::to_string(*v),
            [&] { effective_->naming_max_length = *v; });
    }
    if (auto v = domain_.naming_min_length) {
      Bound(*v >= effective_->naming_min_length, "naming.min_length",
            std::to_string(effective_->naming_min_length), std::to_string(*v),
            [&] { effective_->naming_min_length = *v; });
    }
    if (domain_.required) Required(*domain_.required);
    if (domain_.allowed_formats) Formats(*domain_.allowed_formats);
    if (domain_.classification_levels) Levels(*domain_.classification_levels);
    if (domain_.pii_min_level) PiiLevel(*domain_.pii_min_level);
    Sla();
    if (auto v = domain_.time_fields_typed) {
      Bound(*v || !effective_->time_fields_typed, "standards.time_fields_typed",
            effective_->time_fields_typed ? "true" : "false", *v ? "true" : "false",
            [&] { effective_->time_fields_typed = *v; });
    }
    if (auto v = domain_.deprecation_days) {
      Bound(*v >= effective_->deprecation_days, "versions.deprecation_days",
            std::to_string(effective_->deprecation_days), std::to_string(*v),
            [&] { effective_->deprecation_days = *v; });
    }
    for (const SeverityOverride& entry : domain_.severity) SeverityEntry(entry);
    for (const Waiver& waiver : domain_.waivers) {
      Loosens(waiver.mark, "waivers",
              "only the global policy may waive a rule; ask the governance team to add the "
              "waiver for " +
                  waiver.product + " to governance/global.yaml");
    }
  }

 private:
  void Loosens(yaml::Mark mark, std::string_view key, const std::string& detail) {
    sink_->Error("policy.loosens", mark,
                 domain_.domain + " loosens " + std::string(key) + ": " + detail);
  }

  // Applies the domain value when `tightens`, else reports both values.
  template <typename Apply>
  void Bound(bool tightens, std::string_view key, const std::string& global_value,
             const std::string& domain_value, Apply apply) {
    if (tightens) {
      apply();
      return;
    }
    Loosens(domain_.ValueMarkOf(key), key,
            "global " + global_value + ", domain " + domain_value +
                "; a domain may only tighten the global policy: remove the key or make it "
                "stricter");
  }

  void Naming(const std::optional<NamingRule>& rule, std::string_view key,
              std::vector<NamingRule>* rules) {
    if (!rule) return;
    const NamingRule& global = rules->front();
    if (global.IsBuiltIn() && rule->IsBuiltIn() && global.style() != rule->style()) {
      Loosens(domain_.ValueMarkOf(key), key,
              "global " + global.text() + ", domain " + rule->text() +
                  "; a domain may add a stricter \"regex:\" rule for its own names but not "
                  "switch to another style");
      return;
    }
    for (const NamingRule& existing : *rules) {
      if (existing.text() == rule->text()) return;
    }
    rules->push_back(*rule);
  }

  void Required(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
      auto& required = effective_->required;
      if (std::find(required.begin(), required.end(), key) == required.end()) {
        required.push_back(key);
      }
    }
  }

  void Formats(const std::vector<std::string>& formats) {
    const auto& global = effective_->allowed_formats;
    std::vector<std::string> added;
    for (const std::string& format : formats) {
      if (std::find(global.begin(), global.end(), format) == global.end()) added.push_back(format);
    }
    if (!added.empty()) {
      Loosens(domain_.ValueMarkOf("allowed_formats"), "allowed_formats",
              "global " + FormatList(global) + ", domain " + FormatList(formats) + " adds " +
                  FormatList(added) + "; a domain may only narrow the list");
      return;
    }
    effective_->allowed_formats = formats;
  }

  void Levels(const std::vector<std::string>& levels) {
    if (levels == effective_->classification_levels) return;
    Loosens(domain_.ValueMarkOf("classification.levels"), "classification.levels",
            "global " + FormatList(effective_->classification_levels) + ", domain " +
                FormatList(levels) +
                "; the taxonomy is global: remove classification.levels from the domain policy");
  }

  void PiiLevel(const std::string& level) {
    int rank = effective_->LevelRank(level);
    if (rank < 0) {
      sink_->Error("policy.invalid", domain_.ValueMarkOf("classification.pii_min_level"),
                   "pii_min_level '" + level + "' is not a level of the global taxonomy " +
                       FormatList(effective_->classification_levels));
      return;
    }
    std::string global = effective_->pii_min_level.value_or("(none)");
    int global_rank = effective_->pii_min_level ? effective_->LevelRank(global) : -1;
    Bound(rank >= global_rank, "classification.pii_min_level", global, level,
          [&] { effective_->pii_min_level = level; });
  }

  void Sla() {
    if (auto v = domain_.sla_min_completeness) {
      auto& floor = effective_->sla_min_completeness;
      Bound(!floor || *v >= *floor, "sla.min_completeness", floor ? FormatNumber(*floor) : "",
            FormatNumber(*v), [&] { floor = *v; });
    }
    if (auto v = domain_.sla_max_lag_hours) {
      auto& ceiling = effective_->sla_max_lag_hours;
      Bound(!ceiling || *v <= *ceiling, "sla.max_lag_hours", ceiling ? FormatNumber(*ceiling) : "",
            FormatNumber(*v), [&] { ceiling = *v; });
    }
  }

  void SeverityEntry(const SeverityOverride& entry) {
    Severity global = effective_->SeverityOf(entry.rule, DefaultSeverityOf(entry.rule));
    if (entry.severity == Severity::kWarn && global == Severity::kError) {
      Loosens(domain_.ValueMarkOf("severity." + entry.rule), "severity." + entry.rule,
              "global error, domain warn; a domain may only raise a warning to an error");
      return;
    }
    effective_->severity[entry.rule] = entry.severity;
  }

  const Policy& domain_;
  EffectivePolicy* effective_;
  FindingSink* sink_;
};

}  // namespace

EffectivePolicy ResolveGlobalPolicy(const Policy* global) {
  EffectivePolicy effective = DefaultEffectivePolicy();
  if (!global) return effective;
  if (global->naming_product) effective.naming_product = {*global->naming_product};
  if (global->naming_field) effective.naming_field = {*global->naming_field};
  if (global->naming_domain) effective.naming_domain = {*global->naming_domain};
  if (global->naming_max_length) effective.naming_max_length = *global->naming_max_length;
  if (global->naming_min_length) effective.naming_min_length = *global->naming_min_length;
  if (global->required) effective.required = *global->required;
  if (global->allowed_formats) effective.allowed_formats = *global->allowed_formats;
  if (global->classification_levels) {
    effective.classification_levels = *global->classification_levels;
    if (effective.pii_min_level && effective.LevelRank(*effective.pii_min_level) < 0) {
      effective.pii_min_level.reset();  // the default level is not in the custom taxonomy
    }
  }
  if (global->pii_min_level) effective.pii_min_level = *global->pii_min_level;
  if (global->sla_min_completeness) effective.sla_min_completeness = global->sla_min_completeness;
  if (global->sla_max_lag_hours) effective.sla_max_lag_hours = global->sla_max_lag_hours;
  if (global->time_fields_typed) effective.time_fields_typed = *global->time_fields_typed;
  if (global->deprecation_days) effective.deprecation_days = *global->deprecation_days;
  for (const SeverityOverride& entry : global->severity) {
    effective.severity[entry.rule] = entry.severity;
  }
  effective.waivers = global->waivers;
  return effective;
}

EffectivePolicy TightenForDomain(const EffectivePolicy& global, const Policy& domain_policy,
                                 FindingSink* sink) {
  EffectivePolicy effective = global;
  effective.domain = domain_policy.domain;
  Tightener(domain_policy, &effective, sink).Run();
  return effective;
}

}  // namespace mesh::governance
