#include "model/descriptor_parser.h"

#include "model/descriptor_parse_context.h"
#include "model/suggest.h"
#include "yaml/loader.h"

namespace mesh {
namespace internal {

DescriptorParseContext::DescriptorParseContext(FindingSink* sink_in,
                                               const DescriptorParseOptions& options)
    : sink(sink_in),
      timezones(options.timezones ? options.timezones : &TimezoneDatabase::System()),
      reader("descriptor", sink_in, &descriptor.marks, &descriptor.value_marks) {}

std::vector<std::string_view> DescriptorParseContext::FieldNames() const {
  return std::vector<std::string_view>(declared_fields.begin(), declared_fields.end());
}

bool DescriptorParseContext::CheckFieldReference(std::string_view name, yaml::Mark mark,
                                                 std::string_view rule, std::string_view what) {
  if (declared_fields.count(name) > 0) return true;
  std::string suggestion = DidYouMean(name, FieldNames());
  sink->Error(std::string(rule), mark,
              std::string(what) + " names '" + std::string(name) +
                  "', which is not a field of schema.fields:" +
                  (suggestion.empty() ? " use one of the declared fields" : suggestion));
  return false;
}

}  // namespace internal

namespace {

using internal::DescriptorParseContext;

const std::vector<std::string_view> kTopLevelKeys{"name",
                                                  "domain",
                                                  "owner",
                                                  "description",
                                                  "schema_version",
                                                  "output_format",
                                                  "documentation_url",
                                                  "sla",
                                                  "SLA",
                                                  "lineage",
                                                  "consumer_teams",
                                                  "classification",
                                                  "tags",
                                                  "support",
                                                  "event_time",
                                                  "schema",
                                                  "quality"};
const std::vector<std::string_view> kSlaKeys{"availability", "timezone", "max_lag_hours",
                                             "min_completeness"};
const std::vector<std::string_view> kSupportKeys{"channel", "email", "issues_url"};
const std::vector<std::string_view> kOutputFormats{"parquet", "csv", "jsonl"};

// "sla.<key>", the path of an SLA key in messages and marks.
std::string SlaPath(std::string_view key) { return JoinKeyPath("sla", key); }

bool IsHttpUrl(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.substr(0, scheme.size()) == scheme) {
      std::string_view rest = url.substr(scheme.size());
      return !rest.empty() && rest.front() != '/' && rest.find(' ') == std::string_view::npos;
    }
  }
  return false;
}

bool IsEmailAddress(std::string_view email) {
  size_t at = email.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string_view::npos &&
         email.find(' ') == std::string_view::npos;
}

const yaml::Node* Value(const MappingReader::Entries& entries, std::string_view key) {
  const yaml::Node::Entry* entry = entries.Find(key);
  return entry ? entry->value.get() : nullptr;
}

std::optional<std::string> ReadString(const MappingReader::Entries& entries, std::string_view key,
                                      std::string_view path, DescriptorParseContext* context) {
  const yaml::Node* node = Value(entries, key);
  if (!node) return std::nullopt;
  return context->reader.String(*node, JoinKeyPath(path, key));
}

void ReadUrl(const MappingReader::Entries& entries, std::string_view key, std::string_view path,
             std::optional<std::string>* out, DescriptorParseContext* context) {
  std::optional<std::string> url = ReadString(entries, key, path, context);
  if (!url) return;
  if (!IsHttpUrl(*url)) {
    context->InvalidValue(Value(entries, key)->mark,
                          "'" + JoinKeyPath(path, key) + "' is '" + *url +
                              "', not an http or https URL: write it as https://host/path");
    return;
  }
  *out = std::move(url);
}

void ParseSchemaVersion(const yaml::Node& node, DescriptorParseContext* context) {
  Descriptor& d = context->descriptor;
  if (!node.IsScalar() || node.IsNullScalar() || node.AsBool()) {
    context->reader.TypeError(node, "schema_version", "a version such as 1.0.0");
    return;
  }
  d.schema_version_text = node.scalar;
  std::optional<SchemaVersion> version = SchemaVersion::Parse(node.scalar);
  if (!version) {
    context->InvalidValue(node.mark, "schema_version '" + node.scalar +
                                         "' is not MAJOR.MINOR[.PATCH] (numbers without leading "
                                         "zeros, optional leading v): write e.g. 1.0.0 or v2.1");
    return;
  }
  d.schema_version = *version;
}

