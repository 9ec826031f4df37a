// WebhookSender: POSTs a JSON notification to a team's webhook URL (mesh.yaml
// `teams[].webhook_url`). The HTTP implementation uses cpp-httplib's client; any answer other
// than 2xx, a refused connection or a timeout is an error Status saying what happened, so the
// delivery stays pending and is retried (docs/sla.md "Webhooks").
// HttpWebhookSender is safe for concurrent use (each Post has its own client).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "base/result.h"

namespace mesh::sla {

class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  virtual Status Post(const std::string& url, const std::string& json_body) = 0;
};

struct HttpWebhookOptions {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds read_timeout{5000};
};

std::unique_ptr<WebhookSender> MakeHttpWebhookSender(HttpWebhookOptions options = {});

// Splits "http[s]://host[:port][/path][?query]" into the origin httplib connects to and the
// request target. InvalidArgument for other schemes or a missing host.
struct WebhookUrl {
  std::string origin;  // "http://host:port"
  std::string target;  // "/path?query" ("/" when empty)
};
Result<WebhookUrl> ParseWebhookUrl(const std::string& url);

}  // namespace mesh::sla
