#include "usage/prices.h"

#include <vector>

#include "model/mapping_reader.h"
#include "usage/exact_amount.h"
#include "yaml/loader.h"

namespace mesh::usage {
namespace {

constexpr std::string_view kCurrency = "currency";
constexpr std::string_view kDecimals = "decimals";
constexpr std::string_view kStorage = "storage_per_gb_month";
constexpr std::string_view kRead = "read_per_gb";
constexpr std::string_view kCheck = "check_per_cpu_hour";

// A price as written: a plain number, or a quoted one ("0.023").
std::optional<int64_t> ReadPrice(const yaml::Node& node, std::string_view key, FindingSink* sink) {
  if (node.IsScalar()) {
    if (auto value = ParseScaledDecimal(node.scalar, kPriceScale)) return value;
  }
  sink->Error("prices.value", node.mark,
              std::string(key) + " is " + node.Describe() +
                  "; write a non-negative decimal with at most 6 digits after the point, "
                  "e.g. 0.023");
  return std::nullopt;
}

void ReadDecimals(const yaml::Node& node, FindingSink* sink, Prices* prices) {
  std::optional<int64_t> decimals = node.AsInt();
  if (!decimals || *decimals < 0 || *decimals > kPriceScale) {
    sink->Error("prices.value", node.mark,
                "decimals is " + node.Describe() + "; write a whole number from 0 to 6");
    return;
  }
  prices->decimals = static_cast<int>(*decimals);
}

void ReadEntries(const yaml::Node& root, FindingSink* sink, Prices* prices) {
  MappingReader reader("prices", sink, nullptr, nullptr);
  MappingReader::Entries entries = reader.ReadMapping(
      root, "", {kCurrency, kDecimals, kStorage, kRead, kCheck}, nullptr, nullptr);
  if (const auto* entry = entries.Find(kCurrency)) {
    if (auto currency = reader.String(*entry->value, kCurrency)) prices->currency = *currency;
  }
  if (const auto* entry = entries.Find(kDecimals)) ReadDecimals(*entry->value, sink, prices);
  struct PriceKey {
    std::string_view key;
    int64_t* target;
  };
  for (PriceKey price :
       {PriceKey{kStorage, &prices->storage_per_gb_month}, PriceKey{kRead, &prices->read_per_gb},
        PriceKey{kCheck, &prices->check_per_cpu_hour}}) {
    const auto* entry = entries.Find(price.key);
    if (entry == nullptr) {
      sink->Error(
          "prices.missing_key", root.mark,
          "key '" + std::string(price.key) + "' is missing; set it (0 when that usage is free)");
      continue;
    }
    if (auto value = ReadPrice(*entry->value, price.key, sink)) *price.target = *value;
  }
}

}  // namespace

std::optional<Prices> ParsePrices(std::string_view text, FindingSink* sink) {
  yaml::SyntaxError error;
  Result<yaml::Document> document = yaml::LoadYaml(text, sink->file(), {}, &error);
  if (!document.ok()) {
    sink->Error("prices.syntax", error.mark, error.message);
    return std::nullopt;
  }
  const yaml::Node& root = *document->root;
  if (!root.IsMap()) {
    sink->Error("prices.type", root.mark,
                "the prices file is " + root.Describe() +
                    "; write a mapping with currency, decimals, storage_per_gb_month, "
                    "read_per_gb and check_per_cpu_hour");
    return std::nullopt;
  }
  Prices prices;
  prices.file = sink->file();
  ReadEntries(root, sink, &prices);
  if (sink->HasErrors()) return std::nullopt;
  return prices;
}

Result<Prices> LoadPrices(FileSystem& fs, const std::string& path, const std::string& shown_as) {
  if (!fs.Exists(path)) {
    return Status::NotFound(shown_as +
                            " does not exist: write it to charge usage back (see "
                            "docs/usage.md \"The prices file\")");
  }
  ASSIGN_OR_RAISE(std::string text, fs.ReadFile(path));
  FindingSink sink(shown_as);
  std::optional<Prices> prices = ParsePrices(text, &sink);
  if (prices) return *prices;
  std::vector<Finding> findings = sink.Take();
  SortFindings(&findings);
  std::string message;
  for (const Finding& finding : findings) {
    if (!message.empty()) message += "\n";
    message += finding.ToString();
  }
  return Status::InvalidArgument(message);
}

}  // namespace mesh::usage
