#include "model/finding_json.h"

namespace mesh {

nlohmann::ordered_json FindingJson(const Finding& finding) {
  return nlohmann::ordered_json{
      {"rule", finding.rule},     {"severity", std::string(SeverityName(finding.severity))},
      {"file", finding.file},     {"line", finding.line},
      {"column", finding.column}, {"message", finding.message}};
}

}  // namespace mesh
