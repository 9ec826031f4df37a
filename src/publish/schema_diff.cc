#include "publish/schema_diff.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/time.h"

namespace mesh {
namespace {

using Kind = ChangeKind;

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string FormatNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.15g", value);
  return buffer;
}

// Collects changes; every Add names the kind, the path and both values.
class ChangeList {
 public:
  void Add(Kind kind, std::string path, std::string before, std::string after, std::string message,
           yaml::Mark mark) {
    changes_.push_back(
        {kind, std::move(path), std::move(before), std::move(after), std::move(message), mark});
  }
  std::vector<SchemaChange> Take() { return std::move(changes_); }

 private:
  std::vector<SchemaChange> changes_;
};

// A bound written as a number, a date or a timestamp, as a comparable number.
std::optional<double> OrderValue(const Literal& literal) {
  if (literal.kind == Literal::Kind::kNumber) return literal.number;
  if (auto timestamp = ParseTimestamp(literal.text)) return static_cast<double>(timestamp->micros);
  if (auto date = ParseDate(literal.text)) {
    return static_cast<double>(*date) * static_cast<double>(kMicrosPerDay);
  }
  return std::nullopt;
}

std::string LiteralKey(const Literal& literal) {
  if (literal.kind == Literal::Kind::kNumber) return "n:" + FormatNumber(literal.number);
  if (literal.kind == Literal::Kind::kBool) return "b:" + FormatNumber(literal.number);
  return "s:" + literal.text;
}

std::string LiteralsText(const std::vector<Literal>& literals) {
  std::vector<std::string> texts;
  for (const Literal& literal : literals) texts.push_back(literal.text);
  return "[" + Join(texts) + "]";
}

std::string OptionalLiteralText(const std::optional<Literal>& literal) {
  return literal ? literal->text : "";
}

// Lowest level first; an unknown level ranks above every known one (the conservative choice).
int LevelRank(const std::vector<std::string>& levels, std::string_view level) {
  auto it = std::find(levels.begin(), levels.end(), level);
  return it == levels.end() ? static_cast<int>(levels.size())
                            : static_cast<int>(it - levels.begin());
}

bool IsWidening(const FieldType& from, const FieldType& to) {
  bool from_int = from.id == TypeId::kInt32 || from.id == TypeId::kInt64;
  return (from.id == TypeId::kInt32 && to.id == TypeId::kInt64) ||
         (from.id == TypeId::kFloat && to.id == TypeId::kDouble) ||
         (from_int && to.id == TypeId::kDouble);
}

yaml::Mark FieldMark(const Field& field, std::string_view key) {
  auto it = field.value_marks.find(key);
  if (it != field.value_marks.end()) return it->second;
  auto key_it = field.marks.find(key);
  return key_it != field.marks.end() ? key_it->second : field.mark;
}

// allowed_values: an empty list allows everything.
void DiffAllowedValues(const std::vector<Literal>& before, const std::vector<Literal>& after,
                       const std::string& path, std::string_view subject, yaml::Mark mark,
                       ChangeList* out) {
  std::set<std::string> old_keys, new_keys;
  for (const Literal& literal : before) old_keys.insert(LiteralKey(literal));
  for (const Literal& literal : after) new_keys.insert(LiteralKey(literal));
  if (old_keys == new_keys) return;
  std::string old_text = before.empty() ? "" : LiteralsText(before);
  std::string new_text = after.empty() ? "" : LiteralsText(after);
  bool narrowed =
      !after.empty() && (before.empty() || std::includes(old_keys.begin(), old_keys.end(),
                                                         new_keys.begin(), new_keys.end()));
  if (narrowed) {
    out->Add(Kind::kMinor, path, old_text, new_text,
             std::string(subject) + " allowed values narrowed to " + new_text +
                 ": a tightened constraint",
             mark);
  } else {
    out->Add(Kind::kBreaking, path, old_text, new_text,
             std::string(subject) + " allowed values widened" +
                 (after.empty() ? " (restriction removed)" : " to " + new_text) +
                 ": consumers may receive values they do not expect",
             mark);
  }
}

// One bound (min when `is_min`, else max): widening the range is breaking, narrowing minor.
void DiffBound(const std::optional<Literal>& before, const std::optional<Literal>& after,
               bool is_min, const std::string& path, std::string_view subject, yaml::Mark mark,
               ChangeList* out) {
  if (!before && !after) return;
  std::string old_text = OptionalLiteralText(before);
  std::string new_text = OptionalLiteralText(after);
  const char* bound = is_min ? "minimum" : "maximum";
  if (before && after) {
    auto old_value = OrderValue(*before);
    auto new_value = OrderValue(*after);
    if (old_value && new_value && *old_value == *new_value) return;
    if (!old_value || !new_value) {
      if (before->text == after->text) return;
      out->Add(Kind::kBreaking, path, old_text, new_text,
               std::string(subject) + " " + bound + " changed from " + old_text + " to " +
                   new_text + " and the values cannot be compared: treated as widened",
               mark);
      return;
    }
    bool widened = is_min ? *new_value < *old_value : *new_value > *old_value;
    out->Add(widened ? Kind::kBreaking : Kind::kMinor, path, old_text, new_text,
             std::string(subject) + " " + bound + " " + (widened ? "widened" : "narrowed") +
                 " from " + old_text + " to " + new_text +
                 (widened ? ": consumers may receive values outside the old range"
                          : ": a tightened constraint"),
             mark);
    return;
  }
  if (before) {
    out->Add(Kind::kBreaking, path, old_text, "",
             std::string(subject) + " " + bound + " " + old_text + " removed: the range is widened",
             mark);
  } else {
    out->Add(Kind::kMinor, path, "", new_text,
             std::string(subject) + " " + bound + " " + new_text + " added: a tightened constraint",
             mark);
  }
}

// A flag whose `true` is a promise to consumers (required, unique): dropping it is breaking.
void DiffPromiseFlag(bool before, bool after, const std::string& path, std::string_view subject,
                     std::string_view flag, yaml::Mark mark, ChangeList* out) {
  if (before == after) return;
  if (before) {
    out->Add(
        Kind::kBreaking, path, "true", "false",
        std::string(subject) + " is no longer " + std::string(flag) + ": consumers relied on it",
        mark);
  } else {
    out->Add(Kind::kMinor, path, "false", "true",
             std::string(subject) + " is now " + std::string(flag) + ": a tightened constraint",
             mark);
  }
}

void DiffText(const std::string& before, const std::string& after, const std::string& path,
              std::string_view what, yaml::Mark mark, ChangeList* out) {
  if (before == after) return;
  out->Add(Kind::kPatch, path, before, after, std::string(what) + " changed (text only)", mark);
}

void DiffStringList(const std::vector<std::string>& before, const std::vector<std::string>& after,
                    Kind kind, const std::string& path, std::string_view what, yaml::Mark mark,
                    ChangeList* out) {
  std::set<std::string> old_set(before.begin(), before.end());
  std::set<std::string> new_set(after.begin(), after.end());
  if (old_set == new_set) return;
  std::vector<std::string> added, removed;
  std::set_difference(new_set.begin(), new_set.end(), old_set.begin(), old_set.end(),
                      std::back_inserter(added));
  std::set_difference(old_set.begin(), old_set.end(), new_set.begin(), new_set.end(),
                      std::back_inserter(removed));
  std::string message = std::string(what) + " changed:";
  if (!added.empty()) message += " added " + Join(added);
  if (!added.empty() && !removed.empty()) message += ";";
  if (!removed.empty()) message += " removed " + Join(removed);
  out->Add(kind, path, Join(before), Join(after), message, mark);
}

void DiffClassification(const std::string& before, const std::string& after,
                        const DiffOptions& options, const std::string& path,
                        std::string_view subject, yaml::Mark mark, ChangeList* out) {
  if (before == after) return;
  int old_rank = LevelRank(options.classification_levels, before);
  int new_rank = LevelRank(options.classification_levels, after);
  bool raised =
      new_rank > old_rank || new_rank == static_cast<int>(options.classification_levels.size());
  std::string old_text = before.empty() ? "(none)" : before;
  out->Add(raised ? Kind::kBreaking : Kind::kMinor, path, before, after,
           std::string(subject) + " classification " + (raised ? "raised" : "lowered") + " from " +
               old_text + " to " + after + (raised ? ": some consumers may lose access to it" : ""),
           mark);
}

}  // namespace

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kPatch:
      return "patch";
    case ChangeKind::kMinor:
      return "minor";
    case ChangeKind::kBreaking:
      return "breaking";
  }
  return "?";
}

