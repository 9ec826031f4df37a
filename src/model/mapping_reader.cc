#include "model/mapping_reader.h"

#include <algorithm>
#include <cmath>

#include "model/suggest.h"

namespace mesh {
namespace {

std::string KeyList(const std::vector<std::string_view>& known) {
  std::string out;
  for (std::string_view key : known) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

std::string Where(std::string_view path) {
  return path.empty() ? "at the top level" : "in '" + std::string(path) + "'";
}

}  // namespace

std::string JoinKeyPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return std::string(path) + "." + std::string(key);
}

std::string ItemPath(std::string_view path, size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

const yaml::Node::Entry* MappingReader::Entries::Find(std::string_view key) const {
  auto it = known.find(key);
  return it == known.end() ? nullptr : it->second;
}

MappingReader::MappingReader(std::string family, FindingSink* sink, KeyMarks* full_marks,
                             KeyMarks* full_value_marks)
    : family_(std::move(family)),
      sink_(sink),
      full_marks_(full_marks),
      full_value_marks_(full_value_marks) {}

MappingReader::Entries MappingReader::ReadMapping(const yaml::Node& map, std::string_view path,
                                                  const std::vector<std::string_view>& known,
                                                  KeyMarks* marks, KeyMarks* value_marks) {
  Entries out;
  std::map<std::string, yaml::Mark, std::less<>> seen;
  for (const yaml::Node::Entry& entry : map.entries) {
    const yaml::Node& key = *entry.key;
    if (!key.IsScalar()) {
      sink_->Error(Rule("type"), key.mark,
                   "a key " + Where(path) + " is " + key.Describe() + "; keys must be plain names");
      continue;
    }
    const std::string& name = key.scalar;
    auto previous = seen.find(name);
    if (previous != seen.end()) {
      sink_->Error(Rule("duplicate_key"), key.mark,
                   "key '" + name + "' appears twice " + Where(path) + " (first at line " +
                       std::to_string(previous->second.line) + "); remove one of them");
      continue;
    }
    seen.emplace(name, key.mark);
    yaml::Mark value_mark = entry.value ? entry.value->mark : key.mark;
    if (name.rfind("x-", 0) == 0) {
      out.extensions.push_back(&entry);
      continue;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string suggestion = DidYouMean(name, known);
      sink_->Error(Rule("unknown_key"), key.mark,
                   "unknown key '" + name + "' " + Where(path) + ":" +
                       (suggestion.empty() ? " the keys here are " + KeyList(known) +
                                                 "; prefix your own keys with 'x-'"
                                           : suggestion));
      continue;
    }
    out.known.emplace(name, &entry);
    if (marks) (*marks)[name] = key.mark;
    if (value_marks) (*value_marks)[name] = value_mark;
    Record(JoinKeyPath(path, name), key.mark, value_mark);
  }
  return out;
}

void MappingReader::Record(std::string_view full_path, yaml::Mark key_mark, yaml::Mark value_mark) {
  if (full_marks_) (*full_marks_)[std::string(full_path)] = key_mark;
  if (full_value_marks_) (*full_value_marks_)[std::string(full_path)] = value_mark;
}

void MappingReader::TypeError(const yaml::Node& node, std::string_view path,
                              std::string_view expected) {
  sink_->Error(
      Rule("type"), node.mark,
      "'" + std::string(path) + "' must be " + std::string(expected) + ", not " + node.Describe());
}

bool MappingReader::ExpectMapping(const yaml::Node& node, std::string_view path) {
  if (node.IsMap()) return true;
  TypeError(node, path, "a mapping (key: value lines)");
  return false;
}

bool MappingReader::ExpectList(const yaml::Node& node, std::string_view path) {
  if (node.IsSequence()) return true;
  TypeError(node, path, "a list ([a, b] or '- ' lines)");
  return false;
}

std::optional<std::string> MappingReader::String(const yaml::Node& node, std::string_view path) {
  if (node.IsScalar() && !node.IsNullScalar() && !node.AsBool()) return node.scalar;
  if (node.IsScalar() && node.AsBool()) {
    TypeError(node, path, "a string (quote it: '" + node.scalar + "')");
  } else {
    TypeError(node, path, "a string");
  }
  return std::nullopt;
}

std::optional<bool> MappingReader::Bool(const yaml::Node& node, std::string_view path) {
  if (std::optional<bool> value = node.AsBool()) return value;
  TypeError(node, path, "true or false");
  return std::nullopt;
}

std::optional<double> MappingReader::Number(const yaml::Node& node, std::string_view path) {
  std::optional<double> value = node.AsDouble();
  if (value && std::isfinite(*value)) return value;
  TypeError(node, path, "a number");
  return std::nullopt;
}

std::optional<std::vector<std::string>> MappingReader::StringList(const yaml::Node& node,
                                                                  std::string_view path,
                                                                  std::string_view key,
                                                                  KeyMarks* marks,
                                                                  KeyMarks* value_marks) {
  if (!ExpectList(node, path)) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const yaml::Node& item = *node.items[i];
    std::string item_path = ItemPath(path, i);
    std::optional<std::string> text = String(item, item_path);
    if (!text) continue;
    Record(ItemPath(path, out.size()), item.mark, item.mark);
    std::string local = ItemPath(key, out.size());
    if (marks) (*marks)[local] = item.mark;
    if (value_marks) (*value_marks)[local] = item.mark;
    out.push_back(std::move(*text));
  }
  return out;
}

}  // namespace mesh
