#include "usage/usage_meter.h"

#include <algorithm>
#include <optional>

#include "usage/check_time.h"

namespace mesh::usage {
namespace {

struct Interval {
  int64_t begin = 0;  // micros
  int64_t end = 0;    // exclusive
};

// One lake object as the versions pointing at it hold it.
struct HeldObject {
  int64_t bytes = 0;
  std::string domain;
  int64_t first_published = 0;
  std::vector<Interval> intervals;
};

// Retire instants by product and major, from the "retire" audit entries ("p@1").
using RetireTimes = std::map<std::pair<std::string, int>, int64_t>;

class Metering {
 public:
  Metering(const MeterRequest& request, UsageLedger* ledger)
      : request_(request), catalog_(*request.catalog), ledger_(ledger) {}

  Status Run() {
    ledger_->window = request_.window;
    ledger_->measured_until = std::min(request_.window.End(), request_.now);
    for (const std::string& domain : request_.known_domains) Domain(domain);
    ASSIGN_OR_RAISE(std::vector<ProductRecord> products, catalog_.ListProducts({}));
    for (const ProductRecord& product : products) domain_of_[product.name] = product.domain;
    for (const ProductRecord& product : products) RETURN_NOT_OK(MeterProduct(product));
    SplitStorageIntoDays();
    RETURN_NOT_OK(MeterQuarantine());
    RETURN_NOT_OK(MeterReads());
    Finish();
    return Status::OK();
  }

 private:
  DomainUsage& Domain(const std::string& domain) {
    DomainUsage& usage = domains_[domain];
    usage.domain = domain;
    return usage;
  }

  std::string DomainOf(const std::string& product) const {
    if (auto it = domain_of_.find(product); it != domain_of_.end()) return it->second;
    if (auto it = request_.known_product_domains.find(product);
        it != request_.known_product_domains.end()) {
      return it->second;
    }
    return std::string(kUnknownDomain);
  }

  bool InWindow(Timestamp at) const {
    return at >= request_.window.Begin() && at < request_.window.End();
  }

  void AddCheckTime(const std::string& domain, std::string_view report_json,
                    const std::string& what) {
    Result<int64_t> micros = CheckMicrosOfReport(report_json);
    if (!micros.ok()) {
      ledger_->warnings.push_back(what + ": check time not counted: " + micros.status().message());
      return;
    }
    Domain(domain).check_micros += *micros;
  }

  Result<RetireTimes> LoadRetireTimes(const std::string& product) {
    RetireTimes times;
    AuditQuery query;
    query.target_prefix = product + "@";
    while (true) {
      ASSIGN_OR_RAISE(std::vector<AuditEntry> entries, catalog_.ListAudit(query));
      for (const AuditEntry& entry : entries) {
        if (entry.action != "retire" || entry.outcome != "ok") continue;
        std::string_view major_text = std::string_view(entry.target).substr(product.size() + 1);
        major_text = major_text.substr(0, major_text.find('.'));
        int major = 0;
        bool digits = !major_text.empty();
        for (char c : major_text) {
          digits = digits && c >= '0' && c <= '9';
          if (digits) major = major * 10 + (c - '0');
        }
        if (!digits) continue;
        auto [it, added] = times.emplace(std::make_pair(product, major), entry.at.micros);
        if (!added) it->second = std::min(it->second, entry.at.micros);
      }
      if (entries.size() < static_cast<size_t>(query.limit)) break;
      query.after_sequence = entries.back().sequence;
    }
    return times;
  }

  // When the version stops holding its object: its retirement, else unbounded.
  int64_t HeldUntil(const VersionRecord& version, const RetireTimes& retired) {
    if (version.status != VersionStatus::kRetired) return INT64_MAX;
    auto it = retired.find({version.product, version.version.major});
    if (it != retired.end()) return it->second;
    if (version.readable_until) return version.readable_until->micros;
    ledger_->warnings.push_back(version.Ref() +
                                ": retired without a retire audit entry or readable_until; its "
                                "storage is counted until now");
    return INT64_MAX;
  }

  Status MeterProduct(const ProductRecord& product) {
    ASSIGN_OR_RAISE(std::vector<VersionRecord> versions, catalog_.ListVersions(product.name));
    RetireTimes retired;
    bool any_retired = std::any_of(versions.begin(), versions.end(), [](const VersionRecord& v) {
      return v.status == VersionStatus::kRetired;
    });
    if (any_retired) {
      ASSIGN_OR_RAISE(retired, LoadRetireTimes(product.name));
    }
    for (const VersionRecord& version : versions) {
      HoldObject(version, product.domain, HeldUntil(version, retired));
      if (!InWindow(version.published_at)) continue;
      ++Domain(product.domain).publishes;
      AddCheckTime(product.domain, version.report_json, version.Ref());
    }
    return Status::OK();
  }

