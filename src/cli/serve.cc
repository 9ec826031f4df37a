// mesh serve: the REST API (and the web UI's files) on the workspace's catalog and lake
// (src/server/api_server.h). Identity comes only from API tokens (mesh token create); every
// permission is decided by the access::Authorizer. SIGTERM or SIGINT stop accepting and let the
// requests in flight finish before the process exits 0. The server runs its own SLA tick
// (src/server/sla_ticker.h) every --sla-tick-interval seconds.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "access/catalog_token_service.h"
#include "cli/access_context.h"
#include "cli/catalog_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "server/api_server.h"
#include "server/authorizer_decider.h"
#include "server/sla_ticker.h"
#include "server/spool_sweep.h"

namespace mesh::cli {
namespace {

struct ServeOptions {
  std::string listen;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 8;
  std::string web_root;
  std::string spool_dir;
  bool quiet = false;
  int sla_tick_seconds = 60;
  StoreOptions stores;
};

// "HOST:PORT" (or ":PORT") into host and port; InvalidArgument naming the flag otherwise.
Status ParseListen(const std::string& text, std::string* host, int* port) {
  const size_t colon = text.rfind(':');
  int value = -1;
  if (colon != std::string::npos) {
    const char* begin = text.data() + colon + 1;
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || ptr != end) value = -1;
  }
  if (colon == std::string::npos || value < 0 || value > 65535) {
    return Status::InvalidArgument("--listen '" + text +
                                   "': give HOST:PORT, e.g. 127.0.0.1:8080 (port 0..65535)");
  }
  if (colon > 0) *host = text.substr(0, colon);
  *port = value;
  return Status::OK();
}

// --web-root, else MESH_WEB_ROOT, else web/dist of the source tree the binary was built in
// (build/<preset>/mesh -> web/dist) when that tree has a web/ folder: built or not (the server
// then answers / with how to build it); empty: no UI (non-API paths 404).
std::string WebRoot(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("MESH_WEB_ROOT"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const std::filesystem::path web = exe.parent_path() / ".." / ".." / "web";
  if (!std::filesystem::is_regular_file(web / "package.json", error)) return "";
  return std::filesystem::weakly_canonical(web / "dist", error).string();
}

// How the start-up line describes the UI.
std::string DescribeWebRoot(const std::string& web_root) {
  if (web_root.empty()) return "none (set --web-root)";
  std::error_code error;
  if (std::filesystem::is_regular_file(std::filesystem::path(web_root) / "index.html", error)) {
    return web_root;
  }
  return "not built (" + web_root + " has no index.html; / says how to build it, docs/ui.md)";
}

// Waits for SIGTERM or SIGINT on its own thread (the signals are blocked everywhere else) and
// stops the server; Cancel() ends the wait when the server stopped for another reason.
class SignalWatcher {
 public:
  // The signals the watcher waits for, blocked in the calling thread. Call it before the first
  // thread is made (the SLA ticker, the workers): threads inherit the mask, and a stop signal
  // delivered to a thread that does not block it would end the process at once.
  static sigset_t BlockStopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGUSR1);  // Cancel()
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
  }

  explicit SignalWatcher(server::ApiServer* server)
      : server_(server), signals_(BlockStopSignals()) {
    thread_ = std::thread([this] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (signal != SIGUSR1) {
        std::cerr << "mesh serve: stopping (in-flight requests finish first)\n";
        server_->Stop();
      }
    });
  }
  ~SignalWatcher() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
  }

 private:
  server::ApiServer* server_;
  sigset_t signals_;
  std::thread thread_;
};

