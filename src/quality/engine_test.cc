#include "quality/engine.h"

#include <gtest/gtest.h>

#include "quality/test_support.h"

namespace mesh::quality {
namespace {

using testing::BatchBuilder;
using testing::ParseTestDescriptor;
using testing::RunOn;
using testing::StableJson;

Timestamp At(const char* text) { return *ParseTimestamp(text); }

const CheckResult& Check(const QualityReport& report, std::string_view name) {
  const CheckResult* check = report.Find(name);
  if (check == nullptr) {
    ADD_FAILURE() << "no check " << name;
    static const CheckResult missing;
    return missing;
  }
  return *check;
}

std::vector<int64_t> ExampleRows(const CheckResult& check) {
  std::vector<int64_t> rows;
  for (const Example& example : check.examples) rows.push_back(example.row);
  return rows;
}

constexpr const char* kIdAndName = R"(schema:
  fields:
    - name: id
      type: int64
      required: true
      unique: true
    - name: label
      type: string
)";

TEST(QualityEngineTest, RequiredPassesWithoutNullsAndFailsWithThem) {
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  auto clean = RunOn(descriptor, {BatchBuilder(descriptor).Row({"1", "a"}).Row({"2", ""}).Build()});
  ASSERT_TRUE(clean.ok()) << clean.status().ToString();
  EXPECT_TRUE(Check(*clean, "field.id.required").passed);
  EXPECT_EQ(Check(*clean, "field.id.required").failing_rows, 0);

  auto dirty = RunOn(descriptor, {BatchBuilder(descriptor).Row({"1", "a"}).Row({"", "b"}).Build()});
  ASSERT_TRUE(dirty.ok());
  const CheckResult& required = Check(*dirty, "field.id.required");
  EXPECT_FALSE(required.passed);
  EXPECT_EQ(required.failing_rows, 1);
  EXPECT_DOUBLE_EQ(required.fraction, 0.5);
  ASSERT_EQ(required.examples.size(), 1u);
  EXPECT_EQ(required.examples[0].row, 2);
  EXPECT_EQ(required.examples[0].value, "null");
  EXPECT_TRUE(dirty->HasFailedErrors());
}

TEST(QualityEngineTest, OnBatchSeesEveryBatchInOrderForAnyThreadCount) {
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  for (int threads : {1, 3}) {
    std::vector<format::Batch> batches;
    for (int b = 0; b < 5; ++b) {
      batches.push_back(BatchBuilder(descriptor).Row({std::to_string(b), "x"}).Build());
    }
    auto plan = CheckPlan::Make(descriptor);
    ASSERT_TRUE(plan.ok());
    testing::VectorBatchReader reader(std::move(batches));
    std::vector<int64_t> first_rows;
    EngineOptions options;
    options.threads = threads;
    options.on_batch = [&](const format::Batch& batch) {
      first_rows.push_back(batch.first_row);
      return Status::OK();
    };
    auto report = RunChecks(*plan, &reader, options);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(first_rows, (std::vector<int64_t>{1, 2, 3, 4, 5})) << threads;
    EXPECT_EQ(report->rows, 5);
  }
}

TEST(QualityEngineTest, OnBatchErrorStopsThePass) {
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  for (int threads : {1, 2}) {
    std::vector<format::Batch> batches;
    for (int b = 0; b < 4; ++b) {
      batches.push_back(BatchBuilder(descriptor).Row({std::to_string(b), "x"}).Build());
    }
    auto plan = CheckPlan::Make(descriptor);
    ASSERT_TRUE(plan.ok());
    testing::VectorBatchReader reader(std::move(batches));
    int calls = 0;
    EngineOptions options;
    options.threads = threads;
    options.on_batch = [&](const format::Batch&) {
      return ++calls == 2 ? Status::IOError("lake full") : Status::OK();
    };
    auto report = RunChecks(*plan, &reader, options);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().message(), "lake full");
    EXPECT_EQ(calls, 2);
  }
}

