#include "catalog/catalog.h"

namespace mesh {

std::string_view VersionStatusName(VersionStatus status) {
  switch (status) {
    case VersionStatus::kCurrent:
      return "current";
    case VersionStatus::kSuperseded:
      return "superseded";
    case VersionStatus::kRetired:
      return "retired";
  }
  return "?";
}

std::optional<VersionStatus> ParseVersionStatus(std::string_view name) {
  if (name == "current") return VersionStatus::kCurrent;
  if (name == "superseded") return VersionStatus::kSuperseded;
  if (name == "retired") return VersionStatus::kRetired;
  return std::nullopt;
}

std::string FormatSchemaVersion(const SchemaVersion& version) {
  return std::to_string(version.major) + "." + std::to_string(version.minor) + "." +
         std::to_string(version.patch);
}

std::string VersionRecord::Ref() const {
  return product + "@" + FormatSchemaVersion(version) + "#" + std::to_string(snapshot);
}

}  // namespace mesh
