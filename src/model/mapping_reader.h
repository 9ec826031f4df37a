// MappingReader: reads the mappings of one workspace YAML file (a descriptor, mesh.yaml) into
// typed values and reports every problem as a finding under one rule family ("descriptor",
// "org"): <family>.duplicate_key, <family>.unknown_key (with a did-you-mean suggestion; keys
// starting with "x-" are extensions and always allowed) and <family>.type for a value of the
// wrong YAML type. Records where each key and value is, by full path ("sla.timezone",
// "schema.fields[1].type"), so callers can point at the exact place later.
// External synchronization required (it writes to the sink and the mark maps).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/descriptor.h"
#include "model/finding.h"
#include "yaml/node.h"

namespace mesh {

// "a.b" from "a" and "b"; "b" when the path is empty.
std::string JoinKeyPath(std::string_view path, std::string_view key);
// "a[3]".
std::string ItemPath(std::string_view path, size_t index);

class MappingReader {
 public:
  // `full_marks` and `full_value_marks` (may be null) receive positions by full path.
  MappingReader(std::string family, FindingSink* sink, KeyMarks* full_marks,
                KeyMarks* full_value_marks);

  // The entries of a mapping by key, first occurrence. Reports duplicate keys, non-string keys
  // and keys that are not in `known` (except "x-" ones, returned under `extensions` when given).
  // Records marks for every known key under `path` (full) and in `marks`/`value_marks` (local).
  struct Entries {
    std::map<std::string, const yaml::Node::Entry*, std::less<>> known;
    std::vector<const yaml::Node::Entry*> extensions;
    const yaml::Node::Entry* Find(std::string_view key) const;
  };
  Entries ReadMapping(const yaml::Node& map, std::string_view path,
                      const std::vector<std::string_view>& known, KeyMarks* marks,
                      KeyMarks* value_marks);

  // Reports `<family>.type` unless `node` is a mapping; true when it is.
  bool ExpectMapping(const yaml::Node& node, std::string_view path);
  // Reports `<family>.type` unless `node` is a list; true when it is.
  bool ExpectList(const yaml::Node& node, std::string_view path);

  // A scalar read as text: strings, and numbers as written. Null, booleans, lists and mappings
  // are type errors.
  std::optional<std::string> String(const yaml::Node& node, std::string_view path);
  std::optional<bool> Bool(const yaml::Node& node, std::string_view path);
  // Any finite YAML number.
  std::optional<double> Number(const yaml::Node& node, std::string_view path);
  // A list of strings; items are recorded as "path[i]" in the full marks and in `marks`/
  // `value_marks` under "key[i]" (when given). Bad items are reported and skipped.
  std::optional<std::vector<std::string>> StringList(const yaml::Node& node, std::string_view path,
                                                     std::string_view key, KeyMarks* marks,
                                                     KeyMarks* value_marks);

  void Record(std::string_view full_path, yaml::Mark key_mark, yaml::Mark value_mark);
  void TypeError(const yaml::Node& node, std::string_view path, std::string_view expected);

  FindingSink* sink() const { return sink_; }
  const std::string& family() const { return family_; }
  std::string Rule(std::string_view suffix) const { return family_ + "." + std::string(suffix); }

 private:
  std::string family_;
  FindingSink* sink_;
  KeyMarks* full_marks_;
  KeyMarks* full_value_marks_;
};

}  // namespace mesh
