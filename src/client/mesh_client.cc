#include "client/mesh_client.h"

#include <charconv>

namespace mesh::client {
namespace {

constexpr char kApi[] = "/api/v1";

constexpr char kAccess[] = "/api/v1/access";
constexpr char kJsonType[] = "application/json";

std::string RequestPath(int64_t id) {
  return std::string(kAccess) + "/requests/" + std::to_string(id);
}

std::string ProductPath(const std::string& product) {
  return std::string(kApi) + "/products/" + EncodePathSegment(product);
}

QueryParams SelectorParams(const VersionSelector& selector) {
  QueryParams params;
  if (selector.version) params.emplace_back("version", FormatSchemaVersion(*selector.version));
  if (selector.snapshot) params.emplace_back("snapshot", std::to_string(*selector.snapshot));
  return params;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

std::string Header(const DownloadAnswer& answer, const std::string& name) {
  auto found = answer.headers.find(name);
  return found == answer.headers.end() ? "" : found->second;
}

Result<format::DataFormat> FormatOfContentType(const std::string& content_type) {
  if (content_type.rfind("text/csv", 0) == 0) return format::DataFormat::kCsv;
  if (content_type.rfind("application/x-ndjson", 0) == 0) return format::DataFormat::kJsonl;
  if (content_type.rfind("application/vnd.apache.parquet", 0) == 0) {
    return format::DataFormat::kParquet;
  }
  return Status::Corruption("the server sent data of an unknown type '" + content_type + "'");
}

Result<std::vector<access::WithheldField>> WithheldOf(const DownloadAnswer& answer) {
  std::vector<access::WithheldField> withheld;
  const std::string reasons = Header(answer, "x-mesh-withheld-reasons");
  if (reasons.empty()) {
    for (std::string& field : SplitCommas(Header(answer, "x-mesh-withheld-fields"))) {
      withheld.push_back({std::move(field), ""});
    }
    return withheld;
  }
  Json json = Json::parse(reasons, nullptr, false);
  if (!json.is_array()) {
    return Status::Corruption("the server's X-Mesh-Withheld-Reasons header is not a JSON list");
  }
  for (const Json& entry : json) {
    if (!entry.is_object() || !entry.value("field", Json()).is_string() ||
        !entry.value("reason", Json()).is_string()) {
      return Status::Corruption(
          "the server's X-Mesh-Withheld-Reasons header holds an entry without field and reason");
    }
    withheld.push_back({entry["field"].get<std::string>(), entry["reason"].get<std::string>()});
  }
  return withheld;
}

Result<RemoteRead> ReadOfAnswer(const DownloadAnswer& answer) {
  RemoteRead read;
  read.ref = Header(answer, "x-mesh-ref");
  const std::string rows = Header(answer, "x-mesh-rows");
  auto [end, error] = std::from_chars(rows.data(), rows.data() + rows.size(), read.rows);
  if (read.ref.empty() || rows.empty() || error != std::errc() ||
      end != rows.data() + rows.size()) {
    return Status::Corruption(
        "the server's data answer lacks X-Mesh-Ref or X-Mesh-Rows (is it an older Meshwork "
        "server?)");
  }
  std::optional<VersionStatus> status = ParseVersionStatus(Header(answer, "x-mesh-status"));
  if (!status) return Status::Corruption("the server's X-Mesh-Status header is not a status");
  read.status = *status;
  ASSIGN_OR_RAISE(read.format, FormatOfContentType(Header(answer, "content-type")));
  read.columns = SplitCommas(Header(answer, "x-mesh-columns"));
  ASSIGN_OR_RAISE(read.withheld, WithheldOf(answer));
  read.bytes = answer.bytes;
  return read;
}

}  // namespace

Result<std::unique_ptr<MeshClient>> MeshClient::Make(const ClientOptions& options) {
  ASSIGN_OR_RAISE(ServerUrl url, ParseServerUrl(options.server_url));
  if (options.token.empty()) {
    return Status::InvalidArgument(
        "no API token for the server at " + url.ToString() +
        ": export MESH_TOKEN=<token> (an admin creates one with `mesh token create --person "
        "YOU` on the server's workspace)");
  }
  TransportOptions transport;
  transport.url = std::move(url);
  transport.token = options.token;
  transport.connect_timeout_seconds = options.connect_timeout_seconds;
  transport.io_timeout_seconds = options.io_timeout_seconds;
  ASSIGN_OR_RAISE(std::unique_ptr<HttpTransport> made, HttpTransport::Make(std::move(transport)));
  return std::unique_ptr<MeshClient>(new MeshClient(std::move(made)));
}

Result<Identity> MeshClient::WhoAmI() {
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kApi) + "/me"));
  Identity identity;
  if (!json.is_object() || !json.value("person", Json()).is_string()) {
    return Status::Corruption("the server's /api/v1/me answer names no person");
  }
  identity.person = json["person"].get<std::string>();
  for (const char* key : {"teams", "roles"}) {
    if (!json.contains(key) || !json[key].is_array()) continue;
    for (const Json& value : json[key]) {
      if (value.is_string()) {
        (std::string(key) == "teams" ? identity.teams : identity.roles)
            .push_back(value.get<std::string>());
      }
    }
  }
  return identity;
}

