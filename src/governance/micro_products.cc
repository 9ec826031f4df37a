// antipattern.micro_products: see antipatterns.h.
#include <algorithm>
#include <map>

#include "governance/antipatterns.h"
#include "governance/descriptor_rules.h"

namespace mesh::governance {
namespace {

constexpr size_t kMaxThinFields = 2;    // fields besides the key
constexpr size_t kMinThinProducts = 3;  // "several"

std::vector<const Field*> NonKeyFields(const Descriptor& product) {
  std::vector<const Field*> fields;
  const auto& key = product.schema.primary_key;
  for (const Field& field : product.schema.fields) {
    if (std::find(key.begin(), key.end(), field.name) == key.end()) fields.push_back(&field);
  }
  return fields;
}

std::string KeyText(std::vector<std::string> key) {
  std::string out = "(";
  for (size_t i = 0; i < key.size(); ++i) out += (i ? ", " : "") + key[i];
  return out + ")";
}

void ReportGroup(const std::vector<const Descriptor*>& group, RuleReporter* reporter) {
  std::string key = KeyText(group.front()->schema.primary_key);
  std::string names;
  std::string fields;
  for (const Descriptor* product : group) {
    names += (names.empty() ? "" : ", ") + product->name;
    for (const Field* field : NonKeyFields(*product)) {
      fields += (fields.empty() ? "" : ", ") + field->name;
    }
  }
  for (const Descriptor* product : group) {
    reporter->Report(
        *product, "antipattern.micro_products", DescriptorMark(*product, "schema.primary_key"),
        "'" + product->name + "' is one of " + std::to_string(group.size()) +
            " thin products of domain " + product->domain + " keyed by " + key + ": " + names +
            "; each has at most " + std::to_string(kMaxThinFields) +
            " fields besides the key, so a consumer must join all " + std::to_string(group.size()) +
            " to see one row of the entity. Fix: merge them into " + "one product keyed by " + key +
            " with the fields " + fields);
  }
}

}  // namespace

void CheckMicroProducts(const std::vector<const Descriptor*>& products, RuleReporter* reporter) {
  // domain -> sorted primary key -> thin products
  std::map<std::string, std::map<std::vector<std::string>, std::vector<const Descriptor*>>> groups;
  for (const Descriptor* product : products) {
    if (product->schema.primary_key.empty()) continue;
    if (NonKeyFields(*product).size() > kMaxThinFields) continue;
    std::vector<std::string> key = product->schema.primary_key;
    std::sort(key.begin(), key.end());
    groups[product->domain][key].push_back(product);
  }
  for (auto& [domain, by_key] : groups) {
    for (auto& [key, group] : by_key) {
      if (group.size() < kMinThinProducts) continue;
      std::sort(group.begin(), group.end(), [](auto* a, auto* b) { return a->name < b->name; });
      ReportGroup(group, reporter);
    }
  }
}

}  // namespace mesh::governance