  void HoldObject(const VersionRecord& version, const std::string& domain, int64_t until) {
    HeldObject& object = objects_[version.object_key];
    if (object.intervals.empty() || version.published_at.micros < object.first_published) {
      object.first_published = version.published_at.micros;
      object.domain = domain;
      object.bytes = version.bytes;
    }
    object.intervals.push_back({version.published_at.micros, until});
  }

  // The union of the object's intervals, clipped to the measured window.
  std::vector<Interval> HeldInWindow(std::vector<Interval> intervals) const {
    const int64_t begin = request_.window.Begin().micros;
    const int64_t end = ledger_->measured_until.micros;
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::vector<Interval> merged;
    for (const Interval& interval : intervals) {
      Interval clipped{std::max(interval.begin, begin), std::min(interval.end, end)};
      if (clipped.begin >= clipped.end) continue;
      if (!merged.empty() && clipped.begin <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, clipped.end);
      } else {
        merged.push_back(clipped);
      }
    }
    return merged;
  }

  void SplitStorageIntoDays() {
    for (const auto& [key, object] : objects_) {
      for (const Interval& interval : HeldInWindow(object.intervals)) {
        int64_t at = interval.begin;
        while (at < interval.end) {
          int32_t day = static_cast<int32_t>(at / kMicrosPerDay);
          int64_t day_end = std::min(interval.end, (int64_t{day} + 1) * kMicrosPerDay);
          Wide held = Wide{object.bytes} * (day_end - at);
          daily_[{day, object.domain}] += held;
          Domain(object.domain).storage_byte_micros += held;
          at = day_end;
        }
      }
    }
  }

  Status MeterQuarantine() {
    ASSIGN_OR_RAISE(std::vector<QuarantineEntry> entries, catalog_.ListQuarantine(""));
    for (const QuarantineEntry& entry : entries) {
      if (!InWindow(entry.at)) continue;
      std::string domain = DomainOf(entry.product);
      ++Domain(domain).rejections;
      AddCheckTime(domain, entry.report_json, "quarantine entry " + std::to_string(entry.id));
    }
    return Status::OK();
  }

  Status MeterReads() {
    ReadUsageQuery query;
    query.from = request_.window.Begin();
    query.to = request_.window.End();
    ASSIGN_OR_RAISE(std::vector<ReadUsageRecord> reads, catalog_.ListReads(query));
    for (const ReadUsageRecord& read : reads) {
      std::string domain = DomainOf(read.product);
      ProductReads& row = reads_[{read.product, read.team}];
      row.product = read.product;
      row.domain = domain;
      row.team = read.team;
      ++row.reads;
      row.bytes += read.bytes;
      DomainUsage& usage = Domain(domain);
      ++usage.reads;
      usage.read_bytes += read.bytes;
    }
    return Status::OK();
  }

  void Finish() {
    for (auto& [name, usage] : domains_) ledger_->domains.push_back(usage);
    for (auto& [key, byte_micros] : daily_) {
      ledger_->daily.push_back({key.first, key.second, byte_micros});
    }
    for (auto& [key, row] : reads_) ledger_->reads.push_back(row);
  }

  const MeterRequest& request_;
  Catalog& catalog_;
  UsageLedger* ledger_;
  std::map<std::string, std::string, std::less<>> domain_of_;
  std::map<std::string, DomainUsage, std::less<>> domains_;
  std::map<std::string, HeldObject, std::less<>> objects_;
  std::map<std::pair<int32_t, std::string>, Wide> daily_;
  std::map<std::pair<std::string, std::string>, ProductReads> reads_;
};

}  // namespace

int64_t DailyStorage::AverageBytes() const {
  return static_cast<int64_t>(RoundedDivide(byte_micros, kMicrosPerDay));
}

const DomainUsage* UsageLedger::FindDomain(std::string_view domain) const {
  for (const DomainUsage& usage : domains) {
    if (usage.domain == domain) return &usage;
  }
  return nullptr;
}

Result<UsageLedger> MeterUsage(const MeterRequest& request) {
  if (request.catalog == nullptr) return Status::InvalidArgument("MeterUsage: no catalog");
  UsageLedger ledger;
  Metering metering(request, &ledger);
  RETURN_NOT_OK(metering.Run());
  return ledger;
}

}  // namespace mesh::usage