Result<std::vector<VersionRecord>> MeshClient::ListVersions(const std::string& product) {
  Result<Json> json = transport_->GetJson(ProductPath(product) + "/versions");
  // The server answers 404 for a product without versions; the catalog's answer is empty.
  if (!json.ok() && json.status().IsNotFound()) return std::vector<VersionRecord>();
  if (!json.ok()) return json.status();
  return ListFromJson<VersionRecord>(*json, VersionFromJson);
}

Result<std::pair<ProductRecord, VersionRecord>> MeshClient::Show(const std::string& product,
                                                                 const VersionSelector& selector) {
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(ProductPath(product), SelectorParams(selector)));
  return ShowFromJson(json);
}

Result<std::vector<SearchHit>> MeshClient::Search(const SearchQuery& query) {
  QueryParams params{{"q", query.text}, {"limit", std::to_string(query.limit)}};
  if (query.domain) params.emplace_back("domain", *query.domain);
  if (query.tag) params.emplace_back("tag", *query.tag);
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kApi) + "/search", params));
  return ListFromJson<SearchHit>(json, SearchHitFromJson);
}

Result<LineageAnswer> MeshClient::Lineage(const std::string& node, const std::string& direction,
                                          int depth) {
  QueryParams params{{"node", node}, {"direction", direction}};
  if (depth > 0) params.emplace_back("depth", std::to_string(depth));
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kApi) + "/lineage", params));
  return LineageFromJson(json);
}

Result<std::vector<QuarantineEntry>> MeshClient::ListQuarantine(const std::string& product) {
  QueryParams params;
  if (!product.empty()) params.emplace_back("product", product);
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kApi) + "/quarantine", params));
  return ListFromJson<QuarantineEntry>(json, QuarantineFromJson);
}

Result<QuarantineEntry> MeshClient::GetQuarantine(int64_t id) {
  ASSIGN_OR_RAISE(Json json,
                  transport_->GetJson(std::string(kApi) + "/quarantine/" + std::to_string(id)));
  return QuarantineFromJson(json);
}

Result<std::vector<AuditEntry>> MeshClient::ListAudit(const AuditPage& page) {
  QueryParams params{{"after", std::to_string(page.after_sequence)},
                     {"limit", std::to_string(page.limit)}};
  if (page.product) params.emplace_back("product", *page.product);
  if (page.person) params.emplace_back("person", *page.person);
  if (page.since) params.emplace_back("since", *page.since);
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kApi) + "/audit", params));
  return ListFromJson<AuditEntry>(json, AuditFromJson);
}

Result<RemoteRead> MeshClient::Read(const std::string& product, const VersionSelector& selector,
                                    std::optional<format::DataFormat> format, WritableFile* sink) {
  QueryParams params = SelectorParams(selector);
  if (format) params.emplace_back("format", std::string(format::DataFormatName(*format)));
  ASSIGN_OR_RAISE(DownloadAnswer answer,
                  transport_->Download(ProductPath(product) + "/data", params, sink));
  return ReadOfAnswer(answer);
}

