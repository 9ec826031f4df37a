#include "sla/sla_history.h"

#include <algorithm>

#include "model/descriptor_parser.h"

namespace mesh::sla {
namespace {

bool SameSla(const std::optional<Sla>& a, const std::optional<Sla>& b) {
  if (!a || !b) return !a && !b;
  return a->availability_text == b->availability_text && a->timezone == b->timezone &&
         a->max_lag_hours == b->max_lag_hours && a->min_completeness == b->min_completeness;
}

Result<std::optional<Sla>> SlaOf(const VersionRecord& version) {
  FindingSink sink(version.Ref());
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!descriptor) {
    return Status::Corruption("catalog: the stored descriptor of " + version.Ref() +
                              " cannot be parsed");
  }
  return descriptor->sla;
}

Result<SlaSegment> MakeSegment(const VersionRecord& version, std::optional<Sla> sla) {
  SlaSegment segment;
  segment.from = version.published_at;
  segment.since_version = version.Ref();
  if (sla && sla->availability) {
    Result<std::shared_ptr<const TimeZone>> zone = TimeZone::Load(sla->timezone);
    if (!zone.ok()) {
      return Status::NotFound(version.Ref() + ": sla.timezone: " + zone.status().message());
    }
    segment.calendar.emplace(*sla->availability, *zone);
  }
  segment.sla = std::move(sla);
  return segment;
}

std::string Number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

Result<SlaHistory> SlaHistory::Build(std::vector<VersionRecord> versions) {
  SlaHistory history;
  std::stable_sort(versions.begin(), versions.end(),
                   [](const VersionRecord& a, const VersionRecord& b) {
                     return a.published_at < b.published_at ||
                            (a.published_at == b.published_at && a.snapshot < b.snapshot);
                   });
  const std::string* previous_yaml = nullptr;
  for (const VersionRecord& version : versions) {
    if (previous_yaml != nullptr && *previous_yaml == version.descriptor_yaml) continue;
    previous_yaml = &version.descriptor_yaml;
    ASSIGN_OR_RAISE(std::optional<Sla> sla, SlaOf(version));
    if (!history.segments_.empty() && SameSla(history.segments_.back().sla, sla)) continue;
    ASSIGN_OR_RAISE(SlaSegment segment, MakeSegment(version, std::move(sla)));
    history.segments_.push_back(std::move(segment));
  }
  history.versions_ = std::move(versions);
  return history;
}

const SlaSegment* SlaHistory::At(Timestamp at) const {
  const SlaSegment* found = nullptr;
  for (const SlaSegment& segment : segments_) {
    if (segment.from > at) break;
    found = &segment;
  }
  return found;
}

std::optional<Timestamp> SlaHistory::EndOf(size_t index) const {
  if (index + 1 >= segments_.size()) return std::nullopt;
  return segments_[index + 1].from;
}

const VersionRecord* SlaHistory::FirstPublishedIn(Timestamp after, Timestamp until) const {
  auto first = std::upper_bound(
      versions_.begin(), versions_.end(), after,
      [](Timestamp t, const VersionRecord& version) { return t < version.published_at; });
  if (first == versions_.end() || first->published_at > until) return nullptr;
  return &*first;
}

std::string DescribeSla(const Sla& sla) {
  std::vector<std::string> parts;
  if (sla.availability) parts.push_back(sla.availability->ToString() + " in " + sla.timezone);
  if (sla.max_lag_hours) parts.push_back("lag <= " + Number(*sla.max_lag_hours) + " h");
  if (sla.min_completeness) parts.push_back("completeness >= " + Number(*sla.min_completeness));
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out.empty() ? "no commitments" : out;
}

}  // namespace mesh::sla
