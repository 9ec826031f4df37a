#include "catalog/sla_records.h"

#include <array>
#include <utility>

namespace mesh {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> FindByName(const std::array<std::pair<Enum, std::string_view>, N>& names,
                               std::string_view name) {
  for (const auto& [value, text] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, text] : names) {
    if (candidate == value) return text;
  }
  return names[0].second;
}

constexpr std::array<std::pair<BreachKind, std::string_view>, 3> kBreachKinds = {{
    {BreachKind::kLate, "late"},
    {BreachKind::kLag, "lag"},
    {BreachKind::kCompleteness, "completeness"},
}};

constexpr std::array<std::pair<IncidentStatus, std::string_view>, 3> kIncidentStatuses = {{
    {IncidentStatus::kOpen, "open"},
    {IncidentStatus::kAcknowledged, "acknowledged"},
    {IncidentStatus::kClosed, "closed"},
}};

constexpr std::array<std::pair<DeliveryStatus, std::string_view>, 2> kDeliveryStatuses = {{
    {DeliveryStatus::kPending, "pending"},
    {DeliveryStatus::kDelivered, "delivered"},
}};

constexpr std::array<std::pair<ReportStatus, std::string_view>, 2> kReportStatuses = {{
    {ReportStatus::kOpen, "open"},
    {ReportStatus::kResolved, "resolved"},
}};

}  // namespace

std::string_view BreachKindName(BreachKind kind) { return NameOf(kBreachKinds, kind); }
std::optional<BreachKind> ParseBreachKind(std::string_view name) {
  return FindByName(kBreachKinds, name);
}
std::string_view IncidentStatusName(IncidentStatus status) {
  return NameOf(kIncidentStatuses, status);
}
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view name) {
  return FindByName(kIncidentStatuses, name);
}
std::string_view DeliveryStatusName(DeliveryStatus status) {
  return NameOf(kDeliveryStatuses, status);
}
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view name) {
  return FindByName(kDeliveryStatuses, name);
}
std::string_view ReportStatusName(ReportStatus status) { return NameOf(kReportStatuses, status); }
std::optional<ReportStatus> ParseReportStatus(std::string_view name) {
  return FindByName(kReportStatuses, name);
}

}  // namespace mesh
