// The history step of `mesh demo --history DAYS` (demo_steps.h): SimulateHistory on the demo's
// stores, ending the day before the demo's instant, so that the publish step's versions are the
// newest and the catalog has DAYS of publishes, reads, incidents and reports behind them.
#include "demo/demo_history.h"
#include "demo/demo_publish.h"
#include "demo/demo_steps.h"

namespace mesh::demo {
namespace {

DemoHistory Summary(const HistoryReport& report) {
  DemoHistory history;
  history.days = report.days;
  history.degrading_domain = report.degrading_domain;
  history.slipping_product = report.slipping_product;
  history.reported_product = report.reported_product;
  history.published = report.published;
  history.rejected = report.rejected;
  history.refused = report.refused;
  history.skipped = report.skipped;
  history.late_data = report.late_data;
  history.reads = report.reads;
  history.incidents_opened = report.incidents_opened;
  history.incidents_closed = report.incidents_closed;
  history.reports_opened = report.reports_opened;
  history.reports_resolved = report.reports_resolved;
  history.emptied_teams = report.emptied_teams;
  return history;
}

class HistoryStep final : public DemoStep {
 public:
  std::string_view Name() const override { return "history"; }

  Status Run(DemoContext* context) override {
    ASSIGN_OR_RAISE(DemoStores * stores, DemoStoresOf(context));
    const DemoOptions& options = context->options;
    context->progress->Line("simulating " + std::to_string(options.history_days) +
                            " days of history into " + context->report.catalog_uri);
    HistoryOptions history;
    history.workspace = &*context->workspace;
    history.contents = &context->contents;
    history.catalog = stores->catalog.get();
    history.lake = stores->lake.get();
    history.data_dir = JoinPath(JoinPath(options.out_dir, "history"), "data");
    history.former_workspace_dir = JoinPath(JoinPath(options.out_dir, "history"), "workspace");
    history.days = options.history_days;
    history.end = Timestamp{options.now.micros - kMicrosPerDay};
    history.rows = options.history_rows;
    history.seed = options.seed;
    ASSIGN_OR_RAISE(HistoryReport report, SimulateHistory(history, context->progress));
    context->report.history = Summary(report);
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<DemoStep> MakeHistoryStep() { return std::make_unique<HistoryStep>(); }

}  // namespace mesh::demo
