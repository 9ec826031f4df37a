// MeshClient: the REST API of `mesh serve` (docs/api.md) as typed calls returning the library's
// records, for the CLI's client mode (--server URL, token from MESH_TOKEN): metadata (versions,
// show, search, lineage, quarantine, audit), streamed data reads, and publishing a descriptor with
// its data file streamed to the server as a multipart upload. Errors are values: the server's
// error answers come back as the Status of their code with its message (404 -> NotFound, 403 ->
// PermissionDenied, 401 -> Unauthenticated saying what to do), transport failures as IOError
// naming the server. One request at a time: external synchronization required.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/access_service.h"
#include "access/authorizer.h"
#include "base/filesystem.h"
#include "base/result.h"
#include "catalog/catalog.h"
#include "client/http_transport.h"
#include "client/record_json.h"
#include "format/reader.h"
#include "publish/publisher.h"

namespace mesh::client {

struct ClientOptions {
  std::string server_url;  // http(s)://HOST[:PORT][/PATH]
  std::string token;       // an API token (mesh token create); required
  int connect_timeout_seconds = 10;
  int io_timeout_seconds = 600;
};

// GET /api/v1/me.
struct Identity {
  std::string person;
  std::vector<std::string> teams;
  std::vector<std::string> roles;
};

// What a data read delivered (the server's X-Mesh-* headers and the bytes counted here).
struct RemoteRead {
  std::string ref;  // name@version#snapshot
  VersionStatus status = VersionStatus::kCurrent;
  format::DataFormat format = format::DataFormat::kCsv;
  int64_t rows = 0;
  uint64_t bytes = 0;
  std::vector<std::string> columns;  // delivered, in schema order
  std::vector<access::WithheldField> withheld;
};

// One publish: the descriptor's text and the data file, streamed from `data`.
struct PublishUpload {
  std::string product;  // the descriptor's name (the URL's {name})
  std::string descriptor_text;
  std::string descriptor_filename;
  const RandomAccessFile* data = nullptr;
  std::string data_filename;
  std::optional<format::DataFormat> format;  // nullopt: the server tells by data_filename
};

// One page of the audit log (GET /api/v1/audit), oldest first.
struct AuditPage {
  std::optional<std::string> product;  // target prefix
  std::optional<std::string> person;
  std::optional<std::string> since;  // ISO-8601 instant
  int64_t after_sequence = 0;
  int limit = 1000;
};

// A grant asked of the server; `expires` as `--expires` takes it (90d, a date or an instant,
// judged by the server's clock), empty for none.
struct GrantAsked {
  std::string product;
  std::string team;
  std::string level;
  bool pii = false;
  std::string expires;
};

class MeshClient {
 public:
  // InvalidArgument for a malformed URL or an empty token (saying to set MESH_TOKEN).
  static Result<std::unique_ptr<MeshClient>> Make(const ClientOptions& options);

  const ServerUrl& url() const { return transport_->url(); }

  Result<Identity> WhoAmI();
  // Empty for a product that was never published (as Catalog::ListVersions).
  Result<std::vector<VersionRecord>> ListVersions(const std::string& product);
  Result<std::pair<ProductRecord, VersionRecord>> Show(const std::string& product,
                                                       const VersionSelector& selector);
  Result<std::vector<SearchHit>> Search(const SearchQuery& query);
  // direction: "upstream", "downstream" or "impact"; depth 0: no limit.
  Result<LineageAnswer> Lineage(const std::string& node, const std::string& direction, int depth);
  Result<std::vector<QuarantineEntry>> ListQuarantine(const std::string& product);
  Result<QuarantineEntry> GetQuarantine(int64_t id);
  Result<std::vector<AuditEntry>> ListAudit(const AuditPage& page);

  // The access workflow (POST /api/v1/access/..., docs/access.md) as the token's person.
  Result<AccessRequestRecord> RequestAccess(const access::AccessRequestInput& input);
  // `expires` as GrantAsked's; empty: the server's default for the level.
  Result<AccessRequestRecord> ApproveRequest(int64_t id, const std::string& expires,
                                             const std::string& note);
  Result<AccessRequestRecord> DenyRequest(int64_t id, const std::string& reason);
  Result<GrantRecord> Grant(const GrantAsked& grant);
  Result<GrantRecord> RevokeGrant(int64_t id, const std::string& reason);
  // As Catalog::ListGrants, but for an expired grant the server leaves out unless
  // include_revoked (as `mesh access list` does).
  Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter);
  // filter.status nullopt: every status.
  Result<std::vector<AccessRequestRecord>> ListAccessRequests(const AccessRequestFilter& filter);

  // What publishing `descriptor_text` (a descriptor of `product`) would change: the JSON of
  // `mesh diff --json` (src/publish/version_plan_json.h), as the server judged it.
  Result<Json> Diff(const std::string& product, const std::string& descriptor_text);

  // Streams the snapshot's rows (the fields the token's person may receive) into `sink`
  // (Append only). On error the sink may hold part of the data; the caller discards it.
  Result<RemoteRead> Read(const std::string& product, const VersionSelector& selector,
                          std::optional<format::DataFormat> format, WritableFile* sink);

  // Published, refused and rejected are outcomes; errors are what stopped it without a verdict.
  Result<PublishOutcome> Publish(const PublishUpload& upload);

 private:
  explicit MeshClient(std::unique_ptr<HttpTransport> transport)
      : transport_(std::move(transport)) {}

  std::unique_ptr<HttpTransport> transport_;
};

}  // namespace mesh::client