void ParseOutputFormatValue(const yaml::Node& node, DescriptorParseContext* context) {
  std::optional<std::string> text = context->reader.String(node, "output_format");
  if (!text) return;
  context->descriptor.output_format_text = *text;
  std::optional<OutputFormat> format = ParseOutputFormat(*text);
  if (!format) {
    context->InvalidValue(
        node.mark, "output_format '" + *text + "' is not one of parquet, csv, jsonl:" + [&] {
          std::string s = DidYouMean(*text, kOutputFormats);
          return s.empty() ? std::string(" pick one of them") : s;
        }());
    return;
  }
  context->descriptor.output_format = *format;
}

void ParseAvailability(const yaml::Node& node, Sla* sla, DescriptorParseContext* context) {
  std::optional<std::string> text = context->reader.String(node, SlaPath("availability"));
  if (!text) return;
  sla->availability_text = *text;
  sla->availability = Availability::Parse(*text);
  if (!sla->availability) {
    context->InvalidValue(node.mark, "sla.availability '" + *text +
                                         "' is not a deadline: write \"HH:MM daily\", \"HH:MM "
                                         "weekdays\", \"HH:MM weekly on <weekday>\" or \"hourly "
                                         "at :MM\"");
  }
}

void ParseTimezone(const yaml::Node& node, Sla* sla, DescriptorParseContext* context) {
  std::optional<std::string> zone = context->reader.String(node, SlaPath("timezone"));
  if (!zone) return;
  if (!context->timezones->Exists(*zone)) {
    context->InvalidValue(node.mark, "sla.timezone '" + *zone +
                                         "' is not an IANA time zone: write e.g. UTC or "
                                         "Europe/Paris (names are case-sensitive)");
    return;
  }
  sla->timezone = *zone;
}

void ParseSlaNumbers(const MappingReader::Entries& entries, Sla* sla,
                     DescriptorParseContext* context) {
  if (const yaml::Node* node = Value(entries, "max_lag_hours")) {
    std::optional<double> hours = context->reader.Number(*node, SlaPath("max_lag_hours"));
    if (hours && *hours < 0) {
      context->InvalidValue(node->mark, "sla.max_lag_hours is negative (" + node->scalar +
                                            "): promise a lag of 0 hours or more");
    } else if (hours) {
      sla->max_lag_hours = hours;
    }
  }
  if (const yaml::Node* node = Value(entries, "min_completeness")) {
    std::optional<double> fraction = context->reader.Number(*node, SlaPath("min_completeness"));
    if (fraction && (*fraction < 0 || *fraction > 1)) {
      context->InvalidValue(node->mark, "sla.min_completeness " + node->scalar +
                                            " is outside 0..1: write a fraction, e.g. 0.95");
    } else if (fraction) {
      sla->min_completeness = fraction;
    }
  }
}

void ParseSla(const yaml::Node::Entry& entry, DescriptorParseContext* context) {
  const yaml::Node& node = *entry.value;
  if (!context->reader.ExpectMapping(node, "sla")) return;
  Sla sla;
  sla.mark = node.mark;
  MappingReader::Entries entries =
      context->reader.ReadMapping(node, "sla", kSlaKeys, &sla.marks, &sla.value_marks);
  if (const yaml::Node* value = Value(entries, "availability")) {
    ParseAvailability(*value, &sla, context);
  }
  if (const yaml::Node* value = Value(entries, "timezone")) ParseTimezone(*value, &sla, context);
  ParseSlaNumbers(entries, &sla, context);
  context->descriptor.sla = std::move(sla);
}

