#include "access/permission.h"

#include <array>
#include <utility>

namespace mesh::access {
namespace {

constexpr std::array<std::pair<Permission, std::string_view>, 7> kNames{{
    {Permission::kAuthenticated, "authenticated"},
    {Permission::kReadData, "read_data"},
    {Permission::kPublish, "publish"},
    {Permission::kManageAccess, "manage_access"},
    {Permission::kRequestAccess, "request_access"},
    {Permission::kGovernance, "governance"},
    {Permission::kAdmin, "admin"},
}};

}  // namespace

std::string_view PermissionName(Permission permission) {
  for (const auto& [value, name] : kNames) {
    if (value == permission) return name;
  }
  return "?";
}

std::optional<Permission> ParsePermission(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace mesh::access
