#include "demo/demo_report.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace mesh::demo {
namespace {

std::string Plural(size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string HumanBytes(uint64_t bytes) {
  char text[32];
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024 * 1024));
  }
  return text;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string FormatCounts(const std::vector<std::string>& formats) {
  std::map<std::string, size_t> counts;
  for (const std::string& format : formats) ++counts[format];
  std::string out;
  for (const auto& [format, count] : counts) {
    out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + format;
  }
  return out;
}

void PrintOrganisation(std::ostream& out, const DemoReport& report) {
  out << "  organisation: " << Plural(report.teams, "team") << ", " << report.people
      << (report.people == 1 ? " person, " : " people, ") << Plural(report.domains.size(), "domain")
      << "\n  products:     " << report.products.size();
  if (!report.formats.empty()) out << " (" << FormatCounts(report.formats) << ")";
  out << "\n";
  size_t width = 0;
  for (const DemoDomain& domain : report.domains) width = std::max(width, domain.id.size());
  for (const DemoDomain& domain : report.domains) {
    out << "    " << domain.id << std::string(width - domain.id.size() + 2, ' ')
        << Join(domain.owners) << ": " << Join(domain.products) << "\n";
  }
}

void PrintFindings(std::ostream& out, const DemoReport& report) {
  out << "  validation:   " << Plural(report.CountErrors(), "error") << ", "
      << Plural(report.CountWarnings(), "warning") << " in " << Plural(report.files_checked, "file")
      << "\n";
  for (const Finding& finding : report.findings) out << "    " << finding.ToString() << "\n";
  if (report.lint_findings.empty()) return;
  out << "  anti-patterns: " << Plural(report.lint_findings.size(), "finding")
      << " (planted on purpose in the demo mesh: see its README)\n";
  for (const Finding& finding : report.lint_findings) {
    out << "    " << finding.file << ": " << finding.rule << " (" << SeverityName(finding.severity)
        << ")\n";
  }
}

void PrintFiles(std::ostream& out, const DemoReport& report) {
  if (report.files.empty()) return;
  int64_t rows = 0;
  uint64_t bytes = 0;
  for (const DemoFile& file : report.files) {
    rows += file.rows;
    bytes += file.bytes;
  }
  out << "  sample data:  " << Plural(report.files.size(), "file") << ", " << rows << " rows, "
      << HumanBytes(bytes) << " (seed " << report.seed << ", " << report.rows_per_product
      << " rows per product asked)\n";
  for (const DemoFile& file : report.files) {
    out << "    " << file.path << "  " << file.rows << " rows, " << HumanBytes(file.bytes) << "\n";
  }
  for (const DemoFile& file : report.files) {
    if (!file.shortfall.empty())
      out << "  note: " << file.product << ": " << file.shortfall << "\n";
  }
}

void PrintPublishes(std::ostream& out, const DemoReport& report) {
  if (report.publishes.empty()) return;
  size_t published = 0;
  for (const DemoPublish& publish : report.publishes) published += publish.result == "published";
  out << "  publish:      " << published << " of " << Plural(report.publishes.size(), "attempt")
      << " published into " << report.catalog_uri << " and " << report.lake_uri << "\n";
  for (const DemoPublish& publish : report.publishes) {
    out << "    " << (publish.as_planned ? "" : "UNPLANNED ") << publish.result << " "
        << (publish.ref.empty() ? publish.attempted : publish.ref);
    if (publish.result == "published") {
      out << "  " << publish.rows << " rows, " << HumanBytes(static_cast<uint64_t>(publish.bytes));
    }
    out << (publish.person.empty() ? std::string("  by nobody") : "  by " + publish.person) << "\n";
    if (!publish.planted.empty()) {
      out << "      planted (" << publish.planted << "): " << publish.data_path << "\n";
    }
    if (!publish.detail.empty() && publish.result != "published") {
      out << "      " << publish.detail << "\n";
    }
  }
}

void PrintHistory(std::ostream& out, const DemoReport& report) {
  if (!report.history) return;
  const DemoHistory& h = *report.history;
  out << "  history:      " << h.days << " simulated days: " << h.published << " published, "
      << h.rejected << " rejected, " << h.refused << " refused, " << h.reads << " reads; "
      << h.incidents_opened << " incidents (" << h.incidents_closed << " closed), "
      << h.reports_opened << " consumer reports (" << h.reports_resolved << " resolved)\n";
  out << "    planted: domain " << h.degrading_domain << " fails its checks more often";
  if (!h.slipping_product.empty()) {
    out << "; " << h.slipping_product << " misses " << h.skipped << " days and publishes "
        << h.late_data << " versions late";
  }
  if (!h.reported_product.empty()) out << "; reports pile up on " << h.reported_product;
  for (const std::string& team : h.emptied_teams) {
    out << "; " << team << " has no members left to own its products";
  }
  out << "\n    see: mesh maturity, mesh doctor, mesh sla report, mesh incident list, mesh report "
         "list\n";
}

