#include "model/descriptor_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/descriptor_fixtures_test.h"

namespace mesh {
namespace {

using testing::kSpecExample;  // the complete example of data-product.md

// A minimal valid descriptor; tests append or replace lines.
constexpr const char* kMinimal = R"(name: orders
domain: sales
owner: team-sales
schema_version: 1.0.0
output_format: csv
schema:
  fields:
    - name: id
      type: int64
    - name: day
      type: date
)";

struct Parsed {
  std::optional<Descriptor> descriptor;
  std::vector<Finding> findings;
};

Parsed Parse(const std::string& text) {
  FindingSink sink("p.yaml");
  Parsed out;
  out.descriptor = ParseDescriptorText(text, "p.yaml", &sink);
  out.findings = sink.Take();
  return out;
}

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += f.ToString() + "\n";
  return out;
}

// Expects exactly one finding, with this rule and place, whose message contains `text`.
void ExpectOnly(const std::string& yaml, const std::string& rule, int line, int column,
                const std::string& text = "") {
  Parsed parsed = Parse(yaml);
  ASSERT_EQ(parsed.findings.size(), 1u) << Dump(parsed.findings);
  const Finding& f = parsed.findings[0];
  EXPECT_EQ(f.rule, rule) << f.ToString();
  EXPECT_EQ(f.line, line) << f.ToString();
  EXPECT_EQ(f.column, column) << f.ToString();
  EXPECT_NE(f.message.find(text), std::string::npos) << f.ToString();
}

TEST(DescriptorParser, SpecExampleParsesCleanly) {
  Parsed parsed = Parse(kSpecExample);
  ASSERT_TRUE(parsed.findings.empty()) << Dump(parsed.findings);
  const Descriptor& d = *parsed.descriptor;
  EXPECT_EQ(d.name, "mission_completion_rate");
  EXPECT_EQ(d.schema_version, (SchemaVersion{2, 1, 0}));
  EXPECT_EQ(d.schema_version_text, "v2.1");
  EXPECT_EQ(d.output_format, OutputFormat::kParquet);
  ASSERT_TRUE(d.sla);
  EXPECT_EQ(d.sla->availability->cadence, Availability::Cadence::kDaily);
  EXPECT_EQ(d.sla->availability->hour, 8);
  EXPECT_EQ(d.sla->max_lag_hours, 4);
  EXPECT_EQ(d.sla->min_completeness, 0.95);
  EXPECT_EQ(d.lineage.size(), 3u);
  EXPECT_EQ(d.support->email, "ops-data@example.org");
  ASSERT_EQ(d.schema.fields.size(), 5u);
  EXPECT_EQ(d.schema.primary_key.size(), 3u);
  EXPECT_EQ(d.schema.fields[1].allowed_values.size(), 4u);
  EXPECT_TRUE(d.schema.fields[4].HasTag("pii"));
  EXPECT_EQ(d.FieldClassification(d.schema.fields[4]), "restricted");
  EXPECT_EQ(d.FieldClassification(d.schema.fields[0]), "internal");
  ASSERT_EQ(d.quality.size(), 2u);
  EXPECT_EQ(d.quality[1].kind, CheckKind::kPattern);
  EXPECT_EQ(d.quality[1].severity, Severity::kWarn);
  EXPECT_DOUBLE_EQ(d.quality[1].max_failing, 0.01);
  EXPECT_EQ(d.MarkOf("sla.max_lag_hours").line, 11);
  EXPECT_EQ(d.MarkOf("sla.max_lag_hours").column, 3);
  EXPECT_EQ(d.ValueMarkOf("sla.max_lag_hours").column, 18);
  EXPECT_EQ(d.ValueMarkOf("lineage[2]").line, 13);
  EXPECT_EQ(d.schema.fields[0].value_marks.at("name").line, 24);
  EXPECT_EQ(d.schema.fields[0].value_marks.at("name").column, 13);
}

