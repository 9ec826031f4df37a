#include "demo/demo_history.h"

#include <algorithm>

#include "base/clock.h"
#include "demo/former_workspace.h"
#include "demo/generation_order.h"
#include "demo/sample_data.h"
#include "demo/sample_writer.h"
#include "publish/publisher.h"
#include "sla/sla_actions.h"
#include "sla/sla_tick.h"
#include "usage/read_meter.h"

namespace mesh::demo {
namespace {

// The defect that makes a publish of `product` fail: nulls in its first required field.
std::optional<SampleDefect> DefectFor(const Descriptor& product) {
  for (const Field& field : product.schema.fields) {
    if (field.required) return SampleDefect{SampleDefect::Kind::kNull, field.name, 0.2};
  }
  if (!product.schema.primary_key.empty()) {
    return SampleDefect{SampleDefect::Kind::kDuplicateKey, "", 0.2};
  }
  return std::nullopt;
}

// The first member of the first team in `teams` that has members.
std::string ReaderOf(const Organisation& organisation, const std::string& team_id) {
  const Team* team = organisation.FindTeam(team_id);
  return team == nullptr || team->members.empty() ? std::string() : team->members.front();
}

std::string PublisherOf(const Organisation& organisation, const Descriptor& product) {
  std::string person = ReaderOf(organisation, product.owner);
  if (!person.empty()) return person;
  const Domain* domain = organisation.FindDomain(product.domain);
  if (domain == nullptr) return {};
  for (const std::string& owner : domain->owners) {
    person = ReaderOf(organisation, owner);
    if (!person.empty()) return person;
  }
  return {};
}

bool IsDaily(const Descriptor& product) {
  return product.sla && product.sla->availability &&
         product.sla->availability->cadence == Availability::Cadence::kDaily;
}

// How old the slipping product's data is on the days it does publish: 12 hours beyond its
// max_lag_hours, when it promises a lag, names an event time, and no error-severity freshness
// check would reject data that old (late data is published, data-product.md); else fresh.
std::optional<double> StaleHours(const Descriptor& product) {
  if (!product.sla || !product.sla->max_lag_hours || !product.event_time) return std::nullopt;
  const double stale = *product.sla->max_lag_hours + 12;
  for (const QualityCheck& check : product.quality) {
    if (check.kind == CheckKind::kFreshness && check.severity == Severity::kError &&
        check.max_age_hours && *check.max_age_hours < stale) {
      return std::nullopt;
    }
  }
  return stale;
}

// What consumers of the reported product write, in turn.
constexpr const char* kReportTitles[] = {
    "yesterday's numbers do not add up with the upstream totals",
    "rows for the east wall sector are missing since the last publish",
    "the same records appear twice in this morning's version",
    "values look shifted by one day",
};

class History {
 public:
  History(const HistoryOptions& options, DemoProgress* progress)
      : options_(options),
        organisation_(*options.contents->org),
        products_(options.contents->descriptors),
        progress_(progress),
        clock_(options.end) {}

  Result<HistoryReport> Run() {
    ASSIGN_OR_RAISE(order_, GenerationOrder(products_));
    if (order_.empty()) return Status::InvalidArgument("the workspace has no products to publish");
    report_.days = options_.days;
    report_.degrading_domain = options_.degrading_domain.empty() ? products_[order_.back()].domain
                                                                 : options_.degrading_domain;
    if (options_.plant_service_trouble) ChooseTroubledProducts();
    RETURN_NOT_OK(options_.workspace->fs().CreateDirs(options_.data_dir));
    RETURN_NOT_OK(PrepareFormerWorkspace());
    for (int day = 0; day < options_.days; ++day) RETURN_NOT_OK(RunDay(day));
    return report_;
  }

 private:
  // Day `day` (0 = the first) publishes from two hours before its end instant, a minute apart.
  Timestamp PublishInstant(int day, size_t position) const {
    int64_t days_before_end = options_.days - 1 - day;
    return Timestamp{options_.end.micros - days_before_end * kMicrosPerDay - 2 * kMicrosPerHour +
                     static_cast<int64_t>(position) * 60 * kMicrosPerSecond};
  }

