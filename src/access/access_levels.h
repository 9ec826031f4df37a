// AccessLevels: what the governance taxonomy of classification levels (governance/global.yaml
// `classification.levels`, lowest first) means for reading data (docs/access.md "Levels"):
//   - open levels, below `confidential` (public, internal by default; the two lowest levels when
//     the taxonomy has no `confidential`): every authenticated person reads them;
//   - granted levels, from `confidential` up: a grant to one of the reader's teams is needed;
//   - request-only levels, from `restricted` up (the highest level when the taxonomy has no
//     `restricted`): grants come only from an approved access request with a purpose, and expire.
// A level that is not in the taxonomy, or no level at all, counts as the highest: deny by default.
// Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mesh::access {

class AccessLevels {
 public:
  // public < internal < confidential < restricted.
  static AccessLevels Default();
  // `levels` lowest first; an empty list means Default().
  static AccessLevels FromTaxonomy(std::vector<std::string> levels);

  // 0 for the lowest level; unknown or empty levels rank as the highest.
  int Rank(std::string_view level) const;
  bool IsKnown(std::string_view level) const;
  bool IsOpen(std::string_view level) const;
  bool NeedsRequest(std::string_view level) const;
  // The level of a rank (clamped to the taxonomy).
  const std::string& LevelAt(int rank) const;
  const std::string& Highest() const { return levels_.back(); }
  const std::vector<std::string>& levels() const { return levels_; }
  // "public, internal, confidential, restricted"
  std::string Describe() const;

 private:
  AccessLevels(std::vector<std::string> levels, int first_granted, int first_request_only);

  std::vector<std::string> levels_;
  int first_granted_;
  int first_request_only_;
};

}  // namespace mesh::access
