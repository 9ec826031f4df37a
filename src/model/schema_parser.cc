// The schema part of the descriptor parser: primary_key, fields and their constraints.
#include <re2/re2.h>

#include <cmath>
#include <limits>
#include <map>

#include "base/time.h"
#include "model/descriptor_parse_context.h"
#include "model/suggest.h"

namespace mesh::internal {
namespace {

const std::vector<std::string_view> kSchemaKeys{"primary_key", "fields"};
const std::vector<std::string_view> kFieldKeys{
    "name", "type", "description", "required",       "unique", "allowed_values",
    "min",  "max",  "pattern",     "classification", "tags",   "deprecated"};
const std::vector<std::string_view> kTypeNames{"boolean", "int32",       "int64", "float",
                                               "double",  "string",      "date",  "timestamp",
                                               "binary",  "decimal(P,S)"};

// Names other systems use for our types: a better hint than edit distance.
const std::map<std::string, std::string, std::less<>> kTypeSynonyms{{"bool", "boolean"},
                                                                    {"int", "int64"},
                                                                    {"integer", "int64"},
                                                                    {"long", "int64"},
                                                                    {"bigint", "int64"},
                                                                    {"smallint", "int32"},
                                                                    {"short", "int32"},
                                                                    {"real", "float"},
                                                                    {"float32", "float"},
                                                                    {"float64", "double"},
                                                                    {"number", "double"},
                                                                    {"numeric", "decimal(P,S)"},
                                                                    {"str", "string"},
                                                                    {"text", "string"},
                                                                    {"varchar", "string"},
                                                                    {"datetime", "timestamp"},
                                                                    {"timestamptz", "timestamp"},
                                                                    {"bytes", "binary"},
                                                                    {"blob", "binary"}};

std::string TypeHint(std::string_view written) {
  auto synonym = kTypeSynonyms.find(written);
  if (synonym != kTypeSynonyms.end()) return " did you mean '" + synonym->second + "'?";
  if (written.substr(0, 7) == "decimal") {
    return " write decimal(P,S) with precision P in 1..38 and scale S in 0..P";
  }
  std::string suggestion = DidYouMean(written, kTypeNames);
  return suggestion.empty() ? " use one of boolean, int32, int64, float, double, decimal(P,S), "
                              "string, date, timestamp, binary"
                            : suggestion;
}

std::string Quoted(const yaml::Node& node) { return "'" + node.scalar + "'"; }

// Whether a number literal can bound or list values of an integer type. Any finite number can:
// values compare as numbers, so `min: 1.5` on an int64 admits 2 and up. A whole number must fit
// the type, since a bound outside it is almost certainly a typo.
bool FitsInteger(const yaml::Node& node, TypeId id) {
  std::optional<int64_t> value = node.AsInt();
  if (!value) return node.AsDouble().has_value();
  if (id == TypeId::kInt32) {
    return *value >= std::numeric_limits<int32_t>::min() &&
           *value <= std::numeric_limits<int32_t>::max();
  }
  return true;
}

// The literal read as `type`, or a message saying why it cannot be.
std::optional<std::string> ConvertLiteral(const yaml::Node& node, const FieldType& type,
                                          Literal* literal) {
  const std::string type_name = type.ToString();
  switch (type.id) {
    case TypeId::kBoolean:
      if (literal->kind == Literal::Kind::kBool) return std::nullopt;
      return "is not a boolean: write true or false";
    case TypeId::kInt32:
    case TypeId::kInt64:
      if (literal->kind == Literal::Kind::kNumber && FitsInteger(node, type.id)) {
        return std::nullopt;
      }
      return "is not an " + type_name + " bound: write a number (unquoted) in the type's range, e.g. 12";
    case TypeId::kFloat:
    case TypeId::kDouble:
    case TypeId::kDecimal:
      if (literal->kind == Literal::Kind::kNumber) return std::nullopt;
      return "is not a number: write it unquoted, e.g. 12.5";
    case TypeId::kString:
      if (literal->kind == Literal::Kind::kBool) return "is a boolean: quote it to make a string";
      literal->kind = Literal::Kind::kString;
      return std::nullopt;
    case TypeId::kDate:
      if (std::optional<int32_t> days = ParseDate(node.scalar)) {
        literal->kind = Literal::Kind::kString;
        literal->number = *days;
        return std::nullopt;
      }
      return "is not a date: write YYYY-MM-DD";
    case TypeId::kTimestamp:
      if (std::optional<Timestamp> ts = ParseTimestamp(node.scalar)) {
        literal->kind = Literal::Kind::kString;
        literal->number = static_cast<double>(ts->micros);
        return std::nullopt;
      }
      return "is not a timestamp: write ISO-8601 with a zone, e.g. 2026-11-20T07:30:00Z";
    case TypeId::kBinary:
      return "cannot constrain a binary field: remove it";
  }
  return "does not match the type " + type_name;
}

}  // namespace

std::optional<Literal> ReadLiteral(const yaml::Node& node, std::string_view path,
                                   const FieldType& type, std::string_view what,
                                   DescriptorParseContext* context) {
  if (!node.IsScalar() || node.IsNullScalar()) {
    context->reader.TypeError(node, path, "a single value (string, number or boolean)");
    return std::nullopt;
  }
  Literal literal;
  literal.text = node.scalar;
  literal.mark = node.mark;
  if (std::optional<bool> flag = node.AsBool()) {
    literal.kind = Literal::Kind::kBool;
    literal.number = *flag ? 1 : 0;
  } else if (std::optional<double> number = node.AsDouble(); number && std::isfinite(*number)) {
    literal.kind = Literal::Kind::kNumber;
    literal.number = *number;
  }
  if (std::optional<std::string> problem = ConvertLiteral(node, type, &literal)) {
    context->InvalidValue(node.mark, std::string(what) + " " + Quoted(node) + " (type " +
                                         type.ToString() + ") " + *problem);
    return std::nullopt;
  }
  return literal;
}

bool CheckBoundable(const FieldType& type, yaml::Mark mark, std::string_view what,
                    DescriptorParseContext* context) {
  if (type.IsNumeric() || type.IsTemporal()) return true;
  context->InvalidValue(mark, std::string(what) +
                                  " applies to numbers, dates and timestamps, not "
                                  "to a " +
                                  type.ToString() +
                                  " field: remove it (use allowed_values or pattern instead)");
  return false;
}

void CheckBoundsOrder(const std::optional<Literal>& min, const std::optional<Literal>& max,
                      std::string_view what, DescriptorParseContext* context) {
  if (!min || !max || min->number <= max->number) return;
  context->InvalidValue(max->mark, std::string(what) + " has min " + min->text + " above max " +
                                       max->text + ": swap or correct them");
}

bool CheckPattern(const std::string& pattern, yaml::Mark mark, DescriptorParseContext* context) {
  RE2 compiled(pattern, RE2::Quiet);
  if (compiled.ok()) return true;
  context->InvalidValue(mark, "pattern '" + pattern + "' is not a valid RE2 expression (" +
                                  compiled.error() + "): correct it");
  return false;
}

namespace {

struct FieldReader {
  DescriptorParseContext* context;
  const MappingReader::Entries& entries;
  std::string path;
  Field* field;

