#include "demo/demo_history.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "catalog/sqlite_catalog.h"
#include "health/doctor.h"
#include "health/maturity.h"
#include "lake/memory_object_store.h"

namespace mesh::demo {
namespace {

// A second domain's product, owned by analytics and read by team-sales.
constexpr const char* kCampaigns = R"(name: campaigns
domain: marketing
owner: analytics
description: One row per campaign day
schema_version: 1.0.0
output_format: csv
documentation_url: https://wiki.example.org/campaigns
sla:
  availability: "07:00 daily"
  max_lag_hours: 24
  min_completeness: 0.95
consumer_teams: [team-sales]
classification: internal
support:
  channel: "#marketing-data"
event_time: day
schema:
  primary_key: [day, campaign]
  fields:
    - name: day
      type: date
      required: true
    - name: campaign
      type: string
      required: true
      allowed_values: [spring, summer, autumn]
    - name: leads
      type: int64
      min: 0
)";

class NullProgress final : public DemoProgress {
 public:
  void Line(std::string_view) override {}
};

class DemoHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/mesh-history-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    std::filesystem::copy(std::string(MESH_SOURCE_DIR) + "/tests/scenario-workspaces/basic", root_,
                          std::filesystem::copy_options::recursive);
    ASSERT_TRUE(fs_->CreateDirs(root_ + "/products/marketing").ok());
    ASSERT_TRUE(
        fs_->WriteFileAtomically(root_ + "/products/marketing/campaigns.yaml", kCampaigns).ok());
    auto catalog = SqliteCatalog::Open(root_ + "/catalog.db");
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    catalog_ = std::move(*catalog);
    auto workspace = Workspace::Open(fs_, root_);
    ASSERT_TRUE(workspace.ok()) << workspace.status();
    workspace_.emplace(std::move(*workspace));
    auto contents = workspace_->Load();
    ASSERT_TRUE(contents.ok()) << contents.status();
    contents_ = std::move(*contents);
    for (const Finding& finding : contents_.findings) ADD_FAILURE() << finding.ToString();
  }
  void TearDown() override {
    catalog_.reset();
    std::filesystem::remove_all(root_);
  }

  Result<HistoryReport> Simulate(int days) {
    HistoryOptions options;
    options.workspace = &*workspace_;
    options.contents = &contents_;
    options.catalog = catalog_.get();
    options.lake = &lake_;
    options.data_dir = root_ + "/history";
    options.days = days;
    options.end = end_;
    options.rows = 12;
    options.degrading_domain = "marketing";
    return SimulateHistory(options, &progress_);
  }

  std::shared_ptr<FileSystem> fs_ = PosixFileSystem();
  std::string root_;
  std::unique_ptr<SqliteCatalog> catalog_;
  MemoryObjectStore lake_;
  std::optional<Workspace> workspace_;
  WorkspaceContents contents_;
  NullProgress progress_;
  const Timestamp end_ = *ParseTimestamp("2026-11-20T08:00:00Z");
};

TEST_F(DemoHistoryTest, PublishesEveryDayAndTheDegradingDomainFailsOnlyLater) {
  auto report = Simulate(6);
  ASSERT_TRUE(report.ok()) << report.status();
  for (const std::string& refusal : report->refusals) ADD_FAILURE() << refusal;
  // orders slips in the second half (days 3..5): it skips days 3 and 5.
  EXPECT_EQ(report->slipping_product, "orders");
  EXPECT_EQ(report->skipped, 2);
  EXPECT_EQ(report->published + report->rejected, 10);
  // campaigns publishes first each day (position 0); of days 3..5, days 4 and 5 degrade.
  EXPECT_EQ(report->rejected, 2);
  auto quarantine = catalog_->ListQuarantine("").ValueOr({});
  ASSERT_EQ(static_cast<int64_t>(quarantine.size()), report->rejected);
  const Timestamp second_half{end_.micros - 3 * kMicrosPerDay};
  for (const QuarantineEntry& entry : quarantine) {
    EXPECT_EQ(entry.product, "campaigns");
    EXPECT_GT(entry.at, second_half);
  }
  EXPECT_EQ(catalog_->ListVersions("orders").ValueOr({}).size(), 4u);
  // Each published version is read once by each consumer team.
  EXPECT_EQ(report->reads, report->published);
  auto reads = catalog_->ListReads({}).ValueOr({});
  ASSERT_EQ(static_cast<int64_t>(reads.size()), report->reads);
  EXPECT_EQ(reads.front().product, "campaigns");
  EXPECT_EQ(reads.front().team, "team-sales");
  EXPECT_EQ(reads.front().person, "alice");
}

