// Records the usage meter keeps in the catalog (governance.md "Usage and billing"): one row per
// data read, with who read, which team is charged, and how many bytes were delivered. Stored
// bytes and check time need no records of their own: they are derived from the version rows
// and the quality reports already in the catalog (src/usage/usage_meter.h).
// Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/time.h"

namespace mesh {

// One successful read of a published snapshot.
struct ReadUsageRecord {
  int64_t id = 0;  // assigned when recorded, counting up
  std::string product;
  int64_t snapshot = 0;
  std::string person;  // who read
  std::string team;    // the team charged for the read (usage/read_meter.h says which)
  int64_t bytes = 0;   // bytes delivered to the reader
  Timestamp at;
};

// Reads with from <= at < to (each bound optional), of one product when set; oldest first.
struct ReadUsageQuery {
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  std::optional<std::string> product;
};

}  // namespace mesh
