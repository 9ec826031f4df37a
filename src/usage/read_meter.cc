#include "usage/read_meter.h"

#include <vector>

namespace mesh::usage {

std::string ChargedTeam(const Organisation& organisation, std::string_view person) {
  std::vector<std::string> teams = organisation.TeamsOf(person);
  return teams.empty() ? std::string() : teams.front();
}

Result<int64_t> RecordRead(Catalog& catalog, const Organisation& organisation,
                           const ReadToMeter& read) {
  ReadUsageRecord record;
  record.product = read.product;
  record.snapshot = read.snapshot;
  record.person = read.person;
  record.team = read.team.empty() ? ChargedTeam(organisation, read.person) : read.team;
  record.bytes = read.bytes;
  record.at = read.at;
  return catalog.RecordRead(record);
}

}  // namespace mesh::usage
