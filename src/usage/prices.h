// Prices: what the platform charges back (governance.md "Usage and billing"), from the file
// `governance/prices.yaml` of the workspace (owned by the governance team, reviewed like every
// policy; docs/usage.md "The prices file"):
//
//   currency: EUR                 # a label printed with amounts (default "EUR")
//   decimals: 2                   # charges are whole units of 10^-decimals (0..6, default 2)
//   storage_per_gb_month: 0.023   # per 10^9 bytes held for 30 days
//   read_per_gb: 0.09             # per 10^9 bytes delivered to readers
//   check_per_cpu_hour: 0.05      # per hour of quality-check time
//
// Prices are non-negative decimals with at most 6 digits after the point, read from the text
// as written (never through binary floating point). Every problem is a finding under the rule
// family "prices" with the file, line and column. A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/filesystem.h"
#include "base/result.h"
#include "model/finding.h"

namespace mesh::usage {

inline constexpr std::string_view kPricesFile = "governance/prices.yaml";
inline constexpr int kPriceScale = 6;  // prices are held in micro-units of the currency

struct Prices {
  std::string file;
  std::string currency = "EUR";
  int decimals = 2;
  int64_t storage_per_gb_month = 0;  // micro-units
  int64_t read_per_gb = 0;           // micro-units
  int64_t check_per_cpu_hour = 0;    // micro-units
};

// Parses the text of a prices file; findings go to `sink` (whose file names the file). nullopt
// when there was an error.
std::optional<Prices> ParsePrices(std::string_view text, FindingSink* sink);

// Reads and parses `path` through `fs`. NotFound when the file does not exist; InvalidArgument
// with every finding ("file:line:col: ...") on separate lines when it has errors.
Result<Prices> LoadPrices(FileSystem& fs, const std::string& path, const std::string& shown_as);

}  // namespace mesh::usage
