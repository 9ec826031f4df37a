#include "catalog/catalog_contract_test.h"

#include <stdlib.h>

#include <filesystem>
#include <thread>

namespace mesh {

std::string MakeCatalogScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "mesh-catalog-XXXXXX").string();
  char* dir = ::mkdtemp(pattern.data());
  return dir ? std::string(dir) : std::string();
}

void CatalogContractTest::SetUp() {
  scratch_ = MakeCatalogScratchDir();
  ASSERT_FALSE(scratch_.empty());
  location_ = GetParam().create(scratch_);
  auto opened = GetParam().open(location_);
  ASSERT_TRUE(opened.ok()) << opened.status();
  catalog_ = std::move(*opened);
}

void CatalogContractTest::TearDown() {
  catalog_.reset();
  if (GetParam().destroy && !location_.empty()) GetParam().destroy(location_);
  std::filesystem::remove_all(scratch_);
}

std::unique_ptr<Catalog> CatalogContractTest::OpenAnother() {
  auto opened = GetParam().open(location_);
  EXPECT_TRUE(opened.ok()) << opened.status();
  return opened.ok() ? std::move(*opened) : nullptr;
}

namespace {

SchemaVersion V(int major, int minor, int patch) { return SchemaVersion{major, minor, patch}; }

SchemaVersion ParseV(const std::string& text) {
  SchemaVersion v;
  std::sscanf(text.c_str(), "%d.%d.%d", &v.major, &v.minor, &v.patch);
  return v;
}

}  // namespace

