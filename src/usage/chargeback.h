// Chargeback: a usage ledger turned into rows per domain or per team, with the charge of each
// row at the prices of the prices file (docs/usage.md "Charge-back arithmetic").
//
// Who carries what: storage and check time belong to the domain that owns the product; a read
// belongs, in the domain view, to the domain of the product read, and in the team view, to the
// team charged for it. A domain's storage and check time are shared equally by its owner teams.
//
// Exactness: each kind of charge (storage, reads, checks) is priced once over the whole window
// and rounded once to whole minor units (halves up); that total is then allocated to the rows
// in proportion to their usage by the largest-remainder method (allocation.h), first to
// domains and then, in the team view, from each domain equally to its owner teams. So every
// column adds up to its total exactly, and a row's total is the sum of its columns. Both views
// have the same grand total. Usage quantities are split the same way: the exact ones (bytes,
// byte-microseconds, microseconds) add up by themselves, and the rounded ones that are printed
// (GB-months, byte-days, CPU-hours with 6 decimals) are rounded once for the total and allocated
// by largest remainder, weighted by the exact quantities. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/organisation.h"
#include "usage/exact_amount.h"
#include "usage/prices.h"
#include "usage/usage_meter.h"

namespace mesh::usage {

enum class ChargeView { kDomain, kTeam };
std::string_view ChargeViewName(ChargeView view);  // "domain" | "team"

// Rows for domains without an owner team and for reads by people in no team.
inline constexpr std::string_view kNoTeam = "(no team)";

struct ChargeRow {
  std::string name;  // a domain id or a team id
  Wide storage_byte_micros = 0;
  Wide check_micros = 0;
  int64_t reads = 0;
  Wide read_bytes = 0;
  // The quantities as printed, in millionths of a GB-month, of a byte-day and of a CPU-hour:
  // each column's total is rounded once and allocated to the rows like the charges, so the
  // printed column adds up to its printed total.
  Wide storage_gb_months = 0;
  Wide storage_byte_days = 0;
  Wide check_cpu_hours = 0;
  // In minor units of the currency (10^-decimals); zero without prices.
  Wide storage_charge = 0;
  Wide read_charge = 0;
  Wide check_charge = 0;
  Wide TotalCharge() const { return storage_charge + read_charge + check_charge; }
};

struct Chargeback {
  ChargeView view = ChargeView::kDomain;
  UsageWindow window;
  std::optional<Prices> prices;  // absent: usage only
  std::vector<ChargeRow> rows;   // sorted by name
  ChargeRow total;               // name "total"
};

// Digits after the point of the printed quantities (GB-months, byte-days, CPU-hours).
inline constexpr int kQuantityDigits = 6;
// Storage in millionths of a GB-month (10^9 bytes held for 30 days), of a byte-day, and check
// time in millionths of a CPU-hour, each rounded to the nearest (halves up).
Wide GbMonthMillionths(Wide byte_micros);
Wide ByteDayMillionths(Wide byte_micros);
Wide CpuHourMillionths(Wide micros);
// The same as decimal text with 6 digits, for one quantity on its own.
std::string FormatGbMonths(Wide byte_micros);
std::string FormatCpuHours(Wide micros);

// InvalidArgument when an amount would overflow (prices or usage beyond any real lake).
Result<Chargeback> BuildChargeback(const UsageLedger& ledger, const Organisation& organisation,
                                   const std::optional<Prices>& prices, ChargeView view);

}  // namespace mesh::usage
