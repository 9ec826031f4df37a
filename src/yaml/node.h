// yaml::Node: a YAML document as an immutable tree that remembers, for every node, the line and
// column where it starts (1-based), so that every later message can point at the exact place.
// Aliases share the anchored node (no copies). Maps keep their entries in file order, including
// duplicate keys, so that validation can report them. Thread-safe once built (immutable).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mesh::yaml {

struct Mark {
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
};

enum class Kind { kNull, kScalar, kSequence, kMap };

std::string_view KindName(Kind kind);  // "null", "scalar", "list", "mapping"

class Node;
using NodePtr = std::shared_ptr<const Node>;

class Node {
 public:
  struct Entry {
    NodePtr key;
    NodePtr value;
  };

  Kind kind = Kind::kNull;
  Mark mark;
  std::string tag;             // explicit tag, e.g. "!!str"; empty when none
  std::string scalar;          // the text of a scalar
  bool quoted = false;         // a scalar written in quotes or as a block: always a string
  std::vector<NodePtr> items;  // a sequence's items
  std::vector<Entry> entries;  // a map's entries, in file order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }

  // The value of the first entry whose key is the scalar `key`; nullptr when absent.
  const Node* Get(std::string_view key) const;
  // The entry (key and value) for `key`; nullptr when absent.
  const Entry* GetEntry(std::string_view key) const;

  // Interpretations of a plain scalar by the YAML 1.2 core schema. A quoted scalar is only ever a
  // string. nullopt when the node is not a scalar of that type.
  std::optional<bool> AsBool() const;
  std::optional<int64_t> AsInt() const;
  std::optional<double> AsDouble() const;  // ints count as numbers too
  // The scalar text when this is a scalar that is not a YAML null, bool or number (a string).
  std::optional<std::string> AsString() const;
  // True for a plain scalar that the core schema reads as null ("", "~", "null").
  bool IsNullScalar() const;

  // A short description for messages: "a list", "a mapping", "the number 3", "'abc'".
  std::string Describe() const;
};

struct Document {
  std::string file;  // the path messages should name
  NodePtr root;      // never null; a Kind::kNull node for an empty document
};

}  // namespace mesh::yaml
