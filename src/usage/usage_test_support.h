// Test support for the usage and health tests: a fresh SQLite catalog in a scratch folder and
// short ways to publish versions, quarantine attempts and record reads at given instants.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"

namespace mesh::usage {

inline Timestamp At(std::string_view iso) {
  std::optional<Timestamp> at = ParseTimestamp(iso);
  EXPECT_TRUE(at.has_value()) << iso;
  return at.value_or(Timestamp{});
}

// {"checks": {"a": {"seconds": s1}, "b": {"seconds": s2}}}
inline std::string ReportWithSeconds(double first, double second) {
  return R"({"rows":1,"checks":{"a":{"passed":true,"seconds":)" + std::to_string(first) +
         R"(},"b":{"passed":true,"seconds":)" + std::to_string(second) + "}}}";
}

struct PublishSpec {
  std::string product;
  std::string domain = "operations";
  std::string owner = "team-operations";
  std::string publisher = "alice";
  std::string version = "1.0.0";
  std::string at;  // ISO timestamp
  int64_t bytes = 1000;
  std::string object_key;  // default: one per product and snapshot
  std::string report_json = R"({"checks":{}})";
  std::string descriptor_yaml;  // default: a minimal one
  std::optional<double> lag_hours;
};

class CatalogFixture {
 public:
  CatalogFixture() {
    scratch_ = MakeCatalogScratchDir();
    auto opened = SqliteCatalog::Open(scratch_ + "/catalog.db");
    EXPECT_TRUE(opened.ok()) << opened.status();
    if (opened.ok()) catalog_ = std::move(*opened);
  }
  ~CatalogFixture() {
    catalog_.reset();
    std::filesystem::remove_all(scratch_);
  }

  Catalog& catalog() { return *catalog_; }

  VersionRecord Publish(const PublishSpec& spec) {
    int64_t current = catalog_->GetProduct(spec.product).ValueOr(ProductRecord{}).current_snapshot;
    CommitVersionRequest request = MakeCommitRequest(spec.product, spec.version, current);
    request.product.domain = spec.domain;
    request.product.owner = spec.owner;
    request.version.publisher = spec.publisher;
    request.version.published_at = At(spec.at);
    request.version.bytes = spec.bytes;
    request.version.object_key = spec.object_key.empty()
                                     ? spec.product + "/" + std::to_string(current + 1)
                                     : spec.object_key;
    request.version.report_json = spec.report_json;
    if (!spec.descriptor_yaml.empty()) request.version.descriptor_yaml = spec.descriptor_yaml;
    request.version.lag_hours = spec.lag_hours;
    request.audit.at = request.version.published_at;
    auto committed = catalog_->CommitVersion(request);
    EXPECT_TRUE(committed.ok()) << committed.status();
    return committed.ValueOr(VersionRecord{});
  }

  void Quarantine(const std::string& product, const std::string& at,
                  const std::string& report_json = R"({"checks":{}})") {
    QuarantineEntry entry;
    entry.product = product;
    entry.attempted_version = SchemaVersion{1, 0, 0};
    entry.reason = "checks failed";
    entry.report_json = report_json;
    entry.person = "alice";
    entry.at = At(at);
    AuditEntry audit{0, entry.at, "alice", "quarantine", product, "rejected", "", "", ""};
    EXPECT_TRUE(catalog_->AddQuarantine(entry, audit).ok());
  }

  void Read(const std::string& product, const std::string& team, int64_t bytes,
            const std::string& at, const std::string& person = "carol") {
    ReadUsageRecord read;
    read.product = product;
    read.snapshot = 1;
    read.person = person;
    read.team = team;
    read.bytes = bytes;
    read.at = At(at);
    EXPECT_TRUE(catalog_->RecordRead(read).ok());
  }

 private:
  std::string scratch_;
  std::unique_ptr<SqliteCatalog> catalog_;
};

}  // namespace mesh::usage
