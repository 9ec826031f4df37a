#include "governance/policy.h"

#include <algorithm>

namespace mesh::governance {
namespace {

bool NonEmpty(const std::optional<std::string>& text) {
  return text.has_value() && text->find_first_not_of(" \t\r\n") != std::string::npos;
}

}  // namespace

bool Waiver::IsExpired(Timestamp now) const {
  int64_t first_day_after = (static_cast<int64_t>(expires) + 1) * kMicrosPerDay;
  return now.micros >= first_day_after;
}

yaml::Mark Waiver::ValueMarkOf(std::string_view key) const {
  auto it = value_marks.find(key);
  return it == value_marks.end() ? mark : it->second;
}

yaml::Mark Policy::ValueMarkOf(std::string_view key) const {
  if (auto it = value_marks.find(key); it != value_marks.end()) return it->second;
  if (auto it = marks.find(key); it != marks.end()) return it->second;
  return mark;
}

int EffectivePolicy::LevelRank(std::string_view level) const {
  auto it = std::find(classification_levels.begin(), classification_levels.end(), level);
  return it == classification_levels.end() ? -1
                                           : static_cast<int>(it - classification_levels.begin());
}

Severity EffectivePolicy::SeverityOf(std::string_view rule, Severity default_severity) const {
  if (auto it = severity.find(rule); it != severity.end()) return it->second;
  size_t best_length = 0;
  Severity chosen = default_severity;
  for (const auto& [pattern, level] : severity) {
    if (pattern.size() < 2 || pattern.substr(pattern.size() - 2) != ".*") continue;
    std::string_view prefix = std::string_view(pattern).substr(0, pattern.size() - 1);  // "x."
    if (rule.substr(0, prefix.size()) == prefix && prefix.size() > best_length) {
      best_length = prefix.size();
      chosen = level;
    }
  }
  return chosen;
}

const Waiver* EffectivePolicy::ActiveWaiver(std::string_view rule, std::string_view product,
                                            Timestamp now) const {
  for (const Waiver& waiver : waivers) {
    if (waiver.rule == rule && waiver.product == product && !waiver.IsExpired(now)) return &waiver;
  }
  return nullptr;
}

EffectivePolicy DefaultEffectivePolicy() {
  EffectivePolicy policy;
  policy.naming_product.push_back(NamingRule::Parse("snake_case").value());
  policy.naming_field.push_back(NamingRule::Parse("snake_case").value());
  policy.naming_domain.push_back(NamingRule::Parse("kebab-case").value());
  policy.required = {"description", "documentation_url", "sla", "support", "classification"};
  policy.allowed_formats = {"parquet", "csv", "jsonl"};
  policy.classification_levels = {"public", "internal", "confidential", "restricted"};
  policy.pii_min_level = "confidential";
  return policy;
}

const std::vector<std::string>& RequirableKeys() {
  static const std::vector<std::string> keys = {"description",
                                                "documentation_url",
                                                "sla",
                                                "support",
                                                "classification",
                                                "lineage",
                                                "consumer_teams",
                                                "tags",
                                                "event_time",
                                                "quality",
                                                "schema.primary_key",
                                                "sla.availability",
                                                "sla.max_lag_hours",
                                                "sla.min_completeness",
                                                "support.channel",
                                                "support.email",
                                                "support.issues_url"};
  return keys;
}

bool DescriptorHasKey(const Descriptor& d, std::string_view key) {
  const bool has_support =
      d.support.has_value() && (d.support->channel || d.support->email || d.support->issues_url);
  if (key == "description") return NonEmpty(d.description);
  if (key == "documentation_url") return NonEmpty(d.documentation_url);
  if (key == "sla") return d.sla.has_value();
  if (key == "support") return has_support;
  if (key == "classification") return NonEmpty(d.classification);
  if (key == "lineage") return !d.lineage.empty();
  if (key == "consumer_teams") return !d.consumer_teams.empty();
  if (key == "tags") return !d.tags.empty();
  if (key == "event_time") return NonEmpty(d.event_time);
  if (key == "quality") return !d.quality.empty();
  if (key == "schema.primary_key") return !d.schema.primary_key.empty();
  if (key == "sla.availability") return d.sla && d.sla->availability.has_value();
  if (key == "sla.max_lag_hours") return d.sla && d.sla->max_lag_hours.has_value();
  if (key == "sla.min_completeness") return d.sla && d.sla->min_completeness.has_value();
  if (key == "support.channel") return d.support && NonEmpty(d.support->channel);
  if (key == "support.email") return d.support && NonEmpty(d.support->email);
  if (key == "support.issues_url") return d.support && NonEmpty(d.support->issues_url);
  return false;
}

}  // namespace mesh::governance