  bool InSecondHalf(int day) const { return day >= options_.days / 2; }

  // The first product of generation order that `fits`, preferring those with consumer teams.
  template <typename Fits>
  std::string FirstProduct(Fits fits) const {
    for (bool need_consumers : {true, false}) {
      for (size_t index : order_) {
        const Descriptor& product = products_[index];
        if ((!need_consumers || !product.consumer_teams.empty()) && fits(product)) {
          return product.name;
        }
      }
    }
    return {};
  }

  void ChooseTroubledProducts() {
    const std::string& degrading = report_.degrading_domain;
    report_.slipping_product = options_.slipping_product;
    // Preferably one whose data can be published late, so that it shows both ways of slipping.
    if (report_.slipping_product.empty()) {
      report_.slipping_product = FirstProduct([&](const Descriptor& p) {
        return IsDaily(p) && p.domain != degrading && StaleHours(p).has_value();
      });
    }
    if (report_.slipping_product.empty()) {
      report_.slipping_product =
          FirstProduct([&](const Descriptor& p) { return IsDaily(p) && p.domain != degrading; });
    }
    report_.reported_product = options_.reported_product;
    if (report_.reported_product.empty()) {
      report_.reported_product = FirstProduct(
          [&](const Descriptor& p) { return p.domain == degrading && !p.consumer_teams.empty(); });
    }
    if (report_.reported_product.empty()) {
      report_.reported_product = FirstProduct([&](const Descriptor& p) {
        return p.name != report_.slipping_product && !p.consumer_teams.empty();
      });
    }
  }

  bool Slips(const Descriptor& product, int day) const {
    return InSecondHalf(day) && product.name == report_.slipping_product;
  }

  bool Degrades(const Descriptor& product, int day, size_t position) const {
    return product.domain == report_.degrading_domain && day >= options_.days / 2 &&
           (day + static_cast<int>(position)) % 3 != 0;
  }

  // The instant a day ends: its tick, after every publish of the day.
  Timestamp DayEnd(int day) const {
    return Timestamp{options_.end.micros - int64_t{options_.days - 1 - day} * kMicrosPerDay};
  }

  Status RunDay(int day) {
    for (size_t position = 0; position < order_.size(); ++position) {
      const Descriptor& product = products_[order_[position]];
      if (Slips(product, day) && day % 2 == 1) {
        ++report_.skipped;  // nothing published for this period: a `late` breach
        continue;
      }
      RETURN_NOT_OK(PublishOne(product, day, position));
    }
    RETURN_NOT_OK(ReportProblems(day));
    RETURN_NOT_OK(TickAndRespond(day));
    progress_->Line("day " + std::to_string(day + 1) + "/" + std::to_string(options_.days) + ": " +
                    std::to_string(report_.published) + " published, " +
                    std::to_string(report_.rejected) + " rejected so far");
    return Status::OK();
  }

  Status PublishOne(const Descriptor& product, int day, size_t position) {
    const Timestamp at = PublishInstant(day, position);
    SampleOptions sample;
    sample.seed = options_.seed * 1000003 + static_cast<uint64_t>(day) * 131 + position;
    sample.rows = options_.rows;
    sample.now = at;
    if (std::optional<double> stale = StaleHours(product); stale && Slips(product, day)) {
      sample.now = Timestamp{at.micros - static_cast<int64_t>(*stale * kMicrosPerHour)};
    }
    std::optional<SampleDefect> defect;
    if (Degrades(product, day, position)) defect = DefectFor(product);
    if (defect) sample.defects.push_back(*defect);
    ASSIGN_OR_RAISE(SampleTable table, GenerateSample(product, sample, samples_));
    const SampleFileFormat format = SampleFileFormatFor(product.output_format);
    const std::string path =
        JoinPath(options_.data_dir, product.name + "." + std::string(SampleFileExtension(format)));
    ASSIGN_OR_RAISE(std::string bytes, SampleFileBytes(table, format));
    RETURN_NOT_OK(options_.workspace->fs().WriteFileAtomically(path, bytes));
    clock_.Set(at);
    PublishRequest request;
    request.workspace = publishing_workspace_;
    request.descriptor_file = product.file;
    request.data_path = path;
    request.data_format = format::DataFormatFromPath(path).value_or(format::DataFormat::kCsv);
    request.person = FormerPublisherOf(product);
    request.catalog = options_.catalog;
    request.lake = options_.lake;
    request.clock = &clock_;
    request.threads = 1;
    ASSIGN_OR_RAISE(PublishOutcome outcome, Publish(request));
    return Record(product, outcome, std::move(table), at);
  }

