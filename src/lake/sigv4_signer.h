// SigV4Signer: AWS Signature Version 4 for requests signed in the Authorization header
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). It builds the
// canonical request (method, URI-encoded path, sorted query, lowercased sorted headers, payload
// hash), the string to sign (algorithm, date, scope, hash of the canonical request) and the
// HMAC-SHA256 signature with the key derived from the secret, date, region and service.
// The path is encoded once, as S3 expects (S3 paths are not normalised). The secret key never
// appears in anything the signer returns. Immutable after construction: safe for concurrent use.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "base/time.h"

namespace mesh {

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless temporary credentials
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// A request as the signer sees it. Names and values are raw (not yet percent-encoded).
struct SigV4Request {
  std::string method;          // "GET"
  std::string path;            // "/bucket/key", starts with '/'
  HeaderList query;            // ("uploads", "") signs as "uploads="
  HeaderList headers;          // must include "host"
  std::string payload_sha256;  // lowercase hex of the body, or "UNSIGNED-PAYLOAD"
  // SigV4 encodes '/' in query values as %2F; false keeps it (see S3Options::raw_slash_in_query).
  bool encode_slash_in_query = true;
};

// RFC 3986 percent-encoding as SigV4 wants it: unreserved characters (A-Z a-z 0-9 - . _ ~) stay,
// '/' stays unless `encode_slash`, every other byte becomes %XX (uppercase hex).
std::string AwsUriEncode(std::string_view text, bool encode_slash);

// "20150830T123600Z".
std::string FormatAmzDate(Timestamp at);

// The sorted, encoded query string of `query` ("a=1&b=&c=3"), as signed and as sent.
std::string CanonicalQueryString(const HeaderList& query, bool encode_slash = true);

class SigV4Signer {
 public:
  SigV4Signer(AwsCredentials credentials, std::string region, std::string service);

  std::string CanonicalRequest(const SigV4Request& request) const;
  // The header names that are signed, lowercased, sorted, ';'-joined.
  std::string SignedHeaders(const SigV4Request& request) const;
  std::string StringToSign(std::string_view canonical_request, std::string_view amz_date) const;
  Result<std::string> Signature(std::string_view string_to_sign, std::string_view amz_date) const;

  // Adds x-amz-date (at `now`, unless the request carries one), x-amz-security-token (with a
  // session token) and Authorization to the request's headers.
  Status Sign(SigV4Request* request, Timestamp now) const;

  const std::string& access_key_id() const { return credentials_.access_key_id; }
  const std::string& region() const { return region_; }

 private:
  std::string Scope(std::string_view amz_date) const;

  AwsCredentials credentials_;
  std::string region_;
  std::string service_;
};

}  // namespace mesh
