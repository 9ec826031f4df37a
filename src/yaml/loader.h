// LoadYaml: parses YAML text (via yaml-cpp's event parser) into a yaml::Document with positions,
// refusing input that would exhaust memory or stack: too large, too deeply nested, or expanding
// into too many nodes through aliases (a "billion laughs" bomb). Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/filesystem.h"
#include "base/result.h"
#include "yaml/node.h"

namespace mesh::yaml {

struct Limits {
  uint64_t max_bytes = 8u << 20;            // input size
  int max_depth = 256;                      // nesting of lists and mappings
  uint64_t max_expanded_nodes = 1'000'000;  // nodes counted with every alias expanded
};

// Where and why a document could not be read.
struct SyntaxError {
  std::string file;
  Mark mark;
  std::string message;
};

// Parses `text`. On failure returns InvalidArgument ("file:line:col: message") or
// ResourceExhausted for a limit, and fills `*error` (when given) with the place and reason.
// A file with more than one document is an error.
Result<Document> LoadYaml(std::string_view text, const std::string& file, const Limits& limits = {},
                          SyntaxError* error = nullptr);

// Reads `path` through `fs` and parses it.
Result<Document> LoadYamlFile(FileSystem& fs, const std::string& path, const Limits& limits = {},
                              SyntaxError* error = nullptr);

}  // namespace mesh::yaml
