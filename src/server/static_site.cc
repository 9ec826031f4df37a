#include "server/static_site.h"

#include <array>
#include <cstdlib>

namespace mesh::server {
namespace {

constexpr uint64_t kMaxStaticFileBytes = 32ull << 20;

// The UI loads only its own files and talks only to this server.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

bool SafeSegment(std::string_view segment) {
  if (segment.empty() || segment.front() == '.') return false;
  return segment.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool NamesFile(std::string_view last_segment) {
  return last_segment.find('.') != std::string_view::npos;
}

std::vector<std::pair<std::string, std::string>> CommonHeaders(bool immutable, bool html) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"},
  };
  if (html) {
    headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
    headers.emplace_back("Referrer-Policy", "no-referrer");
    headers.emplace_back("X-Frame-Options", "DENY");
  }
  return headers;
}

StaticResponse NotFound(std::string_view path) {
  StaticResponse response;
  response.status = 404;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "no file " + std::string(path) + " in the web UI\n";
  response.headers = CommonHeaders(false, false);
  return response;
}

}  // namespace

std::string_view StaticSite::ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (file_name.size() > extension.size() && file_name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

StaticResponse StaticSite::Serve(const std::vector<std::string>& segments) const {
  std::string relative;
  for (const std::string& segment : segments) {
    if (!SafeSegment(segment)) return NotFound("/" + relative + segment);
    relative += (relative.empty() ? "" : "/") + segment;
  }
  if (!fs_->Exists(root_ + "/index.html")) {
    if (!segments.empty() && NamesFile(segments.back())) return NotFound("/" + relative);
    return NotBuiltPage();
  }
  if (segments.empty() || !NamesFile(segments.back())) return ServeFile("index.html", false);
  // Vite names every file under assets/ by its content hash: it never changes.
  return ServeFile(relative, segments.size() > 1 && segments.front() == "assets");
}

StaticResponse StaticSite::ServeFile(const std::string& relative, bool immutable) const {
  const std::string path = root_ + "/" + relative;
  if (fs_->IsDirectory(path) || !fs_->Exists(path)) return NotFound("/" + relative);
  Result<std::string> body = fs_->ReadFile(path, kMaxStaticFileBytes);
  if (!body.ok()) {
    StaticResponse response;
    response.status = body.status().IsNotFound() ? 404 : 500;
    response.content_type = "text/plain; charset=utf-8";
    response.body =
        "cannot read /" + relative + " of the web UI: " + body.status().message() + "\n";
    response.headers = CommonHeaders(false, false);
    return response;
  }
  StaticResponse response;
  response.content_type = std::string(ContentTypeFor(relative));
  response.body = std::move(*body);
  response.headers = CommonHeaders(immutable, relative.ends_with(".html"));
  return response;
}

StaticResponse StaticSite::NotBuiltPage() const {
  StaticResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.headers = CommonHeaders(false, true);
  response.body =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Meshwork: the web "
      "UI is not built</title></head><body>\n<h1>The Meshwork web UI is not built</h1>\n"
      "<p>This server answers its REST API at <a href=\"/api/v1/openapi.json\">/api/v1</a>, but "
      "found no <code>index.html</code> in <code>" +
      EscapeHtml(root_) +
      "</code>.</p>\n<p>To build the UI, install Node.js and npm, then run:</p>\n"
      "<pre>cd web &amp;&amp; npm ci &amp;&amp; npm run build</pre>\n"
      "<p>and reload this page (or point <code>mesh serve --web-root</code> or "
      "<code>MESH_WEB_ROOT</code> at a built <code>web/dist</code>).</p>\n</body></html>\n";
  return response;
}

std::string WebRootFromEnvironment(std::string fallback) {
  const char* configured = std::getenv("MESH_WEB_ROOT");
  if (configured != nullptr && *configured != '\0') return configured;
  return fallback;
}

}  // namespace mesh::server
