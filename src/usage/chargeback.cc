#include "usage/chargeback.h"

#include <map>

#include "usage/allocation.h"

namespace mesh::usage {
namespace {

constexpr int64_t kBytesPerGb = 1'000'000'000;
constexpr int64_t kMicrosPerMonth = 30 * kMicrosPerDay;
constexpr int64_t kMicrosPerCpuHour = kMicrosPerHour;
constexpr int64_t kPriceUnit = 1'000'000;  // prices are in micro-units (kPriceScale)

// What one unit of usage costs, as a fraction: charge (minor units) = quantity × numerator /
// denominator.
struct Rate {
  Wide numerator = 0;
  Wide denominator = 1;
};

Rate RateOf(int64_t price_micros, int decimals, Wide quantity_per_priced_unit) {
  return Rate{Wide{price_micros} * PowerOfTen(decimals), quantity_per_priced_unit * kPriceUnit};
}

struct Rates {
  Rate storage;
  Rate read;
  Rate check;
};

Rates RatesOf(const Prices& prices) {
  return Rates{
      RateOf(prices.storage_per_gb_month, prices.decimals, Wide{kBytesPerGb} * kMicrosPerMonth),
      RateOf(prices.read_per_gb, prices.decimals, Wide{kBytesPerGb}),
      RateOf(prices.check_per_cpu_hour, prices.decimals, Wide{kMicrosPerCpuHour})};
}

Result<Wide> Price(Wide quantity, const Rate& rate, std::string_view what) {
  std::optional<Wide> charge = MultiplyDivideRounded(quantity, rate.numerator, rate.denominator);
  if (!charge) {
    return Status::InvalidArgument("the " + std::string(what) +
                                   " charge overflows; check the prices file");
  }
  return *charge;
}

// Per-domain usage in name order, with each kind's charge allocated to the domains.
struct DomainCharges {
  std::vector<ChargeRow> rows;
  ChargeRow total;
};

// The printed quantities: each total rounded once, allocated to the rows by their exact
// quantities (largest remainder), so the printed columns add up.
void AllocateRoundedQuantities(const std::vector<Wide>& storage, const std::vector<Wide>& checks,
                               DomainCharges* out) {
  ChargeRow& total = out->total;
  total.storage_gb_months = GbMonthMillionths(total.storage_byte_micros);
  total.storage_byte_days = ByteDayMillionths(total.storage_byte_micros);
  total.check_cpu_hours = CpuHourMillionths(total.check_micros);
  std::vector<Wide> gb_months = AllocateByWeight(total.storage_gb_months, storage);
  std::vector<Wide> byte_days = AllocateByWeight(total.storage_byte_days, storage);
  std::vector<Wide> cpu_hours = AllocateByWeight(total.check_cpu_hours, checks);
  for (size_t i = 0; i < out->rows.size(); ++i) {
    out->rows[i].storage_gb_months = gb_months[i];
    out->rows[i].storage_byte_days = byte_days[i];
    out->rows[i].check_cpu_hours = cpu_hours[i];
  }
}

Result<DomainCharges> ChargeDomains(const UsageLedger& ledger,
                                    const std::optional<Prices>& prices) {
  DomainCharges out;
  out.total.name = "total";
  std::vector<Wide> storage, reads, checks;
  for (const DomainUsage& usage : ledger.domains) {
    ChargeRow row;
    row.name = usage.domain;
    row.storage_byte_micros = usage.storage_byte_micros;
    row.check_micros = usage.check_micros;
    row.reads = usage.reads;
    row.read_bytes = usage.read_bytes;
    out.total.storage_byte_micros += row.storage_byte_micros;
    out.total.check_micros += row.check_micros;
    out.total.reads += row.reads;
    out.total.read_bytes += row.read_bytes;
    storage.push_back(row.storage_byte_micros);
    reads.push_back(row.read_bytes);
    checks.push_back(row.check_micros);
    out.rows.push_back(row);
  }
  AllocateRoundedQuantities(storage, checks, &out);
  if (!prices) return out;
  Rates rates = RatesOf(*prices);
  ASSIGN_OR_RAISE(out.total.storage_charge,
                  Price(out.total.storage_byte_micros, rates.storage, "storage"));
  ASSIGN_OR_RAISE(out.total.read_charge, Price(out.total.read_bytes, rates.read, "read"));
  ASSIGN_OR_RAISE(out.total.check_charge, Price(out.total.check_micros, rates.check, "check"));
  std::vector<Wide> storage_parts = AllocateByWeight(out.total.storage_charge, storage);
  std::vector<Wide> read_parts = AllocateByWeight(out.total.read_charge, reads);
  std::vector<Wide> check_parts = AllocateByWeight(out.total.check_charge, checks);
  for (size_t i = 0; i < out.rows.size(); ++i) {
    out.rows[i].storage_charge = storage_parts[i];
    out.rows[i].read_charge = read_parts[i];
    out.rows[i].check_charge = check_parts[i];
  }
  return out;
}

// The owner teams that carry a domain's storage and check time, in mesh.yaml order.
std::vector<std::string> CarryingTeams(const Organisation& organisation, const std::string& id) {
  const Domain* domain = organisation.FindDomain(id);
  if (domain == nullptr || domain->owners.empty()) return {std::string(kNoTeam)};
  return domain->owners;
}

// The team view: each domain's storage and check time (usage and charge) shared equally by
// its owners; reads allocated from the read total by the bytes each team read.
Chargeback ChargeTeams(const UsageLedger& ledger, const Organisation& organisation,
                       const DomainCharges& domains) {
  std::map<std::string, ChargeRow> rows;
  for (const Team& team : organisation.teams) rows[team.id].name = team.id;
  for (const ChargeRow& domain : domains.rows) {
    std::vector<std::string> teams = CarryingTeams(organisation, domain.name);
    std::vector<Wide> storage = AllocateEqually(domain.storage_byte_micros, teams.size());
    std::vector<Wide> checks = AllocateEqually(domain.check_micros, teams.size());
    std::vector<Wide> storage_charge = AllocateEqually(domain.storage_charge, teams.size());
    std::vector<Wide> check_charge = AllocateEqually(domain.check_charge, teams.size());
    std::vector<Wide> gb_months = AllocateEqually(domain.storage_gb_months, teams.size());
    std::vector<Wide> byte_days = AllocateEqually(domain.storage_byte_days, teams.size());
    std::vector<Wide> cpu_hours = AllocateEqually(domain.check_cpu_hours, teams.size());
    for (size_t i = 0; i < teams.size(); ++i) {
      ChargeRow& row = rows[teams[i]];
      row.name = teams[i];
      row.storage_byte_micros += storage[i];
      row.check_micros += checks[i];
      row.storage_gb_months += gb_months[i];
      row.storage_byte_days += byte_days[i];
      row.check_cpu_hours += cpu_hours[i];
      row.storage_charge += storage_charge[i];
      row.check_charge += check_charge[i];
    }
  }
  for (const ProductReads& reads : ledger.reads) {
    std::string team = reads.team.empty() ? std::string(kNoTeam) : reads.team;
    ChargeRow& row = rows[team];
    row.name = team;
    row.reads += reads.reads;
    row.read_bytes += reads.bytes;
  }
  Chargeback out;
  std::vector<Wide> read_bytes;
  for (auto& [name, row] : rows) {
    read_bytes.push_back(row.read_bytes);
    out.rows.push_back(row);
  }
  std::vector<Wide> read_charge = AllocateByWeight(domains.total.read_charge, read_bytes);
  for (size_t i = 0; i < out.rows.size(); ++i) out.rows[i].read_charge = read_charge[i];
  out.total = domains.total;
  return out;
}

}  // namespace

std::string_view ChargeViewName(ChargeView view) {
  return view == ChargeView::kDomain ? "domain" : "team";
}

Wide GbMonthMillionths(Wide byte_micros) {
  return MultiplyDivideRounded(byte_micros, PowerOfTen(kQuantityDigits),
                               Wide{kBytesPerGb} * kMicrosPerMonth)
      .value_or(0);
}

Wide ByteDayMillionths(Wide byte_micros) {
  return MultiplyDivideRounded(byte_micros, PowerOfTen(kQuantityDigits), kMicrosPerDay).value_or(0);
}

Wide CpuHourMillionths(Wide micros) {
  return MultiplyDivideRounded(micros, PowerOfTen(kQuantityDigits), kMicrosPerCpuHour).value_or(0);
}

std::string FormatGbMonths(Wide byte_micros) {
  return FormatScaled(GbMonthMillionths(byte_micros), kQuantityDigits);
}

std::string FormatCpuHours(Wide micros) {
  return FormatScaled(CpuHourMillionths(micros), kQuantityDigits);
}

Result<Chargeback> BuildChargeback(const UsageLedger& ledger, const Organisation& organisation,
                                   const std::optional<Prices>& prices, ChargeView view) {
  ASSIGN_OR_RAISE(DomainCharges domains, ChargeDomains(ledger, prices));
  Chargeback out;
  if (view == ChargeView::kTeam) {
    out = ChargeTeams(ledger, organisation, domains);
  } else {
    out.rows = std::move(domains.rows);
    out.total = domains.total;
  }
  out.view = view;
  out.window = ledger.window;
  out.prices = prices;
  return out;
}

}  // namespace mesh::usage
