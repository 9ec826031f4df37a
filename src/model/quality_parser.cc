// The quality part of the descriptor parser: each entry of `quality` (data-product.md
// "Quality checks"), with the keys its kind takes and the columns it names.
#include <algorithm>
#include <cmath>

#include "model/descriptor_parse_context.h"
#include "model/suggest.h"

namespace mesh::internal {
namespace {

struct CheckSpec {
  CheckKind kind;
  std::vector<std::string_view> keys;      // besides check and severity
  std::vector<std::string_view> required;  // keys that must be present
  std::vector<std::string_view> one_of;    // at least one of these must be present
};

const std::vector<CheckSpec>& CheckSpecs() {
  static const std::vector<CheckSpec> specs{
      {CheckKind::kRowCount, {"min", "max"}, {}, {"min", "max"}},
      {CheckKind::kNotNull, {"columns", "max_failing"}, {"columns"}, {}},
      {CheckKind::kUnique, {"columns", "max_failing"}, {"columns"}, {}},
      {CheckKind::kRange, {"column", "min", "max", "max_failing"}, {"column"}, {"min", "max"}},
      {CheckKind::kAllowedValues, {"column", "values", "max_failing"}, {"column", "values"}, {}},
      {CheckKind::kPattern, {"column", "pattern", "max_failing"}, {"column", "pattern"}, {}},
      {CheckKind::kCompleteness, {"columns", "min"}, {"columns", "min"}, {}},
      {CheckKind::kFreshness, {"max_age_hours"}, {"max_age_hours"}, {}},
      {CheckKind::kReferential,
       {"column", "references", "max_failing"},
       {"column", "references"},
       {}},
  };
  return specs;
}

std::vector<std::string_view> AllCheckKeys() {
  std::vector<std::string_view> keys{"check", "severity"};
  for (const CheckSpec& spec : CheckSpecs()) {
    for (std::string_view key : spec.keys) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  return keys;
}

std::vector<std::string_view> CheckKindNames() {
  std::vector<std::string_view> names;
  for (const CheckSpec& spec : CheckSpecs()) names.push_back(CheckKindName(spec.kind));
  return names;
}

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

class CheckParser {
 public:
  CheckParser(const yaml::Node& item, size_t index, DescriptorParseContext* context)
      : item_(item), path_(ItemPath("quality", index)), context_(context) {
    check_.mark = item.mark;
  }

  std::optional<QualityCheck> Parse() {
    if (!context_->reader.ExpectMapping(item_, path_)) return std::nullopt;
    context_->reader.Record(path_, item_.mark, item_.mark);
    entries_ = context_->reader.ReadMapping(item_, path_, AllCheckKeys(), &check_.marks,
                                            &check_.value_marks);
    const CheckSpec* spec = ReadKind();
    if (!spec) return std::nullopt;
    bool ok = CheckKeysApply(*spec);
    ok = CheckRequiredKeys(*spec) && ok;
    ReadSeverity();
    ReadMaxFailing();
    ok = ReadKindKeys() && ok;
    if (!ok) return std::nullopt;
    return std::move(check_);
  }

 private:
  const yaml::Node* Value(std::string_view key) const {
    const yaml::Node::Entry* entry = entries_.Find(key);
    return entry ? entry->value.get() : nullptr;
  }
  std::string KeyPath(std::string_view key) const { return JoinKeyPath(path_, key); }
  std::string Name() const { return "check '" + std::string(CheckKindName(check_.kind)) + "'"; }
  void CheckError(yaml::Mark mark, std::string message) {
    context_->sink->Error("descriptor.check", mark, std::move(message));
  }

  const CheckSpec* ReadKind() {
    const yaml::Node* node = Value("check");
    if (!node) {
      CheckError(item_.mark,
                 path_ + " has no 'check' key: add check: <" + JoinNames(CheckKindNames()) + ">");
      return nullptr;
    }
    std::optional<std::string> kind = context_->reader.String(*node, KeyPath("check"));
    if (!kind) return nullptr;
    for (const CheckSpec& spec : CheckSpecs()) {
      if (CheckKindName(spec.kind) == *kind) {
        check_.kind = spec.kind;
        return &spec;
      }
    }
    std::string suggestion = DidYouMean(*kind, CheckKindNames());
    CheckError(node->mark, "unknown check '" + *kind + "':" +
                               (suggestion.empty() ? " use one of " + JoinNames(CheckKindNames())
                                                   : suggestion));
    return nullptr;
  }

  // Keys that belong to other kinds of check.
  bool CheckKeysApply(const CheckSpec& spec) {
    bool ok = true;
    for (const auto& [key, entry] : entries_.known) {
      if (key == "check" || key == "severity") continue;
      if (std::find(spec.keys.begin(), spec.keys.end(), key) != spec.keys.end()) continue;
      std::string suggestion = DidYouMean(key, spec.keys);
      context_->sink->Error("descriptor.unknown_key", entry->key->mark,
                            "key '" + key + "' does not apply to " + Name() + ", which takes " +
                                JoinNames(spec.keys) + " (and severity):" +
                                (suggestion.empty() ? " remove it" : suggestion));
      ok = false;
    }
    return ok;
  }

  bool CheckRequiredKeys(const CheckSpec& spec) {
    bool ok = true;
    for (std::string_view key : spec.required) {
      if (Value(key)) continue;
      CheckError(item_.mark, Name() + " needs '" + std::string(key) + "': add it");
      ok = false;
    }
    if (!spec.one_of.empty() && std::none_of(spec.one_of.begin(), spec.one_of.end(),
                                             [&](std::string_view k) { return Value(k); })) {
      CheckError(item_.mark,
                 Name() + " needs at least one of " + JoinNames(spec.one_of) + ": add a bound");
      ok = false;
    }
    return ok;
  }

  void ReadSeverity() {
    const yaml::Node* node = Value("severity");
    if (!node) return;
    std::optional<std::string> text = context_->reader.String(*node, KeyPath("severity"));
    if (!text) return;
    if (*text == "error" || *text == "warn") {
      check_.severity = *text == "error" ? Severity::kError : Severity::kWarn;
      return;
    }
    context_->InvalidValue(
        node->mark, "severity '" + *text + "' of " + Name() + " is not error or warn:" + [&] {
          std::string s = DidYouMean(*text, {"error", "warn"});
          return s.empty() ? std::string(" pick one") : s;
        }());
  }

  // A number in [low, high]; reports descriptor.type or descriptor.invalid_value.
  std::optional<double> ReadFraction(const yaml::Node& node, std::string_view key) {
    std::optional<double> value = context_->reader.Number(node, KeyPath(key));
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 1) {
      context_->InvalidValue(node.mark, std::string(key) + " " + node.scalar + " of " + Name() +
                                            " is outside 0..1: write a fraction of rows, e.g. "
                                            "0.01");
      return std::nullopt;
    }
    return value;
  }

  void ReadMaxFailing() {
    if (const yaml::Node* node = Value("max_failing")) {
      check_.max_failing = ReadFraction(*node, "max_failing").value_or(0);
    }
  }

  const Field* ReadColumn() {
    const yaml::Node* node = Value("column");
    if (!node) return nullptr;
    std::optional<std::string> column = context_->reader.String(*node, KeyPath("column"));
    if (!column) return nullptr;
    check_.column = *column;
    if (!context_->CheckFieldReference(*column, node->mark, "descriptor.check", Name())) {
      column_ok_ = false;
      return nullptr;
    }
    return context_->descriptor.schema.FindField(*column);
  }

  void ReadColumns() {
    const yaml::Node* node = Value("columns");
    if (!node) return;
    std::optional<std::vector<std::string>> columns = context_->reader.StringList(
        *node, KeyPath("columns"), "columns", &check_.marks, &check_.value_marks);
    if (!columns) return;
    if (columns->empty()) {
      context_->InvalidValue(node->mark, Name() +
                                             " has an empty 'columns' list: name at least "
                                             "one column");
      column_ok_ = false;
    }
    for (size_t i = 0; i < columns->size(); ++i) {
      yaml::Mark mark = check_.value_marks[ItemPath("columns", i)];
      if (!context_->CheckFieldReference((*columns)[i], mark, "descriptor.check", Name())) {
        column_ok_ = false;
      }
    }
    check_.columns = std::move(*columns);
  }

  std::optional<Literal> ReadRowBound(std::string_view key) {
    const yaml::Node* node = Value(key);
    if (!node) return std::nullopt;
    std::optional<Literal> literal =
        ReadLiteral(*node, KeyPath(key), FieldType{TypeId::kInt64, 0, 0},
                    Name() + " " + std::string(key), context_);
    if (literal && literal->number < 0) {
      context_->InvalidValue(
          node->mark, Name() + " " + std::string(key) + " is negative: a row count is 0 or more");
      return std::nullopt;
    }
    return literal;
  }

  std::optional<Literal> ReadValueBound(std::string_view key, const Field* field) {
    const yaml::Node* node = Value(key);
    if (!node || !field) return std::nullopt;
    if (!CheckBoundable(field->type, node->mark, Name() + " " + std::string(key), context_)) {
      return std::nullopt;
    }
    return ReadLiteral(*node, KeyPath(key), field->type, Name() + " " + std::string(key), context_);
  }

  void ReadValues(const Field* field) {
    const yaml::Node* node = Value("values");
    if (!node || !context_->reader.ExpectList(*node, KeyPath("values"))) return;
    if (node->items.empty()) {
      context_->InvalidValue(node->mark, Name() +
                                             " has an empty 'values' list: list the "
                                             "permitted values");
      return;
    }
    if (!field) return;
    for (size_t i = 0; i < node->items.size(); ++i) {
      std::optional<Literal> literal = ReadLiteral(*node->items[i], ItemPath(KeyPath("values"), i),
                                                   field->type, "value", context_);
      if (literal) check_.values.push_back(std::move(*literal));
    }
  }

  void ReadPatternKey(const Field* field) {
    const yaml::Node* node = Value("pattern");
    if (!node) return;
    std::optional<std::string> pattern = context_->reader.String(*node, KeyPath("pattern"));
    if (!pattern) return;
    if (field && field->type.id != TypeId::kString) {
      context_->InvalidValue(node->mark, Name() + " applies to string columns; '" + field->name +
                                             "' is a " + field->type.ToString() +
                                             ": use range or allowed_values");
      return;
    }
    if (CheckPattern(*pattern, node->mark, context_)) check_.pattern = std::move(*pattern);
  }

  void ReadReferences() {
    const yaml::Node* node = Value("references");
    if (!node) return;
    std::optional<std::string> text = context_->reader.String(*node, KeyPath("references"));
    if (!text) return;
    size_t dot = text->find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == text->size() ||
        text->find('.', dot + 1) != std::string::npos) {
      context_->InvalidValue(node->mark, "references '" + *text +
                                             "' is not <product>.<field>: write e.g. "
                                             "customers.customer_id");
      return;
    }
    check_.references_product = text->substr(0, dot);
    check_.references_field = text->substr(dot + 1);
  }