  Status Record(const Descriptor& product, const PublishOutcome& outcome, SampleTable table,
                Timestamp at) {
    switch (outcome.result) {
      case PublishResult::kRejected:
        ++report_.rejected;
        return Status::OK();  // the last published sample stays what downstream references
      case PublishResult::kRefused:
        ++report_.refused;
        report_.refusals.push_back(
            product.name + ": " +
            (outcome.findings.empty() ? std::string("refused") : outcome.findings[0].ToString()));
        return Status::OK();
      case PublishResult::kPublished:
        break;
    }
    ++report_.published;
    const std::optional<double>& lag = outcome.version->lag_hours;
    if (lag && product.sla && product.sla->max_lag_hours && *lag > *product.sla->max_lag_hours) {
      ++report_.late_data;
    }
    samples_.Add(std::move(table));
    return ReadByConsumers(product, *outcome.version, at);
  }

  // Each consumer team reads the new version an hour after it was published.
  Status ReadByConsumers(const Descriptor& product, const VersionRecord& version, Timestamp at) {
    for (const std::string& team : product.consumer_teams) {
      std::string reader = ReaderOf(organisation_, team);
      if (reader.empty()) continue;
      usage::ReadToMeter read{product.name,  version.snapshot,
                              reader,        team,
                              version.bytes, Timestamp{at.micros + kMicrosPerHour}};
      RETURN_NOT_OK(usage::RecordRead(*options_.catalog, organisation_, read).status());
      ++report_.reads;
    }
    return Status::OK();
  }

  sla::ActionContext Actions(Timestamp at) const { return {options_.catalog, &organisation_, at}; }

  // Every day of the second half, a consumer reports a problem with the reported product; its
  // owners resolve the first report the day after and let the others pile up.
  Status ReportProblems(int day) {
    if (report_.reported_product.empty() || !InSecondHalf(day)) return Status::OK();
    const Descriptor* product = options_.contents->FindByName(report_.reported_product);
    if (product == nullptr) {
      return Status::InvalidArgument("no product '" + report_.reported_product + "' to report on");
    }
    if (Result<ProductRecord> published = options_.catalog->GetProduct(product->name);
        !published.ok()) {
      return Status::OK();  // never published: nothing to report on yet
    }
    const Timestamp at{DayEnd(day).micros - 30 * 60 * kMicrosPerSecond};
    if (report_.reports_opened == 1 && first_report_) {
      auto owners_only = [](const ProductRecord&) { return Status::OK(); };
      RETURN_NOT_OK(sla::ResolveReport(Actions(at), *first_report_,
                                       PublisherOf(organisation_, *product), owners_only)
                        .status());
      ++report_.reports_resolved;
      first_report_.reset();
    }
    std::string reporter;
    for (const std::string& team : product->consumer_teams) {
      if (reporter.empty()) reporter = ReaderOf(organisation_, team);
    }
    if (reporter.empty()) return Status::OK();
    const size_t titles = sizeof kReportTitles / sizeof kReportTitles[0];
    sla::NewReport report{product->name, kReportTitles[report_.reports_opened % titles],
                          "Seen in the version of " +
                              FormatDate(static_cast<int32_t>(at.micros / kMicrosPerDay)) + ".",
                          reporter};
    ASSIGN_OR_RAISE(ConsumerReport opened, sla::OpenReport(Actions(at), report));
    if (report_.reports_opened == 0) first_report_ = opened.id;
    ++report_.reports_opened;
    return Status::OK();
  }

