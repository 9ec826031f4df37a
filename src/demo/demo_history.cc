#include "demo/demo_history.h"

#include "base/clock.h"
#include "demo/generation_order.h"
#include "demo/sample_data.h"
#include "demo/sample_writer.h"
#include "publish/publisher.h"
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
    RETURN_NOT_OK(options_.workspace->fs().CreateDirs(options_.data_dir));
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

  bool Degrades(const Descriptor& product, int day, size_t position) const {
    return product.domain == report_.degrading_domain && day >= options_.days / 2 &&
           (day + static_cast<int>(position)) % 3 != 0;
  }

  Status RunDay(int day) {
    for (size_t position = 0; position < order_.size(); ++position) {
      const Descriptor& product = products_[order_[position]];
      RETURN_NOT_OK(PublishOne(product, day, position));
    }
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
    request.workspace = options_.workspace;
    request.descriptor_file = product.file;
    request.data_path = path;
    request.data_format = format::DataFormatFromPath(path).value_or(format::DataFormat::kCsv);
    request.person = PublisherOf(organisation_, product);
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

  const HistoryOptions& options_;
  const Organisation& organisation_;
  const std::vector<Descriptor>& products_;
  DemoProgress* progress_;
  FixedClock clock_;
  std::vector<size_t> order_;
  SampleCatalog samples_;
  HistoryReport report_;
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
