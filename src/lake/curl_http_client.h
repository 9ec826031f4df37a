// CurlHttpClient: HttpClient on libcurl's easy interface. Handles are pooled so connections are
// kept alive between requests; every request has a connect timeout and a total timeout, and a
// transfer that stalls (below 1 byte/s for the stall time) is aborted. Request bodies are sent
// from memory with an explicit Content-Length; libcurl adds no Content-Type or Expect header of
// its own. Safe for concurrent use (each Send takes its own handle).
#pragma once

#include <memory>

#include "lake/http_client.h"

namespace mesh {

struct CurlHttpClientOptions {
  long connect_timeout_ms = 10'000;
  long request_timeout_ms = 300'000;  // whole request, body included
};

std::shared_ptr<HttpClient> MakeCurlHttpClient(CurlHttpClientOptions options = {});

}  // namespace mesh
