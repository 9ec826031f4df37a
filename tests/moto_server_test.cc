#include "moto_server_test.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "base/clock.h"
#include "base/sha256.h"
#include "lake/curl_http_client.h"
#include "lake/s3_xml.h"
#include "lake/sigv4_signer.h"

namespace mesh {
namespace {

std::string FindMotoServer() {
  if (const char* explicit_path = std::getenv("MESH_MOTO_SERVER")) return explicit_path;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/moto_server";
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<std::unique_ptr<MotoServer>> MotoServer::Start() {
  std::string program = FindMotoServer();
  if (program.empty()) {
    return Status::NotFound(
        "moto_server not found on PATH (nor MESH_MOTO_SERVER): the S3 lake tests need moto "
        "(pip package moto[server], part of the machine image; see "
        "../shared/recipes/s3-in-tests.md)");
  }
  std::unique_ptr<MotoServer> server(new MotoServer());
  RETURN_NOT_OK(server->Launch(program));
  RETURN_NOT_OK(server->WaitUntilListening());
  RETURN_NOT_OK(server->CreateAccessKey());
  return server;
}

Result<MotoServer*> MotoServer::Shared() {
  static std::mutex mu;
  static std::unique_ptr<MotoServer> server;
  static Status failure;
  std::lock_guard<std::mutex> lock(mu);
  if (!server && failure.ok()) {
    auto started = Start();
    if (started.ok()) {
      server = std::move(*started);
    } else {
      failure = started.status();
    }
  }
  if (!server) return failure;
  return server.get();
}

Status MotoServer::Launch(const std::string& program) {
  std::string pattern = (std::filesystem::temp_directory_path() / "mesh-moto-XXXXXX.log").string();
  int log = ::mkstemps(pattern.data(), 4);
  if (log < 0) return Status::IOError("cannot create a log file for moto_server");
  log_path_ = pattern;
  pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) {
    ::close(log);
    return Status::IOError("fork failed starting moto_server");
  }
  if (pid_ == 0) {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::setenv("INITIAL_NO_AUTH_ACTION_COUNT", "3", 1);
    ::execl(program.c_str(), "moto_server", "-H", "127.0.0.1", "-p", "0",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(log);
  return Status::OK();
}

Status MotoServer::WaitUntilListening() {
  static constexpr std::string_view kListening = "Running on http://127.0.0.1:";
  auto http = MakeCurlHttpClient({1000, 2000});
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    int wstatus = 0;
    if (::waitpid(pid_, &wstatus, WNOHANG) == pid_) {
      pid_ = -1;
      return Status::IOError("moto_server exited at start-up: " + ReadAll(log_path_));
    }
    std::string log = ReadAll(log_path_);
    size_t at = log.find(kListening);
    if (port_ == 0 && at != std::string::npos) {
      port_ = std::atoi(log.c_str() + at + kListening.size());
      endpoint_ = "http://127.0.0.1:" + std::to_string(port_);
    }
    if (port_ != 0) {
      auto answer = http->Send({"GET", endpoint_ + "/moto-api/", {}, {}});
      if (answer.ok() && answer->status == 200) return Status::OK();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Status::IOError("moto_server did not start within 60 s: " + ReadAll(log_path_));
}

// The three unauthenticated IAM calls: a user, its access key, a policy allowing s3:*.
Status MotoServer::CreateAccessKey() {
  auto http = MakeCurlHttpClient({2000, 10000});
  SigV4Signer signer({"bootstrap", "bootstrap", ""}, "us-east-1", "iam");
  auto call = [&](const std::string& body) -> Result<std::string> {
    SigV4Request request{"POST", "/", {}, {}, Sha256Hex(body).ValueOr("")};
    request.headers = {{"Host", "127.0.0.1:" + std::to_string(port_)},
                       {"Content-Type", "application/x-www-form-urlencoded"}};
    RETURN_NOT_OK(signer.Sign(&request, SystemClock()->Now()));
    ASSIGN_OR_RAISE(HttpResponse response,
                    http->Send({"POST", endpoint_ + "/", request.headers, body}));
    if (response.status != 200) {
      return Status::IOError("moto IAM bootstrap: HTTP " + std::to_string(response.status) + ": " +
                             response.body);
    }
    return response.body;
  };
  const std::string common = "&UserName=ci&Version=2010-05-08";
  RETURN_NOT_OK(call("Action=CreateUser" + common).status());
  ASSIGN_OR_RAISE(std::string keys, call("Action=CreateAccessKey" + common));
  credentials_.access_key_id = XmlElementText(keys, "AccessKeyId").value_or("");
  credentials_.secret_access_key = XmlElementText(keys, "SecretAccessKey").value_or("");
  if (credentials_.access_key_id.empty() || credentials_.secret_access_key.empty()) {
    return Status::IOError("moto IAM bootstrap: no access key in " + keys);
  }
  std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})";
  return call("Action=PutUserPolicy&PolicyName=all&PolicyDocument=" + AwsUriEncode(policy, true) +
              common)
      .status();
}

MotoServer::~MotoServer() { Stop(); }

void MotoServer::Stop() {
  if (pid_ > 0) {
    ::kill(-pid_, SIGTERM);
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ > 0) {
      ::kill(-pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  if (!log_path_.empty()) std::filesystem::remove(log_path_);
}

S3Options MotoServer::Options() const {
  S3Options options;
  options.endpoint = endpoint_;
  options.region = "us-east-1";
  options.credentials = credentials_;
  options.part_size = 5ull << 20;
  options.copy_part_size = 5ull << 20;
  options.max_attempts = 4;
  options.initial_backoff_ms = 5;
  options.max_backoff_ms = 50;
  options.connect_timeout_ms = 2000;
  options.request_timeout_ms = 30'000;
  options.raw_slash_in_query = true;  // moto 5.2.1 signs listings' '/' unencoded (s3_options.h)
  return options;
}

std::string MotoServer::NewBucketName() {
  return "mesh-test-" + std::to_string(::getpid()) + "-" + std::to_string(++buckets_);
}

Result<std::unique_ptr<S3ObjectStore>> MotoServer::NewStore(const S3Options& options) {
  S3Location location{NewBucketName(), "lake"};
  ASSIGN_OR_RAISE(auto store, S3ObjectStore::Make(location, options));
  RETURN_NOT_OK(store->CreateBucket());
  return store;
}

// The reason for S3Options::raw_slash_in_query: a listing whose prefix holds a '/', signed as
// SigV4 says (%2F), is refused by moto 5.2.1. When this starts failing, moto was fixed: drop the
// option from Options().
TEST(MotoServerTest, RefusesSpecSignedListingsWithASlashInThePrefix) {
  auto server = MotoServer::Shared();
  ASSERT_TRUE(server.ok()) << server.status();
  S3Options spec = (*server)->Options();
  spec.raw_slash_in_query = false;
  S3Location location{(*server)->NewBucketName(), "lake"};
  auto store = S3ObjectStore::Make(location, spec);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->CreateBucket().ok());
  EXPECT_TRUE((*store)->client().ListKeys("no-slash").ok());
  EXPECT_EQ((*store)->client().ListKeys("with/slash").status().code(),
            StatusCode::kPermissionDenied);
}

TEST(MotoServerTest, StartsAndChecksSignatures) {
  auto server = MotoServer::Shared();
  ASSERT_TRUE(server.ok()) << server.status();
  auto store = (*server)->NewStore();
  ASSERT_TRUE(store.ok()) << store.status();
  S3Options wrong = (*server)->Options();
  wrong.credentials.secret_access_key = "not-the-secret";
  auto forged = S3ObjectStore::Make((*store)->location(), wrong);
  ASSERT_TRUE(forged.ok());
  EXPECT_EQ((*forged)->Exists(ObjectKeyForSha256(std::string(64, 'a'))).status().code(),
            StatusCode::kPermissionDenied);
}

}  // namespace mesh
