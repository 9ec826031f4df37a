// Internal to the descriptor parser: the state shared by the parts that read the top level, the
// schema and the quality checks of one descriptor. External synchronization required.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "model/descriptor.h"
#include "model/descriptor_parser.h"
#include "model/mapping_reader.h"

namespace mesh::internal {

struct DescriptorParseContext {
  DescriptorParseContext(FindingSink* sink, const DescriptorParseOptions& options);

  FindingSink* sink;
  const TimezoneDatabase* timezones;
  Descriptor descriptor;
  MappingReader reader;
  // Every field name declared in the schema, including fields dropped for a bad type, so that
  // references to them do not cascade into more findings.
  std::set<std::string, std::less<>> declared_fields;

  void InvalidValue(yaml::Mark mark, std::string message) {
    sink->Error("descriptor.invalid_value", mark, std::move(message));
  }
  void MissingKey(yaml::Mark mark, std::string message) {
    sink->Error("descriptor.missing_key", mark, std::move(message));
  }
  // The declared field names, for did-you-mean suggestions.
  std::vector<std::string_view> FieldNames() const;
  // Reports `rule` at `mark` unless `name` is a declared field; true when it is.
  bool CheckFieldReference(std::string_view name, yaml::Mark mark, std::string_view rule,
                           std::string_view what);
};

// schema: primary_key and fields.
void ParseSchema(const yaml::Node::Entry& entry, DescriptorParseContext* context);
// quality: the list of checks (after the schema, whose fields they name).
void ParseQuality(const yaml::Node& node, DescriptorParseContext* context);

// A constraint literal checked against a field type ("allowed value", "min", ...). Reports
// descriptor.type for a non-scalar and descriptor.invalid_value for a value the type cannot
// hold. Dates and timestamps get `number` set (days, microseconds) so bounds can be compared.
std::optional<Literal> ReadLiteral(const yaml::Node& node, std::string_view path,
                                   const FieldType& type, std::string_view what,
                                   DescriptorParseContext* context);
// Reports descriptor.invalid_value unless `type` can have bounds (numbers, dates, timestamps).
bool CheckBoundable(const FieldType& type, yaml::Mark mark, std::string_view what,
                    DescriptorParseContext* context);
// Reports descriptor.invalid_value at the max when min > max.
void CheckBoundsOrder(const std::optional<Literal>& min, const std::optional<Literal>& max,
                      std::string_view what, DescriptorParseContext* context);
// Reports descriptor.invalid_value unless `pattern` compiles as RE2.
bool CheckPattern(const std::string& pattern, yaml::Mark mark, DescriptorParseContext* context);

}  // namespace mesh::internal