TEST_F(DemoHistoryTest, TicksOpenIncidentsAndConsumersReportProblems) {
  auto report = Simulate(6);
  ASSERT_TRUE(report.ok()) << report.status();
  // Day 4's orders are older than its 24 h lag: published, and a `lag` incident.
  EXPECT_EQ(report->late_data, 1);
  auto incidents = catalog_->ListIncidents({}).ValueOr({});
  ASSERT_EQ(static_cast<int64_t>(incidents.size()), report->incidents_opened);
  EXPECT_EQ(report->incidents_opened, report->incidents_acknowledged + report->incidents_closed);
  std::map<std::string, int> orders_by_kind;
  for (const Incident& incident : incidents) {
    if (incident.product == "orders") {
      ++orders_by_kind[std::string(BreachKindName(incident.kind))];
      EXPECT_EQ(incident.status, IncidentStatus::kAcknowledged) << incident.summary;
      EXPECT_EQ(incident.acknowledged_by, "alice");
    } else {
      EXPECT_EQ(incident.status, IncidentStatus::kClosed) << incident.summary;
    }
  }
  EXPECT_EQ(orders_by_kind, (std::map<std::string, int>{{"lag", 1}, {"late", 1}}));
  // campaigns' consumers (team-sales: alice) report a problem each day of the second half; its
  // owners (analytics: carol) resolve the first.
  EXPECT_EQ(report->reported_product, "campaigns");
  auto reports = catalog_->ListConsumerReports("").ValueOr({});
  ASSERT_EQ(reports.size(), 3u);
  int open = 0;
  for (const ConsumerReport& consumer_report : reports) {
    EXPECT_EQ(consumer_report.product, "campaigns");
    EXPECT_EQ(consumer_report.opened_by, "alice");
    open += consumer_report.status == ReportStatus::kOpen;
  }
  EXPECT_EQ(open, 2);
  EXPECT_EQ(report->reports_resolved, 1);
}

TEST_F(DemoHistoryTest, DoctorAndMaturityHaveAVerdictOnTheHistory) {
  auto report = Simulate(6);
  ASSERT_TRUE(report.ok()) << report.status();
  auto activity =
      health::GatherActivity(*catalog_, Timestamp{end_.micros - 30 * kMicrosPerDay}, end_);
  ASSERT_TRUE(activity.ok()) << activity.status();

  health::DoctorInput doctor;
  doctor.organisation = &*contents_.org;
  doctor.activity = &*activity;
  doctor.now = end_;
  doctor.thresholds.window_days = 3;
  std::vector<health::Diagnosis> diagnoses = health::Diagnose(doctor);
  // The rejected publishes of the last days show twice: as marketing's rising failure rate and
  // as the availability periods campaigns then missed; orders' stale data as late publishes.
  ASSERT_EQ(diagnoses.size(), 3u) << health::RenderDiagnoses(diagnoses);
  EXPECT_EQ(diagnoses[0].kind, "failure_rate_rising");
  EXPECT_EQ(diagnoses[0].subject, "marketing");
  EXPECT_EQ(diagnoses[1].kind, "late_publishes");
  EXPECT_EQ(diagnoses[1].subject, "orders");
  EXPECT_EQ(diagnoses[2].kind, "sla_compliance_falling");
  EXPECT_EQ(diagnoses[2].subject, "campaigns");

  health::MaturityInput maturity;
  maturity.organisation = &*contents_.org;
  maturity.activity = &*activity;
  maturity.now = end_;
  maturity.governed_products = 2;
  maturity.clean_products = 2;
  health::MaturityVerdict verdict = health::AssessMaturity(maturity);
  EXPECT_EQ(verdict.phase, 4) << health::RenderMaturity(verdict);
  EXPECT_EQ(verdict.metrics.products_read_by_others, 2);
}

// An archive of marketing's leads, owned by a team whose last member has left, without docs
// and without an SLA (both waived, so that it validates).
constexpr const char* kLeadArchive = R"(name: lead_archive
domain: marketing
owner: team-archive
schema_version: 1.0.0
output_format: csv
classification: internal
support:
  channel: "#marketing-data"
schema:
  primary_key: [lead_id]
  fields:
    - name: lead_id
      type: int64
      required: true
    - name: campaign
      type: string
)";

constexpr const char* kArchiveWaivers = R"(waivers:
  - rule: required.documentation_url
    product: lead_archive
    reason: the archive is being retired
    expires: 2027-06-30
  - rule: required.sla
    product: lead_archive
    reason: the archive is being retired
    expires: 2027-06-30
  - rule: required.description
    product: lead_archive
    reason: the archive is being retired
    expires: 2027-06-30
)";