CommitVersionRequest MakeCommitRequest(const std::string& name, const std::string& version,
                                       int64_t expected_snapshot) {
  CommitVersionRequest request;
  request.product.name = name;
  request.product.domain = "operations";
  request.product.owner = "team-operations";
  request.product.description = "Daily figures of " + name;
  request.product.fields = {{"day", "Calendar day"}, {"value", "The measured value"}};
  request.version.version = ParseV(version);
  request.version.descriptor_yaml = "name: " + name + "\nschema_version: " + version + "\n";
  request.version.report_json = R"({"passed":true})";
  request.version.content_hash = std::string(64, 'a');
  request.version.object_key = "sha256/" + std::string(64, 'a');
  request.version.output_format = "parquet";
  request.version.row_count = 10;
  request.version.bytes = 1234;
  request.version.lag_hours = 2.5;
  request.version.completeness = 0.99;
  request.version.publisher = "alice";
  request.version.published_at = Timestamp{1'700'000'000'000'000 + expected_snapshot};
  request.expected_current_snapshot = expected_snapshot;
  request.audit.at = request.version.published_at;
  request.audit.actor = "alice";
  request.audit.action = "publish";
  request.audit.target = name + "@" + version;
  request.audit.outcome = "ok";
  return request;
}

namespace {

TEST_P(CatalogContractTest, FirstCommitCreatesProductAndSnapshotOne) {
  auto request = MakeCommitRequest("mission_completion_rate", "2.1.0", 0);
  request.product.tags = {"kpi", "daily"};
  auto committed = catalog_->CommitVersion(request);
  ASSERT_TRUE(committed.ok()) << committed.status();
  EXPECT_EQ(committed->snapshot, 1);
  EXPECT_EQ(committed->Ref(), "mission_completion_rate@2.1.0#1");

  auto product = catalog_->GetProduct("mission_completion_rate");
  ASSERT_TRUE(product.ok()) << product.status();
  EXPECT_EQ(product->domain, "operations");
  EXPECT_EQ(product->owner, "team-operations");
  EXPECT_EQ(product->current_snapshot, 1);
  EXPECT_EQ(product->current_version, V(2, 1, 0));
  EXPECT_EQ(product->tags, (std::vector<std::string>{"kpi", "daily"}));
  ASSERT_EQ(product->fields.size(), 2u);
  EXPECT_EQ(product->fields[1].name, "value");
  EXPECT_EQ(product->fields[1].description, "The measured value");

  auto version = catalog_->GetVersion("mission_completion_rate", {});
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(version->snapshot, 1);
  EXPECT_EQ(version->status, VersionStatus::kCurrent);
  EXPECT_EQ(version->descriptor_yaml, request.version.descriptor_yaml);
  EXPECT_EQ(version->report_json, request.version.report_json);
  EXPECT_EQ(version->object_key, request.version.object_key);
  EXPECT_EQ(version->content_hash, request.version.content_hash);
  EXPECT_EQ(version->row_count, 10);
  EXPECT_EQ(version->bytes, 1234);
  EXPECT_EQ(version->lag_hours, 2.5);
  EXPECT_DOUBLE_EQ(version->completeness, 0.99);
  EXPECT_EQ(version->publisher, "alice");
  EXPECT_EQ(version->published_at, request.version.published_at);
  EXPECT_EQ(version->output_format, "parquet");
}

TEST_P(CatalogContractTest, SnapshotsCountUpPerProductAndSelectorsResolve) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "2.1.0", 0)).ok());
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "2.1.0", 1)).ok());
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("other", "1.0.0", 0)).ok());
  auto third = catalog_->CommitVersion(MakeCommitRequest("p_one", "2.2.0", 2));
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->snapshot, 3);

  auto versions = catalog_->ListVersions("p_one");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[0].Ref(), "p_one@2.2.0#3");
  EXPECT_EQ((*versions)[0].status, VersionStatus::kCurrent);
  EXPECT_EQ((*versions)[1].Ref(), "p_one@2.1.0#2");
  EXPECT_EQ((*versions)[1].status, VersionStatus::kSuperseded);
  EXPECT_EQ((*versions)[2].Ref(), "p_one@2.1.0#1");

  EXPECT_EQ(catalog_->GetVersion("p_one", {}).ValueOr({}).snapshot, 3);
  EXPECT_EQ(catalog_->GetVersion("p_one", {V(2, 1, 0), std::nullopt}).ValueOr({}).snapshot, 2);
  EXPECT_EQ(catalog_->GetVersion("p_one", {std::nullopt, 1}).ValueOr({}).snapshot, 1);
  EXPECT_EQ(catalog_->GetVersion("p_one", {V(2, 1, 0), 1}).ValueOr({}).snapshot, 1);
  EXPECT_TRUE(catalog_->GetVersion("p_one", {V(2, 2, 0), 1}).status().IsNotFound());
  EXPECT_TRUE(catalog_->GetVersion("p_one", {V(9, 0, 0), std::nullopt}).status().IsNotFound());
  EXPECT_TRUE(catalog_->GetVersion("p_one", {std::nullopt, 4}).status().IsNotFound());
  EXPECT_EQ(catalog_->GetVersion("other", {}).ValueOr({}).snapshot, 1);
}

TEST_P(CatalogContractTest, StaleCommitIsAConflictThatSaysRetry) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  auto stale = catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0));
  ASSERT_TRUE(stale.status().IsConflict()) << stale.status();
  EXPECT_NE(stale.status().message().find("retry"), std::string::npos) << stale.status();
  auto ahead = catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 5));
  EXPECT_TRUE(ahead.status().IsConflict()) << ahead.status();
  EXPECT_EQ(catalog_->ListVersions("p_one").ValueOr({}).size(), 1u);
  auto audit = catalog_->ListAudit({});
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->size(), 1u);
}

TEST_P(CatalogContractTest, LoweredVersionIsRefused) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "2.1.0", 0)).ok());
  auto lowered = catalog_->CommitVersion(MakeCommitRequest("p_one", "2.0.9", 1));
  EXPECT_EQ(lowered.status().code(), StatusCode::kFailedPrecondition) << lowered.status();
  EXPECT_NE(lowered.status().message().find("version.lowered"), std::string::npos);
  EXPECT_EQ(catalog_->GetProduct("p_one").ValueOr({}).current_snapshot, 1);
}