TEST(QualityEngineTest, ExamplesAreTheFirstFiveFailingRowsAcrossBatches) {
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  std::vector<format::Batch> batches;
  for (int b = 0; b < 4; ++b) {
    BatchBuilder builder(descriptor);
    for (int r = 0; r < 3; ++r) builder.Row({r == 1 ? "" : std::to_string(b * 3 + r), "x"});
    batches.push_back(builder.Build());
  }
  for (int threads : {1, 2}) {
    auto report = RunOn(descriptor, batches, threads);
    ASSERT_TRUE(report.ok());
    const CheckResult& required = Check(*report, "field.id.required");
    EXPECT_EQ(required.failing_rows, 4);
    EXPECT_EQ(ExampleRows(required), (std::vector<int64_t>{2, 5, 8, 11}));
  }
}

TEST(QualityEngineTest, ExamplesStopAtFive) {
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  BatchBuilder builder(descriptor);
  for (int r = 0; r < 9; ++r) builder.Row({"", "x"});
  auto report = RunOn(descriptor, {builder.Build()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Check(*report, "field.id.required").failing_rows, 9);
  EXPECT_EQ(ExampleRows(Check(*report, "field.id.required")),
            (std::vector<int64_t>{1, 2, 3, 4, 5}));
}

TEST(QualityEngineTest, UniqueCountsEveryOccurrenceAndFieldUniqueIgnoresNulls) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  primary_key: [id]
  fields:
    - name: id
      type: int64
      unique: true
    - name: label
      type: string
      unique: true
)");
  auto report = RunOn(descriptor, {BatchBuilder(descriptor)
                                       .Row({"1", "a"})
                                       .Row({"2", "b"})
                                       .Row({"1", "a"})
                                       .Row({"", ""})
                                       .Row({"", ""})
                                       .Row({"1", "c"})
                                       .Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "field.id.unique").failing_rows, 3);
  EXPECT_EQ(Check(*report, "pk.unique").failing_rows, 5);  // nulls count as a value
  EXPECT_EQ(Check(*report, "pk.not_null").failing_rows, 2);
  EXPECT_EQ(Check(*report, "field.label.unique").failing_rows, 2);
  const CheckResult& pk = Check(*report, "pk.unique");
  ASSERT_EQ(pk.examples.size(), 2u);
  EXPECT_EQ(pk.examples[0], (Example{1, "1", 3}));
  EXPECT_EQ(pk.examples[1], (Example{4, "null", 2}));
  EXPECT_GT(pk.memory_bytes, 0);
}

TEST(QualityEngineTest, QualityUniqueOnCombinationTreatsNullAsAValue) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: day
      type: date
    - name: region
      type: string
    - name: amount
      type: decimal(10,2)