TEST_F(DemoHistoryTest, EveryDoctorDiagnosisShowsSomethingWithEvidenceAndAction) {
  // team-archive co-owns marketing and owns lead_archive, but has no members any more.
  auto mesh_yaml = fs_->ReadFile(root_ + "/mesh.yaml");
  ASSERT_TRUE(mesh_yaml.ok());
  std::string text = *mesh_yaml;
  text.replace(text.find("domains:"), 8, "  - id: team-archive\n    members: []\ndomains:");
  text.replace(text.find("owners: [analytics]"), 19, "owners: [analytics, team-archive]");
  ASSERT_TRUE(fs_->WriteFileAtomically(root_ + "/mesh.yaml", text).ok());
  ASSERT_TRUE(
      fs_->WriteFileAtomically(root_ + "/products/marketing/lead_archive.yaml", kLeadArchive).ok());
  auto policy = fs_->ReadFile(root_ + "/governance/global.yaml");
  ASSERT_TRUE(policy.ok());
  ASSERT_TRUE(
      fs_->WriteFileAtomically(root_ + "/governance/global.yaml", *policy + kArchiveWaivers).ok());
  auto contents = workspace_->Load();
  ASSERT_TRUE(contents.ok()) << contents.status();
  contents_ = std::move(*contents);
  for (const Finding& finding : contents_.findings) ADD_FAILURE() << finding.ToString();

  auto report = Simulate(8);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->emptied_teams, std::vector<std::string>{"team-archive"});
  // Published during the history by the member team-archive had then.
  auto archive = catalog_->ListVersions("lead_archive").ValueOr({});
  ASSERT_FALSE(archive.empty());
  EXPECT_EQ(archive.front().publisher, "team-archive-former-member");

  auto activity =
      health::GatherActivity(*catalog_, Timestamp{end_.micros - 30 * kMicrosPerDay}, end_);
  ASSERT_TRUE(activity.ok()) << activity.status();
  health::DoctorInput doctor;
  doctor.organisation = &*contents_.org;
  doctor.activity = &*activity;
  doctor.now = end_;
  doctor.thresholds.window_days = 4;  // the second half of the history against the first
  std::map<std::string, std::vector<std::string>> subjects;
  for (const health::Diagnosis& diagnosis : health::Diagnose(doctor)) {
    subjects[diagnosis.kind].push_back(diagnosis.subject);
    EXPECT_FALSE(diagnosis.evidence.empty()) << diagnosis.kind;
    EXPECT_FALSE(diagnosis.action.empty()) << diagnosis.kind;
  }
  using Subjects = std::vector<std::string>;
  EXPECT_EQ(subjects["failure_rate_rising"], Subjects{"marketing"});
  EXPECT_EQ(subjects["product_without_owner"], Subjects{"lead_archive"});
  EXPECT_EQ(subjects["product_without_docs"], Subjects{"lead_archive"});
  EXPECT_EQ(subjects["product_without_sla"], Subjects{"lead_archive"});
  EXPECT_EQ(subjects["late_publishes"], Subjects{"orders"});
  EXPECT_EQ(subjects["reports_piling_up"], Subjects{"campaigns"});
  ASSERT_FALSE(subjects["sla_compliance_falling"].empty());
  EXPECT_EQ(subjects["sla_compliance_falling"].front(), "campaigns");
  EXPECT_NE(std::find(subjects["sla_compliance_falling"].begin(),
                      subjects["sla_compliance_falling"].end(), "orders"),
            subjects["sla_compliance_falling"].end());
  EXPECT_EQ(subjects.size(), 7u);
}

TEST_F(DemoHistoryTest, TheSameSeedGivesTheSameHistory) {
  auto first = Simulate(3);
  ASSERT_TRUE(first.ok()) << first.status();
  auto hashes = [&] {
    std::vector<std::string> out;
    for (const auto& version : catalog_->ListVersions("orders").ValueOr({})) {
      out.push_back(version.content_hash);
    }
    return out;
  };
  std::vector<std::string> before = hashes();
  ASSERT_EQ(before.size(), 2u);  // orders slips on day 1 (the second half)
  EXPECT_NE(before[0], before[1]) << "each day publishes fresh data";
  TearDown();
  SetUp();  // a fresh workspace and catalog
  auto second = Simulate(3);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(hashes(), before);
}

}  // namespace
}  // namespace mesh::demo
