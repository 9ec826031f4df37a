#include "model/finding.h"

#include <algorithm>
#include <tuple>

namespace mesh {

std::string_view SeverityName(Severity severity) {
  return severity == Severity::kError ? "error" : "warn";
}

std::string Finding::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  out += SeverityName(severity);
  out += " " + rule + ": " + message;
  return out;
}

void FindingSink::Add(std::string rule, Severity severity, yaml::Mark mark, std::string message) {
  Finding finding;
  finding.rule = std::move(rule);
  finding.severity = severity;
  finding.file = file_;
  finding.line = mark.line;
  finding.column = mark.column;
  finding.message = std::move(message);
  findings_.push_back(std::move(finding));
}

bool FindingSink::HasErrors() const {
  return std::any_of(findings_.begin(), findings_.end(),
                     [](const Finding& f) { return f.severity == Severity::kError; });
}

void SortFindings(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line, a.column, a.rule) < std::tie(b.file, b.line, b.column, b.rule);
  });
}

}  // namespace mesh
