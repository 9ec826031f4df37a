#include "usage/usage_report_output.h"

#include <iomanip>
#include <sstream>

namespace mesh::usage {
namespace {

std::string Amount(const Chargeback& chargeback, Wide minor_units) {
  return FormatScaled(minor_units, chargeback.prices ? chargeback.prices->decimals : 0);
}

nlohmann::ordered_json RowJson(const Chargeback& chargeback, const ChargeRow& row) {
  nlohmann::ordered_json json;
  json["name"] = row.name;
  json["storage_gb_months"] = FormatScaled(row.storage_gb_months, kQuantityDigits);
  json["storage_byte_days"] = FormatScaled(row.storage_byte_days, kQuantityDigits);
  json["check_cpu_hours"] = FormatScaled(row.check_cpu_hours, kQuantityDigits);
  json["check_seconds"] = FormatScaled(row.check_micros, 6);
  json["reads"] = row.reads;
  json["read_bytes"] = static_cast<int64_t>(row.read_bytes);
  if (chargeback.prices) {
    json["charge"] = {{"storage", Amount(chargeback, row.storage_charge)},
                      {"reads", Amount(chargeback, row.read_charge)},
                      {"checks", Amount(chargeback, row.check_charge)},
                      {"total", Amount(chargeback, row.TotalCharge())}};
  } else {
    json["charge"] = nullptr;
  }
  return json;
}

nlohmann::ordered_json PricesJson(const Prices& prices) {
  return {{"file", prices.file},
          {"currency", prices.currency},
          {"decimals", prices.decimals},
          {"storage_per_gb_month", FormatScaled(prices.storage_per_gb_month, kPriceScale)},
          {"read_per_gb", FormatScaled(prices.read_per_gb, kPriceScale)},
          {"check_per_cpu_hour", FormatScaled(prices.check_per_cpu_hour, kPriceScale)}};
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvLine(const Chargeback& chargeback, const ChargeRow& row) {
  std::string line = CsvField(row.name) + "," +
                     FormatScaled(row.storage_gb_months, kQuantityDigits) + "," +
                     FormatScaled(row.check_cpu_hours, kQuantityDigits) + "," +
                     std::to_string(row.reads) + "," + WideToString(row.read_bytes);
  if (chargeback.prices) {
    for (Wide amount : {row.storage_charge, row.read_charge, row.check_charge, row.TotalCharge()}) {
      line += "," + Amount(chargeback, amount);
    }
  } else {
    line += ",,,,";
  }
  return line + "\n";
}

void TableLine(std::ostringstream& out, const Chargeback& chargeback, const ChargeRow& row) {
  out << std::left << std::setw(24) << row.name << std::right << std::setw(14)
      << FormatScaled(row.storage_gb_months, kQuantityDigits) << std::setw(12)
      << FormatScaled(row.check_cpu_hours, kQuantityDigits) << std::setw(8) << row.reads
      << std::setw(14) << WideToString(row.read_bytes);
  if (chargeback.prices) {
    out << std::setw(12) << Amount(chargeback, row.storage_charge) << std::setw(12)
        << Amount(chargeback, row.read_charge) << std::setw(12)
        << Amount(chargeback, row.check_charge) << std::setw(12)
        << Amount(chargeback, row.TotalCharge());
  }
  out << "\n";
}

}  // namespace

nlohmann::ordered_json UsageReportToJson(const Chargeback& chargeback, const UsageLedger& ledger) {
  nlohmann::ordered_json json;
  json["from"] = FormatDate(chargeback.window.from_day);
  json["to"] = FormatDate(chargeback.window.to_day);
  json["by"] = std::string(ChargeViewName(chargeback.view));
  json["measured_until"] = FormatTimestamp(ledger.measured_until);
  json["prices"] = chargeback.prices ? PricesJson(*chargeback.prices) : nlohmann::ordered_json();
  json["rows"] = nlohmann::ordered_json::array();
  for (const ChargeRow& row : chargeback.rows) json["rows"].push_back(RowJson(chargeback, row));
  json["total"] = RowJson(chargeback, chargeback.total);
  json["daily_storage"] = nlohmann::ordered_json::array();
  for (const DailyStorage& day : ledger.daily) {
    json["daily_storage"].push_back(
        {{"day", FormatDate(day.day)}, {"domain", day.domain}, {"bytes", day.AverageBytes()}});
  }
  json["reads"] = nlohmann::ordered_json::array();
  for (const ProductReads& reads : ledger.reads) {
    json["reads"].push_back({{"product", reads.product},
                             {"domain", reads.domain},
                             {"team", reads.team},
                             {"reads", reads.reads},
                             {"bytes", reads.bytes}});
  }
  json["warnings"] = ledger.warnings;
  return json;
}

std::string UsageReportToCsv(const Chargeback& chargeback) {
  std::string out = std::string(ChargeViewName(chargeback.view)) +
                    ",storage_gb_months,check_cpu_hours,reads,read_bytes,storage_charge,"
                    "read_charge,check_charge,total_charge\n";
  for (const ChargeRow& row : chargeback.rows) out += CsvLine(chargeback, row);
  return out + CsvLine(chargeback, chargeback.total);
}

std::string RenderUsageReport(const Chargeback& chargeback, const UsageLedger& ledger) {
  std::ostringstream out;
  out << "usage by " << ChargeViewName(chargeback.view) << " from "
      << FormatDate(chargeback.window.from_day) << " to " << FormatDate(chargeback.window.to_day)
      << " (measured until " << FormatTimestamp(ledger.measured_until) << ")\n";
  if (chargeback.prices) {
    out << "prices from " << chargeback.prices->file << ", amounts in "
        << chargeback.prices->currency << "\n";
  } else {
    out << "no prices file: usage only\n";
  }
  out << std::left << std::setw(24) << ChargeViewName(chargeback.view) << std::right
      << std::setw(14) << "GB-months" << std::setw(12) << "CPU-hours" << std::setw(8) << "reads"
      << std::setw(14) << "read bytes";
  if (chargeback.prices) {
    out << std::setw(12) << "storage" << std::setw(12) << "reads" << std::setw(12) << "checks"
        << std::setw(12) << "total";
  }
  out << "\n";
  for (const ChargeRow& row : chargeback.rows) TableLine(out, chargeback, row);
  TableLine(out, chargeback, chargeback.total);
  for (const std::string& warning : ledger.warnings) out << "warning: " << warning << "\n";
  return out.str();
}

}  // namespace mesh::usage
