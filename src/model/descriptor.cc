#include "model/descriptor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace mesh {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};

std::optional<int> ParseNumber(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits on runs of spaces.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// "HH:MM" with 00..23 and 00..59; one-digit hours accepted ("8:00").
bool ParseClock(std::string_view text, int* hour, int* minute) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.size() - colon != 3) return false;
  std::optional<int> h = ParseNumber(text.substr(0, colon), 2);
  std::optional<int> m = ParseNumber(text.substr(colon + 1), 2);
  if (!h || !m || *h > 23 || *m > 59) return false;
  *hour = *h;
  *minute = *m;
  return true;
}

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::optional<SchemaVersion> SchemaVersion::Parse(std::string_view text) {
  if (!text.empty() && text.front() == 'v') text.remove_prefix(1);
  std::array<int, 3> parts{0, 0, 0};
  size_t count = 0;
  while (true) {
    size_t dot = text.find('.');
    std::string_view part = text.substr(0, dot);
    if (count == 3 || part.empty()) return std::nullopt;
    if (part.size() > 1 && part.front() == '0') return std::nullopt;  // no leading zeros
    std::optional<int> value = ParseNumber(part, 9);
    if (!value) return std::nullopt;
    parts[count++] = *value;
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  if (count < 2) return std::nullopt;
  return SchemaVersion{parts[0], parts[1], parts[2]};
}

std::string SchemaVersion::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::optional<Availability> Availability::Parse(std::string_view text) {
  std::vector<std::string_view> words = Words(text);
  Availability out;
  if (words.size() == 3 && Lower(words[0]) == "hourly" && Lower(words[1]) == "at") {
    std::string_view minute = words[2];
    if (minute.size() != 3 || minute.front() != ':') return std::nullopt;
    std::optional<int> m = ParseNumber(minute.substr(1), 2);
    if (!m || *m > 59) return std::nullopt;
    out.cadence = Cadence::kHourly;
    out.minute = *m;
    return out;
  }
  if (words.size() < 2 || !ParseClock(words[0], &out.hour, &out.minute)) return std::nullopt;
  std::string cadence = Lower(words[1]);
  if (words.size() == 2 && cadence == "daily") {
    out.cadence = Cadence::kDaily;
    return out;
  }
  if (words.size() == 2 && cadence == "weekdays") {
    out.cadence = Cadence::kWeekdays;
    return out;
  }
  if (words.size() == 4 && cadence == "weekly" && Lower(words[2]) == "on") {
    auto day = std::find(kWeekdays.begin(), kWeekdays.end(), Lower(words[3]));
    if (day == kWeekdays.end()) return std::nullopt;
    out.cadence = Cadence::kWeekly;
    out.weekday = static_cast<int>(day - kWeekdays.begin());
    return out;
  }
  return std::nullopt;
}

std::string Availability::ToString() const {
  std::string clock = TwoDigits(hour) + ":" + TwoDigits(minute);
  switch (cadence) {
    case Cadence::kDaily:
      return clock + " daily";
    case Cadence::kWeekdays:
      return clock + " weekdays";
    case Cadence::kWeekly:
      return clock + " weekly on " + std::string(kWeekdays[static_cast<size_t>(weekday) % 7]);
    case Cadence::kHourly:
      return "hourly at :" + TwoDigits(minute);
  }
  return clock;
}

bool Field::HasTag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

const Field* Schema::FindField(std::string_view name) const {
  int index = FieldIndex(name);
  return index < 0 ? nullptr : &fields[static_cast<size_t>(index)];
}

int Schema::FieldIndex(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view CheckKindName(CheckKind kind) {
  switch (kind) {
    case CheckKind::kRowCount:
      return "row_count";
    case CheckKind::kNotNull:
      return "not_null";
    case CheckKind::kUnique:
      return "unique";
    case CheckKind::kRange:
      return "range";
    case CheckKind::kAllowedValues:
      return "allowed_values";
    case CheckKind::kPattern:
      return "pattern";
    case CheckKind::kCompleteness:
      return "completeness";
    case CheckKind::kFreshness:
      return "freshness";
    case CheckKind::kReferential:
      return "referential";
  }
  return "?";
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kParquet:
      return "parquet";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJsonl:
      return "jsonl";
  }
  return "?";
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (OutputFormat format : {OutputFormat::kParquet, OutputFormat::kCsv, OutputFormat::kJsonl}) {
    if (OutputFormatName(format) == name) return format;
  }
  return std::nullopt;
}

yaml::Mark Descriptor::MarkOf(std::string_view key) const {
  auto it = marks.find(key);
  return it == marks.end() ? mark : it->second;
}

yaml::Mark Descriptor::ValueMarkOf(std::string_view key) const {
  auto it = value_marks.find(key);
  return it == value_marks.end() ? MarkOf(key) : it->second;
}

std::string Descriptor::FieldClassification(const Field& field) const {
  if (field.classification) return *field.classification;
  return classification.value_or("");
}

}  // namespace mesh
