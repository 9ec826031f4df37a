#include "usage/usage_window.h"

#include <optional>

namespace mesh::usage {

Result<UsageWindow> UsageWindow::Parse(std::string_view from, std::string_view to) {
  std::optional<int32_t> from_day = ParseDate(from);
  if (!from_day) {
    return Status::InvalidArgument("--from '" + std::string(from) +
                                   "' is not a date; write YYYY-MM-DD");
  }
  std::optional<int32_t> to_day = ParseDate(to);
  if (!to_day) {
    return Status::InvalidArgument("--to '" + std::string(to) +
                                   "' is not a date; write YYYY-MM-DD");
  }
  if (*to_day < *from_day) {
    return Status::InvalidArgument("--to " + std::string(to) + " lies before --from " +
                                   std::string(from) + "; the window is from..to inclusive");
  }
  return UsageWindow{*from_day, *to_day};
}

}  // namespace mesh::usage
