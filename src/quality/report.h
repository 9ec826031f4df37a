// QualityReport: the outcome of running a descriptor's checks over one data set (data-product.md
// "Quality checks", "Service levels"): per check its verdict, failing rows, examples and time,
// plus the SLA measures of the data (completeness, newest event time, lag if published now).
// Check names and JSON field names are those of shared/bench/README.md ("Checks and their
// names"), so scripts can compare implementations. A plain value; thread-compatible.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/finding.h"

namespace mesh::quality {

// One failing row shown to the user. For unique checks `row` is the first row holding the
// duplicated value and `occurrences` how many rows hold it.
struct Example {
  int64_t row = 0;  // 1-based data row number
  std::string value;
  int64_t occurrences = 0;
  bool operator==(const Example&) const = default;
};

// How a check's result is shaped (which fields it carries).
enum class ResultShape {
  kRows,          // failing_rows vs max_failing × rows
  kCompleteness,  // value = complete rows / rows vs min
  kRowCount,      // value = rows vs [min, max]
  kFreshness,     // newest event time, age_hours vs max_age_hours
  kLag,           // newest event time, lag_hours vs max_lag_hours
};

struct CheckResult {
  std::string name;    // "field.region.allowed_values", "quality[2].pattern", "type", ...
  std::string kind;    // "required", "unique", "range", "completeness", "type", "lag", ...
  std::string detail;  // what is checked, e.g. "value in [1, 12]"
  ResultShape shape = ResultShape::kRows;
  Severity severity = Severity::kError;
  bool passed = true;
  int64_t failing_rows = 0;         // kRows, kCompleteness
  double fraction = 0;              // failing_rows / rows (0 for no rows)
  double max_failing = 0;           // kRows
  std::optional<double> value;      // kRowCount: rows; kCompleteness: complete fraction
  std::optional<double> min;        // kRowCount, kCompleteness
  std::optional<double> max;        // kRowCount
  std::optional<Timestamp> newest;  // kFreshness, kLag
  std::optional<double> age_hours;  // kFreshness, kLag (rounded to 1e-6)
  double max_age_hours = 0;         // kFreshness, kLag
  std::vector<Example> examples;    // at most 5, smallest row numbers first
  int64_t memory_bytes = 0;         // unique checks: peak bytes of the key tables
  double seconds = 0;               // time spent in the check's kernel (summed over threads)
};

// The SLA measures of data-product.md "Service levels", whether or not the descriptor sets
// targets for them.
struct SlaMeasures {
  double completeness = 0;  // rows with every required field (all fields if none) / rows
  int64_t complete_rows = 0;
  std::optional<Timestamp> newest_event_time;  // absent without event_time or values
  std::optional<double> lag_hours;             // now − newest_event_time
};

struct QualityReport {
  int64_t rows = 0;
  Timestamp now;
  int threads = 1;
  double seconds = 0;  // wall time of the pass
  std::vector<CheckResult> checks;
  SlaMeasures sla;

  const CheckResult* Find(std::string_view name) const;
  // True when a check of severity error failed (the data may not be published).
  bool HasFailedErrors() const;
};

std::string_view SeverityText(Severity severity);  // "error" | "warn"

// Rounds hours the way the report prints them (6 decimals, halves away from zero).
double RoundHours(double hours);

// The report as JSON: {"rows", "now", "threads", "seconds", "verdict", "checks": {name: {...}},
// "sla": {...}}. Row-level checks carry severity, failing_rows, max_failing, passed; the others
// the fields their shape names; every check also kind, fraction, examples and seconds.
nlohmann::ordered_json ReportToJson(const QualityReport& report);

// The report as a text table for a terminal: one line per check (status, name, failures,
// bound), the examples of failing checks under it, then the SLA measures and the verdict.
std::string RenderReportTable(const QualityReport& report);

}  // namespace mesh::quality