  // The day's SLA tick; owners close each new incident the same day, except the slipping
  // product's, which they acknowledge and leave open.
  Status TickAndRespond(int day) {
    const Timestamp at = DayEnd(day);
    FixedClock tick_clock(at);
    sla::TickRequest tick;
    tick.catalog = options_.catalog;
    tick.org = &organisation_;
    tick.clock = &tick_clock;
    ASSIGN_OR_RAISE(sla::TickReport ticked, sla::RunSlaTick(tick));
    auto owners_only = [](const ProductRecord&) { return Status::OK(); };
    for (const sla::ProductTick& product : ticked.products) {
      const Descriptor* descriptor = options_.contents->FindByName(product.product);
      const std::string owner = descriptor ? PublisherOf(organisation_, *descriptor) : "";
      for (const Incident& incident : product.opened) {
        ++report_.incidents_opened;
        if (owner.empty()) continue;
        const bool slipping = product.product == report_.slipping_product;
        const IncidentStatus to =
            slipping ? IncidentStatus::kAcknowledged : IncidentStatus::kClosed;
        const std::string note = slipping ? "the upstream ledger arrives late; catching up"
                                          : "republished with the next delivery";
        RETURN_NOT_OK(
            sla::ChangeIncident(Actions(at), incident.id, to, owner, note, owners_only).status());
        ++(slipping ? report_.incidents_acknowledged : report_.incidents_closed);
      }
    }
    return Status::OK();
  }

  // Owner teams of products that have no members now had one during the history: the history
  // publishes through a copy of the workspace that says so (former_workspace.h).
  Status PrepareFormerWorkspace() {
    publishing_workspace_ = options_.workspace;
    std::vector<std::string> emptied;
    for (const Descriptor& product : products_) {
      const Team* team = organisation_.FindTeam(product.owner);
      if (team != nullptr && team->members.empty() &&
          std::find(emptied.begin(), emptied.end(), team->id) == emptied.end()) {
        emptied.push_back(team->id);
      }
    }
    if (emptied.empty()) return Status::OK();
    const std::string dir = options_.former_workspace_dir.empty()
                                ? JoinPath(options_.data_dir, "former-workspace")
                                : options_.former_workspace_dir;
    ASSIGN_OR_RAISE(Workspace former,
                    WriteFormerWorkspace(*options_.workspace, organisation_, emptied, dir));
    former_workspace_.emplace(std::move(former));
    publishing_workspace_ = &*former_workspace_;
    report_.emptied_teams = std::move(emptied);
    return Status::OK();
  }

  // Who published `product` during the history: a member of its owner team, or the team's
  // former member when it has none now.
  std::string FormerPublisherOf(const Descriptor& product) const {
    const Team* team = organisation_.FindTeam(product.owner);
    if (team != nullptr && team->members.empty()) return FormerMemberOf(team->id);
    return PublisherOf(organisation_, product);
  }

  const HistoryOptions& options_;
  const Organisation& organisation_;
  const std::vector<Descriptor>& products_;
  DemoProgress* progress_;
  FixedClock clock_;
  std::vector<size_t> order_;
  SampleCatalog samples_;
  HistoryReport report_;
  std::optional<int64_t> first_report_;  // opened, to be resolved the day after
  std::optional<Workspace> former_workspace_;
  const Workspace* publishing_workspace_ = nullptr;
};

}  // namespace

Result<HistoryReport> SimulateHistory(const HistoryOptions& options, DemoProgress* progress) {
  if (options.workspace == nullptr || options.contents == nullptr || !options.contents->org ||
      options.catalog == nullptr || options.lake == nullptr || progress == nullptr) {
    return Status::InvalidArgument(
        "SimulateHistory: workspace, organisation, catalog, lake and "
        "progress are required");
  }
  if (options.days < 2) return Status::InvalidArgument("a history needs at least 2 days");
  return History(options, progress).Run();
}

}  // namespace mesh::demo
