// MeterUsage: what each domain and team used in a window (governance.md "Usage and billing";
// docs/usage.md "Metering"), derived from the catalog alone:
//  - storage: every lake object a version points at is held from the version's publish until
//    its major is retired (the "retire" audit entry; else its readable_until; else until now).
//    Content shared by several versions (the same object key: content-addressed) counts once,
//    over the union of their intervals, for the domain of the earliest version holding it.
//    Measured in byte-microseconds and split into UTC days.
//  - check time: the per-check seconds of the quality reports of the versions published and
//    the attempts quarantined in the window (check_time.h), for the product's domain.
//  - reads: the read meter's rows (catalog/usage_records.h) in the window, by product and team.
// Thread-compatible; the catalog must be safe to call.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "catalog/catalog.h"
#include "usage/exact_amount.h"
#include "usage/usage_window.h"

namespace mesh::usage {

// The domain row of products whose domain neither the catalog nor the workspace knows.
inline constexpr std::string_view kUnknownDomain = "(unknown domain)";

struct DomainUsage {
  std::string domain;
  Wide storage_byte_micros = 0;  // bytes × microseconds held
  int64_t check_micros = 0;
  int64_t publishes = 0;   // versions published in the window
  int64_t rejections = 0;  // attempts quarantined in the window
  int64_t reads = 0;       // reads of the domain's products
  int64_t read_bytes = 0;
};

struct DailyStorage {
  int32_t day = 0;  // days since 1970-01-01 (UTC)
  std::string domain;
  Wide byte_micros = 0;
  // The average bytes held that day (byte-microseconds / microseconds of a day, rounded).
  int64_t AverageBytes() const;
};

struct ProductReads {
  std::string product;
  std::string domain;
  std::string team;  // the team charged; empty when the reader had none
  int64_t reads = 0;
  int64_t bytes = 0;
};

struct UsageLedger {
  UsageWindow window;
  Timestamp measured_until;           // the window's end, or now when that is earlier
  std::vector<DomainUsage> domains;   // sorted by domain
  std::vector<DailyStorage> daily;    // by day, then domain; only days holding something
  std::vector<ProductReads> reads;    // by product, then team
  std::vector<std::string> warnings;  // data that could not be metered, and why

  const DomainUsage* FindDomain(std::string_view domain) const;
};

struct MeterRequest {
  Catalog* catalog = nullptr;
  UsageWindow window;
  Timestamp now;
  // Domains of products the catalog has no record of (rejected before their first publish),
  // usually from the workspace's descriptors.
  std::map<std::string, std::string, std::less<>> known_product_domains;
  // Domains that get a row even without usage (the domains of mesh.yaml).
  std::vector<std::string> known_domains;
};

Result<UsageLedger> MeterUsage(const MeterRequest& request);

}  // namespace mesh::usage