  void ReadFreshness() {
    const yaml::Node* node = Value("max_age_hours");
    if (!node) return;
    std::optional<double> hours = context_->reader.Number(*node, KeyPath("max_age_hours"));
    if (hours && *hours < 0) {
      context_->InvalidValue(node->mark, Name() + " max_age_hours is negative: write 0 or more");
      hours.reset();
    }
    check_.max_age_hours = hours;
    if (!context_->descriptor.event_time) {
      CheckError(item_.mark, Name() +
                                 " measures the age of the newest event_time value, but the "
                                 "product has no event_time: add event_time: <a date or "
                                 "timestamp field>");
    }
  }

  void ReadCompletenessMin() {
    if (const yaml::Node* node = Value("min")) {
      if (std::optional<double> min = ReadFraction(*node, "min")) {
        Literal literal;
        literal.kind = Literal::Kind::kNumber;
        literal.text = node->scalar;
        literal.number = *min;
        literal.mark = node->mark;
        check_.min = literal;
      }
    }
  }

  bool ReadKindKeys() {
    size_t findings_before = context_->sink->findings().size();
    switch (check_.kind) {
      case CheckKind::kRowCount:
        check_.min = ReadRowBound("min");
        check_.max = ReadRowBound("max");
        CheckBoundsOrder(check_.min, check_.max, Name(), context_);
        break;
      case CheckKind::kNotNull:
      case CheckKind::kUnique:
        ReadColumns();
        break;
      case CheckKind::kRange: {
        const Field* field = ReadColumn();
        check_.min = ReadValueBound("min", field);
        check_.max = ReadValueBound("max", field);
        CheckBoundsOrder(check_.min, check_.max, Name(), context_);
        break;
      }
      case CheckKind::kAllowedValues:
        ReadValues(ReadColumn());
        break;
      case CheckKind::kPattern:
        ReadPatternKey(ReadColumn());
        break;
      case CheckKind::kCompleteness:
        ReadColumns();
        ReadCompletenessMin();
        break;
      case CheckKind::kFreshness:
        ReadFreshness();
        break;
      case CheckKind::kReferential:
        ReadColumn();
        ReadReferences();
        break;
    }
    return column_ok_ && context_->sink->findings().size() == findings_before;
  }

  const yaml::Node& item_;
  std::string path_;
  DescriptorParseContext* context_;
  MappingReader::Entries entries_;
  QualityCheck check_;
  bool column_ok_ = true;
};

}  // namespace

void ParseQuality(const yaml::Node& node, DescriptorParseContext* context) {
  if (!context->reader.ExpectList(node, "quality")) return;
  for (size_t i = 0; i < node.items.size(); ++i) {
    CheckParser parser(*node.items[i], i, context);
    if (std::optional<QualityCheck> check = parser.Parse()) {
      context->descriptor.quality.push_back(std::move(*check));
    }
  }
}

}  // namespace mesh::internal