  const yaml::Node* Value(std::string_view key) const {
    const yaml::Node::Entry* entry = entries.Find(key);
    return entry ? entry->value.get() : nullptr;
  }
  std::string KeyPath(std::string_view key) const { return JoinKeyPath(path, key); }
  std::string What(std::string_view key) const {
    return std::string(key) + " of field '" + field->name + "'";
  }

  void ReadFlags() {
    MappingReader& reader = context->reader;
    if (const yaml::Node* n = Value("required"))
      field->required = reader.Bool(*n, KeyPath("required")).value_or(false);
    if (const yaml::Node* n = Value("unique"))
      field->unique = reader.Bool(*n, KeyPath("unique")).value_or(false);
    if (const yaml::Node* n = Value("deprecated"))
      field->deprecated = reader.Bool(*n, KeyPath("deprecated")).value_or(false);
    if (const yaml::Node* n = Value("description"))
      field->description = reader.String(*n, KeyPath("description")).value_or("");
    if (const yaml::Node* n = Value("classification"))
      field->classification = reader.String(*n, KeyPath("classification"));
    if (const yaml::Node* n = Value("tags")) {
      field->tags =
          reader.StringList(*n, KeyPath("tags"), "tags", &field->marks, &field->value_marks)
              .value_or(std::vector<std::string>{});
    }
  }

  void ReadAllowedValues(const FieldType& type) {
    const yaml::Node* node = Value("allowed_values");
    if (!node || !context->reader.ExpectList(*node, KeyPath("allowed_values"))) return;
    if (node->items.empty()) {
      context->InvalidValue(node->mark, What("allowed_values") +
                                            " is an empty list: no value could pass; list the "
                                            "permitted values or remove the key");
      return;
    }
    for (size_t i = 0; i < node->items.size(); ++i) {
      std::optional<Literal> literal = ReadLiteral(
          *node->items[i], ItemPath(KeyPath("allowed_values"), i), type, "allowed value", context);
      if (literal) field->allowed_values.push_back(std::move(*literal));
    }
  }

  std::optional<Literal> ReadBound(std::string_view key, const FieldType& type) {
    const yaml::Node* node = Value(key);
    if (!node || !CheckBoundable(type, node->mark, What(key), context)) return std::nullopt;
    return ReadLiteral(*node, KeyPath(key), type, What(key), context);
  }

  void ReadPattern(const FieldType& type) {
    const yaml::Node* node = Value("pattern");
    if (!node) return;
    std::optional<std::string> pattern = context->reader.String(*node, KeyPath("pattern"));
    if (!pattern) return;
    if (type.id != TypeId::kString) {
      context->InvalidValue(node->mark, What("pattern") + " applies to string fields, not to a " +
                                            type.ToString() + " field: remove it");
      return;
    }
    if (CheckPattern(*pattern, node->mark, context)) field->pattern = std::move(pattern);
  }

