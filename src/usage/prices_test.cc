#include "usage/prices.h"

#include <gtest/gtest.h>

#include "base/memory_filesystem.h"

namespace mesh::usage {
namespace {

std::optional<Prices> Parse(const std::string& text, std::vector<Finding>* findings) {
  FindingSink sink("governance/prices.yaml");
  std::optional<Prices> prices = ParsePrices(text, &sink);
  *findings = sink.Take();
  return prices;
}

TEST(UsagePrices, ReadsEveryKeyExactly) {
  std::vector<Finding> findings;
  auto prices = Parse(
      "currency: CHF\ndecimals: 3\nstorage_per_gb_month: 0.023\nread_per_gb: \"0.09\"\n"
      "check_per_cpu_hour: 12\n",
      &findings);
  ASSERT_TRUE(prices.has_value()) << (findings.empty() ? "" : findings[0].ToString());
  EXPECT_EQ(prices->currency, "CHF");
  EXPECT_EQ(prices->decimals, 3);
  EXPECT_EQ(prices->storage_per_gb_month, 23000);
  EXPECT_EQ(prices->read_per_gb, 90000);
  EXPECT_EQ(prices->check_per_cpu_hour, 12000000);
  EXPECT_EQ(prices->file, "governance/prices.yaml");
}

TEST(UsagePrices, DefaultsCurrencyAndDecimals) {
  std::vector<Finding> findings;
  auto prices =
      Parse("storage_per_gb_month: 0\nread_per_gb: 0\ncheck_per_cpu_hour: 0\n", &findings);
  ASSERT_TRUE(prices.has_value());
  EXPECT_EQ(prices->currency, "EUR");
  EXPECT_EQ(prices->decimals, 2);
}

TEST(UsagePrices, ErrorsNameTheLineColumnAndWhatToWrite) {
  std::vector<Finding> findings;
  auto prices = Parse(
      "currency: EUR\n"
      "decimals: 9\n"
      "storage_per_gb_moth: 0.02\n"
      "read_per_gb: -0.5\n"
      "check_per_cpu_hour: 0.0000001\n",
      &findings);
  EXPECT_FALSE(prices.has_value());
  ASSERT_EQ(findings.size(), 5u);
  SortFindings(&findings);
  EXPECT_EQ(findings[0].ToString().substr(0, 26), "governance/prices.yaml:1:1");
  EXPECT_EQ(findings[0].rule, "prices.missing_key");
  EXPECT_NE(findings[0].message.find("storage_per_gb_month"), std::string::npos);
  EXPECT_EQ(findings[1].rule, "prices.value");
  EXPECT_EQ(findings[1].line, 2);
  EXPECT_EQ(findings[1].column, 11);
  EXPECT_NE(findings[1].message.find("0 to 6"), std::string::npos);
  EXPECT_EQ(findings[2].rule, "prices.unknown_key");
  EXPECT_EQ(findings[2].line, 3);
  EXPECT_EQ(findings[2].column, 1);
  EXPECT_NE(findings[2].message.find("storage_per_gb_month"), std::string::npos);
  EXPECT_EQ(findings[3].rule, "prices.value");
  EXPECT_EQ(findings[3].line, 4);
  EXPECT_EQ(findings[3].column, 14);
  EXPECT_NE(findings[3].message.find("non-negative decimal"), std::string::npos);
  EXPECT_EQ(findings[4].line, 5);
}

TEST(UsagePrices, SyntaxAndShapeErrors) {
  std::vector<Finding> findings;
  EXPECT_FALSE(Parse("read_per_gb: [1\n", &findings).has_value());
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].rule, "prices.syntax");
  EXPECT_GT(findings[0].line, 0);
  EXPECT_FALSE(Parse("- 1\n- 2\n", &findings).has_value());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "prices.type");
}

TEST(UsagePrices, LoadNamesTheFileAndEveryProblem) {
  auto fs = std::make_shared<MemoryFileSystem>();
  ASSERT_TRUE(fs->CreateDirs("/w/governance").ok());
  ASSERT_TRUE(fs->WriteFileAtomically("/w/governance/prices.yaml",
                                      "read_per_gb: x\ncheck_per_cpu_hour: 1\n"
                                      "storage_per_gb_month: 1\n")
                  .ok());
  auto prices = LoadPrices(*fs, "/w/governance/prices.yaml", "governance/prices.yaml");
  ASSERT_EQ(prices.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(prices.status().message().find("governance/prices.yaml:1:14: error prices.value"),
            std::string::npos)
      << prices.status().message();
  EXPECT_TRUE(LoadPrices(*fs, "/w/nothing.yaml", "nothing.yaml").status().IsNotFound());
}

}  // namespace
}  // namespace mesh::usage
