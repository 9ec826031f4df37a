#include "usage/check_time.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace mesh::usage {

Result<int64_t> CheckMicrosOfReport(std::string_view report_json) {
  nlohmann::json report = nlohmann::json::parse(report_json, nullptr, false);
  if (report.is_discarded() || !report.is_object()) {
    return Status::Corruption("the quality report is not a JSON object");
  }
  auto checks = report.find("checks");
  if (checks == report.end()) return int64_t{0};
  if (!checks->is_object()) return Status::Corruption("the report's 'checks' is not an object");
  int64_t micros = 0;
  for (auto check = checks->begin(); check != checks->end(); ++check) {
    if (!check->is_object()) continue;
    auto seconds = check->find("seconds");
    if (seconds == check->end()) continue;
    if (!seconds->is_number() || !std::isfinite(seconds->get<double>()) ||
        seconds->get<double>() < 0 || seconds->get<double>() > 1e9) {
      return Status::Corruption("check '" + check.key() + "' has seconds " + seconds->dump() +
                                "; expected a non-negative number");
    }
    micros += std::llround(seconds->get<double>() * 1e6);
  }
  return micros;
}

}  // namespace mesh::usage
