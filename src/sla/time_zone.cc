#include "sla/time_zone.h"

#include <algorithm>
#include <cstdlib>

namespace mesh::sla {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kResolveReach = 30 * 3600;  // beyond any UTC offset (at most 26 hours)

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Big-endian reads over the file's bytes, failing (not crashing) past the end.
class TzifReader {
 public:
  TzifReader(std::string_view data, const std::string& name) : data_(data), name_(name) {}

  Status Error(std::string_view what) const {
    return Status::Corruption("time zone file of " + name_ + " is malformed at byte " +
                              std::to_string(pos_) + ": " + std::string(what));
  }
  bool Has(size_t bytes) const { return pos_ + bytes <= data_.size(); }
  size_t pos() const { return pos_; }
  void Skip(size_t bytes) { pos_ += bytes; }
  std::string_view Rest() const { return data_.substr(std::min(pos_, data_.size())); }

  int64_t Signed(size_t bytes) {
    uint64_t value = 0;
    for (size_t i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(data_[pos_++]);
    if (bytes < 8 && (value >> (bytes * 8 - 1)) != 0) value |= ~uint64_t{0} << (bytes * 8);
    return static_cast<int64_t>(value);
  }
  uint8_t Byte() { return static_cast<uint8_t>(data_[pos_++]); }

 private:
  std::string_view data_;
  const std::string& name_;
  size_t pos_ = 0;
};

struct TzifHeader {
  char version = 0;
  uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  size_t DataSize(size_t time_bytes) const {
    return timecnt * time_bytes + timecnt + typecnt * 6 + charcnt + leapcnt * (time_bytes + 4) +
           isstdcnt + isutcnt;
  }
};

Result<TzifHeader> ReadHeader(TzifReader& in) {
  if (!in.Has(44)) return in.Error("shorter than a TZif header");
  std::string_view magic = in.Rest().substr(0, 4);
  if (magic != "TZif") return in.Error("does not start with the TZif magic");
  in.Skip(4);
  TzifHeader header;
  header.version = static_cast<char>(in.Byte());
  in.Skip(15);
  uint32_t* counts[] = {&header.isutcnt, &header.isstdcnt, &header.leapcnt,
                        &header.timecnt, &header.typecnt,  &header.charcnt};
  for (uint32_t* count : counts) *count = static_cast<uint32_t>(in.Signed(4));
  if (header.typecnt == 0) return in.Error("no local time types");
  if (header.timecnt > 100000 || header.typecnt > 256 || header.leapcnt > 10000) {
    return in.Error("implausibly large counts");
  }
  return header;
}

struct TzifBody {
  std::vector<int64_t> times;
  std::vector<uint8_t> type_indices;
  std::vector<int64_t> type_offsets;
};

Result<TzifBody> ReadBody(TzifReader& in, const TzifHeader& header, size_t time_bytes) {
  if (!in.Has(header.DataSize(time_bytes))) return in.Error("truncated data block");
  TzifBody body;
  for (uint32_t i = 0; i < header.timecnt; ++i) body.times.push_back(in.Signed(time_bytes));
  for (uint32_t i = 0; i < header.timecnt; ++i) {
    uint8_t index = in.Byte();
    if (index >= header.typecnt) return in.Error("a transition names an unknown type");
    body.type_indices.push_back(index);
  }
  for (uint32_t i = 0; i < header.typecnt; ++i) {
    body.type_offsets.push_back(in.Signed(4));
    in.Skip(2);  // isdst, abbreviation index
  }
  in.Skip(header.charcnt + header.leapcnt * (time_bytes + 4) + header.isstdcnt + header.isutcnt);
  if (!std::is_sorted(body.times.begin(), body.times.end())) {
    return in.Error("transition times are not ascending");
  }
  return body;
}

Result<std::optional<PosixTzRule>> ReadFooter(TzifReader& in) {
  std::string_view rest = in.Rest();
  if (rest.empty() || rest.front() != '\n') return in.Error("missing footer");
  size_t end = rest.find('\n', 1);
  if (end == std::string_view::npos) return in.Error("unterminated footer");
  std::string_view text = rest.substr(1, end - 1);
  if (text.empty()) return std::optional<PosixTzRule>();
  ASSIGN_OR_RAISE(PosixTzRule rule, PosixTzRule::Parse(text));
  return std::optional<PosixTzRule>(std::move(rule));
}

std::string TwoDigits(int64_t value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

Result<std::shared_ptr<const TimeZone>> TimeZone::FromTzif(std::string name,
                                                           std::string_view data) {
  TzifReader in(data, name);
  ASSIGN_OR_RAISE(TzifHeader header, ReadHeader(in));
  size_t time_bytes = 4;
  std::optional<PosixTzRule> footer;
  if (header.version >= '2') {
    if (!in.Has(header.DataSize(4))) return in.Error("truncated version 1 data block");
    in.Skip(header.DataSize(4));
    ASSIGN_OR_RAISE(header, ReadHeader(in));
    time_bytes = 8;
  }
  ASSIGN_OR_RAISE(TzifBody body, ReadBody(in, header, time_bytes));
  if (time_bytes == 8) {
    ASSIGN_OR_RAISE(footer, ReadFooter(in));
  }
  std::vector<Transition> transitions;
  for (size_t i = 0; i < body.times.size(); ++i) {
    transitions.push_back({body.times[i], body.type_offsets[body.type_indices[i]]});
  }
  return std::shared_ptr<const TimeZone>(
      new TimeZone(std::move(name), body.type_offsets[0], std::move(transitions), footer));
}

std::shared_ptr<const TimeZone> TimeZone::Fixed(std::string name, int64_t offset_seconds) {
  return std::shared_ptr<const TimeZone>(
      new TimeZone(std::move(name), offset_seconds, {}, std::nullopt));
}

Result<std::shared_ptr<const TimeZone>> TimeZone::Load(std::string_view name) {
  if (name == "UTC") return Fixed("UTC", 0);
  const char* tzdir = std::getenv("TZDIR");
  std::string root = tzdir != nullptr && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo";
  if (!TimezoneDatabase::System().Exists(name)) {
    return Status::NotFound("time zone '" + std::string(name) + "' is not in the tz database (" +
                            root + "): use an IANA name such as Europe/Berlin");
  }
  return Load(name, *PosixFileSystem(), root);
}

Result<std::shared_ptr<const TimeZone>> TimeZone::Load(std::string_view name, FileSystem& fs,
                                                       const std::string& root) {
  std::string path = JoinPath(root, name);
  Result<std::string> data = fs.ReadFile(path);
  if (!data.ok()) {
    return Status::NotFound("time zone '" + std::string(name) + "' cannot be read from " + path +
                            ": " + data.status().message());
  }
  return FromTzif(std::string(name), *data);
}

int64_t TimeZone::OffsetAt(int64_t utc_seconds) const {
  auto after =
      std::upper_bound(transitions_.begin(), transitions_.end(), utc_seconds,
                       [](int64_t at, const Transition& transition) { return at < transition.at; });
  if (after == transitions_.end() && footer_ &&
      (transitions_.empty() || after != transitions_.begin())) {
    return footer_->OffsetAt(utc_seconds);
  }
  if (after == transitions_.begin()) return initial_offset_;
  return std::prev(after)->offset_after;
}

LocalTime TimeZone::ToLocal(int64_t utc_seconds) const {
  int64_t local = utc_seconds + OffsetAt(utc_seconds);
  int64_t day = FloorDiv(local, kSecondsPerDay);
  return LocalTime{static_cast<int32_t>(day), local - day * kSecondsPerDay};
}

LocalResolution TimeZone::Resolve(const LocalTime& local) const {
  int64_t wall = local.Seconds();
  int64_t offset_before = OffsetAt(wall - kResolveReach);
  int64_t offset_after = OffsetAt(wall + kResolveReach);
  std::vector<int64_t> instants;
  for (int64_t offset : {offset_before, offset_after}) {
    int64_t candidate = wall - offset;
    if (OffsetAt(candidate) == offset &&
        std::find(instants.begin(), instants.end(), candidate) == instants.end()) {
      instants.push_back(candidate);
    }
  }
  std::sort(instants.begin(), instants.end());
  LocalResolution out;
  if (instants.empty()) {
    out.kind = LocalResolution::Kind::kSkipped;
    out.first_utc_seconds = out.second_utc_seconds = wall - offset_before;
  } else {
    out.kind =
        instants.size() == 2 ? LocalResolution::Kind::kRepeated : LocalResolution::Kind::kUnique;
    out.first_utc_seconds = instants.front();
    out.second_utc_seconds = instants.back();
  }
  return out;
}

std::string FormatLocalTimestamp(const TimeZone& zone, Timestamp at) {
  int64_t seconds = FloorDiv(at.micros, kMicrosPerSecond);
  int64_t offset = zone.OffsetAt(seconds);
  std::string text = FormatTimestamp(Timestamp{at.micros + offset * kMicrosPerSecond});
  text.pop_back();  // the 'Z'
  int64_t magnitude = std::abs(offset) / 60;
  return text + (offset < 0 ? "-" : "+") + TwoDigits(magnitude / 60) + ":" +
         TwoDigits(magnitude % 60);
}

}  // namespace mesh::sla
