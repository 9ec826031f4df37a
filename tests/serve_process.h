// A `mesh serve` child process for the end-to-end tests that talk to a real server, and the
// small waiting helpers they share. The process writes its stdout (access log) and stderr into
// files beside the workspace, so nothing it logs can block it, and it dies with the test process
// (PR_SET_PDEATHSIG).
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace mesh::testing {

namespace serve_fs = std::filesystem;

inline std::string ReadAll(const serve_fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits for `done` to hold, checking every 20 ms, for at most `limit`: the tests wait for states
// they can observe (a port in a log, locks in pg_locks), never for a fixed time.
template <typename Predicate>
inline bool Eventually(Predicate done, std::chrono::seconds limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

// One `mesh serve` child process, its stdout (access log) and stderr in files beside the
// workspace. It dies with the test process (PR_SET_PDEATHSIG). Not thread-safe.
class ServeProcess {
 public:
  ServeProcess(std::string name, std::vector<std::string> arguments, serve_fs::path log_dir)
      : name_(std::move(name)), arguments_(std::move(arguments)), log_dir_(std::move(log_dir)) {}
  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  ::testing::AssertionResult Launch() {
    std::vector<char*> argv;
    for (std::string& argument : arguments_) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const std::string out = (log_dir_ / (name_ + ".out")).string();
    const std::string err = (log_dir_ / (name_ + ".err")).string();
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) return ::testing::AssertionFailure() << "fork failed";
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(126);
      int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (out_fd < 0 || err_fd < 0) ::_exit(125);
      ::dup2(out_fd, 1);
      ::dup2(err_fd, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    return ::testing::AssertionSuccess();
  }

  // Reads the port from "mesh serve: listening on http://127.0.0.1:PORT/", then waits for
  // /readyz to answer 200 (the catalog answers, migrations applied).
  ::testing::AssertionResult WaitUntilReady() {
    static constexpr std::string_view kListening = "listening on http://127.0.0.1:";
    const bool listening = Eventually([&] {
      if (!Running()) return true;
      std::string log = ReadAll(log_dir_ / (name_ + ".err"));
      size_t at = log.find(kListening);
      if (at != std::string::npos) port_ = std::atoi(log.c_str() + at + kListening.size());
      return port_ > 0;
    });
    if (!listening || port_ <= 0) {
      return ::testing::AssertionFailure() << name_ << " did not start listening: " << Logs();
    }
    const bool ready = Eventually([&] {
      auto answer = Client().Get("/readyz");
      return answer && answer->status == 200;
    });
    if (!ready) return ::testing::AssertionFailure() << name_ << " never became ready: " << Logs();
    return ::testing::AssertionSuccess();
  }

  bool Running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      exit_status_ = status;
      return false;
    }
    return true;
  }

  void Signal(int signal) const {
    if (pid_ > 0) ::kill(pid_, signal);
  }

  // SIGSTOP, then waits until the kernel reports the process stopped (state T in
  // /proc/<pid>/stat): kill() only asks, and a process still running could act meanwhile.
  bool Freeze() const {
    Signal(SIGSTOP);
    return Eventually([&] {
      std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
      std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
      const size_t name_end = text.rfind(')');  // the state follows "(name) "
      return name_end != std::string::npos && name_end + 2 < text.size() &&
             text[name_end + 2] == 'T';
    });
  }

  // The wait status of the exited process; nullopt when it is still running after `limit`.
  std::optional<int> WaitForExit(std::chrono::seconds limit = std::chrono::seconds(60)) {
    Eventually([&] { return !Running(); }, limit);
    return exit_status_;
  }

  // SIGTERM (the server drains) and waits for the exit; the destructor SIGKILLs a straggler.
  void Stop() {
    Signal(SIGTERM);
    WaitForExit();
  }

  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(60, 0);
    return client;
  }

  std::string Logs() const {
    return "\n--- " + name_ + " stderr ---\n" + ReadAll(log_dir_ / (name_ + ".err")) + "--- " +
           name_ + " access log ---\n" + ReadAll(log_dir_ / (name_ + ".out"));
  }

  const std::string& name() const { return name_; }
  int port() const { return port_; }

 private:
  std::string name_;
  std::vector<std::string> arguments_;
  serve_fs::path log_dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::optional<int> exit_status_;
};

}  // namespace mesh::testing