TEST_P(CatalogContractTest, NewMajorKeepsPreviousMajorReadableUntilDeadlineThenRetires) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "1.1.0", 1)).ok());
  auto major = MakeCommitRequest("p_one", "2.0.0", 2);
  major.previous_major_readable_until = Timestamp{42'000'000};
  ASSERT_TRUE(catalog_->CommitVersion(major).ok());
  auto versions = catalog_->ListVersions("p_one").ValueOr({});
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_FALSE(versions[0].readable_until.has_value());
  EXPECT_EQ(versions[1].readable_until, Timestamp{42'000'000});
  EXPECT_EQ(versions[2].readable_until, Timestamp{42'000'000});

  AuditEntry audit{0, Timestamp{50'000'000}, "system", "retire", "p_one@1", "ok", "", "", ""};
  ASSERT_TRUE(catalog_->RetireMajor("p_one", 1, audit).ok());
  versions = catalog_->ListVersions("p_one").ValueOr({});
  EXPECT_EQ(versions[0].status, VersionStatus::kCurrent);
  EXPECT_EQ(versions[1].status, VersionStatus::kRetired);
  EXPECT_EQ(versions[2].status, VersionStatus::kRetired);
  EXPECT_TRUE(catalog_->RetireMajor("p_one", 2, audit).IsNotFound());
  EXPECT_EQ(catalog_->ListAudit({}).ValueOr({}).back().action, "retire");
}

TEST_P(CatalogContractTest, ExactlyOneWinnerAmongRacingThreads) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("raced", "1.0.0", 0)).ok());
  constexpr int kRacers = 8;
  std::vector<std::unique_ptr<Catalog>> handles;
  for (int i = 0; i < kRacers; ++i) handles.push_back(OpenAnother());
  std::vector<Status> results(kRacers);
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      auto request = MakeCommitRequest("raced", "1.0.0", 1);
      request.version.publisher = "racer" + std::to_string(i);
      Catalog* target = handles[i] ? handles[i].get() : catalog_.get();
      results[i] = target->CommitVersion(request).status();
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  int winners = 0;
  for (const Status& status : results) {
    if (status.ok()) {
      ++winners;
    } else {
      EXPECT_TRUE(status.IsConflict()) << status;
    }
  }
  EXPECT_EQ(winners, 1);
  auto versions = catalog_->ListVersions("raced").ValueOr({});
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].snapshot, 2);
  EXPECT_EQ(catalog_->ListAudit({}).ValueOr({}).size(), 2u);
}

