// ParseDescriptor: turns a data product descriptor (data-product.md, format mesh/v1) into the
// typed Descriptor and reports every problem in the file, each with its rule id (docs/rules.md),
// the exact line:column and what to change: descriptor.syntax, descriptor.duplicate_key,
// descriptor.unknown_key, descriptor.missing_key, descriptor.type, descriptor.invalid_value,
// descriptor.duplicate_field, descriptor.primary_key, descriptor.check.
// Keys that governance requires (description, documentation_url, sla, support, classification)
// are not reported as missing here; governance does that (required.<key>).
// Pure functions; thread-safe (the timezone database they consult is).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/descriptor.h"
#include "model/finding.h"
#include "model/timezone_database.h"
#include "yaml/node.h"

namespace mesh {

struct DescriptorParseOptions {
  // Where IANA zone names are checked; null means TimezoneDatabase::System().
  const TimezoneDatabase* timezones = nullptr;
};

// Parses `document` (its file name goes into Descriptor::file). Returns the descriptor whenever
// the document is a mapping, with every value that could be read, even when findings were
// reported; nullopt (and a descriptor.syntax finding) when it is not a mapping. Callers decide
// by sink->HasErrors() whether the descriptor may be used.
std::optional<Descriptor> ParseDescriptor(const yaml::Document& document, FindingSink* sink,
                                          const DescriptorParseOptions& options = {});

// Loads YAML text and parses it; a YAML syntax error or exceeded limit becomes a
// descriptor.syntax finding at the place the YAML parser stopped.
std::optional<Descriptor> ParseDescriptorText(std::string_view text, const std::string& file,
                                              FindingSink* sink,
                                              const DescriptorParseOptions& options = {});

}  // namespace mesh