quality:
  - check: unique
    columns: [day, region]
  - check: unique
    columns: [amount]
)");
  auto report = RunOn(descriptor, {BatchBuilder(descriptor)
                                       .Row({"2026-01-01", "north", "1.50"})
                                       .Row({"2026-01-01", "south", "1.5"})
                                       .Row({"2026-01-01", "north", "2"})
                                       .Row({"2026-01-02", "", ""})
                                       .Row({"2026-01-02", "", "3"})
                                       .Row({"", "north", "3.00"})
                                       .Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const CheckResult& pair = Check(*report, "quality[0].unique");
  EXPECT_EQ(pair.failing_rows, 4);
  ASSERT_EQ(pair.examples.size(), 2u);
  EXPECT_EQ(pair.examples[0], (Example{1, "(2026-01-01, north)", 2}));
  EXPECT_EQ(pair.examples[1], (Example{4, "(2026-01-02, null)", 2}));
  const CheckResult& amount = Check(*report, "quality[1].unique");
  EXPECT_EQ(amount.failing_rows, 4);  // 1.50 twice, 3 twice
  EXPECT_EQ(amount.examples[0], (Example{1, "1.50", 2}));
}

TEST(QualityEngineTest, RangeBoundsAreInclusiveAndNullsPass) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: size
      type: int32
      min: 1
      max: 12
    - name: fuel
      type: double
      min: 0
    - name: budget
      type: decimal(12,2)
      max: 100.5
    - name: day
      type: date
      min: "2026-01-01"
    - name: at
      type: timestamp
      max: "2026-06-01T00:00:00Z"
)");
  auto report =
      RunOn(descriptor, {BatchBuilder(descriptor)
                             .Row({"1", "0", "100.50", "2026-01-01", "2026-06-01T00:00:00Z"})
                             .Row({"12", "-0.5", "100.51", "2025-12-31", "2026-06-01T00:00:01Z"})
                             .Row({"13", "", "", "", ""})
                             .Row({"0", "7", "-3", "2027-01-01", "2020-01-01T00:00:00Z"})
                             .Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "field.size.range").failing_rows, 2);
  EXPECT_EQ(ExampleRows(Check(*report, "field.size.range")), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(Check(*report, "field.size.range").examples[0].value, "13");
  EXPECT_EQ(Check(*report, "field.fuel.range").failing_rows, 1);
  EXPECT_EQ(Check(*report, "field.budget.range").failing_rows, 1);
  EXPECT_EQ(Check(*report, "field.budget.range").examples[0].value, "100.51");
  EXPECT_EQ(Check(*report, "field.day.range").failing_rows, 1);
  EXPECT_EQ(Check(*report, "field.at.range").failing_rows, 1);
  EXPECT_EQ(Check(*report, "field.at.range").examples[0].value, "2026-06-01T00:00:01Z");
}

TEST(QualityEngineTest, FractionalBoundsOnIntegersCompareAsNumbers) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: n
      type: int64
quality:
  - check: range
    column: n
    min: 1.5
    max: 3.5
)");
  auto report = RunOn(
      descriptor, {BatchBuilder(descriptor).Row({"1"}).Row({"2"}).Row({"3"}).Row({"4"}).Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "quality[0].range").failing_rows, 2);
}

TEST(QualityEngineTest, AllowedValuesAreExactForStringsAndNumericForNumbers) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: region
      type: string
      allowed_values: [north, south]
    - name: level
      type: int32
      allowed_values: [1, 2.0, 3]
    - name: share
      type: decimal(5,2)
      allowed_values: [0.5, 1]
)");
  auto report = RunOn(descriptor, {BatchBuilder(descriptor)
                                       .Row({"north", "1", "0.50"})
                                       .Row({"NORTH", "2", "1.00"})
                                       .Row({"north ", "3", "0.25"})
                                       .Row({"", "4", ""})
                                       .Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "field.region.allowed_values").failing_rows, 2);
  EXPECT_EQ(Check(*report, "field.region.allowed_values").examples[0].value, "NORTH");
  EXPECT_EQ(Check(*report, "field.level.allowed_values").failing_rows, 1);
  EXPECT_EQ(Check(*report, "field.share.allowed_values").failing_rows, 1);
}

TEST(QualityEngineTest, AllowedValuesWithManyValuesUsesTheSameSemantics) {
  std::string values;
  for (int i = 0; i < 20; ++i) values += (i ? ", v" : "v") + std::to_string(i);
  Descriptor descriptor = ParseTestDescriptor(
      "schema:\n  fields:\n    - name: code\n"
      "      type: string\n      allowed_values: [" +
      values + "]\n");
  auto report =
      RunOn(descriptor, {BatchBuilder(descriptor).Row({"v19"}).Row({"v20"}).Row({"V1"}).Build()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Check(*report, "field.code.allowed_values").failing_rows, 2);
}

TEST(QualityEngineTest, PatternIsAFullMatchOverUtf8) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: email
      type: string
      pattern: '[a-z.]+@[a-z]+\.org'
quality:
  - check: pattern
    column: email
    pattern: '^[^@\s]+@[^@\s]+$'
    max_failing: 0.5
    severity: warn
)");
  auto report = RunOn(descriptor, {BatchBuilder(descriptor)
                                       .Row({"ann@ops.org"})
                                       .Row({"ann@ops.org.uk"})
                                       .Row({"josé@ops.org"})
                                       .Row({"o'brien k@ops.org"})
                                       .Row({""})
                                       .Build()});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "field.email.pattern").failing_rows, 3);
  const CheckResult& loose = Check(*report, "quality[0].pattern");
  EXPECT_EQ(loose.failing_rows, 1);
  EXPECT_EQ(loose.severity, Severity::kWarn);
  EXPECT_TRUE(loose.passed);
}

