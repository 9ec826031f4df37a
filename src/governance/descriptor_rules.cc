#include "governance/descriptor_rules.h"

#include <algorithm>
#include <cstdio>

namespace mesh::governance {
namespace {

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

class DescriptorChecker {
 public:
  DescriptorChecker(const Descriptor& product, const EffectivePolicy& policy,
                    RuleReporter* reporter)
      : d_(product), policy_(policy), reporter_(reporter) {}

  void Run() {
    CheckProductName();
    for (const Field& field : d_.schema.fields) CheckFieldName(field);
    CheckRequired();
    CheckFormat();
    CheckClassification();
    CheckSla();
    if (policy_.time_fields_typed) {
      for (const Field& field : d_.schema.fields) CheckTimeFieldType(field);
    }
  }

 private:
  void Report(const std::string& rule, yaml::Mark mark, std::string message) {
    reporter_->Report(d_, rule, mark, std::move(message));
  }

  // The first rule of `rules` that `name` breaks, reported under `rule_id`.
  void CheckStyle(std::string_view name, std::string_view what,
                  const std::vector<NamingRule>& rules, const std::string& rule_id,
                  yaml::Mark mark) {
    for (const NamingRule& rule : rules) {
      if (rule.Matches(name)) continue;
      std::optional<std::string> suggestion = rule.Suggest(name);
      Report(rule_id, mark,
             std::string(what) + " " + Quoted(name) + " breaks " + rule_id + " (" + rule.text() +
                 "): " +
                 (suggestion ? "rename it to " + Quoted(*suggestion)
                             : "rename it so that it matches " + rule.text()));
      return;
    }
  }

  void CheckLength(std::string_view name, std::string_view what, yaml::Mark mark) {
    size_t length = NameLength(name);
    if (length > static_cast<size_t>(policy_.naming_max_length)) {
      Report("naming.max_length", mark,
             std::string(what) + " " + Quoted(name) + " has " + std::to_string(length) +
                 " characters; naming.max_length allows " +
                 std::to_string(policy_.naming_max_length) + ": shorten it");
    }
  }

  void CheckProductName() {
    yaml::Mark mark = DescriptorMark(d_, "name");
    CheckStyle(d_.name, "product name", policy_.naming_product, "naming.product", mark);
    CheckLength(d_.name, "product name", mark);
    size_t length = NameLength(d_.name);
    if (length < static_cast<size_t>(policy_.naming_min_length)) {
      Report("naming.min_length", mark,
             "product name " + Quoted(d_.name) + " has " + std::to_string(length) +
                 " characters; naming.min_length asks for at least " +
                 std::to_string(policy_.naming_min_length) + ": use a more telling name");
    }
  }

  void CheckFieldName(const Field& field) {
    yaml::Mark mark = FieldMark(field, "name");
    CheckStyle(field.name, "field", policy_.naming_field, "naming.field", mark);
    CheckLength(field.name, "field", mark);
  }

  void CheckRequired() {
    for (const std::string& key : policy_.required) {
      if (DescriptorHasKey(d_, key)) continue;
      size_t dot = key.find('.');
      // A missing sub-key is reported at its parent ("sla"), a missing top-level key at the
      // top of the document.
      yaml::Mark mark = dot == std::string::npos ? DescriptorMark(d_, "")
                                                 : DescriptorMark(d_, key.substr(0, dot));
      Report("required." + key, mark,
             "the governance policy requires '" + key + "' and " + Quoted(d_.name) +
                 " has none: add it" + HowToAdd(key));
    }
  }

  static std::string HowToAdd(std::string_view key) {
    if (key == "documentation_url") return " (an http/https URL of the product's documentation)";
    if (key == "support") return " (channel, email or issues_url where consumers report problems)";
    if (key == "sla") return " (availability, max_lag_hours, min_completeness)";
    if (key == "classification") return " (a level of classification.levels)";
    return "";
  }

  void CheckFormat() {
    const auto& allowed = policy_.allowed_formats;
    const std::string& format = d_.output_format_text;
    if (format.empty() || std::find(allowed.begin(), allowed.end(), format) != allowed.end()) {
      return;
    }
    std::string list;
    for (const std::string& item : allowed) list += (list.empty() ? "" : ", ") + item;
    Report("format.not_allowed", DescriptorMark(d_, "output_format"),
           "output_format " + Quoted(format) + " is not allowed by the governance policy" +
               (policy_.domain.empty() ? "" : " of domain " + policy_.domain) + ": use one of " +
               list);
  }

  std::string LevelList() const {
    std::string list;
    for (const std::string& level : policy_.classification_levels) {
      list += (list.empty() ? "" : ", ") + level;
    }
    return list;
  }

  void CheckClassification() {
    int product_rank = -1;
    if (d_.classification) {
      product_rank = policy_.LevelRank(*d_.classification);
      if (product_rank < 0) {
        Report("classification.unknown_level", DescriptorMark(d_, "classification"),
               "classification " + Quoted(*d_.classification) +
                   " is not a level of the taxonomy: use one of " + LevelList());
      }
    }
    for (const Field& field : d_.schema.fields) CheckFieldClassification(field, product_rank);
  }

