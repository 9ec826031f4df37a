// Where an S3 lake lives and how to reach it. `--lake s3://bucket/prefix` names the bucket and
// the key prefix; the endpoint, region and credentials come from the standard AWS environment
// variables:
//   AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL   custom endpoint (path-style addressing), e.g.
//                                                http://127.0.0.1:9000; unset = AWS itself
//                                                (https://<bucket>.s3.<region>.amazonaws.com)
//   AWS_REGION, else AWS_DEFAULT_REGION          signing region (default us-east-1)
//   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY     required
//   AWS_SESSION_TOKEN                            for temporary credentials
// Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "lake/sigv4_signer.h"

namespace mesh {

struct S3Location {
  std::string bucket;
  std::string prefix;  // no leading or trailing '/'; may be empty

  // "s3://bucket/prefix" (or "s3://bucket" without a prefix).
  std::string Uri() const;
  // `relative` below the prefix: "prefix/relative".
  std::string Key(std::string_view relative) const;
};

// Parses "s3://bucket[/prefix]"; InvalidArgument naming the URI and what to change.
Result<S3Location> ParseS3Uri(std::string_view uri);

struct S3Options {
  std::string endpoint;  // "http://host:port" (path-style); empty = AWS (virtual-hosted style)
  std::string region = "us-east-1";
  AwsCredentials credentials;

  // Objects larger than one part are streamed as a multipart upload of parts this big (S3's
  // minimum for all parts but the last is 5 MiB); smaller ones are sent in one PUT.
  uint64_t part_size = 8ull << 20;
  // Server-side copy parts when a staged object is published (S3's maximum is 5 GiB).
  uint64_t copy_part_size = 512ull << 20;

  // Retries on 5xx, 429, timeouts and connection errors: at most `max_attempts` tries in all,
  // waiting a random time in [d/2, d] before try n+1, d = min(max_backoff, initial * 2^(n-1)).
  int max_attempts = 5;
  int initial_backoff_ms = 100;
  int max_backoff_ms = 5'000;
  long connect_timeout_ms = 10'000;
  // Send and sign '/' in query values (the `prefix` of listings) as is instead of %2F. SigV4
  // and AWS S3 want %2F (the default). moto 5.2.1 canonicalises query values without encoding
  // '/', so a correct signature of a listing with a '/' in its prefix fails there (boto3's too);
  // the moto-based tests turn this on. Only listings (ListStaging) carry '/' in a query.
  bool raw_slash_in_query = false;
  long request_timeout_ms = 300'000;
};

using EnvironmentLookup = std::function<std::optional<std::string>(const char* name)>;

// The process environment.
std::optional<std::string> ProcessEnvironment(const char* name);

// S3Options from the AWS_* variables above; InvalidArgument when the credentials are missing or
// the endpoint is not an http(s) URL (the message names the variable, never a secret's value).
Result<S3Options> S3OptionsFromEnvironment(const EnvironmentLookup& lookup = ProcessEnvironment);

// Checks the sizes and counts of `options` (part sizes within S3's limits, attempts >= 1).
Status ValidateS3Options(const S3Options& options);

}  // namespace mesh
