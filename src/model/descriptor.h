// Descriptor: a data product descriptor (format mesh/v1, data-product.md) parsed once into typed
// values. Every later module works on these, never on raw YAML. Each value keeps the YAML
// position of its key so that governance and publishing can point at the exact place.
// A plain value; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/field_type.h"
#include "model/finding.h"
#include "yaml/node.h"

namespace mesh {

// Positions of keys within one mapping, by key name ("name", "sla.max_lag_hours", ...).
// Each model struct has `marks` (where the key is written) and `value_marks` (where its value
// starts: point at the value for a bad value, at the key for a bad key). List items are recorded
// as "key[i]" in both.
using KeyMarks = std::map<std::string, yaml::Mark, std::less<>>;

// A constraint literal written in YAML: a string, a number or a boolean.
struct Literal {
  enum class Kind { kString, kNumber, kBool };
  Kind kind = Kind::kString;
  std::string text;     // the scalar as written
  double number = 0;    // kNumber (and kBool as 0/1)
  yaml::Mark mark;
};

// "MAJOR.MINOR[.PATCH]" with an optional leading "v"; "v2.1" == 2.1.0.
struct SchemaVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  static std::optional<SchemaVersion> Parse(std::string_view text);
  std::string ToString() const;  // "2.1.0"
  auto operator<=>(const SchemaVersion&) const = default;
};

struct Field {
  std::string name;
  FieldType type;
  std::string description;
  bool required = false;
  bool unique = false;
  std::vector<Literal> allowed_values;
  std::optional<Literal> min;
  std::optional<Literal> max;
  std::optional<std::string> pattern;
  std::optional<std::string> classification;  // absent: the product's level
  std::vector<std::string> tags;
  bool deprecated = false;
  yaml::Mark mark;  // the list item
  KeyMarks marks;   // "name", "type", "min", ...
  KeyMarks value_marks;

  bool HasTag(std::string_view tag) const;
};

struct Schema {
  std::vector<std::string> primary_key;
  std::vector<Field> fields;
  KeyMarks marks;  // "primary_key", "fields", "primary_key[0]", ...
  KeyMarks value_marks;

  const Field* FindField(std::string_view name) const;
  int FieldIndex(std::string_view name) const;  // -1 when absent
};

// The availability grammar of data-product.md ("Service levels").
struct Availability {
  enum class Cadence { kDaily, kWeekdays, kWeekly, kHourly };
  Cadence cadence = Cadence::kDaily;
  int hour = 0;     // kDaily, kWeekdays, kWeekly
  int minute = 0;   // all cadences (kHourly: the minute of each hour)
  int weekday = 0;  // kWeekly: 0 = Monday .. 6 = Sunday
  static std::optional<Availability> Parse(std::string_view text);
  std::string ToString() const;
};

struct Sla {
  std::optional<Availability> availability;
  std::string availability_text;
  std::string timezone = "UTC";  // IANA zone
  std::optional<double> max_lag_hours;
  std::optional<double> min_completeness;
  yaml::Mark mark;
  KeyMarks marks;  // "availability", "timezone", "max_lag_hours", "min_completeness"
  KeyMarks value_marks;
};

struct Support {
  std::optional<std::string> channel;
  std::optional<std::string> email;
  std::optional<std::string> issues_url;
};

enum class CheckKind { kRowCount, kNotNull, kUnique, kRange, kAllowedValues, kPattern,
                       kCompleteness, kFreshness, kReferential };

std::string_view CheckKindName(CheckKind kind);  // "row_count", "not_null", ...

// One entry of `quality` (data-product.md "Quality checks").
struct QualityCheck {
  CheckKind kind = CheckKind::kRowCount;
  Severity severity = Severity::kError;
  double max_failing = 0;             // fraction of rows, row-level checks
  std::vector<std::string> columns;   // not_null, unique, completeness
  std::string column;                 // range, allowed_values, pattern, referential
  std::optional<Literal> min;         // row_count (rows), range (value), completeness (fraction)
  std::optional<Literal> max;         // row_count, range
  std::vector<Literal> values;        // allowed_values
  std::string pattern;                // pattern
  std::optional<double> max_age_hours;  // freshness
  std::string references_product;     // referential: "<product>.<field>"
  std::string references_field;
  yaml::Mark mark;
  KeyMarks marks;
  KeyMarks value_marks;
};

enum class OutputFormat { kParquet, kCsv, kJsonl };
std::string_view OutputFormatName(OutputFormat format);
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct Descriptor {
  std::string file;  // where it was read from
  std::string name;
  std::string domain;
  std::string owner;
  std::optional<std::string> description;
  SchemaVersion schema_version;
  std::string schema_version_text;  // as written, e.g. "v2.1"
  OutputFormat output_format = OutputFormat::kParquet;
  std::string output_format_text;   // as written (governance checks allowed formats)
  std::optional<std::string> documentation_url;
  std::optional<Sla> sla;
  std::vector<std::string> lineage;  // product names or "source:<system>/<object>"
  std::vector<std::string> consumer_teams;
  std::optional<std::string> classification;
  std::vector<std::string> tags;
  std::optional<Support> support;
  std::optional<std::string> event_time;
  Schema schema;
  std::vector<QualityCheck> quality;
  std::map<std::string, yaml::NodePtr> extensions;  // "x-" keys, kept as written
  yaml::Mark mark;
  KeyMarks marks;  // top-level keys, "sla", "lineage[2]", "consumer_teams[0]", ...

  // Values of the same keys, and of every key below the top level, by full path:
  // "sla.max_lag_hours", "support.email", "schema.fields[2].type", "quality[0].column", ...
  // (marks holds the key positions of the same paths).
  KeyMarks value_marks;

  // The position of `key` (e.g. "sla.max_lag_hours"), or of the document when absent.
  yaml::Mark MarkOf(std::string_view key) const;
  // The position of the value of `key`; falls back to MarkOf(key).
  yaml::Mark ValueMarkOf(std::string_view key) const;
  // The level of a field (its own, else the product's; empty when neither is set).
  std::string FieldClassification(const Field& field) const;
};

}  // namespace mesh
