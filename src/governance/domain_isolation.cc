// antipattern.domain_isolation: see antipatterns.h and docs/rules.md for the four kinds of
// evidence (types, times as strings, naming styles, identifiers).
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "governance/antipatterns.h"
#include "governance/descriptor_rules.h"

namespace mesh::governance {
namespace {

constexpr std::string_view kRule = "antipattern.domain_isolation";

// Names too generic to stand for one concept across domains.
const std::set<std::string_view> kGenericNames = {
    "id", "name", "value", "type", "code", "key", "label", "description", "notes", "comment"};

struct FieldUse {
  const Descriptor* product;
  const Field* field;
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// True when a string field's pattern accepts ISO-8601 dates or instants: the field keeps times
// as text.
bool PatternAcceptsTimes(const Field& field) {
  if (!field.pattern || field.type.id != TypeId::kString) return false;
  re2::RE2::Options options;
  options.set_log_errors(false);
  re2::RE2 pattern(*field.pattern, options);
  if (!pattern.ok()) return false;
  for (std::string_view sample : {"2026-11-20", "2026-11-20T07:30:00Z", "2026-11-20 07:30:00"}) {
    if (re2::RE2::FullMatch(sample, pattern)) return true;
  }
  return false;
}

bool IsIdentifierName(std::string_view name) {
  std::vector<std::string> words = SplitIdentifierWords(name);
  if (words.size() < 2) return false;
  const std::string& last = words.back();
  return last == "id" || last == "key" || last == "code" || last == "number";
}

std::vector<const Field*> NonKeyFields(const Descriptor& product) {
  std::vector<const Field*> fields;
  const auto& key = product.schema.primary_key;
  for (const Field& field : product.schema.fields) {
    if (std::find(key.begin(), key.end(), field.name) == key.end()) fields.push_back(&field);
  }
  return fields;
}

class IsolationFinder {
 public:
  IsolationFinder(const std::vector<const Descriptor*>& products, RuleReporter* reporter)
      : products_(products), reporter_(reporter) {}

  void Run() {
    Index();
    TypeMismatches();
    TimesAsStrings();
    NamingStyles();
    for (const Descriptor* product : products_) DifferentKeys(*product);
  }

 private:
  void Index() {
    for (const Descriptor* product : products_) {
      by_product_.emplace(product->name, product);
      for (const Field& field : product->schema.fields) {
        by_name_[field.name].push_back({product, &field});
        if (field.type.IsTemporal()) domains_with_typed_times_.insert(product->domain);
      }
    }
  }

  // "integer in domain logistics (products a, b)" for every family but `except`.
  static std::string DescribeOthers(const std::map<std::string, std::vector<FieldUse>>& by_family,
                                    const std::string& except) {
    std::vector<std::string> parts;
    for (const auto& [family, uses] : by_family) {
      if (family == except) continue;
      std::map<std::string, std::vector<std::string>> by_domain;
      for (const FieldUse& use : uses) by_domain[use.product->domain].push_back(use.product->name);
      for (const auto& [domain, names] : by_domain) {
        parts.push_back(family + " in domain " + domain + " (" + Join(names) + ")");
      }
    }
    return Join(parts);
  }

  void TypeMismatches() {
    for (const auto& [name, uses] : by_name_) {
      if (kGenericNames.count(name)) continue;
      std::map<std::string, std::vector<FieldUse>> by_family;
      std::map<std::string, std::set<std::string>> domains_of;
      std::set<std::string> domains;
      for (const FieldUse& use : uses) {
        std::string family = TypeFamily(use.field->type);
        by_family[family].push_back(use);
        domains_of[family].insert(use.product->domain);
        domains.insert(use.product->domain);
      }
      if (by_family.size() < 2 || domains.size() < 2) continue;
      std::string majority = MajorityFamily(domains_of);
      for (const auto& [family, family_uses] : by_family) {
        if (family == majority) continue;
        for (const FieldUse& use : family_uses)
          ReportTypeMismatch(use, family, by_family, majority);
      }
    }
  }

  // The family most domains use. On a tie between a time type and others, the time type (a
  // string holding times is the deviation); on any other tie, "" (every use is reported).
  static std::string MajorityFamily(
      const std::map<std::string, std::set<std::string>>& domains_of) {
    size_t best_count = 0;
    for (const auto& [family, domains] : domains_of)
      best_count = std::max(best_count, domains.size());
    std::vector<std::string> leaders;
    for (const auto& [family, domains] : domains_of) {
      if (domains.size() == best_count) leaders.push_back(family);
    }
    if (leaders.size() == 1) return leaders.front();
    std::vector<std::string> temporal;
    for (const std::string& family : leaders) {
      if (family == "date" || family == "timestamp") temporal.push_back(family);
    }
    return temporal.size() == 1 ? temporal.front() : "";
  }