  void CheckFieldClassification(const Field& field, int product_rank) {
    if (field.classification) {
      int rank = policy_.LevelRank(*field.classification);
      if (rank < 0) {
        Report("classification.unknown_level", FieldMark(field, "classification"),
               "field " + Quoted(field.name) + " is classified " + Quoted(*field.classification) +
                   ", which is not a level of the taxonomy: use one of " + LevelList());
      } else if (product_rank >= 0 && rank < product_rank) {
        Report("classification.field_below_product", FieldMark(field, "classification"),
               "field " + Quoted(field.name) + " is classified " + *field.classification +
                   ", below its product's " + *d_.classification + ": classify it at least " +
                   *d_.classification + " or remove its level");
      }
    }
    if (field.HasTag("pii")) CheckPii(field);
  }

  void CheckPii(const Field& field) {
    if (!policy_.pii_min_level) return;
    std::string level = d_.FieldClassification(field);
    int rank = policy_.LevelRank(level);
    int minimum = policy_.LevelRank(*policy_.pii_min_level);
    if (level.empty() ? false : rank < 0) return;  // unknown level: reported above
    if (!level.empty() && rank >= minimum) return;
    yaml::Mark mark = field.classification ? FieldMark(field, "classification") : PiiTagMark(field);
    Report("classification.pii", mark,
           "field " + Quoted(field.name) + " is tagged pii but classified " +
               (level.empty() ? std::string("nowhere") : level) +
               "; classification.pii_min_level is " + *policy_.pii_min_level +
               ": set 'classification: " + *policy_.pii_min_level + "' (or higher) on the field");
  }

  static yaml::Mark PiiTagMark(const Field& field) {
    for (size_t i = 0; i < field.tags.size(); ++i) {
      if (field.tags[i] != "pii") continue;
      std::string key = "tags[" + std::to_string(i) + "]";
      if (field.value_marks.count(key) || field.marks.count(key)) return FieldMark(field, key);
    }
    return FieldMark(field, "tags");
  }

  void CheckSla() {
    if (!d_.sla) return;
    const Sla& sla = *d_.sla;
    if (policy_.sla_min_completeness) CheckCompleteness(sla, *policy_.sla_min_completeness);
    if (policy_.sla_max_lag_hours) CheckLag(sla, *policy_.sla_max_lag_hours);
    if (sla.max_lag_hours && !d_.event_time) {
      Report("sla.lag_without_event_time", DescriptorMark(d_, "sla.max_lag_hours"),
             "the SLA promises max_lag_hours but the product names no event_time, so its lag "
             "cannot be measured: add 'event_time: <a date or timestamp field>' or remove "
             "max_lag_hours");
    }
  }

  void CheckCompleteness(const Sla& sla, double floor) {
    if (!sla.min_completeness) {
      Report("sla.min_completeness", DescriptorMark(d_, "sla"),
             "the SLA promises no min_completeness; the governance policy asks for at least " +
                 FormatNumber(floor) + ": add 'min_completeness: " + FormatNumber(floor) + "'");
    } else if (*sla.min_completeness < floor) {
      Report("sla.min_completeness", DescriptorMark(d_, "sla.min_completeness"),
             "min_completeness " + FormatNumber(*sla.min_completeness) +
                 " is below the governance floor " + FormatNumber(floor) + ": promise at least " +
                 FormatNumber(floor) + " (or ask for a waiver)");
    }
  }

  void CheckLag(const Sla& sla, double ceiling) {
    if (!sla.max_lag_hours) {
      Report("sla.max_lag_hours", DescriptorMark(d_, "sla"),
             "the SLA promises no max_lag_hours; the governance policy asks for at most " +
                 FormatNumber(ceiling) + " hours: add 'max_lag_hours: " + FormatNumber(ceiling) +
                 "' (and an event_time)");
    } else if (*sla.max_lag_hours > ceiling) {
      Report("sla.max_lag_hours", DescriptorMark(d_, "sla.max_lag_hours"),
             "max_lag_hours " + FormatNumber(*sla.max_lag_hours) +
                 " is above the governance ceiling of " + FormatNumber(ceiling) +
                 " hours: promise at most " + FormatNumber(ceiling) + " (or ask for a waiver)");
    }
  }

  void CheckTimeFieldType(const Field& field) {
    if (!IsTimeFieldName(field.name) || field.type.IsTemporal()) return;
    Report("standards.time_fields_typed", FieldMark(field, "type"),
           "field " + Quoted(field.name) + " holds a time but is typed " + field.type.ToString() +
               ": type it 'date' (a calendar day) or 'timestamp' (an instant)");
  }

  const Descriptor& d_;
  const EffectivePolicy& policy_;
  RuleReporter* reporter_;
};

}  // namespace

void CheckDescriptor(const Descriptor& product, const EffectivePolicy& policy,
                     RuleReporter* reporter) {
  DescriptorChecker(product, policy, reporter).Run();
}

bool IsTimeFieldName(std::string_view name) {
  std::vector<std::string> words = SplitIdentifierWords(name);
  if (words.size() == 1) {
    return words[0] == "date" || words[0] == "day" || words[0] == "timestamp";
  }
  if (words.size() < 2) return false;
  const std::string& last = words.back();
  return last == "at" || last == "time" || last == "date";
}

yaml::Mark FieldMark(const Field& field, std::string_view key) {
  if (auto it = field.value_marks.find(key); it != field.value_marks.end()) return it->second;
  if (auto it = field.marks.find(key); it != field.marks.end()) return it->second;
  return field.mark;
}

yaml::Mark DescriptorMark(const Descriptor& product, std::string_view path) {
  yaml::Mark mark = path.empty() ? product.mark : product.ValueMarkOf(path);
  if (mark.line == 0) mark = product.mark;
  if (mark.line == 0) mark = {1, 1};
  return mark;
}

}  // namespace mesh::governance