nlohmann::json HistoryJson(const DemoHistory& h) {
  return {{"days", h.days},
          {"degrading_domain", h.degrading_domain},
          {"slipping_product", h.slipping_product},
          {"reported_product", h.reported_product},
          {"published", h.published},
          {"rejected", h.rejected},
          {"refused", h.refused},
          {"skipped", h.skipped},
          {"late_data", h.late_data},
          {"reads", h.reads},
          {"incidents_opened", h.incidents_opened},
          {"incidents_closed", h.incidents_closed},
          {"reports_opened", h.reports_opened},
          {"reports_resolved", h.reports_resolved},
          {"emptied_teams", h.emptied_teams}};
}

nlohmann::json FindingsJson(const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const Finding& finding : findings) {
    list.push_back({{"rule", finding.rule},
                    {"severity", SeverityName(finding.severity)},
                    {"file", finding.file},
                    {"line", finding.line},
                    {"column", finding.column},
                    {"message", finding.message}});
  }
  return list;
}

}  // namespace

void PrintDemoSummary(std::ostream& out, const DemoReport& report) {
  out << "mesh demo: " << (report.organisation.empty() ? "(unnamed mesh)" : report.organisation)
      << " in " << report.workspace << " at " << FormatTimestamp(report.now) << "\n";
  PrintOrganisation(out, report);
  PrintFindings(out, report);
  PrintFiles(out, report);
  PrintHistory(out, report);
  PrintPublishes(out, report);
  if (!report.stopped_because.empty()) out << "stopped: " << report.stopped_because << "\n";
}

nlohmann::json DemoReportToJson(const DemoReport& report) {
  nlohmann::json json;
  json["workspace"] = report.workspace;
  json["organisation"] = report.organisation;
  json["now"] = FormatTimestamp(report.now);
  json["seed"] = report.seed;
  json["rows_per_product"] = report.rows_per_product;
  json["teams"] = report.teams;
  json["people"] = report.people;
  json["domains"] = nlohmann::json::array();
  for (const DemoDomain& domain : report.domains) {
    json["domains"].push_back(
        {{"id", domain.id}, {"owners", domain.owners}, {"products", domain.products}});
  }
  json["products"] = report.products.size();
  json["validation"] = {{"errors", report.CountErrors()},
                        {"warnings", report.CountWarnings()},
                        {"files", report.files_checked},
                        {"findings", FindingsJson(report.findings)}};
  json["anti_patterns"] = FindingsJson(report.lint_findings);
  json["files"] = nlohmann::json::array();
  for (const DemoFile& file : report.files) {
    nlohmann::json entry = {{"product", file.product}, {"domain", file.domain},
                            {"path", file.path},       {"format", file.format},
                            {"rows", file.rows},       {"bytes", file.bytes}};
    if (!file.shortfall.empty()) entry["shortfall"] = file.shortfall;
    json["files"].push_back(std::move(entry));
  }
  json["catalog"] = report.catalog_uri;
  json["lake"] = report.lake_uri;
  json["history"] = report.history ? HistoryJson(*report.history) : nlohmann::json(nullptr);
  json["publishes"] = nlohmann::json::array();
  for (const DemoPublish& publish : report.publishes) {
    json["publishes"].push_back(
        {{"product", publish.product},
         {"attempted", publish.attempted},
         {"person", publish.person},
         {"data", publish.data_path},
         {"planted",
          publish.planted.empty() ? nlohmann::json(nullptr) : nlohmann::json(publish.planted)},
         {"result", publish.result},
         {"ref", publish.ref.empty() ? nlohmann::json(nullptr) : nlohmann::json(publish.ref)},
         {"rows", publish.rows},
         {"bytes", publish.bytes},
         {"detail", publish.detail},
         {"as_planned", publish.as_planned}});
  }
  json["steps"] = report.steps_run;
  json["stopped"] = report.stopped_because.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(report.stopped_because);
  return json;
}

}  // namespace mesh::demo