TEST(DescriptorParser, UnknownKeySuggestsNearest) {
  ExpectOnly(std::string(kMinimal) + "desciption: x\n", "descriptor.unknown_key", 12, 1,
             "did you mean 'description'?");
}

TEST(DescriptorParser, ExtensionKeysAreKept) {
  Parsed parsed = Parse(std::string(kMinimal) + "x-team-notes: {a: 1}\n");
  ASSERT_TRUE(parsed.findings.empty()) << Dump(parsed.findings);
  EXPECT_EQ(parsed.descriptor->extensions.count("x-team-notes"), 1u);
}

TEST(DescriptorParser, UpperCaseSlaIsASynonym) {
  Parsed parsed = Parse(std::string(kMinimal) + "SLA:\n  max_lag_hours: 3\n  x-note: y\n");
  ASSERT_TRUE(parsed.findings.empty()) << Dump(parsed.findings);
  EXPECT_EQ(parsed.descriptor->sla->max_lag_hours, 3);
  EXPECT_EQ(parsed.descriptor->MarkOf("sla").line, 12);
}

TEST(DescriptorParser, SlaAndUpperCaseSlaTogetherAreAnError) {
  ExpectOnly(std::string(kMinimal) + "sla: {max_lag_hours: 3}\nSLA: {max_lag_hours: 4}\n",
             "descriptor.duplicate_key", 13, 1, "synonym");
}

TEST(DescriptorParser, DuplicateKey) {
  ExpectOnly(std::string(kMinimal) + "name: again\n", "descriptor.duplicate_key", 12, 1,
             "first at line 1");
}

TEST(DescriptorParser, ReportsEveryMissingKey) {
  Parsed parsed = Parse("description: only this\n");
  ASSERT_EQ(parsed.findings.size(), 6u) << Dump(parsed.findings);
  for (const Finding& f : parsed.findings) {
    EXPECT_EQ(f.rule, "descriptor.missing_key");
    EXPECT_EQ(f.line, 1);
  }
}

TEST(DescriptorParser, NotAMappingIsSyntax) {
  ExpectOnly("- a\n- b\n", "descriptor.syntax", 1, 1, "mapping");
  ExpectOnly("", "descriptor.syntax", 1, 1);
}

TEST(DescriptorParser, BrokenYamlIsSyntaxWithPosition) {
  Parsed parsed = Parse("name: x\nschema: [a, b\n");
  ASSERT_EQ(parsed.findings.size(), 1u) << Dump(parsed.findings);
  EXPECT_EQ(parsed.findings[0].rule, "descriptor.syntax");
  EXPECT_GT(parsed.findings[0].line, 0);
}

std::string WithField(const std::string& extra) {
  return std::string(kMinimal) + "    - name: amount\n      type: double\n" + extra;
}

TEST(DescriptorParser, WrongYamlTypes) {
  ExpectOnly(WithField("      required: \"yes\"\n"), "descriptor.type", 14, 17, "true or false");
  ExpectOnly(std::string(kMinimal) + "tags: kpi\n", "descriptor.type", 12, 7, "a list");
  ExpectOnly(std::string(kMinimal) + "description: [a]\n", "descriptor.type", 12, 14);
  ExpectOnly(std::string(kMinimal) + "classification: true\n", "descriptor.type", 12, 17);
}

