#include "catalog/access_records.h"

namespace mesh {

bool TokenRecord::IsUsable(Timestamp now) const {
  return !revoked_at && (!expires_at || now < *expires_at);
}

bool GrantRecord::IsActive(Timestamp now) const {
  return !revoked_at && (!expires_at || now < *expires_at);
}

std::string_view AccessRequestStatusName(AccessRequestStatus status) {
  switch (status) {
    case AccessRequestStatus::kPending:
      return "pending";
    case AccessRequestStatus::kApproved:
      return "approved";
    case AccessRequestStatus::kDenied:
      return "denied";
  }
  return "?";
}

std::optional<AccessRequestStatus> ParseAccessRequestStatus(std::string_view name) {
  if (name == "pending") return AccessRequestStatus::kPending;
  if (name == "approved") return AccessRequestStatus::kApproved;
  if (name == "denied") return AccessRequestStatus::kDenied;
  return std::nullopt;
}

}  // namespace mesh
