// Check time of one publish attempt: the per-check `seconds` of its quality report
// (quality/report.h, the time spent in each check's kernel summed over threads) added up, in
// whole microseconds. Read from the report JSON the catalog keeps with every version and every
// quarantine entry, so metering needs nothing from the publish path (docs/usage.md).
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/result.h"

namespace mesh::usage {

// 0 for a report with no checks (a publish refused before reading has none). Corruption when
// the text is not a JSON report or a check's seconds is not a non-negative number.
Result<int64_t> CheckMicrosOfReport(std::string_view report_json);

}  // namespace mesh::usage