TEST(QualityEngineTest, InvalidPatternIsAPlanningError) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: email
      type: string
)");
  QualityCheck bad;
  bad.kind = CheckKind::kPattern;
  bad.column = "email";
  bad.pattern = "([a-z";
  descriptor.quality.push_back(bad);
  auto plan = CheckPlan::Make(descriptor);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("quality[0]"), std::string::npos);
}

TEST(QualityEngineTest, MaxFailingBoundaryPassesAtTheLimitAndFailsAboveIt) {
  const std::string body = R"(schema:
  fields:
    - name: v
      type: string
quality:
  - check: not_null
    columns: [v]
    max_failing: 0.25
)";
  Descriptor descriptor = ParseTestDescriptor(body);
  auto at_limit = RunOn(
      descriptor, {BatchBuilder(descriptor).Row({""}).Row({"a"}).Row({"b"}).Row({"c"}).Build()});
  ASSERT_TRUE(at_limit.ok());
  EXPECT_EQ(Check(*at_limit, "quality[0].not_null").failing_rows, 1);
  EXPECT_TRUE(Check(*at_limit, "quality[0].not_null").passed);
  auto above = RunOn(descriptor,
                     {BatchBuilder(descriptor).Row({""}).Row({""}).Row({"b"}).Row({"c"}).Build()});
  ASSERT_TRUE(above.ok());
  EXPECT_FALSE(Check(*above, "quality[0].not_null").passed);
  EXPECT_EQ(Check(*above, "quality[0].not_null").max_failing, 0.25);
}

constexpr const char* kSlaDescriptor = R"(sla:
  availability: "06:00 daily"
  max_lag_hours: 48
  min_completeness: 0.5
event_time: at
schema:
  fields:
    - name: at
      type: timestamp
    - name: a
      type: string
      required: true
    - name: b
      type: string
quality:
  - check: row_count
    min: 2
    max: 3
  - check: completeness
    columns: [a, b]
    min: 0.6
  - check: freshness
    max_age_hours: 24
)";

TEST(QualityEngineTest, CompletenessFreshnessAndLagUseTheFixedClock) {
  Descriptor descriptor = ParseTestDescriptor(kSlaDescriptor);
  auto report = RunOn(descriptor,
                      {BatchBuilder(descriptor)
                           .Row({"2026-11-19T05:52:09Z", "x", "y"})
                           .Row({"2026-11-18T00:00:00Z", "x", ""})
                           .Row({"!2026-11-20T10:00:00", "", "y"})
                           .Build()},
                      1, At("2026-11-20T12:00:00Z"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "quality[0].row_count").value, 3);
  EXPECT_TRUE(Check(*report, "quality[0].row_count").passed);
  const CheckResult& completeness = Check(*report, "quality[1].completeness");
  EXPECT_EQ(completeness.failing_rows, 2);
  EXPECT_NEAR(*completeness.value, 1.0 / 3, 1e-12);
  EXPECT_FALSE(completeness.passed);
  const CheckResult& freshness = Check(*report, "quality[2].freshness");
  EXPECT_EQ(FormatTimestamp(*freshness.newest), "2026-11-19T05:52:09Z");
  EXPECT_DOUBLE_EQ(*freshness.age_hours, 30.130833);
  EXPECT_FALSE(freshness.passed);
  const CheckResult& lag = Check(*report, "sla.max_lag_hours");
  EXPECT_TRUE(lag.passed);
  EXPECT_DOUBLE_EQ(*lag.age_hours, 30.130833);
  const CheckResult& sla = Check(*report, "sla.min_completeness");
  EXPECT_EQ(sla.failing_rows, 1);
  EXPECT_TRUE(sla.passed);
  EXPECT_NEAR(report->sla.completeness, 2.0 / 3, 1e-12);
  EXPECT_EQ(Check(*report, "type.at").failing_rows, 1);
  EXPECT_EQ(Check(*report, "type.at").examples[0].row, 3);
  EXPECT_DOUBLE_EQ(*report->sla.lag_hours, 30.130833);
}

