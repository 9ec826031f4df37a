#include "access/access_levels.h"

#include <algorithm>

namespace mesh::access {
namespace {

int IndexOf(const std::vector<std::string>& levels, std::string_view level) {
  auto found = std::find(levels.begin(), levels.end(), level);
  return found == levels.end() ? -1 : static_cast<int>(found - levels.begin());
}

}  // namespace

AccessLevels::AccessLevels(std::vector<std::string> levels, int first_granted,
                           int first_request_only)
    : levels_(std::move(levels)),
      first_granted_(first_granted),
      first_request_only_(first_request_only) {}

AccessLevels AccessLevels::Default() {
  return FromTaxonomy({"public", "internal", "confidential", "restricted"});
}

AccessLevels AccessLevels::FromTaxonomy(std::vector<std::string> levels) {
  if (levels.empty()) return Default();
  const int size = static_cast<int>(levels.size());
  int first_granted = IndexOf(levels, "confidential");
  if (first_granted < 0) first_granted = std::min(2, size - 1);
  int first_request_only = IndexOf(levels, "restricted");
  if (first_request_only < 0) first_request_only = size - 1;
  first_request_only = std::max(first_request_only, first_granted);
  return AccessLevels(std::move(levels), first_granted, first_request_only);
}

int AccessLevels::Rank(std::string_view level) const {
  int index = IndexOf(levels_, level);
  return index < 0 ? static_cast<int>(levels_.size()) - 1 : index;
}

bool AccessLevels::IsKnown(std::string_view level) const { return IndexOf(levels_, level) >= 0; }

bool AccessLevels::IsOpen(std::string_view level) const { return Rank(level) < first_granted_; }

bool AccessLevels::NeedsRequest(std::string_view level) const {
  return Rank(level) >= first_request_only_;
}

const std::string& AccessLevels::LevelAt(int rank) const {
  return levels_[std::clamp(rank, 0, static_cast<int>(levels_.size()) - 1)];
}

std::string AccessLevels::Describe() const {
  std::string out;
  for (const std::string& level : levels_) {
    if (!out.empty()) out += ", ";
    out += level;
  }
  return out;
}

}  // namespace mesh::access
