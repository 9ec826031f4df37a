#include "quality/report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "quality/values.h"

namespace mesh::quality {
namespace {

using Json = nlohmann::ordered_json;

// Integral values print as integers (max_failing 0, max_age_hours 24), others as doubles.
Json Number(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 9e15) {
    return Json(static_cast<int64_t>(value));
  }
  return Json(value);
}

Json ExamplesJson(const std::vector<Example>& examples) {
  Json list = Json::array();
  for (const Example& example : examples) {
    Json item;
    item["row"] = example.row;
    item["value"] = example.value;
    if (example.occurrences > 0) item["occurrences"] = example.occurrences;
    list.push_back(std::move(item));
  }
  return list;
}

Json NewestJson(const std::optional<Timestamp>& newest) {
  return newest ? Json(FormatTimestamp(*newest)) : Json(nullptr);
}

void ShapeFields(const CheckResult& check, Json* out) {
  Json& json = *out;
  switch (check.shape) {
    case ResultShape::kRows:
      json["failing_rows"] = check.failing_rows;
      json["fraction"] = check.fraction;
      json["max_failing"] = Number(check.max_failing);
      break;
    case ResultShape::kCompleteness:
      json["failing_rows"] = check.failing_rows;
      json["fraction"] = check.fraction;
      json["value"] = check.value.value_or(0);
      json["min"] = Number(check.min.value_or(1));
      break;
    case ResultShape::kRowCount:
      json["value"] = Number(check.value.value_or(0));
      if (check.min) json["min"] = Number(*check.min);
      if (check.max) json["max"] = Number(*check.max);
      break;
    case ResultShape::kFreshness:
      json["newest"] = NewestJson(check.newest);
      json["age_hours"] = check.age_hours ? Json(*check.age_hours) : Json(nullptr);
      json["max_age_hours"] = Number(check.max_age_hours);
      break;
    case ResultShape::kLag:
      json["newest"] = NewestJson(check.newest);
      json["lag_hours"] = check.age_hours ? Json(*check.age_hours) : Json(nullptr);
      json["max_lag_hours"] = Number(check.max_age_hours);
      break;
  }
}

Json CheckJson(const CheckResult& check) {
  Json json;
  json["severity"] = std::string(SeverityText(check.severity));
  ShapeFields(check, &json);
  json["passed"] = check.passed;
  json["kind"] = check.kind;
  json["detail"] = check.detail;
  json["examples"] = ExamplesJson(check.examples);
  if (check.kind == "unique") json["memory_bytes"] = check.memory_bytes;
  json["seconds"] = check.seconds;
  return json;
}

std::string Percent(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.4g%%", fraction * 100);
  return buffer;
}

std::string Hours(double hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f h", hours);
  return buffer;
}

std::string StatusWord(const CheckResult& check) {
  if (check.passed) return "pass";
  return check.severity == Severity::kError ? "FAIL" : "warn";
}

// "2000 rows (0.2%)" / "0.998 complete" / "1000000 rows" / "newest ..., 30.13 h old".
std::string Outcome(const CheckResult& check) {
  switch (check.shape) {
    case ResultShape::kRows:
      return std::to_string(check.failing_rows) + " rows (" + Percent(check.fraction) + ")";
    case ResultShape::kCompleteness:
      return FormatDouble(check.value.value_or(0)) + " complete (" +
             std::to_string(check.failing_rows) + " rows incomplete)";
    case ResultShape::kRowCount:
      return FormatDouble(check.value.value_or(0)) + " rows";
    case ResultShape::kFreshness:
    case ResultShape::kLag:
      if (!check.newest) return "no event time";
      return Hours(check.age_hours.value_or(0)) + " (newest " + FormatTimestamp(*check.newest) +
             ")";
  }
  return "";
}

std::string Bound(const CheckResult& check) {
  switch (check.shape) {
    case ResultShape::kRows:
      return "max " + Percent(check.max_failing);
    case ResultShape::kCompleteness:
      return "min " + FormatDouble(check.min.value_or(1));
    case ResultShape::kRowCount:
      return (check.min ? "min " + FormatDouble(*check.min) : std::string()) +
             (check.min && check.max ? ", " : "") +
             (check.max ? "max " + FormatDouble(*check.max) : std::string());
    case ResultShape::kFreshness:
    case ResultShape::kLag:
      return "max " + Hours(check.max_age_hours);
  }
  return "";
}

std::string Pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

}  // namespace

std::string_view SeverityText(Severity severity) {
  return severity == Severity::kError ? "error" : "warn";
}

double RoundHours(double hours) {
  const double scaled = hours * 1e6;
  return (scaled < 0 ? -std::floor(-scaled + 0.5) : std::floor(scaled + 0.5)) / 1e6;
}

const CheckResult* QualityReport::Find(std::string_view name) const {
  for (const CheckResult& check : checks) {
    if (check.name == name) return &check;
  }
  return nullptr;
}

bool QualityReport::HasFailedErrors() const {
  for (const CheckResult& check : checks) {
    if (!check.passed && check.severity == Severity::kError) return true;
  }
  return false;
}

Json ReportToJson(const QualityReport& report) {
  Json json;
  json["rows"] = report.rows;
  json["now"] = FormatTimestamp(report.now);
  json["threads"] = report.threads;
  json["seconds"] = report.seconds;
  json["verdict"] = report.HasFailedErrors() ? "failed" : "passed";
  Json checks = Json::object();
  for (const CheckResult& check : report.checks) checks[check.name] = CheckJson(check);
  json["checks"] = std::move(checks);
  Json sla;
  sla["completeness"] = report.sla.completeness;
  sla["complete_rows"] = report.sla.complete_rows;
  sla["newest_event_time"] = NewestJson(report.sla.newest_event_time);
  sla["lag_hours_if_published_now"] =
      report.sla.lag_hours ? Json(*report.sla.lag_hours) : Json(nullptr);
  json["sla"] = std::move(sla);
  return json;
}

std::string RenderReportTable(const QualityReport& report) {
  size_t name_width = 5;
  for (const CheckResult& check : report.checks)
    name_width = std::max(name_width, check.name.size());
  std::string text = Pad("", 2) + Pad("CHECK", name_width + 2) + Pad("RESULT", 44) + "BOUND\n";
  int failed_errors = 0;
  int failed_warnings = 0;
  for (const CheckResult& check : report.checks) {
    if (!check.passed) ++(check.severity == Severity::kError ? failed_errors : failed_warnings);
    text += Pad(StatusWord(check), 6) + Pad(check.name, name_width + 2) + Pad(Outcome(check), 42) +
            "  " + Bound(check) + "\n";
    if (check.passed) continue;
    for (const Example& example : check.examples) {
      text += Pad("", 8) + "row " + std::to_string(example.row) + ": " + example.value;
      if (example.occurrences > 0) text += " (" + std::to_string(example.occurrences) + " rows)";
      text += "\n";
    }
  }
  text += "\nrows: " + std::to_string(report.rows) + "; SLA measures: completeness " +
          FormatDouble(report.sla.completeness);
  if (report.sla.newest_event_time) {
    text += ", newest event time " + FormatTimestamp(*report.sla.newest_event_time) +
            ", lag if published now " + Hours(report.sla.lag_hours.value_or(0));
  }
  text += "\n";
  if (failed_errors > 0) {
    text += "verdict: FAILED: " + std::to_string(failed_errors) + " error check(s) failed";
  } else {
    text += "verdict: passed";
  }
  if (failed_warnings > 0) text += ", " + std::to_string(failed_warnings) + " warning(s)";
  return text + "\n";
}

}  // namespace mesh::quality