TEST(QualityEngineTest, EmptyInputHasZeroCompletenessAndNoEventTime) {
  Descriptor descriptor = ParseTestDescriptor(kSlaDescriptor);
  auto report = RunOn(descriptor, {}, 2, At("2026-11-20T12:00:00Z"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->rows, 0);
  EXPECT_FALSE(Check(*report, "quality[0].row_count").passed);
  EXPECT_EQ(*Check(*report, "quality[1].completeness").value, 0);
  EXPECT_FALSE(Check(*report, "sla.min_completeness").passed);
  EXPECT_FALSE(Check(*report, "quality[2].freshness").passed);
  EXPECT_FALSE(Check(*report, "quality[2].freshness").newest.has_value());
  EXPECT_EQ(Check(*report, "type").failing_rows, 0);
}

TEST(QualityEngineTest, OneRowOfGoodData) {
  Descriptor descriptor = ParseTestDescriptor(kSlaDescriptor);
  auto report =
      RunOn(descriptor, {BatchBuilder(descriptor).Row({"2026-11-20T11:00:00Z", "x", "y"}).Build()},
            2, At("2026-11-20T12:00:00Z"));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->rows, 1);
  EXPECT_FALSE(Check(*report, "quality[0].row_count").passed);  // min 2
  EXPECT_TRUE(Check(*report, "quality[1].completeness").passed);
  EXPECT_TRUE(Check(*report, "quality[2].freshness").passed);
  EXPECT_DOUBLE_EQ(*Check(*report, "quality[2].freshness").age_hours, 1.0);
}

TEST(QualityEngineTest, FreshnessWithoutEventTimeIsAPlanningError) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: a
      type: string
)");
  QualityCheck freshness;
  freshness.kind = CheckKind::kFreshness;
  freshness.max_age_hours = 4;
  descriptor.quality.push_back(freshness);
  auto plan = CheckPlan::Make(descriptor);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("event_time"), std::string::npos);
}

TEST(QualityEngineTest, TypeErrorsCountPerFieldAndPerRowAndAreNullElsewhere) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: size
      type: int32
      required: true
    - name: fuel
      type: double
    - name: budget
      type: decimal(12,2)
    - name: note
      type: string
)");
  auto report = RunOn(descriptor, {BatchBuilder(descriptor)
                                       .Row({"!n/a", "!abc", "1.00", "x"})
                                       .Row({"3", "2.5", "!12,50", "y"})
                                       .Row({"4", "1", "2", "z"})
                                       .Build()});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Check(*report, "type.size").failing_rows, 1);
  EXPECT_EQ(Check(*report, "type.fuel").failing_rows, 1);
  EXPECT_EQ(Check(*report, "type.budget").failing_rows, 1);
  EXPECT_EQ(Check(*report, "type").failing_rows, 2);
  EXPECT_EQ(report->Find("type.note"), nullptr);
  EXPECT_EQ(Check(*report, "field.size.required").failing_rows, 1);  // a type error is null
  EXPECT_EQ(Check(*report, "type.size").examples[0].value, "n/a (unreadable)");
}

