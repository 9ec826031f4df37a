#include "demo/sample_data.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "demo/column_sampler.h"
#include "demo/prng.h"
#include "demo/sample_hint.h"

namespace mesh::demo {
namespace {

constexpr double kNullShare = 0.05;   // optional columns: one value in twenty is null
constexpr int kAttemptsPerSlot = 8;   // tries for a row whose keys are all new
constexpr int64_t kSlackSlots = 100;  // time slots beyond rows*4 before giving up

// Column sets whose values (or value combinations) must not repeat: the primary key, each
// `unique: true` field, each `unique` check.
std::vector<std::vector<int>> KeySets(const Descriptor& product) {
  std::set<std::vector<int>> sets;
  auto add = [&](const std::vector<std::string>& names) {
    std::vector<int> columns;
    for (const std::string& name : names) {
      const int index = product.schema.FieldIndex(name);
      if (index >= 0) columns.push_back(index);
    }
    std::sort(columns.begin(), columns.end());
    if (!columns.empty()) sets.insert(columns);
  };
  add(product.schema.primary_key);
  for (const Field& field : product.schema.fields) {
    if (field.unique) add({field.name});
  }
  for (const QualityCheck& check : product.quality) {
    if (check.kind == CheckKind::kUnique) add(check.columns);
  }
  return {sets.begin(), sets.end()};
}

// Columns that must never be null for the product's promises and checks to hold.
std::vector<bool> NonNullColumns(const Descriptor& product) {
  const auto& fields = product.schema.fields;
  const bool any_required =
      std::any_of(fields.begin(), fields.end(), [](const Field& f) { return f.required; });
  std::vector<bool> non_null(fields.size(), !any_required);
  auto mark = [&](const std::string& name) {
    const int index = product.schema.FieldIndex(name);
    if (index >= 0) non_null[static_cast<size_t>(index)] = true;
  };
  for (const Field& field : fields) {
    if (field.required) mark(field.name);
  }
  for (const std::string& name : product.schema.primary_key) mark(name);
  if (product.event_time) mark(*product.event_time);
  for (const QualityCheck& check : product.quality) {
    const bool lists_columns = check.kind == CheckKind::kNotNull ||
                               check.kind == CheckKind::kCompleteness ||
                               check.kind == CheckKind::kUnique;
    if (lists_columns) {
      for (const std::string& name : check.columns) mark(name);
    }
  }
  return non_null;
}

std::string KeyOf(const std::vector<SampleCell>& row, const std::vector<int>& columns) {
  std::string key;
  for (int column : columns) {
    const SampleCell& cell = row[static_cast<size_t>(column)];
    key += cell ? "v" + *cell : "n";  // null is a value of its own in keys
    key += '\x1f';
  }
  return key;
}

std::string ColumnList(const Descriptor& product, const std::vector<int>& columns) {
  std::string list;
  for (int column : columns) {
    if (!list.empty()) list += ", ";
    list += product.schema.fields[static_cast<size_t>(column)].name;
  }
  return list;
}

// Everything one product's generation needs, built once.
struct Plan {
  std::vector<ColumnSampler> samplers;
  std::vector<bool> non_null;
  std::vector<std::vector<int>> key_sets;
};

const QualityCheck* ReferentialCheckOn(const Descriptor& product, const std::string& column) {
  for (const QualityCheck& check : product.quality) {
    if (check.kind == CheckKind::kReferential && check.column == column) return &check;
  }
  return nullptr;
}

Result<Plan> MakePlan(const Descriptor& product, const SampleOptions& options,
                      const SampleCatalog& upstream,
                      const std::map<std::string, SampleHint, std::less<>>& hints) {
  Plan plan;
  plan.non_null = NonNullColumns(product);
  plan.key_sets = KeySets(product);
  for (size_t i = 0; i < product.schema.fields.size(); ++i) {
    const Field& field = product.schema.fields[i];
    ColumnContext context;
    context.now = options.now;
    context.rows = options.rows;
    context.seed = DeriveSeed(DeriveSeed(options.seed, product.name), field.name);
    context.is_event_time = product.event_time && *product.event_time == field.name;
    auto hint = hints.find(field.name);
    if (hint != hints.end()) context.hint = &hint->second;
    for (const auto& set : plan.key_sets) {
      if (set.size() == 1 && set[0] == static_cast<int>(i)) context.draws_distinct = true;
    }
    if (const QualityCheck* check = ReferentialCheckOn(product, field.name)) {
      context.references =
          upstream.DistinctValues(check->references_product, check->references_field);
      if (context.references == nullptr) {
        return Status::InvalidArgument(
            product.file + ": the referential check on '" + field.name + "' references " +
            check->references_product + "." + check->references_field +
            ", which has no sample data yet: list " + check->references_product +
            " in the lineage of " + product.name + " so that it is generated first");
      }
    }
    ASSIGN_OR_RAISE(ColumnSampler sampler, ColumnSampler::Make(product, field, context));
    plan.samplers.push_back(std::move(sampler));
  }
  return plan;
}

// One candidate row; nullopt (with *exhausted naming the column) when a column has no distinct
// value left.
Result<std::optional<std::vector<SampleCell>>> SampleRow(const Descriptor& product,
                                                         const Plan& plan, Prng* prng, int64_t row,
                                                         int64_t slot, std::string* exhausted) {
  std::vector<SampleCell> cells(plan.samplers.size());
  for (size_t i = 0; i < plan.samplers.size(); ++i) {
    const ColumnSampler& sampler = plan.samplers[i];
    if (!plan.non_null[i] && prng->Chance(kNullShare)) continue;
    std::optional<std::string> value = sampler.Sample(prng, row, slot);
    if (!value) {
      *exhausted = sampler.field().name;
      return std::optional<std::vector<SampleCell>>();
    }
    if (!sampler.MatchesPatterns(*value)) {
      return Status::InvalidArgument(product.file + ": field '" + sampler.field().name + "' of " +
                                     product.name + ": the generated value '" + *value +
                                     "' does not match its pattern; correct its x-sample hint");
    }
    cells[i] = std::move(value);
  }
  return std::optional<std::vector<SampleCell>>(std::move(cells));
}

// Fills table->rows oldest first: time slot rows-1 down to 0 (the newest, just before now), and
// on below when keys collide.
Status FillRows(const Descriptor& product, const Plan& plan, const SampleOptions& options,
                SampleTable* table) {
  Prng prng(DeriveSeed(options.seed, product.name));
  std::vector<std::unordered_set<std::string>> seen(plan.key_sets.size());
  const int64_t wanted = std::max<int64_t>(options.rows, 0);
  const int64_t last_slot = wanted * 4 + kSlackSlots;
  std::string exhausted;
  size_t blocking_set = 0;
  for (int64_t used = 0; used < last_slot && static_cast<int64_t>(table->rows.size()) < wanted;
       ++used) {
    const int64_t slot = wanted - 1 - used;
    for (int attempt = 0; attempt < kAttemptsPerSlot; ++attempt) {
      const int64_t row = static_cast<int64_t>(table->rows.size());
      ASSIGN_OR_RAISE(auto cells, SampleRow(product, plan, &prng, row, slot, &exhausted));
      if (!cells) break;
      std::vector<std::string> keys;
      bool fresh = true;
      for (size_t k = 0; k < plan.key_sets.size() && fresh; ++k) {
        keys.push_back(KeyOf(*cells, plan.key_sets[k]));
        if (seen[k].count(keys.back()) > 0) {
          fresh = false;
          blocking_set = k;
        }
      }
      if (!fresh) continue;
      for (size_t k = 0; k < keys.size(); ++k) seen[k].insert(keys[k]);
      table->rows.push_back(std::move(*cells));
      break;
    }
    if (!exhausted.empty()) break;
  }
  const int64_t made = static_cast<int64_t>(table->rows.size());
  if (made < wanted) {
    table->shortfall =
        "generated " + std::to_string(made) + " of " + std::to_string(wanted) + " rows: " +
        (!exhausted.empty() ? "column '" + exhausted +
                                  "' has no more distinct values (it is a key drawn from "
                                  "its allowed or referenced values)"
                            : "the key (" + ColumnList(product, plan.key_sets[blocking_set]) +
                                  ") has no more distinct values within the sample's time window");
  }
  return Status::OK();
}

// Exactly round(fraction * rows) distinct row indexes (at least one when fraction > 0), chosen
// from [first, rows).
std::vector<size_t> PickRows(size_t rows, size_t first, double fraction, Prng* prng) {
  if (rows <= first || fraction <= 0) return {};
  std::vector<size_t> indexes;
  for (size_t i = first; i < rows; ++i) indexes.push_back(i);
  size_t count = static_cast<size_t>(std::llround(fraction * static_cast<double>(rows)));
  count = std::clamp<size_t>(count, 1, indexes.size());
  for (size_t i = 0; i < count; ++i) {
    std::swap(indexes[i], indexes[i + prng->Below(indexes.size() - i)]);
  }
  indexes.resize(count);
  std::sort(indexes.begin(), indexes.end());
  return indexes;
}

std::string DefectWhere(const Descriptor& product, const SampleDefect& defect) {
  return "defect on " + product.name + (defect.column.empty() ? "" : "." + defect.column);
}

Result<std::string> BrokenPatternValue(const ColumnSampler& sampler, const std::string& value) {
  for (const std::string& candidate :
       {"#" + value, value + "#", std::string("?"), std::string("not a match"), std::string("0")}) {
    if (!sampler.MatchesPatterns(candidate)) return candidate;
  }
  return Status::InvalidArgument("its pattern accepts every value the generator tried");
}

Status SpoilColumn(const Plan& plan, int column, const SampleDefect& defect,
                   const std::vector<size_t>& rows, SampleTable* table) {
  const ColumnSampler& sampler = plan.samplers[static_cast<size_t>(column)];
  const FieldType& type = sampler.field().type;
  for (size_t row : rows) {
    SampleCell& cell = table->rows[row][static_cast<size_t>(column)];
    switch (defect.kind) {
      case SampleDefect::Kind::kNull:
        cell.reset();
        break;
      case SampleDefect::Kind::kBreakPattern: {
        if (!sampler.HasPatterns()) return Status::InvalidArgument("the column has no pattern");
        ASSIGN_OR_RAISE(cell, BrokenPatternValue(sampler, cell.value_or("x")));
        break;
      }
      case SampleDefect::Kind::kOutOfRange: {
        std::optional<std::string> outside = sampler.OutOfRangeValue();
        if (!outside) return Status::InvalidArgument("the column has no min or max");
        cell = *outside;
        break;
      }
      case SampleDefect::Kind::kUnparsable:
        if (type.id == TypeId::kString || type.id == TypeId::kBinary) {
          return Status::InvalidArgument("every text is a valid " + type.ToString() +
                                         "; choose a typed column");
        }
        cell = "n/a";
        break;
      case SampleDefect::Kind::kDuplicateKey:
        break;
    }
  }
  return Status::OK();
}

Status InjectDefects(const Descriptor& product, const Plan& plan, const SampleOptions& options,
                     SampleTable* table) {
  Prng prng(DeriveSeed(options.seed, product.name + "#defects"));
  for (const SampleDefect& defect : options.defects) {
    if (defect.kind == SampleDefect::Kind::kDuplicateKey) {
      if (product.schema.primary_key.empty()) {
        return Status::InvalidArgument(DefectWhere(product, defect) +
                                       ": the product has no primary key to duplicate");
      }
      for (size_t row : PickRows(table->rows.size(), 1, defect.fraction, &prng)) {
        for (const std::string& name : product.schema.primary_key) {
          const size_t column = static_cast<size_t>(product.schema.FieldIndex(name));
          table->rows[row][column] = table->rows[row - 1][column];
        }
      }
      continue;
    }
    const int column = table->ColumnIndex(defect.column);
    if (column < 0) {
      return Status::InvalidArgument(DefectWhere(product, defect) + ": " + product.name +
                                     " has no column '" + defect.column + "'");
    }
    const auto rows = PickRows(table->rows.size(), 0, defect.fraction, &prng);
    Status spoiled = SpoilColumn(plan, column, defect, rows, table);
    if (!spoiled.ok()) {
      return Status::InvalidArgument(DefectWhere(product, defect) + ": " + spoiled.message());
    }
  }
  return Status::OK();
}

}  // namespace

int SampleTable::ColumnIndex(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

void SampleCatalog::Add(SampleTable table) {
  const std::string prefix = table.product + ".";
  std::erase_if(distinct_, [&](const auto& entry) { return entry.first.starts_with(prefix); });
  std::string name = table.product;
  tables_.insert_or_assign(std::move(name), std::move(table));
}

const SampleTable* SampleCatalog::Find(std::string_view product) const {
  auto found = tables_.find(product);
  return found == tables_.end() ? nullptr : &found->second;
}

const std::vector<std::string>* SampleCatalog::DistinctValues(std::string_view product,
                                                              std::string_view column) const {
  const std::string key = std::string(product) + "." + std::string(column);
  if (auto cached = distinct_.find(key); cached != distinct_.end()) return &cached->second;
  const SampleTable* table = Find(product);
  if (table == nullptr) return nullptr;
  const int index = table->ColumnIndex(column);
  if (index < 0) return nullptr;
  std::vector<std::string> values;
  std::unordered_set<std::string> seen;
  for (const auto& row : table->rows) {
    const SampleCell& cell = row[static_cast<size_t>(index)];
    if (cell && seen.insert(*cell).second) values.push_back(*cell);
  }
  return &distinct_.emplace(key, std::move(values)).first->second;
}

Result<SampleTable> GenerateSample(const Descriptor& product, const SampleOptions& options,
                                   const SampleCatalog& upstream) {
  ASSIGN_OR_RAISE(auto hints, ReadSampleHints(product));
  ASSIGN_OR_RAISE(Plan plan, MakePlan(product, options, upstream, hints));
  SampleTable table;
  table.product = product.name;
  for (const Field& field : product.schema.fields) {
    table.columns.push_back(field.name);
    table.types.push_back(field.type);
  }
  RETURN_NOT_OK(FillRows(product, plan, options, &table));
  RETURN_NOT_OK(InjectDefects(product, plan, options, &table));
  return table;
}

}  // namespace mesh::demo
