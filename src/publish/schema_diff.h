// DiffDescriptors: every difference between the current and a proposed descriptor of one
// product that matters to its consumers, each classified per data-product.md "Versions" (and
// the choices documented in docs/versions.md): breaking (needs a MAJOR bump), minor, or patch
// (text only). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/descriptor.h"

namespace mesh {

// Ordered by severity: a breaking change needs more than a minor one.
enum class ChangeKind { kPatch, kMinor, kBreaking };
std::string_view ChangeKindName(ChangeKind kind);  // "patch", "minor", "breaking"

struct SchemaChange {
  ChangeKind kind = ChangeKind::kPatch;
  std::string path;     // "schema.fields.casualties.type", "sla.min_completeness", ...
  std::string before;   // the old value as text ("" when absent)
  std::string after;    // the new value as text ("" when absent)
  std::string message;  // for people: what changed and why it has this kind
  yaml::Mark mark;      // where, in the proposed descriptor (its parent for a removal)
};

struct DiffOptions {
  // The classification taxonomy, lowest first (governance.md: classification.levels).
  std::vector<std::string> classification_levels = {"public", "internal", "confidential",
                                                    "restricted"};
};

// Changes from `current` to `proposed`, in descriptor order (top-level keys, SLA, schema,
// quality). Empty when nothing a consumer could notice changed (x- keys are ignored).
std::vector<SchemaChange> DiffDescriptors(const Descriptor& current, const Descriptor& proposed,
                                          const DiffOptions& options = {});

}  // namespace mesh
