// The read meter: what every data read path calls after a successful read (`mesh read`, the
// server's data route) so that reads can be charged back (governance.md "Usage and billing").
// The team charged is the one the caller names, else the reader's first team in mesh.yaml.
// Thread-safe when the catalog is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"
#include "catalog/catalog.h"
#include "model/organisation.h"

namespace mesh::usage {

// The team a read by `person` is charged to: their first team in mesh.yaml order; empty when
// they belong to none.
std::string ChargedTeam(const Organisation& organisation, std::string_view person);

struct ReadToMeter {
  std::string product;
  int64_t snapshot = 0;
  std::string person;
  std::string team;  // empty: ChargedTeam(organisation, person)
  int64_t bytes = 0;
  Timestamp at;
};

// Records the read in the catalog's read meter; returns the record's id.
Result<int64_t> RecordRead(Catalog& catalog, const Organisation& organisation,
                           const ReadToMeter& read);

}  // namespace mesh::usage