  void ReportTypeMismatch(const FieldUse& use, const std::string& family,
                          const std::map<std::string, std::vector<FieldUse>>& by_family,
                          const std::string& majority) {
    bool times_as_text =
        family == "string" && (by_family.count("date") || by_family.count("timestamp"));
    if (times_as_text) reported_fields_.insert(use.field);
    std::string fix = majority.empty()
                          ? "agree with the other domains on one type and convert this field"
                          : "type it " + majority + " as most domains do";
    reporter_->Report(
        *use.product, std::string(kRule), FieldMark(*use.field, "type"),
        "field " + Quoted(use.field->name) + " is typed " + use.field->type.ToString() +
            " here (domain " + use.product->domain + ") but " + DescribeOthers(by_family, family) +
            ": " +
            (times_as_text ? "time values kept as strings in one domain and typed in another"
                           : "one concept encoded differently across domains") +
            ", so consumers must convert before they can join or compare. Fix: " + fix);
  }

  void TimesAsStrings() {
    for (const Descriptor* product : products_) {
      const EffectivePolicy& policy = reporter_->policies().For(product->domain);
      std::vector<std::string> typed_elsewhere;
      for (const std::string& domain : domains_with_typed_times_) {
        if (domain != product->domain) typed_elsewhere.push_back(domain);
      }
      if (typed_elsewhere.empty()) continue;
      for (const Field& field : product->schema.fields) {
        if (field.type.id != TypeId::kString || reported_fields_.count(&field)) continue;
        std::string evidence;
        if (PatternAcceptsTimes(field)) {
          evidence = "its pattern accepts ISO dates such as 2026-11-20";
        } else if (!policy.time_fields_typed && IsTimeFieldName(field.name)) {
          evidence = "its name says it holds a time";
        } else {
          continue;
        }
        reporter_->Report(
            *product, std::string(kRule), FieldMark(field, "type"),
            "field " + Quoted(field.name) + " keeps time values as a string (" + evidence +
                ") while domains " + Join(typed_elsewhere) +
                " type their times as date or timestamp: consumers cannot compare or join on "
                "it without parsing. Fix: type it date or timestamp");
      }
    }
  }

  // The style most of a domain's field names are written in (names in no single style ignored).
  std::map<std::string, NamingStyle> DominantStyles() const {
    std::map<std::string, std::map<NamingStyle, size_t>> counts;
    for (const Descriptor* product : products_) {
      for (const Field& field : product->schema.fields) {
        if (auto style = DetectStyle(field.name)) ++counts[product->domain][*style];
      }
    }
    std::map<std::string, NamingStyle> dominant;
    for (const auto& [domain, by_style] : counts) {
      auto best = std::max_element(by_style.begin(), by_style.end(),
                                   [](auto& a, auto& b) { return a.second < b.second; });
      dominant[domain] = best->first;
    }
    return dominant;
  }

  void NamingStyles() {
    std::map<std::string, NamingStyle> dominant = DominantStyles();
    std::map<NamingStyle, std::vector<std::string>> domains_by_style;
    for (const auto& [domain, style] : dominant) domains_by_style[style].push_back(domain);
    if (domains_by_style.size() < 2) return;
    auto mesh_style =
        std::max_element(domains_by_style.begin(), domains_by_style.end(),
                         [](auto& a, auto& b) { return a.second.size() < b.second.size(); });
    size_t leaders = std::count_if(
        domains_by_style.begin(), domains_by_style.end(),
        [&](auto& entry) { return entry.second.size() == mesh_style->second.size(); });
    if (leaders > 1) return;  // no convention to diverge from
    for (const Descriptor* product : products_) {
      auto it = dominant.find(product->domain);
      if (it == dominant.end() || it->second == mesh_style->first) continue;
      ReportStyle(*product, it->second, mesh_style->first, mesh_style->second);
    }
  }