TEST(DescriptorParser, InvalidTopLevelValues) {
  std::string text = kMinimal;
  ExpectOnly(
      "name: orders\ndomain: sales\nowner: t\nschema_version: 1.x\noutput_format: csv\n"
      "schema: {fields: [{name: a, type: int32}]}\n",
      "descriptor.invalid_value", 4, 17, "MAJOR.MINOR");
  ExpectOnly(
      "name: orders\ndomain: sales\nowner: t\nschema_version: 1.0\noutput_format: parquett\n"
      "schema: {fields: [{name: a, type: int32}]}\n",
      "descriptor.invalid_value", 5, 16, "did you mean 'parquet'?");
  ExpectOnly(text + "documentation_url: ftp://x/y\n", "descriptor.invalid_value", 12, 20, "http");
  ExpectOnly(text + "lineage: [\"source:erp\"]\n", "descriptor.invalid_value", 12, 11,
             "source:<system>/<object>");
  ExpectOnly(text + "support: {email: nobody}\n", "descriptor.invalid_value", 12, 18);
  ExpectOnly(text + "support: {}\n", "descriptor.invalid_value", 12, 10, "at least one");
}

TEST(DescriptorParser, InvalidSlaValues) {
  std::string text = kMinimal;
  ExpectOnly(text + "sla:\n  availability: \"8am daily\"\n", "descriptor.invalid_value", 13, 17,
             "HH:MM daily");
  ExpectOnly(text + "sla:\n  timezone: Europe/Pariss\n", "descriptor.invalid_value", 13, 13,
             "IANA");
  ExpectOnly(text + "sla:\n  max_lag_hours: -1\n", "descriptor.invalid_value", 13, 18);
  ExpectOnly(text + "sla:\n  min_completeness: 1.5\n", "descriptor.invalid_value", 13, 21);
  ExpectOnly(text + "sla:\n  max_lag_hours: soon\n", "descriptor.type", 13, 18);
  Parsed ok = Parse(text +
                    "sla:\n  availability: 07:30 Weekly on FRIDAY\n  timezone: "
                    "America/New_York\n  max_lag_hours: 0\n");
  EXPECT_TRUE(ok.findings.empty()) << Dump(ok.findings);
}

TEST(DescriptorParser, EventTimeMustNameATemporalField) {
  ExpectOnly(std::string(kMinimal) + "event_time: id\n", "descriptor.invalid_value", 12, 13,
             "date or timestamp");
  ExpectOnly(std::string(kMinimal) + "event_time: dya\n", "descriptor.invalid_value", 12, 13,
             "did you mean 'day'?");
  EXPECT_TRUE(Parse(std::string(kMinimal) + "event_time: day\n").findings.empty());
}

TEST(DescriptorParser, FieldProblems) {
  ExpectOnly(WithField("    - name: amount\n      type: int32\n"), "descriptor.duplicate_field", 14,
             13, "first at line 12");
  ExpectOnly(WithField("    - name: note\n      type: integer\n"), "descriptor.invalid_value", 15,
             13, "did you mean 'int64'?");
  ExpectOnly(WithField("    - name: note\n      type: decimal(40,2)\n"), "descriptor.invalid_value",
             15, 13, "1..38");
  ExpectOnly(WithField("    - type: string\n"), "descriptor.missing_key", 14, 7, "'name'");
  ExpectOnly(WithField("    - name: note\n"), "descriptor.missing_key", 14, 7, "'type'");
  ExpectOnly(WithField("      colour: red\n"), "descriptor.unknown_key", 14, 7);
}

TEST(DescriptorParser, ConstraintsMustMatchTheFieldType) {
  ExpectOnly(WithField("      min: 5\n      max: 1\n"), "descriptor.invalid_value", 15, 12,
             "above max");
  ExpectOnly(WithField("      allowed_values: [1, two]\n"), "descriptor.invalid_value", 14, 27,
             "not a number");
  ExpectOnly(WithField("      pattern: '^a'\n"), "descriptor.invalid_value", 14, 16,
             "string fields");
  ExpectOnly(std::string(kMinimal) + "    - name: code\n      type: string\n      pattern: '(a'\n",
             "descriptor.invalid_value", 14, 16, "RE2");
  ExpectOnly(std::string(kMinimal) + "    - name: code\n      type: string\n      min: 1\n",
             "descriptor.invalid_value", 14, 12, "numbers, dates and timestamps");
  ExpectOnly(std::string(kMinimal) + "    - name: at\n      type: date\n      min: 2026-13-01\n",
             "descriptor.invalid_value", 14, 12, "YYYY-MM-DD");
  ExpectOnly(std::string(kMinimal) + "    - name: n\n      type: int32\n      max: 3000000000\n",
             "descriptor.invalid_value", 14, 12, "int32");
  Parsed ok = Parse(std::string(kMinimal) +
                    "    - name: at\n      type: timestamp\n      min: 2026-01-01T00:00:00Z\n"
                    "    - name: code\n      type: string\n      allowed_values: [01, b]\n");
  EXPECT_TRUE(ok.findings.empty()) << Dump(ok.findings);
  EXPECT_EQ(ok.descriptor->schema.fields[3].allowed_values[0].text, "01");
}

