// Printing findings for every verb that reports them (validate, lint, ...): one line per
// finding ("file:line:col: severity rule: message") and a summary line, or one JSON document
// ({"findings": [...], "errors": N, "warnings": N, "files": N}). Also the exit code the findings
// call for. Stateless functions; thread-safe given distinct streams.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/finding_json.h"

namespace mesh::cli {

struct FindingCounts {
  size_t errors = 0;
  size_t warnings = 0;
};

FindingCounts CountFindings(const std::vector<Finding>& findings);

// "2 errors, 1 warning in 5 files".
std::string SummaryLine(const FindingCounts& counts, size_t files_checked);

// {"findings": [...], "errors": N, "warnings": N, "files": N}.
nlohmann::ordered_json FindingsToJson(const std::vector<Finding>& findings, size_t files_checked);

// One line per finding then the summary line. `color` marks severities for a terminal.
void PrintFindings(std::ostream& out, const std::vector<Finding>& findings, size_t files_checked,
                   bool color);

// The JSON document, pretty-printed, with a final newline.
void PrintFindingsJson(std::ostream& out, const std::vector<Finding>& findings,
                       size_t files_checked);

// 1 (kExitFindings) when any finding is an error, else 0: warnings do not fail.
int ExitCodeForFindings(const std::vector<Finding>& findings);

}  // namespace mesh::cli