  void ReportStyle(const Descriptor& product, NamingStyle style, NamingStyle mesh_style,
                   const std::vector<std::string>& mesh_domains) {
    NamingRule target = NamingRule::Parse(NamingStyleName(mesh_style)).value();
    std::vector<std::string> renames;
    std::vector<std::string> clashes;
    const Field* first = nullptr;
    for (const Field& field : product.schema.fields) {
      if (DetectStyle(field.name) != style) continue;
      if (!first) first = &field;
      std::string suggestion = target.Suggest(field.name).value_or(field.name);
      renames.push_back(field.name + " -> " + suggestion);
      if (const FieldUse* other = SpelledElsewhere(suggestion, product.domain)) {
        clashes.push_back(Quoted(field.name) + " is " + Quoted(suggestion) + " in " +
                          other->product->name + " (domain " + other->product->domain + ")");
      }
    }
    if (!first) return;
    std::string message = "domain " + product.domain + " writes field names in " +
                          std::string(NamingStyleName(style)) + " while domains " +
                          Join(mesh_domains) + " use " + std::string(NamingStyleName(mesh_style));
    if (!clashes.empty()) message += "; the same concepts are spelled two ways: " + Join(clashes);
    message += ". Fix: rename " + Join(renames);
    reporter_->Report(product, std::string(kRule), FieldMark(*first, "name"), std::move(message));
  }

  const FieldUse* SpelledElsewhere(const std::string& name, const std::string& domain) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return nullptr;
    for (const FieldUse& use : it->second) {
      if (use.product->domain != domain) return &use;
    }
    return nullptr;
  }

  void DifferentKeys(const Descriptor& product) {
    if (product.schema.primary_key.size() != 1) return;
    const std::string& key = product.schema.primary_key[0];
    const Field* key_field = product.schema.FindField(key);
    if (!key_field || !IsIdentifierName(key)) return;
    std::set<std::string_view> seen;
    for (const std::string& input : product.lineage) {
      auto it = by_product_.find(input);
      if (it == by_product_.end() || !seen.insert(input).second) continue;
      const Descriptor& upstream = *it->second;
      if (upstream.domain == product.domain || upstream.schema.primary_key.size() != 1) continue;
      const std::string& upstream_key = upstream.schema.primary_key[0];
      const Field* upstream_field = upstream.schema.FindField(upstream_key);
      if (!upstream_field || upstream_key == key || !IsIdentifierName(upstream_key)) continue;
      if (TypeFamily(key_field->type) != TypeFamily(upstream_field->type)) continue;
      if (product.schema.FindField(upstream_key) || upstream.schema.FindField(key)) continue;
      std::string evidence = SameEntityEvidence(product, upstream, key, upstream_key);
      if (evidence.empty()) continue;
      reporter_->Report(
          product, std::string(kRule), DescriptorMark(product, "schema.primary_key[0]"),
          Quoted(product.name) + " (domain " + product.domain + ") is keyed by " + key +
              " and built from " + Quoted(upstream.name) + " (domain " + upstream.domain +
              "), keyed by " + upstream_key + "; " + evidence +
              ": one entity known under two identifier names, so consumers must learn that " + key +
              " = " + upstream_key +
              ". Fix: use one name for the identifier in both "
              "domains (for example rename " +
              key + " to " + upstream_key + ")");
    }
  }

  // Why `product` and `upstream` describe the same entity, or "" when nothing shows it.
  static std::string SameEntityEvidence(const Descriptor& product, const Descriptor& upstream,
                                        const std::string& key, const std::string& upstream_key) {
    for (const QualityCheck& check : product.quality) {
      if (check.kind == CheckKind::kReferential && check.column == key &&
          check.references_product == upstream.name && check.references_field == upstream_key) {
        return "its referential check maps every " + key + " to " + upstream.name + "." +
               upstream_key;
      }
    }
    std::vector<const Field*> own = NonKeyFields(product);
    std::vector<const Field*> theirs = NonKeyFields(upstream);
    std::vector<std::string> shared;
    for (const Field* field : own) {
      const Field* match = upstream.schema.FindField(field->name);
      if (match && match->name != upstream_key &&
          TypeFamily(match->type) == TypeFamily(field->type)) {
        shared.push_back(field->name);
      }
    }
    size_t smaller = std::min(own.size(), theirs.size());
    if (shared.size() < 2 || shared.size() * 2 < smaller) return "";
    return "both describe the same rows (they share the attributes " + Join(shared) + ")";
  }

  const std::vector<const Descriptor*>& products_;
  RuleReporter* reporter_;
  std::map<std::string, std::vector<FieldUse>> by_name_;
  std::map<std::string_view, const Descriptor*, std::less<>> by_product_;
  std::set<std::string> domains_with_typed_times_;
  std::set<const Field*> reported_fields_;
};

}  // namespace

void CheckDomainIsolation(const std::vector<const Descriptor*>& products, RuleReporter* reporter) {
  IsolationFinder(products, reporter).Run();
}

}  // namespace mesh::governance
