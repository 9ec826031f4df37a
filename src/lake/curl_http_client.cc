#include "lake/curl_http_client.h"

#include <curl/curl.h>

#include <mutex>
#include <vector>

namespace mesh {

namespace {

constexpr long kStallSeconds = 30;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

// Collects "Name: value" lines; a new status line (after a 100 Continue) starts over.
size_t AppendHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  std::string_view line(data, size * count);
  if (line.substr(0, 5) == "HTTP/") {
    headers->clear();
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    headers->emplace_back(std::string(Trim(line.substr(0, colon))),
                          std::string(Trim(line.substr(colon + 1))));
  }
  return size * count;
}

bool HasHeader(const HttpRequest& request, std::string_view name) {
  HttpResponse probe;
  probe.headers = request.headers;
  return probe.Header(name).has_value();
}

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlHttpClientOptions options) : options_(options) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  ~CurlHttpClient() override {
    for (CURL* handle : idle_) curl_easy_cleanup(handle);
  }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    CURL* handle = Acquire();
    if (handle == nullptr) return Status::Internal("libcurl: cannot create a handle");
    HttpResponse response;
    char error[CURL_ERROR_SIZE] = {0};
    curl_slist* headers = BuildHeaders(request);
    Configure(handle, request, headers, &response, error);
    CURLcode code = curl_easy_perform(handle);
    curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    Release(handle);
    if (code != CURLE_OK) {
      std::string detail = error[0] != 0 ? std::string(error) : curl_easy_strerror(code);
      return Status::IOError("HTTP " + request.method + " " + request.url + ": " + detail);
    }
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  curl_slist* BuildHeaders(const HttpRequest& request) const {
    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers) {
      list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    list = curl_slist_append(list, "Expect:");
    if (HasBody(request) && !HasHeader(request, "Content-Type")) {
      list = curl_slist_append(list, "Content-Type: application/octet-stream");
    }
    return list;
  }

  static bool HasBody(const HttpRequest& request) {
    return !request.body.empty() || request.method == "PUT" || request.method == "POST";
  }

  void Configure(CURL* handle, const HttpRequest& request, curl_slist* headers,
                 HttpResponse* response, char* error) const {
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, options_.request_timeout_ms);
    curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, kStallSeconds);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &AppendBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response->body);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &AppendHeader);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response->headers);
    if (request.method == "HEAD") {
      curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
    } else if (HasBody(request)) {
      curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.empty() ? "" : request.body.data());
      curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else if (request.method != "GET") {
      curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
  }

  CURL* Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        CURL* handle = idle_.back();
        idle_.pop_back();
        return handle;
      }
    }
    return curl_easy_init();
  }

  void Release(CURL* handle) {
    curl_easy_reset(handle);
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(handle);
  }

  CurlHttpClientOptions options_;
  std::mutex mu_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::shared_ptr<HttpClient> MakeCurlHttpClient(CurlHttpClientOptions options) {
  return std::make_shared<CurlHttpClient>(options);
}

}  // namespace mesh
