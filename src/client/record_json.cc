#include "client/record_json.h"

#include "base/time.h"

namespace mesh::client {
namespace {

// Reads typed fields of one JSON object; the first problem is kept and later reads are no-ops.
class FieldReader {
 public:
  FieldReader(const Json& json, std::string what) : json_(json), what_(std::move(what)) {
    if (!json_.is_object()) Fail("", "is not an object");
  }

  std::string String(const char* key) {
    const Json* value = Find(key);
    if (value == nullptr) return "";
    if (!value->is_string()) return Fail(key, "is not a string"), "";
    return value->get<std::string>();
  }
  std::string OptionalString(const char* key) { return Present(key) ? String(key) : std::string(); }
  int64_t Int(const char* key) {
    const Json* value = Find(key);
    if (value == nullptr) return 0;
    if (!value->is_number_integer()) return Fail(key, "is not an integer"), 0;
    return value->get<int64_t>();
  }
  std::optional<int64_t> OptionalInt(const char* key) {
    return Present(key) ? std::optional<int64_t>(Int(key)) : std::nullopt;
  }
  double Double(const char* key) {
    const Json* value = Find(key);
    if (value == nullptr) return 0;
    if (!value->is_number()) return Fail(key, "is not a number"), 0;
    return value->get<double>();
  }
  bool Bool(const char* key) {
    const Json* value = Find(key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return Fail(key, "is not true or false"), false;
    return value->get<bool>();
  }
  std::optional<double> OptionalDouble(const char* key) {
    return Present(key) ? std::optional<double>(Double(key)) : std::nullopt;
  }
  Timestamp Time(const char* key) {
    const std::string text = String(key);
    if (!ok()) return Timestamp{};
    std::optional<Timestamp> time = ParseTimestamp(text);
    if (!time) return Fail(key, "is not an ISO-8601 timestamp"), Timestamp{};
    return *time;
  }
  std::optional<Timestamp> OptionalTime(const char* key) {
    return Present(key) ? std::optional<Timestamp>(Time(key)) : std::nullopt;
  }
  SchemaVersion Version(const char* key) {
    const std::string text = String(key);
    if (!ok()) return SchemaVersion{};
    std::optional<SchemaVersion> version = SchemaVersion::Parse(text);
    if (!version) return Fail(key, "is not a version"), SchemaVersion{};
    return *version;
  }
  std::vector<std::string> Strings(const char* key) {
    const Json* value = Find(key);
    std::vector<std::string> list;
    if (value == nullptr) return list;
    if (!value->is_array()) return Fail(key, "is not a list"), list;
    for (const Json& element : *value) {
      if (!element.is_string()) return Fail(key, "holds something that is not a string"), list;
      list.push_back(element.get<std::string>());
    }
    return list;
  }
  // Present and not null.
  bool Present(const char* key) const {
    return json_.is_object() && json_.contains(key) && !json_[key].is_null();
  }
  const Json& Raw(const char* key) const { return json_[key]; }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

 private:
  const Json* Find(const char* key) {
    if (!ok()) return nullptr;
    if (!json_.contains(key)) {
      Fail(key, "is missing");
      return nullptr;
    }
    return &json_[key];
  }
  void Fail(const std::string& key, const std::string& problem) {
    if (!ok()) return;
    status_ = Status::Corruption("the server's " + what_ + " answer" +
                                 (key.empty() ? "" : ": field '" + key + "'") + " " + problem +
                                 " (is the server a different Meshwork version?)");
  }

  const Json& json_;
  std::string what_;
  Status status_;
};

// "orders@1.2.0#3" -> "orders".
std::string ProductOfRef(const std::string& ref) { return ref.substr(0, ref.find_first_of("@#")); }

void ReadVersionFields(FieldReader& read, VersionRecord* version) {
  version->product = ProductOfRef(read.String("ref"));
  version->version = read.Version("version");
  version->snapshot = read.Int("snapshot");
  const std::string status = read.String("status");
  if (std::optional<VersionStatus> parsed = ParseVersionStatus(status)) version->status = *parsed;
  version->publisher = read.String("publisher");
  version->published_at = read.Time("published_at");
  version->row_count = read.Int("rows");
  version->bytes = read.Int("bytes");
  version->completeness = read.Double("completeness");
  version->lag_hours = read.OptionalDouble("lag_hours");
  version->object_key = read.String("object_key");
  version->output_format = read.String("output_format");
  version->content_hash = read.OptionalString("content_hash");
  version->readable_until = read.OptionalTime("readable_until");
  version->descriptor_yaml = read.OptionalString("descriptor");
}

}  // namespace

Result<VersionRecord> VersionFromJson(const Json& json) {
  FieldReader read(json, "version");
  VersionRecord version;
  ReadVersionFields(read, &version);
  if (read.ok() && !ParseVersionStatus(read.String("status"))) {
    return Status::Corruption("the server's version answer: unknown status '" +
                              read.String("status") + "'");
  }
  RETURN_NOT_OK(read.status());
  return version;
}

Result<std::pair<ProductRecord, VersionRecord>> ShowFromJson(const Json& json) {
  ASSIGN_OR_RAISE(VersionRecord version, VersionFromJson(json));
  FieldReader read(json, "product");
  ProductRecord product;
  product.name = read.String("name");
  product.domain = read.String("domain");
  product.owner = read.String("owner");
  product.description = read.String("description");
  product.tags = read.Strings("tags");
  RETURN_NOT_OK(read.status());
  return std::make_pair(std::move(product), std::move(version));
}

Result<SearchHit> SearchHitFromJson(const Json& json) {
  FieldReader read(json, "search");
  SearchHit hit;
  hit.product = read.String("product");
  hit.domain = read.String("domain");
  hit.description = read.String("description");
  hit.score = read.Double("score");
  RETURN_NOT_OK(read.status());
  return hit;
}

Result<QuarantineEntry> QuarantineFromJson(const Json& json) {
  FieldReader read(json, "quarantine");
  QuarantineEntry entry;
  entry.id = read.Int("id");
  entry.product = read.String("product");
  entry.attempted_version = read.Version("attempted_version");
  entry.person = read.String("person");
  entry.at = read.Time("at");
  entry.reason = read.String("reason");
  entry.object_key = read.String("object_key");
  if (read.Present("report")) entry.report_json = read.Raw("report").dump();
  RETURN_NOT_OK(read.status());
  return entry;
}

Result<AuditEntry> AuditFromJson(const Json& json) {
  FieldReader read(json, "audit");
  AuditEntry entry;
  entry.sequence = read.Int("sequence");
  entry.at = read.Time("at");
  entry.actor = read.String("actor");
  entry.action = read.String("action");
  entry.target = read.String("target");
  entry.outcome = read.String("outcome");
  entry.details = read.String("details");
  entry.prev_hash = read.OptionalString("prev_hash");
  entry.hash = read.String("hash");
  RETURN_NOT_OK(read.status());
  return entry;
}

Result<Finding> FindingFromJson(const Json& json) {
  FieldReader read(json, "finding");
  Finding finding;
  finding.rule = read.String("rule");
  const std::string severity = read.String("severity");
  finding.file = read.String("file");
  finding.line = static_cast<int>(read.Int("line"));
  finding.column = static_cast<int>(read.Int("column"));
  finding.message = read.String("message");
  RETURN_NOT_OK(read.status());
  if (severity != "error" && severity != "warn") {
    return Status::Corruption("the server's finding answer: unknown severity '" + severity + "'");
  }
  finding.severity = severity == "error" ? Severity::kError : Severity::kWarn;
  return finding;
}

namespace {

Result<PublishResult> PublishResultFromName(const std::string& name) {
  for (PublishResult result :
       {PublishResult::kPublished, PublishResult::kRefused, PublishResult::kRejected}) {
    if (PublishResultName(result) == name) return result;
  }
  return Status::Corruption("the server's publish answer: unknown result '" + name + "'");
}

}  // namespace

Result<PublishOutcome> PublishOutcomeFromJson(const Json& json) {
  FieldReader read(json, "publish");
  PublishOutcome outcome;
  const std::string result = read.String("result");
  outcome.reasons = read.Strings("reasons");
  outcome.quarantine_id = read.OptionalInt("quarantine_id");
  outcome.openlineage_path = read.OptionalString("openlineage");
  outcome.openlineage_error = read.OptionalString("openlineage_error");
  if (read.Present("report")) outcome.report_json = read.Raw("report").dump();
  if (read.Present("ref")) {
    VersionRecord version;
    version.product = ProductOfRef(read.String("ref"));
    version.version = read.Version("version");
    version.snapshot = read.Int("snapshot");
    version.object_key = read.String("object_key");
    version.row_count = read.Int("rows");
    version.bytes = read.Int("bytes");
    version.completeness = read.Double("completeness");
    version.lag_hours = read.OptionalDouble("lag_hours");
    outcome.version = std::move(version);
  }
  RETURN_NOT_OK(read.status());
  ASSIGN_OR_RAISE(outcome.result, PublishResultFromName(result));
  if (json.contains("findings")) {
    ASSIGN_OR_RAISE(outcome.findings, ListFromJson<Finding>(json["findings"], FindingFromJson));
  }
  if (outcome.result == PublishResult::kPublished && !outcome.version) {
    return Status::Corruption("the server's publish answer says published but names no version");
  }
  if (outcome.result == PublishResult::kRejected && !outcome.quarantine_id) {
    return Status::Corruption("the server's publish answer says rejected but has no quarantine_id");
  }
  return outcome;
}

namespace {

Result<LineageReach> ReachFromJson(const Json& json) {
  FieldReader read(json, "lineage node");
  LineageReach reach;
  reach.node = read.String("name");
  reach.is_source = read.String("kind") == "source";
  reach.depth = static_cast<int>(read.Int("depth"));
  reach.path = read.Strings("path");
  RETURN_NOT_OK(read.status());
  return reach;
}

Result<TeamReach> TeamReachFromJson(const Json& json) {
  FieldReader read(json, "lineage team");
  TeamReach team;
  team.team = read.String("team");
  team.product = read.String("product");
  team.path = read.Strings("path");
  RETURN_NOT_OK(read.status());
  return team;
}

}  // namespace

Result<LineageAnswer> LineageFromJson(const Json& json) {
  FieldReader read(json, "lineage");
  LineageAnswer answer;
  answer.node = read.String("node");
  answer.direction = read.String("direction");
  RETURN_NOT_OK(read.status());
  if (!json.contains("nodes"))
    return Status::Corruption("the server's lineage answer has no nodes");
  ASSIGN_OR_RAISE(answer.reached, ListFromJson<LineageReach>(json["nodes"], ReachFromJson));
  if (json.contains("teams")) {
    ASSIGN_OR_RAISE(answer.teams, ListFromJson<TeamReach>(json["teams"], TeamReachFromJson));
  }
  return answer;
}

Result<GrantRecord> GrantFromJson(const Json& json) {
  FieldReader read(json, "grant");
  GrantRecord grant;
  grant.id = read.Int("id");
  grant.product = read.String("product");
  grant.team = read.String("team");
  grant.level = read.String("level");
  grant.pii = read.Bool("pii");
  grant.granted_by = read.String("granted_by");
  grant.granted_at = read.Time("granted_at");
  grant.expires_at = read.OptionalTime("expires_at");
  grant.request_id = read.OptionalInt("request_id");
  grant.revoked_at = read.OptionalTime("revoked_at");
  grant.revoked_by = read.OptionalString("revoked_by");
  RETURN_NOT_OK(read.status());
  return grant;
}

Result<AccessRequestRecord> AccessRequestFromJson(const Json& json) {
  FieldReader read(json, "access request");
  AccessRequestRecord request;
  request.id = read.Int("id");
  request.product = read.String("product");
  request.team = read.String("team");
  request.person = read.String("person");
  request.purpose = read.String("purpose");
  request.level = read.String("level");
  request.pii = read.Bool("pii");
  const std::string status = read.String("status");
  request.requested_at = read.Time("requested_at");
  request.decided_by = read.OptionalString("decided_by");
  request.decided_at = read.OptionalTime("decided_at");
  request.decision_note = read.OptionalString("note");
  request.grant_id = read.OptionalInt("grant_id");
  RETURN_NOT_OK(read.status());
  std::optional<AccessRequestStatus> parsed = ParseAccessRequestStatus(status);
  if (!parsed) {
    return Status::Corruption("the server's access request answer: unknown status '" + status +
                              "'");
  }
  request.status = *parsed;
  return request;
}

}  // namespace mesh::client
