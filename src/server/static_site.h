// StaticSite: the web UI's built files (web/dist: index.html and hashed assets/) as answers to
// GET requests outside the API. A path naming a file (its last segment has an extension) gets
// that file or 404; any other path is a client-side route of the single-page app and gets
// index.html. When the UI was never built (no index.html), every page answers a short HTML page
// saying how to build it; the API keeps working. Nothing outside the root is ever read: segments
// that are empty, start with '.', or hold '/', '\' or NUL are refused.
// Safe for concurrent use when the FileSystem is.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/filesystem.h"

namespace mesh::server {

struct StaticResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Cache-Control, CSP, ...
};

class StaticSite {
 public:
  // `root`: the folder holding index.html (usually <source>/web/dist).
  StaticSite(std::shared_ptr<FileSystem> fs, std::string root)
      : fs_(std::move(fs)), root_(std::move(root)) {}

  // `segments`: the request path split at '/', percent-decoded, without empty segments.
  StaticResponse Serve(const std::vector<std::string>& segments) const;

  // The Content-Type for a file name, by extension; application/octet-stream when unknown.
  static std::string_view ContentTypeFor(std::string_view file_name);

  const std::string& root() const { return root_; }

 private:
  StaticResponse ServeFile(const std::string& relative, bool immutable) const;
  StaticResponse NotBuiltPage() const;

  std::shared_ptr<FileSystem> fs_;
  std::string root_;
};

// The UI's folder: $MESH_WEB_ROOT when set, else `fallback` (the build's web/dist).
std::string WebRootFromEnvironment(std::string fallback);

}  // namespace mesh::server