void ParseSupport(const yaml::Node& node, DescriptorParseContext* context) {
  if (!context->reader.ExpectMapping(node, "support")) return;
  Support support;
  MappingReader::Entries entries =
      context->reader.ReadMapping(node, "support", kSupportKeys, nullptr, nullptr);
  support.channel = ReadString(entries, "channel", "support", context);
  if (std::optional<std::string> email = ReadString(entries, "email", "support", context)) {
    if (IsEmailAddress(*email)) {
      support.email = std::move(email);
    } else {
      context->InvalidValue(Value(entries, "email")->mark,
                            "support.email '" + *email + "' is not an address: write name@host");
    }
  }
  ReadUrl(entries, "issues_url", "support", &support.issues_url, context);
  if (entries.known.empty()) {
    context->InvalidValue(node.mark,
                          "support names no channel: give at least one of channel, email, "
                          "issues_url");
  }
  context->descriptor.support = std::move(support);
}

std::vector<std::string> ReadNames(const yaml::Node& node, std::string_view key,
                                   DescriptorParseContext* context) {
  std::optional<std::vector<std::string>> names =
      context->reader.StringList(node, key, key, nullptr, nullptr);
  if (!names) return {};
  std::vector<std::string> out;
  for (size_t i = 0; i < names->size(); ++i) {
    std::string path = ItemPath(key, i);
    if ((*names)[i].empty()) {
      context->InvalidValue(context->descriptor.ValueMarkOf(path),
                            "'" + path + "' is empty: write a name or remove the entry");
    }
    out.push_back((*names)[i]);
  }
  return out;
}

void CheckLineage(DescriptorParseContext* context) {
  const Descriptor& d = context->descriptor;
  for (size_t i = 0; i < d.lineage.size(); ++i) {
    const std::string& input = d.lineage[i];
    if (input.rfind("source:", 0) != 0) continue;
    std::string_view rest = std::string_view(input).substr(7);
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
      context->InvalidValue(d.ValueMarkOf(ItemPath("lineage", i)),
                            "lineage input '" + input +
                                "' is not source:<system>/<object>: write e.g. source:erp/orders");
    }
  }
}

void CheckEventTime(DescriptorParseContext* context) {
  const Descriptor& d = context->descriptor;
  if (!d.event_time) return;
  yaml::Mark mark = d.ValueMarkOf("event_time");
  if (!context->CheckFieldReference(*d.event_time, mark, "descriptor.invalid_value",
                                    "event_time")) {
    return;
  }
  const Field* field = d.schema.FindField(*d.event_time);
  if (field && !field->type.IsTemporal()) {
    context->InvalidValue(mark, "event_time names '" + field->name + "', a " +
                                    field->type.ToString() +
                                    " field: it must name a date or timestamp field");
  }
}

struct RequiredKey {
  std::string_view key;
  std::string_view hint;
};

void CheckRequiredKeys(const MappingReader::Entries& entries, yaml::Mark root,
                       DescriptorParseContext* context) {
  static const RequiredKey kRequired[] = {
      {"name", "name: <product id, e.g. daily_orders>"},
      {"domain", "domain: <a domain id of mesh.yaml>"},
      {"owner", "owner: <the team of mesh.yaml that owns the domain>"},
      {"schema_version", "schema_version: 1.0.0"},
      {"output_format", "output_format: parquet (or csv, jsonl)"},
      {"schema", "schema: with fields: [- name: ..., type: ...]"},
  };
  for (const RequiredKey& required : kRequired) {
    if (entries.Find(required.key)) continue;
    context->MissingKey(root, "missing required key '" + std::string(required.key) + "': add " +
                                  std::string(required.hint));
  }
}

void ParseScalarKeys(const MappingReader::Entries& entries, DescriptorParseContext* context) {
  Descriptor& d = context->descriptor;
  d.name = ReadString(entries, "name", "", context).value_or("");
  d.domain = ReadString(entries, "domain", "", context).value_or("");
  d.owner = ReadString(entries, "owner", "", context).value_or("");
  d.description = ReadString(entries, "description", "", context);
  d.classification = ReadString(entries, "classification", "", context);
  d.event_time = ReadString(entries, "event_time", "", context);
  if (const yaml::Node* node = Value(entries, "schema_version")) ParseSchemaVersion(*node, context);
  if (const yaml::Node* node = Value(entries, "output_format")) {
    ParseOutputFormatValue(*node, context);
  }
  ReadUrl(entries, "documentation_url", "", &d.documentation_url, context);
}

