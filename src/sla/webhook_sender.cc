#include "sla/webhook_sender.h"

#include <httplib.h>

namespace mesh::sla {
namespace {

class HttpWebhookSender final : public WebhookSender {
 public:
  explicit HttpWebhookSender(HttpWebhookOptions options) : options_(options) {}

  Status Post(const std::string& url, const std::string& json_body) override {
    ASSIGN_OR_RAISE(WebhookUrl parsed, ParseWebhookUrl(url));
    try {
      httplib::Client client(parsed.origin);
      client.set_connection_timeout(options_.connect_timeout);
      client.set_read_timeout(options_.read_timeout);
      client.set_write_timeout(options_.read_timeout);
      httplib::Result result = client.Post(parsed.target, json_body, "application/json");
      if (!result) {
        return Status::IOError("POST " + url + " failed: " + httplib::to_string(result.error()) +
                               " error");
      }
      if (result->status < 200 || result->status > 299) {
        return Status::IOError("POST " + url + " answered HTTP " + std::to_string(result->status));
      }
      return Status::OK();
    } catch (const std::exception& error) {  // httplib may throw on malformed input
      return Status::IOError("POST " + url + " failed: " + error.what());
    }
  }

 private:
  HttpWebhookOptions options_;
};

}  // namespace

std::unique_ptr<WebhookSender> MakeHttpWebhookSender(HttpWebhookOptions options) {
  return std::make_unique<HttpWebhookSender>(options);
}

Result<WebhookUrl> ParseWebhookUrl(const std::string& url) {
  size_t scheme_end = url.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidArgument("webhook URL '" + url + "' must start with http:// or https://");
  }
  size_t authority_start = scheme_end + 3;
  size_t target_start = url.find_first_of("/?", authority_start);
  std::string authority = url.substr(authority_start, target_start - authority_start);
  if (authority.empty() || authority.find('@') != std::string::npos) {
    return Status::InvalidArgument("webhook URL '" + url +
                                   "' needs a host (and no user:password@)");
  }
  WebhookUrl out;
  out.origin = scheme + "://" + authority;
  out.target = target_start == std::string::npos ? "/" : url.substr(target_start);
  if (out.target.front() == '?') out.target = "/" + out.target;
  return out;
}

}  // namespace mesh::sla
