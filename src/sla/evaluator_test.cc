#include "sla/evaluator.h"

#include <gtest/gtest.h>

#include "sla/sla_status.h"
#include "sla/sla_test_support.h"

namespace mesh::sla {
namespace {

Timestamp At(const char* text) { return *ParseTimestamp(text); }

const std::string kDaily = DescriptorWithSla("08:00 daily", "UTC");

SlaHistory DailyHistory() {
  auto history = SlaHistory::Build({
      Snapshot(1, "2026-11-01T07:00:00Z", 1, kDaily),
      Snapshot(2, "2026-11-02T07:30:00Z", 5, kDaily),  // lag beyond 4 h
      Snapshot(3, "2026-11-04T09:00:00Z", 1, kDaily),  // after 11-04's deadline
  });
  EXPECT_TRUE(history.ok()) << history.status();
  return std::move(*history);
}

std::vector<QuarantineEntry> Rejections() {
  return {Rejection(7, "2026-11-03T10:00:00Z",
                    "completeness 0.500000 is below sla.min_completeness 0.950000"),
          Rejection(8, "2026-11-03T11:00:00Z", "check row_count failed (min 1): 0 rows")};
}

TEST(SlaEvaluatorTest, PeriodsAreMetByAPublishBetweenConsecutiveDeadlines) {
  auto periods = EvaluatePeriods("orders", DailyHistory(), At("2026-10-31T00:00:00Z"),
                                 At("2026-11-30T00:00:00Z"), At("2026-11-05T12:00:00Z"));
  ASSERT_EQ(periods.size(), 5u);
  std::vector<std::string> met_by;
  for (const PeriodEvaluation& period : periods) met_by.push_back(period.met ? period.met_by : "-");
  EXPECT_EQ(met_by, (std::vector<std::string>{"orders@1.0.0#1", "orders@1.0.0#2", "-", "-",
                                              "orders@1.0.0#3"}));
  EXPECT_EQ(periods[2].period, "2026-11-03");
  EXPECT_EQ(periods[2].period_start, At("2026-11-02T08:00:00Z"));
  EXPECT_EQ(periods[2].availability, "08:00 daily");
  Compliance compliance = ComputeCompliance(periods);
  EXPECT_EQ(compliance.periods, 5);
  EXPECT_EQ(compliance.met, 3);
  EXPECT_DOUBLE_EQ(*compliance.ratio, 0.6);
}

TEST(SlaEvaluatorTest, WindowCountsLateLagAndCompletenessBreachesOnly) {
  ProductEvaluation evaluation =
      EvaluateWindow("orders", DailyHistory(), Rejections(), At("2026-10-31T00:00:00Z"),
                     At("2026-11-30T00:00:00Z"), At("2026-11-05T12:00:00Z"));
  std::vector<std::string> keys;
  for (const Breach& breach : evaluation.breaches) keys.push_back(breach.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"lag:2", "late:2026-11-03T08:00:00Z", "completeness:7",
                                            "late:2026-11-04T08:00:00Z"}));
  EXPECT_NE(evaluation.breaches[0].summary.find("5.00 h"), std::string::npos);
  EXPECT_EQ(evaluation.breaches[2].kind, BreachKind::kCompleteness);
  EXPECT_EQ(evaluation.breaches[2].at, At("2026-11-03T10:00:00Z"));

  // A narrower window only sees what happened inside it.
  ProductEvaluation narrow =
      EvaluateWindow("orders", DailyHistory(), Rejections(), At("2026-11-03T09:00:00Z"),
                     At("2026-11-04T12:00:00Z"), At("2026-11-05T12:00:00Z"));
  EXPECT_EQ(narrow.compliance.periods, 1);
  EXPECT_EQ(narrow.compliance.met, 0);
  EXPECT_EQ(narrow.breaches.size(), 2u);
}

TEST(SlaEvaluatorTest, PublishesQuarantinedForTheirLagAreLagBreaches) {
  auto breaches = VersionBreaches(
      DailyHistory(),
      {Rejection(9, "2026-11-03T12:00:00Z",
                 "check sla.max_lag_hours failed (now - newest day): 50.500000 hours")},
      At("2026-11-03T00:00:00Z"), At("2026-11-04T00:00:00Z"));
  ASSERT_EQ(breaches.size(), 1u);
  EXPECT_EQ(breaches[0].kind, BreachKind::kLag);
  EXPECT_EQ(breaches[0].key, "lag:quarantine/9");
  EXPECT_EQ(breaches[0].subject, "quarantine #9");
}