void ParseListKeys(const MappingReader::Entries& entries, DescriptorParseContext* context) {
  Descriptor& d = context->descriptor;
  if (const yaml::Node* node = Value(entries, "lineage")) {
    d.lineage = ReadNames(*node, "lineage", context);
    CheckLineage(context);
  }
  if (const yaml::Node* node = Value(entries, "consumer_teams")) {
    d.consumer_teams = ReadNames(*node, "consumer_teams", context);
  }
  if (const yaml::Node* node = Value(entries, "tags")) d.tags = ReadNames(*node, "tags", context);
}

// Accepts `SLA` for `sla`; both in one file is a duplicate key.
const yaml::Node::Entry* SlaEntry(const MappingReader::Entries& entries,
                                  DescriptorParseContext* context) {
  const yaml::Node::Entry* lower = entries.Find("sla");
  const yaml::Node::Entry* upper = entries.Find("SLA");
  if (lower && upper) {
    const yaml::Node::Entry* later = lower->key->mark.line > upper->key->mark.line ? lower : upper;
    const yaml::Node::Entry* first = later == lower ? upper : lower;
    context->sink->Error("descriptor.duplicate_key", later->key->mark,
                         "'" + later->key->scalar + "' repeats '" + first->key->scalar +
                             "' (line " + std::to_string(first->key->mark.line) +
                             "): SLA is a synonym of sla; keep one of them");
    return first;
  }
  if (upper) {
    Descriptor& d = context->descriptor;
    d.marks["sla"] = upper->key->mark;
    d.value_marks["sla"] = upper->value->mark;
  }
  return lower ? lower : upper;
}

}  // namespace

std::optional<Descriptor> ParseDescriptor(const yaml::Document& document, FindingSink* sink,
                                          const DescriptorParseOptions& options) {
  const yaml::Node& root = *document.root;
  if (!root.IsMap()) {
    sink->Error("descriptor.syntax", root.mark,
                "a descriptor must be a mapping of keys (name:, domain:, schema:, ...), not " +
                    root.Describe());
    return std::nullopt;
  }
  DescriptorParseContext context(sink, options);
  Descriptor& d = context.descriptor;
  d.file = document.file;
  d.mark = root.mark;
  MappingReader::Entries entries =
      context.reader.ReadMapping(root, "", kTopLevelKeys, &d.marks, &d.value_marks);
  for (const yaml::Node::Entry* extension : entries.extensions) {
    d.extensions[extension->key->scalar] = extension->value;
  }
  CheckRequiredKeys(entries, root.mark, &context);
  ParseScalarKeys(entries, &context);
  ParseListKeys(entries, &context);
  if (const yaml::Node::Entry* sla = SlaEntry(entries, &context)) ParseSla(*sla, &context);
  if (const yaml::Node* node = Value(entries, "support")) ParseSupport(*node, &context);
  if (const yaml::Node::Entry* schema = entries.Find("schema")) {
    internal::ParseSchema(*schema, &context);
  }
  CheckEventTime(&context);
  if (const yaml::Node* node = Value(entries, "quality")) internal::ParseQuality(*node, &context);
  return std::move(context.descriptor);
}

std::optional<Descriptor> ParseDescriptorText(std::string_view text, const std::string& file,
                                              FindingSink* sink,
                                              const DescriptorParseOptions& options) {
  yaml::SyntaxError error;
  Result<yaml::Document> document = yaml::LoadYaml(text, file, {}, &error);
  if (!document.ok()) {
    yaml::Mark mark = error.mark.line > 0 ? error.mark : yaml::Mark{1, 1};
    sink->Error("descriptor.syntax", mark,
                error.message + "; fix the YAML (check indentation, quotes and brackets)");
    return std::nullopt;
  }
  return ParseDescriptor(*document, sink, options);
}

}  // namespace mesh
