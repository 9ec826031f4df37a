#include "server/contract_json.h"

#include <algorithm>

namespace mesh::server {
namespace {

using Json = nlohmann::ordered_json;

Json LiteralJson(const Literal& literal) {
  switch (literal.kind) {
    case Literal::Kind::kNumber:
      return literal.number;
    case Literal::Kind::kBool:
      return literal.number != 0;
    case Literal::Kind::kString:
      break;
  }
  return literal.text;
}

Json OptionalLiteral(const std::optional<Literal>& literal) {
  return literal ? LiteralJson(*literal) : Json(nullptr);
}

Json OptionalText(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

Json FieldJson(const Descriptor& descriptor, const Field& field, const ContractAccess& access) {
  Json json;
  json["name"] = field.name;
  json["type"] = field.type.ToString();
  json["description"] = field.description;
  json["required"] = field.required;
  json["unique"] = field.unique;
  json["allowed_values"] = Json::array();
  for (const Literal& value : field.allowed_values)
    json["allowed_values"].push_back(LiteralJson(value));
  json["min"] = OptionalLiteral(field.min);
  json["max"] = OptionalLiteral(field.max);
  json["pattern"] = OptionalText(field.pattern);
  json["classification"] = descriptor.FieldClassification(field);
  json["tags"] = field.tags;
  json["deprecated"] = field.deprecated;
  const auto& key = descriptor.schema.primary_key;
  json["primary_key"] = std::find(key.begin(), key.end(), field.name) != key.end();
  auto withheld =
      std::find_if(access.withheld.begin(), access.withheld.end(),
                   [&](const access::WithheldField& w) { return w.field == field.name; });
  json["withheld"] = withheld != access.withheld.end();
  json["withheld_reason"] = withheld != access.withheld.end() ? withheld->reason : "";
  return json;
}

Json QualityCheckJson(const QualityCheck& check) {
  Json json;
  json["check"] = std::string(CheckKindName(check.kind));
  json["severity"] = std::string(SeverityName(check.severity));
  if (!check.columns.empty()) json["columns"] = check.columns;
  if (!check.column.empty()) json["column"] = check.column;
  if (check.min) json["min"] = LiteralJson(*check.min);
  if (check.max) json["max"] = LiteralJson(*check.max);
  if (!check.values.empty()) {
    json["values"] = Json::array();
    for (const Literal& value : check.values) json["values"].push_back(LiteralJson(value));
  }
  if (!check.pattern.empty()) json["pattern"] = check.pattern;
  if (check.max_age_hours) json["max_age_hours"] = *check.max_age_hours;
  if (!check.references_product.empty()) {
    json["references"] = check.references_product + "." + check.references_field;
  }
  if (check.max_failing > 0) json["max_failing"] = check.max_failing;
  return json;
}

Json SlaJson(const std::optional<Sla>& sla) {
  if (!sla) return nullptr;
  Json json;
  json["availability"] = sla->availability_text;
  json["timezone"] = sla->timezone;
  json["max_lag_hours"] = sla->max_lag_hours ? Json(*sla->max_lag_hours) : Json(nullptr);
  json["min_completeness"] = sla->min_completeness ? Json(*sla->min_completeness) : Json(nullptr);
  return json;
}

Json SupportJson(const std::optional<Support>& support) {
  if (!support) return nullptr;
  Json json = Json::object();
  if (support->channel) json["channel"] = *support->channel;
  if (support->email) json["email"] = *support->email;
  if (support->issues_url) json["issues_url"] = *support->issues_url;
  return json;
}

}  // namespace

nlohmann::ordered_json ContractJson(const Descriptor& descriptor, const ContractAccess& access,
                                    const std::string& report_json) {
  Json json;
  json["name"] = descriptor.name;
  json["domain"] = descriptor.domain;
  json["owner"] = descriptor.owner;
  json["description"] = descriptor.description.value_or("");
  json["schema_version"] = descriptor.schema_version.ToString();
  json["output_format"] = std::string(OutputFormatName(descriptor.output_format));
  json["documentation_url"] = OptionalText(descriptor.documentation_url);
  json["classification"] = descriptor.classification.value_or("");
  json["tags"] = descriptor.tags;
  json["consumer_teams"] = descriptor.consumer_teams;
  json["lineage"] = descriptor.lineage;
  json["event_time"] = OptionalText(descriptor.event_time);
  json["support"] = SupportJson(descriptor.support);
  json["sla"] = SlaJson(descriptor.sla);
  json["fields"] = Json::array();
  for (const Field& field : descriptor.schema.fields) {
    json["fields"].push_back(FieldJson(descriptor, field, access));
  }
  json["quality"] = Json::array();
  for (const QualityCheck& check : descriptor.quality)
    json["quality"].push_back(QualityCheckJson(check));
  json["can_read_data"] = access.can_read_data;
  json["read_denied_reason"] = access.read_denied_reason;
  Json report = report_json.empty() ? Json(nullptr) : Json::parse(report_json, nullptr, false);
  json["quality_report"] = report.is_discarded() ? Json(nullptr) : report;
  return json;
}

}  // namespace mesh::server
