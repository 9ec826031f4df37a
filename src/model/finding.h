// Finding: one problem found in a workspace file (a descriptor, mesh.yaml, a policy), with a
// stable rule id that users and scripts rely on, a severity, the exact place, and a message that
// says what to change. Rule ids are listed in docs/rules.md; never rename one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace mesh {

enum class Severity { kError, kWarn };

std::string_view SeverityName(Severity severity);  // "error" | "warn"

struct Finding {
  std::string rule;  // e.g. "descriptor.unknown_key"
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;    // 1-based; 0 when the finding is about the whole file
  int column = 0;  // 1-based
  std::string message;

  // "file:line:col: severity rule: message"
  std::string ToString() const;
};

// Collects findings for one file; the helpers fill in file and position.
class FindingSink {
 public:
  explicit FindingSink(std::string file) : file_(std::move(file)) {}

  void Add(std::string rule, Severity severity, yaml::Mark mark, std::string message);
  void Error(std::string rule, yaml::Mark mark, std::string message) {
    Add(std::move(rule), Severity::kError, mark, std::move(message));
  }
  void Warn(std::string rule, yaml::Mark mark, std::string message) {
    Add(std::move(rule), Severity::kWarn, mark, std::move(message));
  }

  const std::string& file() const { return file_; }
  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding> Take() { return std::move(findings_); }
  bool HasErrors() const;

 private:
  std::string file_;
  std::vector<Finding> findings_;
};

// Sorts by file, line, column, rule (the order every report prints in).
void SortFindings(std::vector<Finding>* findings);

}  // namespace mesh
