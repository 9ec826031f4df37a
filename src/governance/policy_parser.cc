#include "governance/policy_parser.h"

#include <algorithm>
#include <set>

#include "base/time.h"
#include "governance/rule_ids.h"
#include "model/mapping_reader.h"

namespace mesh::governance {
namespace {

constexpr std::string_view kFamily = "policy";

class PolicyReader {
 public:
  PolicyReader(Policy* policy, FindingSink* sink)
      : policy_(policy),
        sink_(sink),
        reader_(std::string(kFamily), sink, &policy->marks, &policy->value_marks) {}

  void Read(const yaml::Node& root) {
    if (root.IsNull() || root.IsNullScalar()) return;  // an empty policy changes nothing
    if (!reader_.ExpectMapping(root, "policy")) return;
    auto top = reader_.ReadMapping(root, "",
                                   {"naming", "required", "allowed_formats", "classification",
                                    "sla", "standards", "versions", "severity", "waivers"},
                                   nullptr, nullptr);
    if (auto* e = top.Find("naming")) ReadNaming(*e->value);
    if (auto* e = top.Find("required")) ReadRequired(*e->value);
    if (auto* e = top.Find("allowed_formats")) ReadFormats(*e->value);
    if (auto* e = top.Find("classification")) ReadClassification(*e->value);
    if (auto* e = top.Find("sla")) ReadSla(*e->value);
    if (auto* e = top.Find("standards")) ReadStandards(*e->value);
    if (auto* e = top.Find("versions")) ReadVersions(*e->value);
    if (auto* e = top.Find("severity")) ReadSeverity(*e->value);
    if (auto* e = top.Find("waivers")) ReadWaivers(*e->value);
    CheckPiiLevelIsKnown();
  }

 private:
  void Invalid(const yaml::Node& node, std::string message) {
    sink_->Error(std::string(kFamily) + ".invalid", node.mark, std::move(message));
  }

  std::optional<NamingRule> ReadNamingRule(const yaml::Node& node, std::string_view path) {
    std::optional<std::string> text = reader_.String(node, path);
    if (!text) return std::nullopt;
    Result<NamingRule> rule = NamingRule::Parse(*text);
    if (!rule.ok()) {
      Invalid(node, "'" + std::string(path) + "': " + rule.status().message());
      return std::nullopt;
    }
    return std::move(rule).value();
  }

  std::optional<int64_t> ReadPositiveInt(const yaml::Node& node, std::string_view path) {
    std::optional<int64_t> value = node.AsInt();
    if (!value) {
      reader_.TypeError(node, path, "a whole number");
      return std::nullopt;
    }
    if (*value < 1) {
      Invalid(node, "'" + std::string(path) + "' must be at least 1, not " + node.scalar);
      return std::nullopt;
    }
    return value;
  }

  void ReadNaming(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "naming")) return;
    auto keys = reader_.ReadMapping(node, "naming",
                                    {"product", "field", "domain", "max_length", "min_length"},
                                    nullptr, nullptr);
    if (auto* e = keys.Find("product"))
      policy_->naming_product = ReadNamingRule(*e->value, "naming.product");
    if (auto* e = keys.Find("field"))
      policy_->naming_field = ReadNamingRule(*e->value, "naming.field");
    if (auto* e = keys.Find("domain"))
      policy_->naming_domain = ReadNamingRule(*e->value, "naming.domain");
    if (auto* e = keys.Find("max_length")) {
      policy_->naming_max_length = ReadPositiveInt(*e->value, "naming.max_length");
    }
    if (auto* e = keys.Find("min_length")) {
      policy_->naming_min_length = ReadPositiveInt(*e->value, "naming.min_length");
    }
  }

