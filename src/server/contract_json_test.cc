#include "server/contract_json.h"

#include <gtest/gtest.h>

#include "model/descriptor_parser.h"

namespace mesh::server {
namespace {

constexpr std::string_view kDescriptor = R"yaml(name: payroll_ledger
domain: finance
owner: team-finance
description: Every pay run payment
schema_version: v2.0
output_format: parquet
documentation_url: https://wiki.example/payroll
sla:
  availability: "16:00 weekdays"
  timezone: America/New_York
  max_lag_hours: 36
lineage: [soldier_roster, "source:treasury/pay-runs"]
consumer_teams: [analytics]
classification: confidential
tags: [payroll, pii]
support:
  channel: "#finance-data"
event_time: paid_on
schema:
  primary_key: [payment_id]
  fields:
    - name: payment_id
      type: string
      required: true
      pattern: '^PAY-[0-9]{8}$'
    - name: gross_pay
      type: decimal(12,2)
      min: 0
      max: 100000
    - name: currency
      type: string
      allowed_values: [crown, mark]
    - name: bank_account
      type: string
      classification: restricted
      tags: [pii]
    - name: paid_on
      type: date
quality:
  - check: row_count
    min: 50
  - check: freshness
    max_age_hours: 36
)yaml";

Descriptor Parse() {
  FindingSink sink("payroll_ledger.yaml");
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(kDescriptor, "payroll_ledger.yaml", &sink);
  EXPECT_TRUE(descriptor.has_value());
  EXPECT_FALSE(sink.HasErrors());
  return descriptor.value_or(Descriptor{});
}

TEST(ContractJsonTest, EveryFieldHasItsTypeConstraintsAndEffectiveClassification) {
  nlohmann::ordered_json json = ContractJson(Parse(), ContractAccess{true, "", {}}, "");
  EXPECT_EQ(json["schema_version"], "2.0.0");
  EXPECT_EQ(json["classification"], "confidential");
  EXPECT_EQ(json["support"]["channel"], "#finance-data");
  EXPECT_EQ(json["sla"]["availability"], "16:00 weekdays");
  EXPECT_EQ(json["sla"]["max_lag_hours"], 36.0);
  EXPECT_TRUE(json["sla"]["min_completeness"].is_null());
  ASSERT_EQ(json["fields"].size(), 5u);
  EXPECT_EQ(json["event_time"], "paid_on");
  const auto& id = json["fields"][0];
  EXPECT_EQ(id["type"], "string");
  EXPECT_TRUE(id["primary_key"]);
  EXPECT_TRUE(id["required"]);
  EXPECT_EQ(id["pattern"], "^PAY-[0-9]{8}$");
  EXPECT_EQ(id["classification"], "confidential");  // the product's level
  const auto& gross = json["fields"][1];
  EXPECT_EQ(gross["type"], "decimal(12,2)");
  EXPECT_EQ(gross["min"], 0.0);
  EXPECT_EQ(gross["max"], 100000.0);
  EXPECT_EQ(json["fields"][2]["allowed_values"], nlohmann::ordered_json({"crown", "mark"}));
  EXPECT_EQ(json["fields"][3]["classification"], "restricted");
  EXPECT_EQ(json["fields"][3]["tags"], nlohmann::ordered_json({"pii"}));
  EXPECT_FALSE(json["fields"][3]["withheld"]);
  EXPECT_EQ(json["quality"][0]["check"], "row_count");
  EXPECT_EQ(json["quality"][1]["max_age_hours"], 36.0);
  EXPECT_TRUE(json["quality_report"].is_null());
}

TEST(ContractJsonTest, WithheldFieldsAreMarkedWithTheirReason) {
  ContractAccess access{true, "", {{"bank_account", "tagged pii; the grant does not cover pii"}}};
  nlohmann::ordered_json json =
      ContractJson(Parse(), access, R"({"rows": 3, "verdict": "passed"})");
  EXPECT_TRUE(json["can_read_data"]);
  EXPECT_TRUE(json["fields"][3]["withheld"]);
  EXPECT_EQ(json["fields"][3]["withheld_reason"], "tagged pii; the grant does not cover pii");
  EXPECT_FALSE(json["fields"][0]["withheld"]);
  EXPECT_EQ(json["quality_report"]["rows"], 3);
}

TEST(ContractJsonTest, AReaderWithoutAccessIsToldWhy) {
  nlohmann::ordered_json json =
      ContractJson(Parse(), ContractAccess{false, "needs a grant of confidential", {}}, "{broken");
  EXPECT_FALSE(json["can_read_data"]);
  EXPECT_EQ(json["read_denied_reason"], "needs a grant of confidential");
  EXPECT_TRUE(json["quality_report"].is_null());  // an unreadable stored report is left out
}

}  // namespace
}  // namespace mesh::server