Result<PublishOutcome> MeshClient::Publish(const PublishUpload& upload) {
  QueryParams params;
  if (upload.format)
    params.emplace_back("format", std::string(format::DataFormatName(*upload.format)));
  std::vector<MemoryPart> parts = {
      {"descriptor", upload.descriptor_text, upload.descriptor_filename, "application/yaml"}};
  FilePart data{"data", upload.data, upload.data_filename, "application/octet-stream"};
  ASSIGN_OR_RAISE(JsonAnswer answer,
                  transport_->PostMultipart(ProductPath(upload.product) + "/versions", params,
                                            parts, data, {201, 422}));
  ASSIGN_OR_RAISE(PublishOutcome outcome, PublishOutcomeFromJson(answer.body));
  if (outcome.version) {
    // The answer carries the figures; the snapshot's record adds its format, status and times.
    VersionSelector exact;
    exact.snapshot = outcome.version->snapshot;
    Result<std::pair<ProductRecord, VersionRecord>> shown = Show(upload.product, exact);
    if (shown.ok()) outcome.version = std::move(shown->second);
  }
  return outcome;
}

Result<AccessRequestRecord> MeshClient::RequestAccess(const access::AccessRequestInput& input) {
  Json body{{"product", input.product}, {"purpose", input.purpose}, {"pii", input.pii}};
  if (input.team) body["team"] = *input.team;
  if (input.level) body["level"] = *input.level;
  ASSIGN_OR_RAISE(JsonAnswer answer, transport_->Post(std::string(kAccess) + "/requests",
                                                      body.dump(), kJsonType, {201}));
  return AccessRequestFromJson(answer.body);
}

Result<AccessRequestRecord> MeshClient::ApproveRequest(int64_t id, const std::string& expires,
                                                       const std::string& note) {
  Json body{{"note", note}};
  if (!expires.empty()) body["expires"] = expires;
  ASSIGN_OR_RAISE(JsonAnswer answer,
                  transport_->Post(RequestPath(id) + "/approve", body.dump(), kJsonType, {200}));
  return AccessRequestFromJson(answer.body);
}

Result<AccessRequestRecord> MeshClient::DenyRequest(int64_t id, const std::string& reason) {
  Json body{{"reason", reason}};
  ASSIGN_OR_RAISE(JsonAnswer answer,
                  transport_->Post(RequestPath(id) + "/deny", body.dump(), kJsonType, {200}));
  return AccessRequestFromJson(answer.body);
}

Result<GrantRecord> MeshClient::Grant(const GrantAsked& grant) {
  Json body{{"team", grant.team}, {"level", grant.level}, {"pii", grant.pii}};
  if (!grant.expires.empty()) body["expires"] = grant.expires;
  ASSIGN_OR_RAISE(JsonAnswer answer, transport_->Post(ProductPath(grant.product) + "/grants",
                                                      body.dump(), kJsonType, {201}));
  return GrantFromJson(answer.body);
}

Result<GrantRecord> MeshClient::RevokeGrant(int64_t id, const std::string& reason) {
  Json body{{"reason", reason}};
  ASSIGN_OR_RAISE(JsonAnswer answer, transport_->Post(std::string(kAccess) + "/grants/" +
                                                          std::to_string(id) + "/revoke",
                                                      body.dump(), kJsonType, {200}));
  return GrantFromJson(answer.body);
}

Result<std::vector<GrantRecord>> MeshClient::ListGrants(const GrantFilter& filter) {
  QueryParams params{{"all", filter.include_revoked ? "true" : "false"}};
  if (filter.product) params.emplace_back("product", *filter.product);
  if (filter.team) params.emplace_back("team", *filter.team);
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kAccess) + "/grants", params));
  return ListFromJson<GrantRecord>(json, GrantFromJson);
}

Result<std::vector<AccessRequestRecord>> MeshClient::ListAccessRequests(
    const AccessRequestFilter& filter) {
  QueryParams params{
      {"status", filter.status ? std::string(AccessRequestStatusName(*filter.status)) : "all"}};
  if (filter.product) params.emplace_back("product", *filter.product);
  if (filter.team) params.emplace_back("team", *filter.team);
  if (filter.person) params.emplace_back("person", *filter.person);
  ASSIGN_OR_RAISE(Json json, transport_->GetJson(std::string(kAccess) + "/requests", params));
  return ListFromJson<AccessRequestRecord>(json, AccessRequestFromJson);
}

Result<Json> MeshClient::Diff(const std::string& product, const std::string& descriptor_text) {
  ASSIGN_OR_RAISE(JsonAnswer answer, transport_->Post(ProductPath(product) + "/diff",
                                                      descriptor_text, "application/yaml", {200}));
  if (!answer.body.is_object() || !answer.body.contains("ok") || !answer.body["ok"].is_boolean()) {
    return Status::Corruption("the server's diff answer has no verdict ('ok')");
  }
  return std::move(answer.body);
}

}  // namespace mesh::client