  // A list of strings each of which must be one of `allowed`; unknown ones are reported.
  std::optional<std::vector<std::string>> ReadChoiceList(const yaml::Node& node,
                                                         std::string_view path,
                                                         const std::vector<std::string>& allowed,
                                                         std::string_view what) {
    if (!reader_.ExpectList(node, path)) return std::nullopt;
    std::vector<std::string> kept;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const yaml::Node& item = *node.items[i];
      std::string item_path = ItemPath(path, i);
      std::optional<std::string> value = reader_.String(item, item_path);
      if (!value) continue;
      reader_.Record(item_path, item.mark, item.mark);
      if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        std::string list;
        for (const std::string& choice : allowed) list += (list.empty() ? "" : ", ") + choice;
        Invalid(item, "'" + *value + "' in '" + std::string(path) + "' is not " +
                          std::string(what) + ": use one of " + list);
        continue;
      }
      if (std::find(kept.begin(), kept.end(), *value) == kept.end()) kept.push_back(*value);
    }
    return kept;
  }

  void ReadRequired(const yaml::Node& node) {
    policy_->required =
        ReadChoiceList(node, "required", RequirableKeys(), "a key that can be required");
  }

  void ReadFormats(const yaml::Node& node) {
    policy_->allowed_formats =
        ReadChoiceList(node, "allowed_formats", {"parquet", "csv", "jsonl"}, "an output format");
  }

  void ReadClassification(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "classification")) return;
    auto keys =
        reader_.ReadMapping(node, "classification", {"levels", "pii_min_level"}, nullptr, nullptr);
    if (auto* e = keys.Find("levels")) ReadLevels(*e->value);
    if (auto* e = keys.Find("pii_min_level")) {
      policy_->pii_min_level = reader_.String(*e->value, "classification.pii_min_level");
    }
  }

  void ReadLevels(const yaml::Node& node) {
    auto levels = reader_.StringList(node, "classification.levels", "levels", nullptr, nullptr);
    if (!levels) return;
    std::set<std::string> seen;
    for (const std::string& level : *levels) {
      if (!seen.insert(level).second) {
        Invalid(node, "level '" + level +
                          "' appears twice in 'classification.levels'; list "
                          "each level once, lowest first");
        return;
      }
    }
    if (levels->empty()) {
      Invalid(node, "'classification.levels' is empty: list the levels, lowest first");
      return;
    }
    policy_->classification_levels = std::move(levels);
  }

  void ReadSla(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "sla")) return;
    auto keys =
        reader_.ReadMapping(node, "sla", {"min_completeness", "max_lag_hours"}, nullptr, nullptr);
    if (auto* e = keys.Find("min_completeness")) {
      std::optional<double> value = reader_.Number(*e->value, "sla.min_completeness");
      if (value && (*value < 0 || *value > 1)) {
        Invalid(*e->value,
                "'sla.min_completeness' is a fraction between 0 and 1, not " + e->value->scalar);
      } else {
        policy_->sla_min_completeness = value;
      }
    }
    if (auto* e = keys.Find("max_lag_hours")) {
      std::optional<double> value = reader_.Number(*e->value, "sla.max_lag_hours");
      if (value && *value <= 0) {
        Invalid(*e->value,
                "'sla.max_lag_hours' must be more than 0 hours, not " + e->value->scalar);
      } else {
        policy_->sla_max_lag_hours = value;
      }
    }
  }

  void ReadStandards(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "standards")) return;
    auto keys = reader_.ReadMapping(node, "standards", {"time_fields_typed"}, nullptr, nullptr);
    if (auto* e = keys.Find("time_fields_typed")) {
      policy_->time_fields_typed = reader_.Bool(*e->value, "standards.time_fields_typed");
    }
  }

  void ReadVersions(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "versions")) return;
    auto keys = reader_.ReadMapping(node, "versions", {"deprecation_days"}, nullptr, nullptr);
    if (auto* e = keys.Find("deprecation_days")) {
      policy_->deprecation_days = ReadPositiveInt(*e->value, "versions.deprecation_days");
    }
  }

  bool CheckRuleId(const yaml::Node& node, const std::string& rule, std::string_view where) {
    std::string_view id = rule;
    if (id.size() > 2 && id.substr(id.size() - 2) == ".*") {
      std::string_view prefix = id.substr(0, id.size() - 1);
      for (const RuleInfo& info : GovernanceRules()) {
        if (info.id.substr(0, prefix.size()) == prefix) return true;
      }
    } else if (IsWaivableRule(id)) {
      return true;
    }
    sink_->Error(std::string(kFamily) + ".unknown_rule", node.mark,
                 "'" + rule + "' in '" + std::string(where) +
                     "' is not a rule id that can be overridden or waived; docs/rules.md lists "
                     "them (policy.* and waiver.* rules cannot be)");
    return false;
  }

  void ReadSeverity(const yaml::Node& node) {
    if (!reader_.ExpectMapping(node, "severity")) return;
    for (const yaml::Node::Entry& entry : node.entries) {
      if (!entry.key->IsScalar()) {
        reader_.TypeError(*entry.key, "severity", "a rule id");
        continue;
      }
      const std::string& rule = entry.key->scalar;
      std::string path = "severity." + rule;
      reader_.Record(path, entry.key->mark, entry.value->mark);
      if (!CheckRuleId(*entry.key, rule, "severity")) continue;
      std::optional<std::string> level = reader_.String(*entry.value, path);
      if (!level) continue;
      if (*level != "warn" && *level != "error") {
        Invalid(*entry.value,
                "severity of '" + rule + "' is '" + *level + "'; write warn or error");
        continue;
      }
      policy_->severity.push_back(
          {rule, *level == "warn" ? Severity::kWarn : Severity::kError, entry.key->mark});
    }
  }

  void ReadWaivers(const yaml::Node& node) {
    if (!reader_.ExpectList(node, "waivers")) return;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const yaml::Node& item = *node.items[i];
      std::string path = ItemPath("waivers", i);
      if (!reader_.ExpectMapping(item, path)) continue;
      if (std::optional<Waiver> waiver = ReadWaiver(item, path)) {
        policy_->waivers.push_back(std::move(*waiver));
      }
    }
  }

  std::optional<Waiver> ReadWaiver(const yaml::Node& item, const std::string& path) {
    Waiver waiver;
    waiver.mark = item.mark;
    KeyMarks key_marks;
    auto keys = reader_.ReadMapping(item, path, {"rule", "product", "reason", "expires"},
                                    &key_marks, &waiver.value_marks);
    bool complete = true;
    for (std::string_view key : {"rule", "product", "reason", "expires"}) {
      if (!keys.Find(key)) {
        Invalid(item, "waiver " + path + " has no '" + std::string(key) +
                          "': a waiver names the rule, the product, the reason and the expiry "
                          "date (YYYY-MM-DD)");
        complete = false;
      }
    }
    if (!complete) return std::nullopt;
    auto rule = reader_.String(*keys.Find("rule")->value, path + ".rule");
    auto product = reader_.String(*keys.Find("product")->value, path + ".product");
    auto reason = reader_.String(*keys.Find("reason")->value, path + ".reason");
    auto expires = reader_.String(*keys.Find("expires")->value, path + ".expires");
    if (!rule || !product || !reason || !expires) return std::nullopt;
    if (!CheckRuleId(*keys.Find("rule")->value, *rule, path + ".rule")) return std::nullopt;
    std::optional<int32_t> day = ParseDate(*expires);
    if (!day) {
      Invalid(*keys.Find("expires")->value,
              "waiver expiry '" + *expires + "' is not a date: write YYYY-MM-DD");
      return std::nullopt;
    }
    waiver.rule = *rule;
    waiver.product = *product;
    waiver.reason = *reason;
    waiver.expires = *day;
    waiver.expires_text = *expires;
    return waiver;
  }

  void CheckPiiLevelIsKnown() {
    if (!policy_->pii_min_level || !policy_->classification_levels) return;
    const auto& levels = *policy_->classification_levels;
    if (std::find(levels.begin(), levels.end(), *policy_->pii_min_level) != levels.end()) return;
    sink_->Error(
        std::string(kFamily) + ".invalid", policy_->ValueMarkOf("classification.pii_min_level"),
        "pii_min_level '" + *policy_->pii_min_level + "' is not one of classification.levels");
    policy_->pii_min_level.reset();
  }

  Policy* policy_;
  FindingSink* sink_;
  MappingReader reader_;
};

}  // namespace

Policy ParsePolicy(const yaml::Document& document, const std::string& domain, FindingSink* sink) {
  Policy policy;
  policy.file = document.file;
  policy.domain = domain;
  policy.mark = document.root->mark;
  if (policy.mark.line == 0) policy.mark = {1, 1};
  PolicyReader(&policy, sink).Read(*document.root);
  return policy;
}

}  // namespace mesh::governance
