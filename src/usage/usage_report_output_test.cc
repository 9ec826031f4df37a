#include "usage/usage_report_output.h"

#include <gtest/gtest.h>

#include <sstream>

// Designated initializers name only the fields a test is about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mesh::usage {
namespace {

// A decimal as printed ("10000000000.000001", "0.34") in units of its last digit.
int64_t Units(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c != '.') digits += c;
  }
  return std::stoll(digits);
}

Organisation ThreeDomains() {
  Organisation organisation;
  organisation.teams = {{.id = "team-a", .members = {"alice"}},
                        {.id = "team-b", .members = {"bob"}}};
  organisation.domains = {{.id = "alpha", .owners = {"team-a", "team-b"}},
                          {.id = "beta", .owners = {"team-b"}},
                          {.id = "gamma", .owners = {"team-a", "team-b"}}};
  return organisation;
}

// Every domain holds a third of a GB-month (plus a third of a millionth of a byte-day) and a
// third of a millionth of a CPU-hour, so that every printed quantity rounds in each row.
UsageLedger ThirdsLedger() {
  UsageLedger ledger;
  ledger.window = {.from_day = 20'400, .to_day = 20'429};
  ledger.measured_until = ledger.window.End();
  const Wide month = Wide{30} * kMicrosPerDay;
  for (const char* domain : {"alpha", "beta", "gamma"}) {
    ledger.domains.push_back({.domain = domain,
                              .storage_byte_micros = Wide{1'000'000'000} * month / 3 + 28'800,
                              .check_micros = 1'200,
                              .reads = 1,
                              .read_bytes = 1'000});
    ledger.reads.push_back({.product = std::string(domain) + "_product",
                            .domain = domain,
                            .team = "team-a",
                            .reads = 1,
                            .bytes = 1'000});
  }
  return ledger;
}

Prices ThirdsPrices() {
  Prices prices;
  prices.file = "governance/prices.yaml";
  prices.decimals = 2;
  prices.storage_per_gb_month = 1'000'000;  // 1.00
  prices.read_per_gb = 10'000'000;          // 10.00
  prices.check_per_cpu_hour = 1'000'000;    // 1.00
  return prices;
}

Chargeback Build(ChargeView view) {
  auto chargeback = BuildChargeback(ThirdsLedger(), ThreeDomains(), ThirdsPrices(), view);
  EXPECT_TRUE(chargeback.ok()) << chargeback.status();
  return chargeback.ok() ? *chargeback : Chargeback{};
}

TEST(UsageReportOutput, EveryJsonColumnAddsUpToItsTotal) {
  for (ChargeView view : {ChargeView::kDomain, ChargeView::kTeam}) {
    nlohmann::ordered_json json = UsageReportToJson(Build(view), ThirdsLedger());
    ASSERT_GE(json["rows"].size(), 2u);
    for (const char* column :
         {"storage_gb_months", "storage_byte_days", "check_cpu_hours", "check_seconds"}) {
      int64_t sum = 0;
      for (const auto& row : json["rows"]) sum += Units(row[column].get<std::string>());
      EXPECT_EQ(sum, Units(json["total"][column].get<std::string>()))
          << column << " by " << ChargeViewName(view) << ": " << json.dump();
    }
    for (const char* column : {"storage", "reads", "checks", "total"}) {
      int64_t sum = 0;
      for (const auto& row : json["rows"]) sum += Units(row["charge"][column].get<std::string>());
      EXPECT_EQ(sum, Units(json["total"]["charge"][column].get<std::string>())) << column;
    }
  }
  nlohmann::ordered_json json = UsageReportToJson(Build(ChargeView::kDomain), ThirdsLedger());
  EXPECT_EQ(json["total"]["storage_gb_months"], "1.000000");
  EXPECT_EQ(json["rows"][0]["storage_gb_months"], "0.333334");
  EXPECT_EQ(json["total"]["storage_byte_days"], "30000000000.000001");
  EXPECT_EQ(json["total"]["check_cpu_hours"], "0.000001");
}

// The CSV's and the table's numeric columns (all but the first) add up to the total line.
void ExpectLinesAddUp(const std::vector<std::vector<std::string>>& lines, const std::string& what) {
  ASSERT_GE(lines.size(), 2u) << what;
  const std::vector<std::string>& total = lines.back();
  EXPECT_EQ(total[0], "total") << what;
  for (size_t column = 1; column < total.size(); ++column) {
    int64_t sum = 0;
    for (size_t line = 0; line + 1 < lines.size(); ++line) sum += Units(lines[line][column]);
    EXPECT_EQ(sum, Units(total[column])) << what << " column " << column;
  }
}

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  std::string field;
  if (separator == ' ') {
    while (in >> field) fields.push_back(field);
  } else {
    while (std::getline(in, field, separator)) fields.push_back(field);
  }
  return fields;
}

TEST(UsageReportOutput, EveryCsvAndTableColumnAddsUpToItsTotal) {
  for (ChargeView view : {ChargeView::kDomain, ChargeView::kTeam}) {
    const Chargeback chargeback = Build(view);
    std::vector<std::vector<std::string>> csv;
    std::istringstream csv_text(UsageReportToCsv(chargeback));
    std::string line;
    std::getline(csv_text, line);  // the header
    while (std::getline(csv_text, line)) csv.push_back(Split(line, ','));
    ExpectLinesAddUp(csv, "csv by " + std::string(ChargeViewName(view)));

    std::vector<std::vector<std::string>> table;
    std::istringstream table_text(RenderUsageReport(chargeback, ThirdsLedger()));
    for (int header = 0; header < 3; ++header) std::getline(table_text, line);
    while (std::getline(table_text, line)) table.push_back(Split(line, ' '));
    ExpectLinesAddUp(table, "table by " + std::string(ChargeViewName(view)));
  }
}

}  // namespace
}  // namespace mesh::usage
