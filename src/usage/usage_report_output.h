// The shapes of `mesh usage report` (docs/cli.md "mesh usage report"): JSON, CSV and a text
// table of a Chargeback and the ledger it came from. Amounts are decimal text with the prices
// file's `decimals`, so that nothing is lost to binary floating point. Thread-compatible.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "usage/chargeback.h"
#include "usage/usage_meter.h"

namespace mesh::usage {

nlohmann::ordered_json UsageReportToJson(const Chargeback& chargeback, const UsageLedger& ledger);

// One header line, one line per row, then the "total" line (RFC 4180, "\n" line ends).
std::string UsageReportToCsv(const Chargeback& chargeback);

std::string RenderUsageReport(const Chargeback& chargeback, const UsageLedger& ledger);

}  // namespace mesh::usage
