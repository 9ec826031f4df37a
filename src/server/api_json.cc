#include "server/api_json.h"

#include "base/time.h"

namespace mesh::server {
namespace {

nlohmann::ordered_json OptionalTime(const std::optional<Timestamp>& time) {
  return time ? nlohmann::ordered_json(FormatTimestamp(*time)) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json ProductSummaryJson(const ProductRecord& product) {
  nlohmann::ordered_json json;
  json["name"] = product.name;
  json["domain"] = product.domain;
  json["owner"] = product.owner;
  json["description"] = product.description;
  json["tags"] = product.tags;
  json["version"] = product.current_snapshot > 0
                        ? nlohmann::ordered_json(FormatSchemaVersion(product.current_version))
                        : nlohmann::ordered_json(nullptr);
  json["snapshot"] = product.current_snapshot;
  json["updated_at"] = FormatTimestamp(product.updated_at);
  return json;
}

nlohmann::ordered_json ShowJson(const ProductRecord& product, const VersionRecord& version) {
  nlohmann::ordered_json json;
  json["ref"] = version.Ref();
  json["name"] = product.name;
  json["domain"] = product.domain;
  json["owner"] = product.owner;
  json["description"] = product.description;
  json["tags"] = product.tags;
  json["version"] = FormatSchemaVersion(version.version);
  json["snapshot"] = version.snapshot;
  json["status"] = std::string(VersionStatusName(version.status));
  json["publisher"] = version.publisher;
  json["published_at"] = FormatTimestamp(version.published_at);
  json["rows"] = version.row_count;
  json["bytes"] = version.bytes;
  json["completeness"] = version.completeness;
  json["lag_hours"] = version.lag_hours ? nlohmann::ordered_json(*version.lag_hours) : nullptr;
  json["output_format"] = version.output_format;
  json["object_key"] = version.object_key;
  json["content_hash"] = version.content_hash;
  json["readable_until"] = OptionalTime(version.readable_until);
  json["descriptor"] = version.descriptor_yaml;
  return json;
}

nlohmann::ordered_json VersionJson(const VersionRecord& version) {
  nlohmann::ordered_json json;
  json["ref"] = version.Ref();
  json["version"] = FormatSchemaVersion(version.version);
  json["snapshot"] = version.snapshot;
  json["status"] = std::string(VersionStatusName(version.status));
  json["publisher"] = version.publisher;
  json["published_at"] = FormatTimestamp(version.published_at);
  json["rows"] = version.row_count;
  json["bytes"] = version.bytes;
  json["completeness"] = version.completeness;
  json["lag_hours"] = version.lag_hours ? nlohmann::ordered_json(*version.lag_hours) : nullptr;
  json["object_key"] = version.object_key;
  json["output_format"] = version.output_format;
  return json;
}

nlohmann::ordered_json SearchHitJson(const SearchHit& hit) {
  nlohmann::ordered_json json;
  json["product"] = hit.product;
  json["domain"] = hit.domain;
  json["description"] = hit.description;
  json["score"] = hit.score;
  return json;
}

nlohmann::ordered_json QuarantineJson(const QuarantineEntry& entry, bool with_report) {
  nlohmann::ordered_json json;
  json["id"] = entry.id;
  json["product"] = entry.product;
  json["attempted_version"] = FormatSchemaVersion(entry.attempted_version);
  json["person"] = entry.person;
  json["at"] = FormatTimestamp(entry.at);
  json["reason"] = entry.reason;
  json["object_key"] = entry.object_key;
  if (with_report) {
    json["report"] = nlohmann::ordered_json::parse(entry.report_json, nullptr, false);
    if (json["report"].is_discarded()) json["report"] = nullptr;
  }
  return json;
}

nlohmann::ordered_json AuditJson(const AuditEntry& entry) {
  nlohmann::ordered_json json;
  json["sequence"] = entry.sequence;
  json["at"] = FormatTimestamp(entry.at);
  json["actor"] = entry.actor;
  json["action"] = entry.action;
  json["target"] = entry.target;
  json["outcome"] = entry.outcome;
  json["details"] = entry.details;
  json["prev_hash"] = entry.prev_hash;
  json["hash"] = entry.hash;
  return json;
}

nlohmann::ordered_json PublishOutcomeJson(const PublishOutcome& outcome) {
  nlohmann::ordered_json json;
  json["result"] = std::string(PublishResultName(outcome.result));
  if (outcome.version) {
    const VersionRecord& version = *outcome.version;
    json["ref"] = version.Ref();
    json["version"] = FormatSchemaVersion(version.version);
    json["snapshot"] = version.snapshot;
    json["object_key"] = version.object_key;
    json["rows"] = version.row_count;
    json["bytes"] = version.bytes;
    json["completeness"] = version.completeness;
    json["lag_hours"] = version.lag_hours ? nlohmann::ordered_json(*version.lag_hours) : nullptr;
  }
  json["openlineage"] = outcome.openlineage_path;
  if (!outcome.openlineage_error.empty()) json["openlineage_error"] = outcome.openlineage_error;
  if (outcome.quarantine_id) json["quarantine_id"] = *outcome.quarantine_id;
  json["reasons"] = outcome.reasons;
  json["findings"] = nlohmann::ordered_json::array();
  for (const Finding& finding : outcome.findings) json["findings"].push_back(FindingJson(finding));
  if (!outcome.report_json.empty()) {
    json["report"] = nlohmann::ordered_json::parse(outcome.report_json, nullptr, false);
    if (json["report"].is_discarded()) json["report"] = nullptr;
  }
  return json;
}

}  // namespace mesh::server
