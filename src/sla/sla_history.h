// SlaHistory: which service level a product promised when. Every published snapshot carries
// its descriptor, so the SLA in force at any instant is that of the newest snapshot published
// at or before it; consecutive snapshots with the same SLA form one segment. Monitoring of a
// product begins with its first publish. A plain value; thread-compatible.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"
#include "sla/availability_calendar.h"

namespace mesh::sla {

struct SlaSegment {
  Timestamp from;  // the publish that started it (inclusive)
  std::optional<Sla> sla;
  std::optional<AvailabilityCalendar> calendar;  // when the SLA has an availability
  std::string since_version;                     // ref of the snapshot that started it
};

class SlaHistory {
 public:
  // `versions` in any order. Errors: a stored descriptor that cannot be parsed (Corruption) or
  // an unknown time zone (NotFound), naming the snapshot.
  static Result<SlaHistory> Build(std::vector<VersionRecord> versions);

  const std::vector<SlaSegment>& segments() const { return segments_; }
  // Oldest first.
  const std::vector<VersionRecord>& versions() const { return versions_; }
  // The segment in force at `at`; nullptr before the first publish.
  const SlaSegment* At(Timestamp at) const;
  // The end of segment `index` (the next one's start), or nullopt for the last.
  std::optional<Timestamp> EndOf(size_t index) const;
  // The first snapshot published in (after, until]; nullptr when none.
  const VersionRecord* FirstPublishedIn(Timestamp after, Timestamp until) const;

 private:
  std::vector<SlaSegment> segments_;
  std::vector<VersionRecord> versions_;
};

// "08:00 daily in Europe/Berlin, lag ≤ 4 h, completeness ≥ 0.95" (for messages).
std::string DescribeSla(const Sla& sla);

}  // namespace mesh::sla
