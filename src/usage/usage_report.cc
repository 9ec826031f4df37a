#include "usage/usage_report.h"

namespace mesh::usage {

std::map<std::string, std::string, std::less<>> ProductDomainsOf(
    const WorkspaceContents& contents) {
  std::map<std::string, std::string, std::less<>> out;
  for (const Descriptor& descriptor : contents.descriptors) {
    if (!descriptor.name.empty()) out.emplace(descriptor.name, descriptor.domain);
  }
  return out;
}

std::vector<std::string> DomainIdsOf(const Organisation& organisation) {
  std::vector<std::string> out;
  for (const Domain& domain : organisation.domains) out.push_back(domain.id);
  return out;
}

Result<std::optional<Prices>> LoadWorkspacePrices(const Workspace& workspace) {
  const std::string relative(kPricesFile);
  Result<Prices> prices = LoadPrices(workspace.fs(), workspace.PathOf(relative), relative);
  if (prices.status().IsNotFound()) return std::optional<Prices>();
  if (!prices.ok()) return prices.status();
  return std::optional<Prices>(*prices);
}

Result<UsageReport> ReportUsage(const UsageReportRequest& request) {
  if (request.contents == nullptr || !request.contents->org) {
    return Status::InvalidArgument("mesh.yaml cannot be read as a mapping; run mesh validate");
  }
  MeterRequest meter;
  meter.catalog = request.catalog;
  meter.window = request.window;
  meter.now = request.now;
  meter.known_product_domains = ProductDomainsOf(*request.contents);
  meter.known_domains = DomainIdsOf(*request.contents->org);
  UsageReport report;
  ASSIGN_OR_RAISE(report.ledger, MeterUsage(meter));
  ASSIGN_OR_RAISE(report.chargeback, BuildChargeback(report.ledger, *request.contents->org,
                                                     request.prices, request.view));
  return report;
}

}  // namespace mesh::usage