TEST(QualityEngineTest, ReferentialNeedsTheTargetAndComparesNumbersAsNumbers) {
  Descriptor descriptor = ParseTestDescriptor(R"(schema:
  fields:
    - name: order_id
      type: int64
quality:
  - check: referential
    column: order_id
    references: orders.id
)");
  auto missing = CheckPlan::Make(descriptor);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("orders"), std::string::npos);

  PlanOptions options;
  options.references =
      [](const std::string& product,
         const std::string& field) -> Result<std::shared_ptr<const ReferenceValues>> {
    if (product != "orders" || field != "id") return Status::NotFound("no such product");
    format::Column ids(*FieldType::Parse("decimal(10,2)"));
    ids.AppendDecimal(100);  // 1.00
    ids.AppendDecimal(250);  // 2.50
    format::Batch batch;
    batch.num_rows = 2;
    batch.columns.push_back(std::move(ids));
    testing::VectorBatchReader reader({batch});
    return ReferenceValues::Load(&reader, 0);
  };
  auto report =
      RunOn(descriptor, {BatchBuilder(descriptor).Row({"1"}).Row({"2"}).Row({""}).Build()}, 1,
            Timestamp{0}, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Check(*report, "quality[0].referential").failing_rows, 1);
  EXPECT_EQ(Check(*report, "quality[0].referential").examples[0], (Example{2, "2", 0}));
}

TEST(QualityEngineTest, ResultsAreIdenticalWithOneAndTwoThreads) {
  Descriptor descriptor = ParseTestDescriptor(std::string(kSlaDescriptor) + R"(  - check: unique
    columns: [a]
  - check: pattern
    column: b
    pattern: 'y[0-9]'
)");
  std::vector<format::Batch> batches;
  for (int b = 0; b < 37; ++b) {
    BatchBuilder builder(descriptor);
    for (int r = 0; r < 50; ++r) {
      const int i = b * 50 + r;
      builder.Row({i % 97 == 3 ? "!bad" : "2026-11-" + std::to_string(10 + i % 9) + "T00:00:00Z",
                   i % 11 == 0 ? "" : "a" + std::to_string(i % 700),
                   i % 13 == 0 ? "" : "y" + std::to_string(i % 17)});
    }
    batches.push_back(builder.Build());
  }
  auto one = RunOn(descriptor, batches, 1, At("2026-11-20T12:00:00Z"));
  auto two = RunOn(descriptor, batches, 2, At("2026-11-20T12:00:00Z"));
  auto three = RunOn(descriptor, batches, 3, At("2026-11-20T12:00:00Z"));
  ASSERT_TRUE(one.ok() && two.ok() && three.ok());
  EXPECT_EQ(StableJson(*one), StableJson(*two));
  EXPECT_EQ(StableJson(*one), StableJson(*three));
  EXPECT_GT(Check(*one, "quality[3].unique").failing_rows, 0);
  EXPECT_GT(Check(*one, "quality[4].pattern").failing_rows, 0);
}

TEST(QualityEngineTest, ReaderErrorsComeBackAsTheyAre) {
  class FailingReader final : public format::BatchReader {
   public:
    Result<bool> Next(format::Batch*) override {
      return Status::Corruption("data.csv:7: unterminated quote");
    }
    uint64_t bytes_read() const override { return 0; }
    uint64_t bytes_total() const override { return 0; }
  };
  Descriptor descriptor = ParseTestDescriptor(kIdAndName);
  auto plan = CheckPlan::Make(descriptor);
  ASSERT_TRUE(plan.ok());
  for (int threads : {1, 2}) {
    FailingReader reader;
    EngineOptions options;
    options.threads = threads;
    auto report = RunChecks(*plan, &reader, options);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().message(), "data.csv:7: unterminated quote");
  }
}

}  // namespace
}  // namespace mesh::quality
