#include "usage/chargeback.h"

#include <gtest/gtest.h>

#include <map>

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::usage {
namespace {

Organisation TwoDomainOrg() {
  Organisation organisation;
  organisation.teams = {{.id = "team-a", .members = {"alice"}},
                        {.id = "team-b", .members = {"bob"}},
                        {.id = "team-c", .members = {"carol"}},
                        {.id = "analytics", .members = {"dora"}}};
  organisation.domains = {{.id = "alpha", .owners = {"team-a", "team-b", "team-c"}},
                          {.id = "beta", .owners = {"team-b"}},
                          {.id = "gamma", .owners = {}}};
  return organisation;
}

Prices AwkwardPrices() {
  Prices prices;
  prices.file = "governance/prices.yaml";
  prices.decimals = 2;
  prices.storage_per_gb_month = 23'333;   // 0.023333
  prices.read_per_gb = 90'001;            // 0.090001
  prices.check_per_cpu_hour = 1'000'007;  // 1.000007
  return prices;
}

// Odd quantities, chosen so that no share is a whole number of cents.
UsageLedger AwkwardLedger() {
  UsageLedger ledger;
  const Wide month = Wide{30} * kMicrosPerDay;
  ledger.domains = {
      {.domain = "alpha",
       .storage_byte_micros = Wide{333'333'333'333} * month / 7,
       .check_micros = 1'234'567'891,
       .reads = 3,
       .read_bytes = 77'777'777'777},
      {.domain = "beta",
       .storage_byte_micros = Wide{1'000'000'001} * month,
       .check_micros = 3'600'000'001,
       .reads = 1,
       .read_bytes = 1},
      {.domain = "gamma",
       .storage_byte_micros = 12'345,
       .check_micros = 1,
       .reads = 0,
       .read_bytes = 0},
  };
  ledger.reads = {
      {.product = "a1",
       .domain = "alpha",
       .team = "analytics",
       .reads = 2,
       .bytes = 77'000'000'000},
      {.product = "a1", .domain = "alpha", .team = "team-c", .reads = 1, .bytes = 777'777'777},
      {.product = "b1", .domain = "beta", .team = "", .reads = 1, .bytes = 1},
  };
  return ledger;
}

void ExpectRowsAddUp(const Chargeback& chargeback) {
  ChargeRow sum;
  for (const ChargeRow& row : chargeback.rows) {
    sum.storage_byte_micros += row.storage_byte_micros;
    sum.check_micros += row.check_micros;
    sum.reads += row.reads;
    sum.read_bytes += row.read_bytes;
    sum.storage_charge += row.storage_charge;
    sum.read_charge += row.read_charge;
    sum.check_charge += row.check_charge;
    sum.storage_gb_months += row.storage_gb_months;
    sum.storage_byte_days += row.storage_byte_days;
    sum.check_cpu_hours += row.check_cpu_hours;
    EXPECT_EQ(WideToString(row.TotalCharge()),
              WideToString(row.storage_charge + row.read_charge + row.check_charge));
  }
  const ChargeRow& total = chargeback.total;
  EXPECT_EQ(WideToString(sum.storage_byte_micros), WideToString(total.storage_byte_micros));
  EXPECT_EQ(WideToString(sum.check_micros), WideToString(total.check_micros));
  EXPECT_EQ(sum.reads, total.reads);
  EXPECT_EQ(WideToString(sum.read_bytes), WideToString(total.read_bytes));
  EXPECT_EQ(WideToString(sum.storage_charge), WideToString(total.storage_charge));
  EXPECT_EQ(WideToString(sum.read_charge), WideToString(total.read_charge));
  EXPECT_EQ(WideToString(sum.check_charge), WideToString(total.check_charge));
  EXPECT_EQ(WideToString(sum.TotalCharge()), WideToString(total.TotalCharge()));
  EXPECT_EQ(WideToString(sum.storage_gb_months), WideToString(total.storage_gb_months));
  EXPECT_EQ(WideToString(sum.storage_byte_days), WideToString(total.storage_byte_days));
  EXPECT_EQ(WideToString(sum.check_cpu_hours), WideToString(total.check_cpu_hours));
}

TEST(UsageChargeback, DomainRowsAddUpExactlyToTheRoundedTotals) {
  auto chargeback =
      BuildChargeback(AwkwardLedger(), TwoDomainOrg(), AwkwardPrices(), ChargeView::kDomain);
  ASSERT_TRUE(chargeback.ok()) << chargeback.status();
  ASSERT_EQ(chargeback->rows.size(), 3u);
  ExpectRowsAddUp(*chargeback);
  // Storage: (333333333333/7 + 1000000001) bytes for a month = 48.619047620 GB-months
  // at 0.023333 = 1.13443... -> 113 cents.
  EXPECT_EQ(FormatScaled(chargeback->total.storage_charge, 2), "1.13");
  // Reads: 77.777777778 GB at 0.090001 = 7.0001 -> 700 cents.
  EXPECT_EQ(FormatScaled(chargeback->total.read_charge, 2), "7.00");
  // Checks: 4834567893 µs = 1.342935526 h at 1.000007 = 1.3429449 -> 134 cents.
  EXPECT_EQ(FormatScaled(chargeback->total.check_charge, 2), "1.34");
  EXPECT_EQ(chargeback->rows[0].name, "alpha");
}

TEST(UsageChargeback, TeamViewSharesDomainsAmongOwnersAndKeepsTheSameTotal) {
  auto by_domain =
      BuildChargeback(AwkwardLedger(), TwoDomainOrg(), AwkwardPrices(), ChargeView::kDomain);
  auto by_team =
      BuildChargeback(AwkwardLedger(), TwoDomainOrg(), AwkwardPrices(), ChargeView::kTeam);
  ASSERT_TRUE(by_team.ok()) << by_team.status();
  ExpectRowsAddUp(*by_team);
  EXPECT_EQ(WideToString(by_team->total.TotalCharge()),
            WideToString(by_domain->total.TotalCharge()));
  std::vector<std::string> names;
  for (const ChargeRow& row : by_team->rows) names.push_back(row.name);
  // Every team of mesh.yaml, the unowned domain's and the teamless reader's row.
  EXPECT_EQ(names,
            (std::vector<std::string>{"(no team)", "analytics", "team-a", "team-b", "team-c"}));
  const ChargeRow& analytics = by_team->rows[1];
  EXPECT_EQ(analytics.storage_charge, 0);
  EXPECT_EQ(analytics.reads, 2);
  EXPECT_GT(analytics.read_charge, 0);
  // team-b owns a third of alpha and all of beta.
  EXPECT_GT(by_team->rows[3].storage_byte_micros, by_team->rows[2].storage_byte_micros);
}

TEST(UsageChargeback, ManySmallRowsStillAddUp) {
  UsageLedger ledger;
  Organisation organisation;
  for (int i = 0; i < 37; ++i) {
    std::string id = "d" + std::to_string(100 + i);
    organisation.teams.push_back({.id = "t" + id, .members = {"p"}});
    organisation.domains.push_back({.id = id, .owners = {"t" + id}});
    ledger.domains.push_back({.domain = id,
                              .storage_byte_micros = Wide{1'000'003} * (i + 1),
                              .check_micros = 997 * (i % 5),
                              .reads = i,
                              .read_bytes = 13 * i});
    // The per-product reads the domain totals come from (the team view charges by these).
    ledger.reads.push_back(
        {.product = "p" + id, .domain = id, .team = "t" + id, .reads = i, .bytes = 13 * i});
  }
  Prices prices = AwkwardPrices();
  prices.decimals = 6;
  prices.storage_per_gb_month = 999'999'999;
  for (ChargeView view : {ChargeView::kDomain, ChargeView::kTeam}) {
    auto chargeback = BuildChargeback(ledger, organisation, prices, view);
    ASSERT_TRUE(chargeback.ok());
    ExpectRowsAddUp(*chargeback);
  }
}

// Three domains holding a third of a GB-month and a third of a millionth of a byte-day and of a
// CPU-hour more each: rounded one by one, the rows would add up to one millionth less than the
// rounded total in every column.
UsageLedger ThirdsLedger() {
  UsageLedger ledger;
  const Wide month = Wide{30} * kMicrosPerDay;
  for (const char* domain : {"alpha", "beta", "gamma"}) {
    ledger.domains.push_back({.domain = domain,
                              .storage_byte_micros = Wide{1'000'000'000} * month / 3 + 28'800,
                              .check_micros = 1'200});
  }
  return ledger;
}

TEST(UsageChargeback, PrintedQuantitiesAreAllocatedSoThatTheyAddUp) {
  auto chargeback =
      BuildChargeback(ThirdsLedger(), TwoDomainOrg(), std::nullopt, ChargeView::kDomain);
  ASSERT_TRUE(chargeback.ok()) << chargeback.status();
  ExpectRowsAddUp(*chargeback);
  const ChargeRow& total = chargeback->total;
  EXPECT_EQ(FormatScaled(total.storage_gb_months, kQuantityDigits), "1.000000");
  EXPECT_EQ(FormatScaled(total.storage_byte_days, kQuantityDigits), "30000000000.000001");
  EXPECT_EQ(FormatScaled(total.check_cpu_hours, kQuantityDigits), "0.000001");
  // Each row on its own rounds to 0.333333 GB-months: the largest remainder goes to the first.
  EXPECT_EQ(FormatGbMonths(chargeback->rows[1].storage_byte_micros), "0.333333");
  std::vector<std::string> gb_months, byte_days, cpu_hours;
  for (const ChargeRow& row : chargeback->rows) {
    gb_months.push_back(FormatScaled(row.storage_gb_months, kQuantityDigits));
    byte_days.push_back(FormatScaled(row.storage_byte_days, kQuantityDigits));
    cpu_hours.push_back(FormatScaled(row.check_cpu_hours, kQuantityDigits));
  }
  EXPECT_EQ(gb_months, (std::vector<std::string>{"0.333334", "0.333333", "0.333333"}));
  EXPECT_EQ(byte_days, (std::vector<std::string>{"10000000000.000001", "10000000000.000000",
                                                 "10000000000.000000"}));
  EXPECT_EQ(cpu_hours, (std::vector<std::string>{"0.000001", "0.000000", "0.000000"}));
}

TEST(UsageChargeback, TeamViewSharesThePrintedQuantitiesOfEachDomain) {
  auto chargeback =
      BuildChargeback(ThirdsLedger(), TwoDomainOrg(), std::nullopt, ChargeView::kTeam);
  ASSERT_TRUE(chargeback.ok()) << chargeback.status();
  ExpectRowsAddUp(*chargeback);
  std::map<std::string, std::string> gb_months;
  for (const ChargeRow& row : chargeback->rows) {
    gb_months[row.name] = FormatScaled(row.storage_gb_months, kQuantityDigits);
  }
  // alpha's 0.333334 in thirds to team-a, team-b, team-c (the first takes the leftover unit);
  // beta's 0.333333 to team-b; gamma's, without owners, to (no team).
  EXPECT_EQ(gb_months["team-a"], "0.111112");
  EXPECT_EQ(gb_months["team-b"], "0.444444");
  EXPECT_EQ(gb_months["team-c"], "0.111111");
  EXPECT_EQ(gb_months["(no team)"], "0.333333");
  EXPECT_EQ(gb_months["analytics"], "0.000000");
}

TEST(UsageChargeback, WithoutPricesThereAreNoCharges) {
  auto chargeback =
      BuildChargeback(AwkwardLedger(), TwoDomainOrg(), std::nullopt, ChargeView::kDomain);
  ASSERT_TRUE(chargeback.ok());
  EXPECT_FALSE(chargeback->prices.has_value());
  EXPECT_EQ(chargeback->total.TotalCharge(), 0);
  EXPECT_EQ(chargeback->total.reads, 4);
}

TEST(UsageChargeback, FormatsGbMonthsAndCpuHours) {
  EXPECT_EQ(FormatGbMonths(Wide{1'000'000'000} * 30 * kMicrosPerDay), "1.000000");
  EXPECT_EQ(FormatGbMonths(Wide{500'000'000} * 3 * kMicrosPerDay), "0.050000");
  EXPECT_EQ(FormatCpuHours(kMicrosPerHour / 4), "0.250000");
}

}  // namespace
}  // namespace mesh::usage