TEST(DescriptorParser, PrimaryKeyMustNameFields) {
  std::string text =
      "name: orders\ndomain: sales\nowner: t\nschema_version: 1.0\n"
      "output_format: csv\nschema:\n  primary_key: [id, idd]\n  fields:\n"
      "    - {name: id, type: int64}\n";
  ExpectOnly(text, "descriptor.primary_key", 7, 21, "did you mean 'id'?");
}

TEST(DescriptorParser, QualityCheckProblems) {
  std::string text = std::string(kMinimal) + "quality:\n";
  ExpectOnly(text + "  - check: not_null\n    columns: [idd]\n", "descriptor.check", 14, 15,
             "did you mean 'id'?");
  ExpectOnly(text + "  - check: not_nul\n    columns: [id]\n", "descriptor.check", 13, 12,
             "did you mean 'not_null'?");
  ExpectOnly(text + "  - check: range\n    column: id\n", "descriptor.check", 13, 5, "min, max");
  ExpectOnly(text + "  - columns: [id]\n", "descriptor.check", 13, 5, "no 'check'");
  ExpectOnly(text + "  - check: not_null\n    columns: [id]\n    column: id\n",
             "descriptor.unknown_key", 15, 5, "did you mean 'columns'?");
  ExpectOnly(text + "  - check: unique\n    columns: [id]\n    max_failing: 2\n",
             "descriptor.invalid_value", 15, 18, "0..1");
  ExpectOnly(text + "  - check: unique\n    columns: [id]\n    severity: fatal\n",
             "descriptor.invalid_value", 15, 15);
  ExpectOnly(text + "  - check: freshness\n    max_age_hours: 4\n", "descriptor.check", 13, 5,
             "event_time");
  ExpectOnly(text + "  - check: referential\n    column: id\n    references: customers\n",
             "descriptor.invalid_value", 15, 17, "<product>.<field>");
  ExpectOnly(text + "  - check: row_count\n    min: 10\n    max: 2\n", "descriptor.invalid_value",
             15, 10, "above max");
  Parsed ok = Parse(std::string(kMinimal) +
                    "event_time: day\nquality:\n"
                    "  - {check: freshness, max_age_hours: 30}\n"
                    "  - {check: completeness, columns: [id, day], min: 0.9}\n"
                    "  - {check: referential, column: id, references: customers.id}\n"
                    "  - {check: allowed_values, column: id, values: [1, 2]}\n"
                    "  - {check: range, column: day, min: 2020-01-01}\n");
  EXPECT_TRUE(ok.findings.empty()) << Dump(ok.findings);
  EXPECT_EQ(ok.descriptor->quality.size(), 5u);
}

TEST(DescriptorParser, ReportsEveryFindingInTheFile) {
  Parsed parsed = Parse(
      "name: x\ndomain: d\nowner: o\nschema_version: one\noutput_format: xml\n"
      "colour: blue\nschema:\n  fields:\n    - {name: a, type: int}\n"
      "    - {name: a, type: string}\n");
  EXPECT_EQ(parsed.findings.size(), 5u) << Dump(parsed.findings);
}

}  // namespace
}  // namespace mesh
