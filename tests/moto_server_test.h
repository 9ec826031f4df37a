// MotoServer: a throwaway moto_server (an S3-compatible server in Python, part of the machine
// image) for tests of the S3 lake, following ../shared/recipes/s3-in-tests.md: it listens on
// 127.0.0.1 on a port the kernel picks, and checks every request's SigV4 signature against an
// IAM access key created at start-up (INITIAL_NO_AUTH_ACTION_COUNT=3 lets the three bootstrap
// IAM calls through). The server dies with the test process. When moto_server is not on PATH
// (or MESH_MOTO_SERVER), Start fails with a message saying so: the S3 tests then fail, they are
// never skipped. Thread-safe after start.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <memory>
#include <string>

#include "base/result.h"
#include "lake/s3_object_store.h"
#include "lake/s3_options.h"

namespace mesh {

class MotoServer {
 public:
  static Result<std::unique_ptr<MotoServer>> Start();
  // One server per test process, started on first use and stopped at exit.
  static Result<MotoServer*> Shared();
  ~MotoServer();

  const std::string& endpoint() const { return endpoint_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }
  // Endpoint, us-east-1, the IAM key's credentials, short backoff for tests.
  S3Options Options() const;
  // A bucket name no other test in this process uses.
  std::string NewBucketName();
  // A store on a new bucket (created) under prefix "lake", with `options` (from Options()).
  Result<std::unique_ptr<S3ObjectStore>> NewStore(const S3Options& options);
  Result<std::unique_ptr<S3ObjectStore>> NewStore() { return NewStore(Options()); }

 private:
  MotoServer() = default;
  Status Launch(const std::string& program);
  Status WaitUntilListening();
  Status CreateAccessKey();
  void Stop();

  pid_t pid_ = -1;
  std::string log_path_;
  int port_ = 0;
  std::string endpoint_;
  AwsCredentials credentials_;
  std::atomic<int> buckets_{0};
};

}  // namespace mesh
