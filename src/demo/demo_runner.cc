#include "demo/demo_runner.h"

#include <algorithm>

namespace mesh::demo {
namespace {

class SilentProgress final : public DemoProgress {
 public:
  void Line(std::string_view) override {}
};

}  // namespace

size_t DemoReport::CountErrors() const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

size_t DemoReport::CountWarnings() const { return findings.size() - CountErrors(); }

Result<DemoReport> RunDemo(const DemoOptions& options, std::shared_ptr<FileSystem> fs,
                           DemoProgress* progress,
                           const std::vector<std::unique_ptr<DemoStep>>& steps) {
  SilentProgress silent;
  DemoContext context;
  context.options = options;
  context.fs = std::move(fs);
  context.progress = progress != nullptr ? progress : &silent;
  context.report.workspace = options.workspace_dir;
  context.report.now = options.now;
  context.report.seed = options.seed;
  context.report.rows_per_product = options.rows;
  for (const auto& step : steps) {
    RETURN_NOT_OK(step->Run(&context).WithContext(std::string(step->Name())));
    context.report.steps_run.emplace_back(step->Name());
    if (!context.report.stopped_because.empty()) break;
  }
  return std::move(context.report);
}

}  // namespace mesh::demo