namespace {

// ---- top-level keys ----

void DiffProductKeys(const Descriptor& before, const Descriptor& after, const DiffOptions& options,
                     ChangeList* out) {
  if (before.name != after.name) {
    out->Add(Kind::kBreaking, "name", before.name, after.name,
             "product renamed from " + Quote(before.name) + " to " + Quote(after.name) +
                 ": consumers address it by name",
             after.ValueMarkOf("name"));
  }
  if (before.output_format != after.output_format) {
    std::string old_format(OutputFormatName(before.output_format));
    std::string new_format(OutputFormatName(after.output_format));
    out->Add(Kind::kBreaking, "output_format", old_format, new_format,
             "output_format changed from " + old_format + " to " + new_format +
                 ": consumers read the stored format",
             after.ValueMarkOf("output_format"));
  }
  DiffClassification(before.classification.value_or(""), after.classification.value_or(""), options,
                     "classification", "product", after.ValueMarkOf("classification"), out);
  for (auto [key, old_value, new_value] : {std::tuple{"domain", &before.domain, &after.domain},
                                           std::tuple{"owner", &before.owner, &after.owner}}) {
    if (*old_value == *new_value) continue;
    out->Add(Kind::kMinor, key, *old_value, *new_value,
             std::string(key) + " changed from " + *old_value + " to " + *new_value +
                 ": who answers for the product changed",
             after.ValueMarkOf(key));
  }
  if (before.event_time != after.event_time) {
    out->Add(Kind::kMinor, "event_time", before.event_time.value_or(""),
             after.event_time.value_or(""),
             "event_time changed: lag is now measured on " +
                 (after.event_time ? Quote(*after.event_time) : std::string("no field")),
             after.ValueMarkOf("event_time"));
  }
  DiffStringList(before.lineage, after.lineage, Kind::kMinor, "lineage", "lineage",
                 after.ValueMarkOf("lineage"), out);
}

void DiffTextKeys(const Descriptor& before, const Descriptor& after, ChangeList* out) {
  DiffText(before.description.value_or(""), after.description.value_or(""), "description",
           "description", after.ValueMarkOf("description"), out);
  DiffText(before.documentation_url.value_or(""), after.documentation_url.value_or(""),
           "documentation_url", "documentation_url", after.ValueMarkOf("documentation_url"), out);
  Support old_support = before.support.value_or(Support{});
  Support new_support = after.support.value_or(Support{});
  DiffText(old_support.channel.value_or(""), new_support.channel.value_or(""), "support.channel",
           "support channel", after.ValueMarkOf("support"), out);
  DiffText(old_support.email.value_or(""), new_support.email.value_or(""), "support.email",
           "support email", after.ValueMarkOf("support"), out);
  DiffText(old_support.issues_url.value_or(""), new_support.issues_url.value_or(""),
           "support.issues_url", "support issues_url", after.ValueMarkOf("support"), out);
  DiffStringList(before.tags, after.tags, Kind::kPatch, "tags", "tags (text only)",
                 after.ValueMarkOf("tags"), out);
  DiffStringList(before.consumer_teams, after.consumer_teams, Kind::kPatch, "consumer_teams",
                 "consumer teams (who is told of changes)", after.ValueMarkOf("consumer_teams"),
                 out);
}

// ---- service levels ----

// How often a cadence delivers: more is better for consumers.
int Frequency(Availability::Cadence cadence) {
  switch (cadence) {
    case Availability::Cadence::kHourly:
      return 3;
    case Availability::Cadence::kDaily:
      return 2;
    case Availability::Cadence::kWeekdays:
      return 1;
    case Availability::Cadence::kWeekly:
      return 0;
  }
  return 0;
}

// Minutes from the start of the cadence's period to the deadline.
int DeadlineOffset(const Availability& availability) {
  int day_minutes = availability.hour * 60 + availability.minute;
  switch (availability.cadence) {
    case Availability::Cadence::kHourly:
      return availability.minute;
    case Availability::Cadence::kWeekly:
      return availability.weekday * 24 * 60 + day_minutes;
    default:
      return day_minutes;
  }
}

void DiffAvailability(const Sla& before, const Sla& after, yaml::Mark mark, ChangeList* out) {
  const std::string path = "sla.availability";
  const std::string& old_text = before.availability_text;
  const std::string& new_text = after.availability_text;
  if (!before.availability && !after.availability) return;
  if (!after.availability) {
    out->Add(Kind::kBreaking, path, old_text, "",
             "availability commitment " + Quote(old_text) + " removed: a loosened SLA", mark);
    return;
  }
  if (!before.availability) {
    out->Add(Kind::kMinor, path, "", new_text,
             "availability commitment " + Quote(new_text) + " added: a tightened SLA", mark);
    return;
  }
  int old_frequency = Frequency(before.availability->cadence);
  int new_frequency = Frequency(after.availability->cadence);
  int old_offset = DeadlineOffset(*before.availability);
  int new_offset = DeadlineOffset(*after.availability);
  if (old_frequency == new_frequency && old_offset == new_offset) return;
  bool looser =
      new_frequency < old_frequency || (new_frequency == old_frequency && new_offset > old_offset);
  const char* why = new_frequency != old_frequency
                        ? (looser ? "less frequent" : "more frequent")
                        : (looser ? "a later deadline" : "an earlier deadline");
  out->Add(looser ? Kind::kBreaking : Kind::kMinor, path, old_text, new_text,
           "availability changed from " + Quote(old_text) + " to " + Quote(new_text) + ": " + why +
               (looser ? ", a loosened SLA" : ", a tightened SLA"),
           mark);
}

// A numeric SLA promise; `higher_is_looser` for max_lag_hours, not for min_completeness.
void DiffSlaNumber(const std::optional<double>& before, const std::optional<double>& after,
                   bool higher_is_looser, const std::string& path, yaml::Mark mark,
                   ChangeList* out) {
  if (before == after) return;
  std::string old_text = before ? FormatNumber(*before) : "";
  std::string new_text = after ? FormatNumber(*after) : "";
  bool looser;
  if (!after) {
    looser = true;
  } else if (!before) {
    looser = false;
  } else {
    looser = higher_is_looser ? *after > *before : *after < *before;
  }
  std::string message = path + " " +
                        (!after    ? "removed (was " + old_text + ")"
                         : !before ? "added (" + new_text + ")"
                                   : "changed from " + old_text + " to " + new_text) +
                        (looser ? ": a loosened SLA" : ": a tightened SLA");
  out->Add(looser ? Kind::kBreaking : Kind::kMinor, path, old_text, new_text, message, mark);
}

void DiffSla(const Descriptor& before, const Descriptor& after, ChangeList* out) {
  if (!before.sla && !after.sla) return;
  Sla old_sla = before.sla.value_or(Sla{});
  Sla new_sla = after.sla.value_or(Sla{});
  DiffAvailability(old_sla, new_sla, after.ValueMarkOf("sla.availability"), out);
  // An SLA added or removed as a whole is reported per promise; its zone alone promises nothing.
  if (before.sla && after.sla && old_sla.timezone != new_sla.timezone) {
    out->Add(Kind::kBreaking, "sla.timezone", old_sla.timezone, new_sla.timezone,
             "the deadline's timezone changed from " + old_sla.timezone + " to " +
                 new_sla.timezone + ": the deadline may now fall later, treated as loosened",
             after.ValueMarkOf("sla.timezone"));
  }
  DiffSlaNumber(old_sla.max_lag_hours, new_sla.max_lag_hours, true, "sla.max_lag_hours",
                after.ValueMarkOf("sla.max_lag_hours"), out);
  DiffSlaNumber(old_sla.min_completeness, new_sla.min_completeness, false, "sla.min_completeness",
                after.ValueMarkOf("sla.min_completeness"), out);
}

// ---- schema ----

void DiffFieldType(const Field& before, const Field& after, const std::string& path,
                   ChangeList* out) {
  if (before.type == after.type) return;
  std::string old_type = before.type.ToString();
  std::string new_type = after.type.ToString();
  bool widening = IsWidening(before.type, after.type);
  out->Add(widening ? Kind::kMinor : Kind::kBreaking, path + ".type", old_type, new_type,
           "field " + Quote(after.name) + " type changed from " + old_type + " to " + new_type +
               (widening ? ": a widening"
                         : ": consumers' readers break (only int32→int64, float→double and "
                           "int32/int64→double are widenings)"),
           FieldMark(after, "type"));
}

void DiffPattern(const Field& before, const Field& after, const std::string& path,
                 ChangeList* out) {
  if (before.pattern == after.pattern) return;
  std::string subject = "field " + Quote(after.name);
  std::string old_text = before.pattern.value_or("");
  std::string new_text = after.pattern.value_or("");
  if (!after.pattern) {
    out->Add(Kind::kBreaking, path + ".pattern", old_text, "",
             subject + " pattern removed: a loosened constraint", FieldMark(after, "name"));
  } else if (!before.pattern) {
    out->Add(Kind::kMinor, path + ".pattern", "", new_text,
             subject + " pattern added: a tightened constraint", FieldMark(after, "pattern"));
  } else {
    out->Add(Kind::kBreaking, path + ".pattern", old_text, new_text,
             subject + " pattern changed: it may accept values the old one refused",
             FieldMark(after, "pattern"));
  }
}

void DiffField(const Descriptor& old_product, const Field& before, const Descriptor& new_product,
               const Field& after, const DiffOptions& options, ChangeList* out) {
  const std::string path = "schema.fields." + after.name;
  const std::string subject = "field " + Quote(after.name);
  DiffFieldType(before, after, path, out);
  DiffPromiseFlag(before.required, after.required, path + ".required", subject, "required",
                  FieldMark(after, "required"), out);
  DiffPromiseFlag(before.unique, after.unique, path + ".unique", subject, "unique",
                  FieldMark(after, "unique"), out);
  DiffAllowedValues(before.allowed_values, after.allowed_values, path + ".allowed_values", subject,
                    FieldMark(after, "allowed_values"), out);
  DiffBound(before.min, after.min, true, path + ".min", subject, FieldMark(after, "min"), out);
  DiffBound(before.max, after.max, false, path + ".max", subject, FieldMark(after, "max"), out);
  DiffPattern(before, after, path, out);
  if (before.classification || after.classification) {
    DiffClassification(old_product.FieldClassification(before),
                       new_product.FieldClassification(after), options, path + ".classification",
                       subject, FieldMark(after, "classification"), out);
  }
  if (before.deprecated != after.deprecated) {
    out->Add(Kind::kMinor, path + ".deprecated", before.deprecated ? "true" : "false",
             after.deprecated ? "true" : "false",
             subject + (after.deprecated ? " deprecated: to be removed in the next major version"
                                         : " no longer deprecated"),
             FieldMark(after, "deprecated"));
  }
  DiffText(before.description, after.description, path + ".description", subject + " description",
           FieldMark(after, "description"), out);
  DiffStringList(before.tags, after.tags, Kind::kPatch, path + ".tags",
                 subject + " tags (text only)", FieldMark(after, "tags"), out);
}

std::vector<std::string> CommonFieldOrder(const Schema& schema, const Schema& other) {
  std::vector<std::string> names;
  for (const Field& field : schema.fields) {
    if (other.FindField(field.name)) names.push_back(field.name);
  }
  return names;
}

void DiffSchema(const Descriptor& before, const Descriptor& after, const DiffOptions& options,
                ChangeList* out) {
  yaml::Mark fields_mark = after.ValueMarkOf("schema.fields");
  for (const Field& field : after.schema.fields) {
    const Field* old_field = before.schema.FindField(field.name);
    if (old_field) {
      DiffField(before, *old_field, after, field, options, out);
    } else {
      out->Add(Kind::kMinor, "schema.fields." + field.name, "", field.type.ToString(),
               "field " + Quote(field.name) + " (" + field.type.ToString() + ") added", field.mark);
    }
  }
  for (const Field& field : before.schema.fields) {
    if (after.schema.FindField(field.name)) continue;
    out->Add(Kind::kBreaking, "schema.fields." + field.name, field.type.ToString(), "",
             "field " + Quote(field.name) +
                 " removed or renamed: consumers that read it break (deprecate it first, "
                 "remove it in the next major version)",
             fields_mark);
  }
  auto old_order = CommonFieldOrder(before.schema, after.schema);
  auto new_order = CommonFieldOrder(after.schema, before.schema);
  if (old_order != new_order) {
    out->Add(Kind::kMinor, "schema.fields", Join(old_order), Join(new_order),
             "field order changed: consumers that read columns by position must adapt",
             fields_mark);
  }
  if (before.schema.primary_key != after.schema.primary_key) {
    out->Add(Kind::kBreaking, "schema.primary_key", Join(before.schema.primary_key),
             Join(after.schema.primary_key),
             "primary key changed from [" + Join(before.schema.primary_key) + "] to [" +
                 Join(after.schema.primary_key) + "]: consumers' joins and deduplication break",
             after.ValueMarkOf("schema.primary_key"));
  }
}

// ---- quality checks ----

// What a check is about: its kind and its columns (or referenced field).
std::string CheckIdentity(const QualityCheck& check) {
  std::string id(CheckKindName(check.kind));
  if (!check.column.empty()) id += "." + check.column;
  if (!check.columns.empty()) {
    std::vector<std::string> columns = check.columns;
    std::sort(columns.begin(), columns.end());
    id += "." + Join(columns);
  }
  if (!check.references_product.empty()) {
    id += "->" + check.references_product + "." + check.references_field;
  }
  return id;
}

void DiffCheck(const QualityCheck& before, const QualityCheck& after, const std::string& path,
               ChangeList* out) {
  const std::string subject = "check " + path.substr(std::string("quality.").size());
  if (before.severity != after.severity) {
    bool loosened = after.severity == Severity::kWarn;
    out->Add(loosened ? Kind::kBreaking : Kind::kMinor, path + ".severity",
             std::string(SeverityName(before.severity)), std::string(SeverityName(after.severity)),
             subject + (loosened ? " no longer blocks publishing (error → warn)"
                                 : " now blocks publishing (warn → error)"),
             after.mark);
  }
  if (before.max_failing != after.max_failing) {
    bool loosened = after.max_failing > before.max_failing;
    out->Add(loosened ? Kind::kBreaking : Kind::kMinor, path + ".max_failing",
             FormatNumber(before.max_failing), FormatNumber(after.max_failing),
             subject + " max_failing " + (loosened ? "raised" : "lowered") + " from " +
                 FormatNumber(before.max_failing) + " to " + FormatNumber(after.max_failing),
             after.mark);
  }
  DiffBound(before.min, after.min, true, path + ".min", subject, after.mark, out);
  DiffBound(before.max, after.max, false, path + ".max", subject, after.mark, out);
  DiffAllowedValues(before.values, after.values, path + ".values", subject, after.mark, out);
  if (before.pattern != after.pattern) {
    out->Add(Kind::kBreaking, path + ".pattern", before.pattern, after.pattern,
             subject + " pattern changed: it may accept values the old one refused", after.mark);
  }
  if (before.max_age_hours != after.max_age_hours) {
    DiffSlaNumber(before.max_age_hours, after.max_age_hours, true, path + ".max_age_hours",
                  after.mark, out);
  }
}

void DiffQuality(const Descriptor& before, const Descriptor& after, ChangeList* out) {
  std::multimap<std::string, const QualityCheck*> old_checks;
  for (const QualityCheck& check : before.quality) old_checks.emplace(CheckIdentity(check), &check);
  for (const QualityCheck& check : after.quality) {
    std::string id = CheckIdentity(check);
    std::string path = "quality." + id;
    auto it = old_checks.find(id);
    if (it == old_checks.end()) {
      out->Add(Kind::kMinor, path, "", id, "check " + id + " added: a tightened guarantee",
               check.mark);
      continue;
    }
    DiffCheck(*it->second, check, path, out);
    old_checks.erase(it);
  }
  for (const auto& [id, check] : old_checks) {
    bool blocking = check->severity == Severity::kError;
    out->Add(blocking ? Kind::kBreaking : Kind::kMinor, "quality." + id, id, "",
             "check " + id + " removed" +
                 (blocking ? ": consumers lose a guarantee" : " (it only warned)"),
             after.ValueMarkOf("quality"));
  }
}

}  // namespace

std::vector<SchemaChange> DiffDescriptors(const Descriptor& current, const Descriptor& proposed,
                                          const DiffOptions& options) {
  ChangeList changes;
  DiffProductKeys(current, proposed, options, &changes);
  DiffTextKeys(current, proposed, &changes);
  DiffSla(current, proposed, &changes);
  DiffSchema(current, proposed, options, &changes);
  DiffQuality(current, proposed, &changes);
  return changes.Take();
}

}  // namespace mesh
