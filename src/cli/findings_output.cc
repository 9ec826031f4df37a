#include "cli/findings_output.h"

#include "cli/verb.h"

namespace mesh::cli {
namespace {

std::string Plural(size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string Colored(const Finding& finding) {
  const char* code = finding.severity == Severity::kError ? "\033[31m" : "\033[33m";
  std::string line = finding.ToString();
  std::string severity(SeverityName(finding.severity));
  size_t at = line.find(": " + severity + " ");
  if (at == std::string::npos) return line;
  return line.substr(0, at + 2) + code + severity + "\033[0m" +
         line.substr(at + 2 + severity.size());
}

}  // namespace

FindingCounts CountFindings(const std::vector<Finding>& findings) {
  FindingCounts counts;
  for (const Finding& f : findings) {
    (f.severity == Severity::kError ? counts.errors : counts.warnings)++;
  }
  return counts;
}

std::string SummaryLine(const FindingCounts& counts, size_t files_checked) {
  return Plural(counts.errors, "error") + ", " + Plural(counts.warnings, "warning") + " in " +
         Plural(files_checked, "file");
}

nlohmann::ordered_json FindingsToJson(const std::vector<Finding>& findings, size_t files_checked) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings) list.push_back(FindingJson(f));
  FindingCounts counts = CountFindings(findings);
  return nlohmann::ordered_json{{"findings", std::move(list)},
                                {"errors", counts.errors},
                                {"warnings", counts.warnings},
                                {"files", files_checked}};
}

void PrintFindings(std::ostream& out, const std::vector<Finding>& findings, size_t files_checked,
                   bool color) {
  for (const Finding& f : findings) out << (color ? Colored(f) : f.ToString()) << "\n";
  out << SummaryLine(CountFindings(findings), files_checked) << "\n";
}

void PrintFindingsJson(std::ostream& out, const std::vector<Finding>& findings,
                       size_t files_checked) {
  // Invalid UTF-8 in a message (it quotes user input) is replaced rather than thrown.
  out << FindingsToJson(findings, files_checked)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
      << "\n";
}

int ExitCodeForFindings(const std::vector<Finding>& findings) {
  return CountFindings(findings).errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace mesh::cli
