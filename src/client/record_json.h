// The REST API's JSON answers (src/server/api_json.h; the shapes of the CLI's --json output)
// read back into the library's records, so that a verb in client mode prints a server's answer
// with the same code as in local mode. A missing or mistyped field is Corruption naming it and
// the answer; unknown fields are ignored (a newer server may add some). Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "lineage/lineage_graph.h"
#include "model/finding.h"
#include "publish/publisher.h"

namespace mesh::client {

using Json = nlohmann::ordered_json;

// One entry of `mesh versions --json` (or the version part of `mesh show --json`).
Result<VersionRecord> VersionFromJson(const Json& json);
// `mesh show --json`: the product record (name, domain, owner, description, tags) and the
// snapshot, with its stored descriptor.
Result<std::pair<ProductRecord, VersionRecord>> ShowFromJson(const Json& json);
Result<SearchHit> SearchHitFromJson(const Json& json);
// One entry of `mesh quarantine list --json` (with the report of `show` when present).
Result<QuarantineEntry> QuarantineFromJson(const Json& json);
// One entry of `mesh audit --json` (prev_hash empty when the server does not send it).
Result<AuditEntry> AuditFromJson(const Json& json);
Result<Finding> FindingFromJson(const Json& json);
// `mesh publish --json`: the verdict; the version holds what the answer says (ref, figures,
// object key), not the stored descriptor.
Result<PublishOutcome> PublishOutcomeFromJson(const Json& json);

// One grant or access request of `mesh access ... --json` (src/access/access_json.h); a grant's
// `active` is the server's judgement and is not kept (GrantRecord::IsActive judges again).
Result<GrantRecord> GrantFromJson(const Json& json);
Result<AccessRequestRecord> AccessRequestFromJson(const Json& json);

// `mesh lineage --json`.
struct LineageAnswer {
  std::string node;
  std::string direction;
  std::vector<LineageReach> reached;
  std::vector<TeamReach> teams;
};
Result<LineageAnswer> LineageFromJson(const Json& json);

// Every element of a JSON array through `decode`; Corruption when `json` is not an array.
template <typename T, typename Decode>
Result<std::vector<T>> ListFromJson(const Json& json, Decode decode) {
  if (!json.is_array()) {
    return Status::Corruption("the server's answer is not the list it should be");
  }
  std::vector<T> list;
  for (const Json& element : json) {
    ASSIGN_OR_RAISE(T value, decode(element));
    list.push_back(std::move(value));
  }
  return list;
}

}  // namespace mesh::client