int RunServe(const GlobalOptions& global, const ServeOptions& options) {
  SignalWatcher::BlockStopSignals();
  std::string host = options.host;
  int port = options.port;
  if (!options.listen.empty()) {
    if (Status parsed = ParseListen(options.listen, &host, &port); !parsed.ok()) {
      std::cerr << "mesh serve: " << parsed.message() << "\n";
      return kExitUsage;
    }
  }
  Result<Workspace> workspace = OpenWorkspace(global);
  if (!workspace.ok()) {
    std::cerr << "mesh serve: " << workspace.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<AccessContext>> context = OpenAccessContext(global, options.stores);
  if (!context.ok()) {
    std::cerr << "mesh serve: " << context.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<ObjectStore>> lake = OpenVerbLake(options.stores, *workspace);
  if (!lake.ok()) {
    std::cerr << "mesh serve: " << lake.status().message() << "\n";
    return kExitUsage;
  }
  AccessContext& access = **context;
  access::CatalogTokenService tokens(&access.organisation, access.catalog.get(),
                                     access.clock.get());
  server::AuthorizerDecider decider(access.authorizer.get());
  access::AccessService access_service(access.authorizer.get(), access.catalog.get(),
                                       access.clock.get());

  server::ServerServices services;
  services.workspace = &*workspace;
  services.catalog = access.catalog.get();
  services.lake = lake->get();
  services.tokens = &tokens;
  services.decider = &decider;
  services.clock = access.clock.get();
  services.access = &access_service;

  // The server's own SLA tick (declared before the server: it outlives it).
  std::unique_ptr<server::SlaTicker> ticker;
  if (options.sla_tick_seconds > 0) {
    server::SlaTickerOptions tick_options;
    tick_options.interval = std::chrono::seconds(options.sla_tick_seconds);
    tick_options.log = [](const std::string& line) { std::cerr << "mesh serve: " + line + "\n"; };
    ticker =
        std::make_unique<server::SlaTicker>(&*workspace, access.catalog.get(), access.clock.get(),
                                            sla::MakeHttpWebhookSender(), tick_options);
    services.notifications_queued = [ticker = ticker.get()] { ticker->Wake(); };
  }

  server::ServerOptions server_options;
  server_options.host = host;
  server_options.port = port;
  server_options.threads = std::max(1, options.threads);
  server_options.web_root = WebRoot(options.web_root);
  server_options.spool_dir =
      options.spool_dir.empty()
          ? (std::filesystem::path(workspace->root()) / ".mesh" / "spool").string()
          : options.spool_dir;
  std::error_code error;
  std::filesystem::create_directories(server_options.spool_dir, error);
  if (error) {
    std::cerr << "mesh serve: cannot create the upload spool folder " << server_options.spool_dir
              << ": " << error.message() << " (set another with --spool-dir)\n";
    return kExitUsage;
  }
  // Uploads a killed server left behind (older than a day: another server sharing the folder
  // may have one in flight).
  Result<server::SweepResult> swept = server::SweepStaleUploads(
      server_options.spool_dir, std::filesystem::file_time_type::clock::now(),
      std::chrono::hours(24));
  if (!swept.ok()) {
    std::cerr << "mesh serve: " << swept.status().message() << " (set another with --spool-dir)\n";
    return kExitUsage;
  }
  if (swept->removed > 0) {
    std::cerr << "mesh serve: removed " << swept->removed << " stale upload(s), " << swept->bytes
              << " bytes, left in " << server_options.spool_dir << " by a stopped server\n";
  }
  auto log_mutex = std::make_shared<std::mutex>();
  if (!options.quiet) {
    server_options.access_log = [log_mutex](const std::string& line) {
      std::lock_guard<std::mutex> lock(*log_mutex);
      std::cout << line << "\n" << std::flush;
    };
  }

  Result<std::unique_ptr<server::ApiServer>> server =
      server::ApiServer::Make(services, server_options);
  if (!server.ok()) {
    std::cerr << "mesh serve: " << server.status().message() << "\n";
    return kExitUsage;
  }
  Result<int> bound = (*server)->Bind();
  if (!bound.ok()) {
    std::cerr << "mesh serve: cannot listen on " << host << ":" << port << ": "
              << bound.status().message() << "\n";
    return kExitUsage;
  }
  std::cerr << "mesh serve: listening on http://" << host << ":" << *bound << "/ (catalog "
            << access.catalog->Uri() << ", lake " << (*lake)->Uri() << ", web UI "
            << DescribeWebRoot(server_options.web_root) << ", SLA tick "
            << (ticker ? "every " + std::to_string(options.sla_tick_seconds) + " s" : "off")
            << ")\n";
  Status ran;
  {
    SignalWatcher watcher(server->get());
    ran = (*server)->Run();
  }
  if (!ran.ok()) {
    std::cerr << "mesh serve: " << ran.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

void SetupServe(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand(
      "serve", "Serve the REST API (/api/v1) and the web UI on the workspace's catalog and lake");
  command->add_option("--listen", options->listen,
                      "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)");
  command->add_option("--host", options->host, "Host to listen on (when --listen is not given)");
  command->add_option("--port", options->port, "Port to listen on (when --listen is not given)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--threads", options->threads, "Worker threads answering requests")
      ->check(CLI::Range(1, 256));
  command->add_option("--web-root", options->web_root,
                      "The built web UI (web/dist); default MESH_WEB_ROOT, else the source "
                      "tree's web/dist (not built: / says how to build it)");
  command->add_option(
      "--spool-dir", options->spool_dir,
      "Where uploads wait on their way to the lake (default <workspace>/.mesh/spool)");
  command->add_flag("--quiet", options->quiet, "No access log on stdout");
  command
      ->add_option("--sla-tick-interval", options->sla_tick_seconds,
                   "Seconds between the server's SLA ticks (deadlines, incidents, webhooks; "
                   "the first at start; default 60; 0: off, run `mesh sla tick` instead)")
      ->check(CLI::Range(0, 86400));
  AddStoreOptions(command, &options->stores);
  command->footer(
      "Authentication: 'Authorization: Bearer <token>' from `mesh token create`; nothing else "
      "makes a request a person. Routes, permissions and errors: docs/api.md; OpenAPI at "
      "/api/v1/openapi.json. SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0.\n"
      "Exit codes: 0 stopped cleanly, 2 usage or start-up error (bad flag, no workspace, port in "
      "use).");
  command->callback([&global, options, exit_code] { *exit_code = RunServe(global, *options); });
}

}  // namespace

MESH_REGISTER_VERB("serve", 85, SetupServe);

}  // namespace mesh::cli
