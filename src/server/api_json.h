// The JSON shapes of the REST API, the same as the CLI's --json output of the matching verb
// (docs/cli.md), so that a client prints a server's answer as the local verb would.
#pragma once

#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "lineage/lineage_graph.h"
#include "model/finding_json.h"
#include "publish/publisher.h"

namespace mesh::server {

nlohmann::ordered_json ProductSummaryJson(const ProductRecord& product);
// `mesh show --json`
nlohmann::ordered_json ShowJson(const ProductRecord& product, const VersionRecord& version);
// One entry of `mesh versions --json`
nlohmann::ordered_json VersionJson(const VersionRecord& version);
nlohmann::ordered_json SearchHitJson(const SearchHit& hit);
// One entry of `mesh quarantine --json` (with the report when `with_report`)
nlohmann::ordered_json QuarantineJson(const QuarantineEntry& entry, bool with_report);
nlohmann::ordered_json AuditJson(const AuditEntry& entry);
// `mesh publish --json`
nlohmann::ordered_json PublishOutcomeJson(const PublishOutcome& outcome);

}  // namespace mesh::server