TEST(SlaEvaluatorTest, NothingIsDecidedBeforeTheFirstPublishOrAfterNow) {
  auto periods = EvaluatePeriods("orders", DailyHistory(), At("2026-01-01T00:00:00Z"),
                                 At("2026-12-31T00:00:00Z"), At("2026-11-01T07:59:59Z"));
  EXPECT_TRUE(periods.empty());
  EXPECT_FALSE(ComputeCompliance(periods).ratio.has_value());
}

TEST(SlaEvaluatorTest, RecordedDecisionsReplaceComputedOnes) {
  PeriodEvaluation recorded;
  recorded.product = "orders";
  recorded.deadline = At("2026-11-03T08:00:00Z");
  recorded.period = "2026-11-03";
  recorded.met = true;
  recorded.met_by = "orders@1.0.0#2";
  auto periods =
      EvaluatePeriods("orders", DailyHistory(), At("2026-10-31T00:00:00Z"),
                      At("2026-11-30T00:00:00Z"), At("2026-11-05T12:00:00Z"), {recorded});
  EXPECT_EQ(ComputeCompliance(periods).met, 4);
}

TEST(SlaEvaluatorTest, EachSnapshotIsJudgedByTheSlaItWasPublishedUnder) {
  std::string hourly = DescriptorWithSla("hourly at :00", "UTC", 48);
  auto history = SlaHistory::Build({
      Snapshot(1, "2026-11-01T07:00:00Z", 1, kDaily),
      Snapshot(2, "2026-11-01T12:30:00Z", 10, hourly),  // lag 10 is fine under 48
      Snapshot(3, "2026-11-01T14:30:00Z", 10, hourly),
  });
  ASSERT_TRUE(history.ok()) << history.status();
  EXPECT_EQ(history->segments().size(), 2u);
  auto periods = EvaluatePeriods("orders", *history, At("2026-10-31T00:00:00Z"),
                                 At("2026-11-30T00:00:00Z"), At("2026-11-01T15:00:00Z"));
  // 08:00 under the daily SLA; 13:00, 14:00, 15:00 under the hourly one.
  std::vector<std::string> deadlines;
  for (const PeriodEvaluation& period : periods)
    deadlines.push_back(FormatTimestamp(period.deadline));
  EXPECT_EQ(deadlines, (std::vector<std::string>{"2026-11-01T08:00:00Z", "2026-11-01T13:00:00Z",
                                                 "2026-11-01T14:00:00Z", "2026-11-01T15:00:00Z"}));
  EXPECT_EQ(ComputeCompliance(periods).met, 3);  // 14:00 missed
  EXPECT_TRUE(VersionBreaches(*history, {}, At("2026-10-31T00:00:00Z"), At("2026-11-30T00:00:00Z"))
                  .empty());
}

TEST(SlaEvaluatorTest, StatusSaysWhetherTheProductIsWithinItsSlaNow) {
  SlaStatus good =
      EvaluateStatus("orders", DailyHistory(), Rejections(), At("2026-11-05T12:00:00Z"));
  EXPECT_TRUE(good.within_sla) << (good.reasons.empty() ? "" : good.reasons[0]);
  ASSERT_TRUE(good.next_deadline);
  EXPECT_EQ(FormatTimestamp(good.next_deadline->at), "2026-11-06T08:00:00Z");
  EXPECT_EQ(good.next_deadline_local, "2026-11-06T08:00:00+00:00");
  EXPECT_TRUE(good.current_period_met_by.empty());
  ASSERT_TRUE(good.last_period);
  EXPECT_TRUE(good.last_period->met);

  SlaStatus late =
      EvaluateStatus("orders", DailyHistory(), Rejections(), At("2026-11-04T08:30:00Z"));
  EXPECT_FALSE(late.within_sla);
  ASSERT_FALSE(late.reasons.empty());
  EXPECT_NE(late.reasons[0].find("2026-11-04"), std::string::npos);

  SlaStatus laggy = EvaluateStatus("orders", DailyHistory(), {}, At("2026-11-02T09:00:00Z"));
  EXPECT_FALSE(laggy.within_sla);
  EXPECT_NE(laggy.reasons.back().find("lag"), std::string::npos);

  SlaStatus early = EvaluateStatus("orders", DailyHistory(), {}, At("2026-11-04T10:00:00Z"));
  EXPECT_EQ(early.current_period_met_by, "orders@1.0.0#3");
}

}  // namespace
}  // namespace mesh::sla
