#include "fault_proxy_test.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace mesh {
namespace {

constexpr int kPollMs = 50;
constexpr auto kIoLimit = std::chrono::seconds(60);

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads into `buffer` until `done(buffer)` or EOF; false on error, stop or time limit.
bool ReadUntil(int fd, std::string* buffer, const std::atomic<bool>& stopping,
               const std::function<bool(const std::string&)>& done) {
  auto deadline = std::chrono::steady_clock::now() + kIoLimit;
  char chunk[65536];
  while (!done(*buffer)) {
    if (stopping.load() || std::chrono::steady_clock::now() > deadline) return false;
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, kPollMs);
    if (ready == 0) continue;
    if (ready < 0) return false;
    ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
    if (n < 0) return false;
    if (n == 0) return true;  // EOF
    buffer->append(chunk, static_cast<size_t>(n));
  }
  return true;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The request head with any Connection header replaced by "Connection: close".
std::string CloseAfterwards(const std::string& head) {
  std::string out;
  size_t at = 0;
  while (at < head.size()) {
    size_t end = head.find("\r\n", at);
    std::string line = head.substr(at, end - at);
    at = end + 2;
    if (line.empty()) break;
    if (Lower(line).rfind("connection:", 0) == 0) continue;
    out += line + "\r\n";
  }
  return out + "Connection: close\r\n\r\n";
}

size_t ContentLength(const std::string& head) {
  std::string lower = Lower(head);
  size_t at = lower.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  return std::strtoull(head.c_str() + at + 17, nullptr, 10);
}

}  // namespace

Result<std::unique_ptr<FaultProxy>> FaultProxy::Start(int upstream_port, Rule rule) {
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) return Status::IOError("proxy: socket failed");
  int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(listener, 64) != 0 ||
      ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listener);
    return Status::IOError("proxy: cannot listen on 127.0.0.1");
  }
  return std::unique_ptr<FaultProxy>(
      new FaultProxy(listener, ntohs(address.sin_port), upstream_port, std::move(rule)));
}

FaultProxy::FaultProxy(int listener, int port, int upstream_port, Rule rule)
    : listener_(listener), port_(port), upstream_port_(upstream_port), rule_(std::move(rule)) {
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

FaultProxy::~FaultProxy() { Stop(); }

void FaultProxy::Stop() {
  if (stopping_.exchange(true)) return;
  acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    workers.swap(workers_);
  }
  for (std::thread& worker : workers) worker.join();
  ::close(listener_);
}

void FaultProxy::AcceptLoop() {
  while (!stopping_.load()) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, kPollMs) <= 0) continue;
    int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    workers_.emplace_back([this, client] {
      Handle(client);
      ::close(client);
    });
  }
}

void FaultProxy::Handle(int client) {
  std::string request;
  if (!ReadUntil(client, &request, stopping_, [](const std::string& data) {
        return data.find("\r\n\r\n") != std::string::npos;
      })) {
    return;
  }
  size_t head_end = request.find("\r\n\r\n");
  if (head_end == std::string::npos) return;
  std::string head = request.substr(0, head_end + 4);
  size_t total = head.size() + ContentLength(head);
  if (!ReadUntil(client, &request, stopping_,
                 [total](const std::string& data) { return data.size() >= total; })) {
    return;
  }
  ProxiedRequest info;
  info.number = ++requests_;
  size_t space = head.find(' ');
  info.method = head.substr(0, space);
  info.target = head.substr(space + 1, head.find(' ', space + 1) - space - 1);
  ProxyAction action = rule_(info);
  if (action != ProxyAction::kForward) ++faults_;
  std::string upstream = CloseAfterwards(head) + request.substr(head.size(), total - head.size());
  switch (action) {
    case ProxyAction::kForward:
      Forward(upstream, client, /*relay=*/true);
      break;
    case ProxyAction::kFail500: {
      std::string body =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
          "<Message>injected by the test proxy</Message></Error>";
      WriteAll(client,
               "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\n"
               "Content-Length: " +
                   std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
      break;
    }
    case ProxyAction::kHang:
      HoldUntilClosed(client);
      break;
    case ProxyAction::kDrop:
      break;
    case ProxyAction::kForwardThenHang:
      Forward(upstream, client, /*relay=*/false);
      HoldUntilClosed(client);
      break;
    case ProxyAction::kForwardThenDrop:
      Forward(upstream, client, /*relay=*/false);
      break;
  }
}

bool FaultProxy::Forward(const std::string& request, int client, bool relay) {
  int server = ::socket(AF_INET, SOCK_STREAM, 0);
  if (server < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(upstream_port_));
  bool ok = ::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
            WriteAll(server, request);
  std::string response;
  if (ok) ok = ReadUntil(server, &response, stopping_, [](const std::string&) { return false; });
  ::close(server);
  if (ok && relay) ok = WriteAll(client, response);
  return ok;
}

void FaultProxy::HoldUntilClosed(int client) {
  char chunk[4096];
  while (!stopping_.load()) {
    pollfd p{client, POLLIN, 0};
    int ready = ::poll(&p, 1, kPollMs);
    if (ready < 0) return;
    if (ready > 0 && ::recv(client, chunk, sizeof(chunk), 0) <= 0) return;
  }
}

}  // namespace mesh
