// How `mesh demo` shows its report: a summary for people (the organisation by domain, the
// checks' findings, the files written, any shortfall) or one JSON document for scripts
// (docs/cli.md "mesh demo"). Pure functions; thread-safe given distinct streams.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "demo/demo_runner.h"

namespace mesh::demo {

void PrintDemoSummary(std::ostream& out, const DemoReport& report);
nlohmann::json DemoReportToJson(const DemoReport& report);

}  // namespace mesh::demo
