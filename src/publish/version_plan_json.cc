#include "publish/version_plan_json.h"

#include "model/finding_json.h"

namespace mesh {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> TeamsAffectedBy(const VersionPlan& plan, const SchemaChange& change) {
  if (change.kind != ChangeKind::kBreaking) return {};
  return plan.check.affected_teams;
}

Json ChangeJson(const VersionPlan& plan, const SchemaChange& change) {
  return Json{{"kind", std::string(ChangeKindName(change.kind))},
              {"path", change.path},
              {"before", change.before},
              {"after", change.after},
              {"message", change.message},
              {"line", change.mark.line},
              {"column", change.mark.column},
              {"affects", TeamsAffectedBy(plan, change)}};
}

}  // namespace

std::string DeclaredBumpName(const VersionPlan& plan) {
  if (!plan.current) return "first";
  return plan.check.declared ? std::string(VersionBumpName(*plan.check.declared)) : "lowered";
}

nlohmann::ordered_json VersionPlanJson(const Descriptor& proposed, const VersionPlan& plan) {
  Json json;
  json["product"] = proposed.name;
  json["file"] = proposed.file;
  json["current"] = plan.current ? Json(plan.current->Ref()) : nullptr;
  json["current_version"] = plan.current_descriptor
                                ? Json(FormatSchemaVersion(plan.current_descriptor->schema_version))
                                : nullptr;
  json["proposed_version"] = FormatSchemaVersion(proposed.schema_version);
  json["required_bump"] = std::string(VersionBumpName(plan.check.required));
  json["declared_bump"] = DeclaredBumpName(plan);
  json["least_version"] = FormatSchemaVersion(plan.least_version);
  json["ok"] = plan.ok();
  json["affected_teams"] = plan.check.affected_teams;
  json["changes"] = Json::array();
  for (const SchemaChange& change : plan.check.changes) {
    json["changes"].push_back(ChangeJson(plan, change));
  }
  json["findings"] = Json::array();
  for (const Finding& finding : plan.check.findings)
    json["findings"].push_back(FindingJson(finding));
  return json;
}

}  // namespace mesh
