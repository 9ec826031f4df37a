#include "cli/read_access.h"

#include <algorithm>

namespace mesh::cli {
namespace {

ReadAccessCheck& Installed() {
  static ReadAccessCheck check = ReadAccessWithGrants;
  return check;
}

bool IsPii(const Field& field) {
  return std::find(field.tags.begin(), field.tags.end(), "pii") != field.tags.end();
}

// Rank in the taxonomy; an unknown level ranks above every known one, an absent one lowest.
int Rank(const governance::EffectivePolicy& policy, const std::optional<std::string>& level) {
  if (!level) return 0;
  const int rank = policy.LevelRank(*level);
  return rank < 0 ? static_cast<int>(policy.classification_levels.size()) : rank;
}

}  // namespace

void SetReadAccessCheck(ReadAccessCheck check) { Installed() = std::move(check); }

const ReadAccessCheck& InstalledReadAccessCheck() { return Installed(); }

Result<std::vector<access::WithheldField>> ReadAccessWithoutGrants(
    const ReadAccessRequest& request) {
  const Descriptor& descriptor = *request.descriptor;
  const governance::EffectivePolicy& policy = *request.policy;
  if (request.organisation->IsMember(request.person, descriptor.owner)) {
    return std::vector<access::WithheldField>();
  }
  const int product_rank = Rank(policy, descriptor.classification);
  // Readable by everyone: up to "internal" (or "public", in a taxonomy without "internal").
  int open_rank = policy.LevelRank("internal");
  if (open_rank < 0) open_rank = std::max(0, policy.LevelRank("public"));
  if (product_rank > open_rank) {
    return Status::PermissionDenied(
        "'" + request.person + "' may not read " + descriptor.name + ": it is classified " +
        descriptor.classification.value_or("") + ", which needs a grant to one of your teams " +
        "(no grants are recorded in this mesh); ask its owning team '" + descriptor.owner + "'");
  }
  std::vector<access::WithheldField> withheld;
  for (const Field& field : descriptor.schema.fields) {
    if (IsPii(field)) {
      withheld.push_back({field.name, "tagged pii; needs a grant covering pii"});
    } else if (field.classification && Rank(policy, field.classification) > product_rank) {
      withheld.push_back({field.name, "classified " + *field.classification +
                                          ", above the product; needs a grant of that level"});
    }
  }
  return withheld;
}

}  // namespace mesh::cli