TEST_P(CatalogContractTest, ConcurrentRetriesAllLandWithDistinctSnapshots) {
  constexpr int kPublishers = 4;
  constexpr int kEach = 3;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < kPublishers; ++i) {
    threads.emplace_back([&] {
      auto handle = OpenAnother();
      if (!handle) return;
      for (int done = 0; done < kEach;) {
        auto product = handle->GetProduct("busy");
        int64_t base = product.ok() ? product->current_snapshot : 0;
        auto committed = handle->CommitVersion(MakeCommitRequest("busy", "1.0.0", base));
        if (committed.ok()) {
          ++done;
        } else if (!committed.status().IsConflict()) {
          ++failures;
          return;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  auto versions = catalog_->ListVersions("busy").ValueOr({});
  ASSERT_EQ(versions.size(), static_cast<size_t>(kPublishers * kEach));
  for (size_t i = 0; i < versions.size(); ++i) {
    EXPECT_EQ(versions[i].snapshot, static_cast<int64_t>(versions.size() - i));
  }
}

TEST_P(CatalogContractTest, SearchRanksNameHitsFirstAndFilters) {
  auto rate = MakeCommitRequest("mission_completion_rate", "1.0.0", 0);
  rate.product.description = "Daily mission completion rate, by type and region";
  rate.product.tags = {"kpi"};
  auto roster = MakeCommitRequest("crew_roster", "1.0.0", 0);
  roster.product.domain = "personnel";
  roster.product.description = "Who serves on which ship";
  roster.product.fields = {{"mission_id", "The mission a crew member is assigned to"}};
  auto fuel = MakeCommitRequest("fuel_usage", "1.0.0", 0);
  fuel.product.domain = "logistics";
  fuel.product.description = "Fuel burnt per flight";
  fuel.product.tags = {"cost"};
  for (const auto& request : {rate, roster, fuel}) {
    ASSERT_TRUE(catalog_->CommitVersion(request).ok());
  }

  auto hits = catalog_->Search({"mission", std::nullopt, std::nullopt, 20});
  ASSERT_TRUE(hits.ok()) << hits.status();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].product, "mission_completion_rate");
  EXPECT_EQ((*hits)[1].product, "crew_roster");
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
  EXPECT_EQ((*hits)[0].domain, "operations");

  EXPECT_EQ(catalog_->Search({"miss", {}, {}, 20}).ValueOr({}).size(), 2u) << "prefix match";
  EXPECT_EQ(catalog_->Search({"completion rate", {}, {}, 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->Search({"mission", "personnel", {}, 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->Search({"mission", {}, "kpi", 20}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->Search({"logistics", {}, {}, 20}).ValueOr({}).front().product, "fuel_usage");
  EXPECT_EQ(catalog_->Search({"cost", {}, {}, 20}).ValueOr({}).front().product, "fuel_usage");
  EXPECT_EQ(catalog_->Search({"mission", {}, {}, 1}).ValueOr({}).size(), 1u);
  EXPECT_TRUE(catalog_->Search({"nothing_like_this", {}, {}, 20}).ValueOr({{}}).empty());
  EXPECT_TRUE(catalog_->Search({"  - ", {}, {}, 20}).status().IsInvalidArgument());
  // FTS5 syntax in user input is taken literally, never as operators.
  auto odd = catalog_->Search({"\"mission AND * NEAR( name:", {}, {}, 20});
  EXPECT_TRUE(odd.ok()) << odd.status();
}

TEST_P(CatalogContractTest, SearchFollowsUpdatedDescriptions) {
  auto first = MakeCommitRequest("fuel_usage", "1.0.0", 0);
  first.product.description = "Kerosene burnt per flight";
  ASSERT_TRUE(catalog_->CommitVersion(first).ok());
  auto second = MakeCommitRequest("fuel_usage", "1.0.1", 1);
  second.product.description = "Hydrogen burnt per flight";
  ASSERT_TRUE(catalog_->CommitVersion(second).ok());
  EXPECT_TRUE(catalog_->Search({"kerosene", {}, {}, 20}).ValueOr({{}}).empty());
  EXPECT_EQ(catalog_->Search({"hydrogen", {}, {}, 20}).ValueOr({}).size(), 1u);
}

TEST_P(CatalogContractTest, LineageUpAndDownIncludingSources) {
  auto raw = MakeCommitRequest("missions_raw", "1.0.0", 0);
  raw.lineage = {"source:erp/orders"};
  auto rate = MakeCommitRequest("mission_rate", "1.0.0", 0);
  rate.lineage = {"missions_raw", "team_assignments", "source:erp/orders", "missions_raw"};
  auto dash = MakeCommitRequest("ops_dashboard", "1.0.0", 0);
  dash.lineage = {"mission_rate"};
  for (const auto& request : {raw, rate, dash}) {
    ASSERT_TRUE(catalog_->CommitVersion(request).ok());
  }
  auto up = catalog_->Upstream("mission_rate").ValueOr({});
  EXPECT_EQ(up, (std::vector<LineageEdge>{{"missions_raw", "mission_rate"},
                                          {"source:erp/orders", "mission_rate"},
                                          {"team_assignments", "mission_rate"}}));
  auto down = catalog_->Downstream("source:erp/orders").ValueOr({});
  EXPECT_EQ(down, (std::vector<LineageEdge>{{"source:erp/orders", "mission_rate"},
                                            {"source:erp/orders", "missions_raw"}}));
  EXPECT_EQ(catalog_->ListLineageEdges().ValueOr({}).size(), 5u);

  auto republished = MakeCommitRequest("mission_rate", "1.0.0", 1);
  republished.lineage = {"missions_raw"};
  ASSERT_TRUE(catalog_->CommitVersion(republished).ok());
  EXPECT_EQ(catalog_->Upstream("mission_rate").ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->Downstream("source:erp/orders").ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->Downstream("mission_rate").ValueOr({}).size(), 1u);
}

TEST_P(CatalogContractTest, ConsumersAreReplacedOnEachCommit) {
  auto first = MakeCommitRequest("p_one", "1.0.0", 0);
  first.consumer_teams = {"analytics", "finance", "analytics"};
  ASSERT_TRUE(catalog_->CommitVersion(first).ok());
  EXPECT_EQ(catalog_->ListConsumers("p_one").ValueOr({}),
            (std::vector<std::string>{"analytics", "finance"}));
  auto second = MakeCommitRequest("p_one", "1.0.0", 1);
  second.consumer_teams = {"performance-dashboard"};
  ASSERT_TRUE(catalog_->CommitVersion(second).ok());
  EXPECT_EQ(catalog_->ListConsumers("p_one").ValueOr({}),
            (std::vector<std::string>{"performance-dashboard"}));
}

TEST_P(CatalogContractTest, QuarantineRecordsRejectedPublishesWithAudit) {
  QuarantineEntry entry;
  entry.product = "p_one";
  entry.attempted_version = V(1, 2, 0);
  entry.reason = "completeness 0.80 is below min_completeness 0.95";
  entry.report_json = R"({"passed":false})";
  entry.object_key = "sha256/" + std::string(64, 'b');
  entry.person = "bob";
  entry.at = Timestamp{7'000'000};
  AuditEntry audit{0, entry.at, "bob", "publish", "p_one@1.2.0", "rejected", entry.reason, "", ""};
  auto first = catalog_->AddQuarantine(entry, audit);
  ASSERT_TRUE(first.ok()) << first.status();
  entry.product = "p_two";
  auto second = catalog_->AddQuarantine(entry, audit);
  ASSERT_TRUE(second.ok());
  EXPECT_GT(*second, *first);

  auto all = catalog_->ListQuarantine("").ValueOr({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].product, "p_two");
  auto mine = catalog_->ListQuarantine("p_one").ValueOr({});
  ASSERT_EQ(mine.size(), 1u);
  auto got = catalog_->GetQuarantine(*first);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->reason, entry.reason);
  EXPECT_EQ(got->attempted_version, V(1, 2, 0));
  EXPECT_EQ(got->object_key, entry.object_key);
  EXPECT_EQ(got->person, "bob");
  EXPECT_EQ(got->at, Timestamp{7'000'000});
  EXPECT_TRUE(catalog_->GetProduct("p_one").status().IsNotFound()) << "nothing was published";

  AuditEntry cleanup{0, entry.at, "bob", "quarantine.remove", "p_one", "ok", "", "", ""};
  ASSERT_TRUE(catalog_->RemoveQuarantine(*first, cleanup).ok());
  EXPECT_TRUE(catalog_->GetQuarantine(*first).status().IsNotFound());
  EXPECT_TRUE(catalog_->RemoveQuarantine(*first, cleanup).IsNotFound());
  EXPECT_EQ(catalog_->ListAudit({}).ValueOr({}).size(), 3u);
}

TEST_P(CatalogContractTest, AuditLogAppendsInOrderAndFilters) {
  for (int i = 0; i < 5; ++i) {
    AuditEntry entry{0,
                     Timestamp{i},
                     i % 2 ? "alice" : "bob",
                     "read",
                     "product_" + std::to_string(i),
                     "ok",
                     "{}",
                     "prev",
                     "hash"};
    auto sequence = catalog_->AppendAudit(entry);
    ASSERT_TRUE(sequence.ok()) << sequence.status();
    EXPECT_EQ(*sequence, i + 1);
  }
  auto all = catalog_->ListAudit({}).ValueOr({});
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[4].target, "product_4");
  // The catalog chains entries itself: what the caller put in prev_hash/hash is replaced.
  EXPECT_EQ(all[4].prev_hash, all[3].hash);
  EXPECT_EQ(all[4].hash.size(), 64u);
  EXPECT_NE(all[4].hash, "hash");
  EXPECT_EQ(catalog_->ListAudit({2, {}, {}, 1000}).ValueOr({}).size(), 3u);
  EXPECT_EQ(catalog_->ListAudit({0, "alice", {}, 1000}).ValueOr({}).size(), 2u);
  EXPECT_EQ(catalog_->ListAudit({0, {}, "product_3", 1000}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->ListAudit({0, {}, {}, 2}).ValueOr({}).size(), 2u);
  AuditEntry anonymous{0, Timestamp{1}, "", "read", "x", "ok", "", "", ""};
  EXPECT_TRUE(catalog_->AppendAudit(anonymous).status().IsInvalidArgument());
}

TEST_P(CatalogContractTest, MissingThingsAreNotFoundWithAHint) {
  auto product = catalog_->GetProduct("nope");
  ASSERT_TRUE(product.status().IsNotFound());
  EXPECT_NE(product.status().message().find("nope"), std::string::npos);
  auto version = catalog_->GetVersion("nope", {V(1, 0, 0), 3});
  ASSERT_TRUE(version.status().IsNotFound());
  EXPECT_NE(version.status().message().find("nope@1.0.0#3"), std::string::npos) << version.status();
  EXPECT_TRUE(catalog_->ListVersions("nope").ValueOr({{}}).empty());
}

TEST_P(CatalogContractTest, InvalidCommitIsRejectedAndLeavesNothing) {
  auto request = MakeCommitRequest("p_one", "1.0.0", 0);
  request.lineage = {"upstream_a"};
  request.audit.actor = "";  // the audit entry is written last: everything before must roll back
  EXPECT_FALSE(catalog_->CommitVersion(request).ok());
  EXPECT_TRUE(catalog_->GetProduct("p_one").status().IsNotFound());
  EXPECT_TRUE(catalog_->ListLineageEdges().ValueOr({{}}).empty());
  EXPECT_TRUE(catalog_->ListVersions("p_one").ValueOr({{}}).empty());
  EXPECT_TRUE(catalog_->Search({"p_one", {}, {}, 20}).ValueOr({{}}).empty());
}

TEST_P(CatalogContractTest, ProductsListAndFilter) {
  auto a = MakeCommitRequest("a_product", "1.0.0", 0);
  auto b = MakeCommitRequest("b_product", "1.0.0", 0);
  b.product.domain = "logistics";
  b.product.owner = "team-logistics";
  ASSERT_TRUE(catalog_->CommitVersion(a).ok());
  ASSERT_TRUE(catalog_->CommitVersion(b).ok());
  auto all = catalog_->ListProducts({}).ValueOr({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "a_product");
  EXPECT_EQ(catalog_->ListProducts({"logistics", {}}).ValueOr({}).size(), 1u);
  EXPECT_EQ(catalog_->ListProducts({{}, "team-logistics"}).ValueOr({}).front().name, "b_product");
}

TEST_P(CatalogContractTest, CommitsAreVisibleToOtherHandlesAndSurviveReopen) {
  ASSERT_TRUE(catalog_->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 0)).ok());
  auto other = OpenAnother();
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->GetProduct("p_one").ValueOr({}).current_snapshot, 1);
  ASSERT_TRUE(other->CommitVersion(MakeCommitRequest("p_one", "1.0.0", 1)).ok());
  EXPECT_EQ(catalog_->GetProduct("p_one").ValueOr({}).current_snapshot, 2);
  catalog_.reset();
  other.reset();
  auto reopened = OpenAnother();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->ListVersions("p_one").ValueOr({}).size(), 2u);
}

}  // namespace
}  // namespace mesh
