// antipattern.raw_table: see antipatterns.h.
#include <set>

#include "governance/antipatterns.h"
#include "governance/descriptor_rules.h"

namespace mesh::governance {
namespace {

bool Blank(const std::optional<std::string>& text) {
  return !text || text->find_first_not_of(" \t\r\n") == std::string::npos;
}

std::vector<std::string> MissingProductParts(const Descriptor& product) {
  std::vector<std::string> missing;
  if (Blank(product.description)) missing.push_back("no description");
  if (Blank(product.documentation_url)) missing.push_back("no documentation_url");
  if (!product.sla) missing.push_back("no sla");
  if (!HasChecksBeyondTypes(product)) {
    missing.push_back("no checks beyond types (no primary key, field constraint or quality check)");
  }
  return missing;
}

// Who outside the product's domain uses it: products of other domains naming it in lineage, and
// consumer teams that do not own its domain.
std::vector<std::string> OutsideConsumers(const Descriptor& product, const Organisation& org,
                                          const std::vector<const Descriptor*>& products) {
  std::vector<std::string> consumers;
  for (const Descriptor* other : products) {
    if (other->domain == product.domain) continue;
    for (const std::string& input : other->lineage) {
      if (input == product.name) {
        consumers.push_back("product " + other->name + " (domain " + other->domain + ")");
        break;
      }
    }
  }
  for (const std::string& team : product.consumer_teams) {
    if (!org.OwnsDomain(team, product.domain)) consumers.push_back("team " + team);
  }
  return consumers;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? std::string(separator) : "") + items[i];
  return out;
}

}  // namespace

bool HasChecksBeyondTypes(const Descriptor& product) {
  if (!product.schema.primary_key.empty() || !product.quality.empty()) return true;
  for (const Field& field : product.schema.fields) {
    if (field.required || field.unique || !field.allowed_values.empty() || field.min || field.max ||
        field.pattern) {
      return true;
    }
  }
  return false;
}

void CheckRawTables(const Organisation& org, const std::vector<const Descriptor*>& products,
                    RuleReporter* reporter) {
  for (const Descriptor* product : products) {
    std::vector<std::string> missing = MissingProductParts(*product);
    if (missing.size() < 2) continue;  // one gap alone is a required.* finding, not a raw table
    std::vector<std::string> outside = OutsideConsumers(*product, org, products);
    std::string message = "'" + product->name +
                          "' is a raw table published as a product: " + Join(missing, ", ") + ".";
    if (!outside.empty()) {
      message += " It is consumed outside domain " + product->domain + " by " +
                 Join(outside, ", ") + ", who get no contract to rely on.";
    }
    message +=
        " Fix: describe and document it, promise an SLA and declare its primary key and "
        "constraints; or, if it is only an input, keep it inside the domain and publish a "
        "curated product built from it";
    reporter->ReportWithSeverity(*product, "antipattern.raw_table",
                                 outside.empty() ? Severity::kWarn : Severity::kError,
                                 DescriptorMark(*product, "name"), std::move(message));
  }
}

}  // namespace mesh::governance