  void ReadConstraints(const FieldType& type) {
    ReadAllowedValues(type);
    field->min = ReadBound("min", type);
    field->max = ReadBound("max", type);
    CheckBoundsOrder(field->min, field->max, "field '" + field->name + "'", context);
    ReadPattern(type);
  }

  std::optional<FieldType> ReadType() {
    const yaml::Node* node = Value("type");
    if (!node) return std::nullopt;
    std::optional<std::string> text = context->reader.String(*node, KeyPath("type"));
    if (!text) return std::nullopt;
    std::optional<FieldType> type = FieldType::Parse(*text);
    if (!type) {
      context->InvalidValue(node->mark, "type '" + *text + "' of field '" + field->name +
                                            "' is not a known type:" + TypeHint(*text));
    }
    return type;
  }
};

// Reads one item of schema.fields; false when it has no usable name or type.
bool ParseField(const yaml::Node& item, size_t index, Field* field,
                DescriptorParseContext* context) {
  std::string path = ItemPath("schema.fields", index);
  if (!context->reader.ExpectMapping(item, path)) return false;
  field->mark = item.mark;
  context->reader.Record(path, item.mark, item.mark);
  MappingReader::Entries entries =
      context->reader.ReadMapping(item, path, kFieldKeys, &field->marks, &field->value_marks);
  FieldReader reader{context, entries, path, field};
  const yaml::Node* name = reader.Value("name");
  if (!name) {
    context->MissingKey(item.mark, "field #" + std::to_string(index + 1) +
                                       " of schema.fields has no 'name': add name: <field name>");
  } else if (std::optional<std::string> text =
                 context->reader.String(*name, reader.KeyPath("name"))) {
    field->name = *text;
  }
  if (!reader.Value("type")) {
    context->MissingKey(item.mark, "field " +
                                       (field->name.empty() ? "#" + std::to_string(index + 1)
                                                            : "'" + field->name + "'") +
                                       " has no 'type': add type: <boolean, int32, int64, float, "
                                       "double, decimal(P,S), string, date, timestamp or binary>");
  }
  std::optional<FieldType> type = reader.ReadType();
  reader.ReadFlags();
  if (type) {
    field->type = *type;
    reader.ReadConstraints(*type);
  }
  return !field->name.empty() && type.has_value();
}

void ParseFields(const yaml::Node& node, yaml::Mark key_mark, DescriptorParseContext* context) {
  if (!context->reader.ExpectList(node, "schema.fields")) return;
  if (node.items.empty()) {
    context->InvalidValue(node.mark.line > 0 ? node.mark : key_mark,
                          "schema.fields is empty: declare at least one field");
    return;
  }
  std::map<std::string, yaml::Mark, std::less<>> first_declared;
  Schema& schema = context->descriptor.schema;
  for (size_t i = 0; i < node.items.size(); ++i) {
    Field field;
    bool usable = ParseField(*node.items[i], i, &field, context);
    if (field.name.empty()) continue;
    yaml::Mark name_mark = field.value_marks["name"];
    auto [previous, inserted] = first_declared.emplace(field.name, name_mark);
    if (!inserted) {
      context->sink->Error("descriptor.duplicate_field", name_mark,
                           "field '" + field.name + "' is declared twice (first at line " +
                               std::to_string(previous->second.line) +
                               "): rename or remove one of them");
      continue;
    }
    context->declared_fields.insert(field.name);
    if (usable) schema.fields.push_back(std::move(field));
  }
}

void ParsePrimaryKey(const yaml::Node& node, DescriptorParseContext* context) {
  Schema& schema = context->descriptor.schema;
  std::optional<std::vector<std::string>> columns = context->reader.StringList(
      node, "schema.primary_key", "primary_key", &schema.marks, &schema.value_marks);
  if (!columns) return;
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < columns->size(); ++i) {
    const std::string& column = (*columns)[i];
    yaml::Mark mark = schema.value_marks[ItemPath("primary_key", i)];
    if (!context->CheckFieldReference(column, mark, "descriptor.primary_key", "primary_key")) {
      continue;
    }
    if (!seen.insert(column).second) {
      context->sink->Error("descriptor.primary_key", mark,
                           "primary_key lists '" + column + "' twice: remove the repetition");
      continue;
    }
    schema.primary_key.push_back(column);
  }
}

}  // namespace

void ParseSchema(const yaml::Node::Entry& entry, DescriptorParseContext* context) {
  const yaml::Node& node = *entry.value;
  if (!context->reader.ExpectMapping(node, "schema")) return;
  Schema& schema = context->descriptor.schema;
  MappingReader::Entries entries =
      context->reader.ReadMapping(node, "schema", kSchemaKeys, &schema.marks, &schema.value_marks);
  const yaml::Node::Entry* fields = entries.Find("fields");
  if (!fields) {
    context->MissingKey(entry.key->mark,
                        "schema has no 'fields': add fields: with at least one '- name: ..., "
                        "type: ...' item");
  } else {
    ParseFields(*fields->value, fields->key->mark, context);
  }
  if (const yaml::Node::Entry* primary_key = entries.Find("primary_key")) {
    ParsePrimaryKey(*primary_key->value, context);
  }
}

}  // namespace mesh::internal
