#include "lake/sigv4_signer.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <map>

#include "base/sha256.h"

namespace mesh {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Trims the value and collapses runs of spaces to one, as the canonical headers require.
std::string CanonicalHeaderValue(std::string_view value) {
  std::string out;
  bool in_space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

// Lowercased name -> canonical value (repeated headers joined with ','), sorted by name.
std::map<std::string, std::string> CanonicalHeaderMap(const HeaderList& headers) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : headers) {
    std::string key = Lowercase(name);
    if (key == "authorization") continue;
    auto [it, inserted] = out.try_emplace(key, CanonicalHeaderValue(value));
    if (!inserted) it->second += "," + CanonicalHeaderValue(value);
  }
  return out;
}

std::string ToHex(const unsigned char* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0xf]);
  }
  return out;
}

Result<std::string> HmacSha256(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest,
           &length) == nullptr) {
    return Status::Internal("SigV4: OpenSSL HMAC-SHA256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

}  // namespace

std::string AwsUriEncode(std::string_view text, bool encode_slash) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || (c == '/' && !encode_slash)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 0xf]);
    }
  }
  return out;
}

std::string FormatAmzDate(Timestamp at) {
  int64_t seconds = at.micros / kMicrosPerSecond;
  if (at.micros < 0 && at.micros % kMicrosPerSecond != 0) --seconds;
  int64_t days = seconds / 86400;
  int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  int year = 0;
  unsigned month = 0, day = 0;
  CivilFromDays(static_cast<int32_t>(days), &year, &month, &day);
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d%02u%02uT%02d%02d%02dZ", year, month, day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buffer;
}

std::string CanonicalQueryString(const HeaderList& query, bool encode_slash) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [name, value] : query) {
    encoded.emplace_back(AwsUriEncode(name, true), AwsUriEncode(value, encode_slash));
  }
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) {
    if (!out.empty()) out.push_back('&');
    out += name + "=" + value;
  }
  return out;
}

SigV4Signer::SigV4Signer(AwsCredentials credentials, std::string region, std::string service)
    : credentials_(std::move(credentials)),
      region_(std::move(region)),
      service_(std::move(service)) {}

std::string SigV4Signer::SignedHeaders(const SigV4Request& request) const {
  std::string out;
  for (const auto& [name, value] : CanonicalHeaderMap(request.headers)) {
    if (!out.empty()) out.push_back(';');
    out += name;
  }
  return out;
}

std::string SigV4Signer::CanonicalRequest(const SigV4Request& request) const {
  std::string out = request.method + "\n";
  out += AwsUriEncode(request.path.empty() ? "/" : request.path, false) + "\n";
  out += CanonicalQueryString(request.query, request.encode_slash_in_query) + "\n";
  for (const auto& [name, value] : CanonicalHeaderMap(request.headers)) {
    out += name + ":" + value + "\n";
  }
  out += "\n" + SignedHeaders(request) + "\n" + request.payload_sha256;
  return out;
}

std::string SigV4Signer::Scope(std::string_view amz_date) const {
  return std::string(amz_date.substr(0, 8)) + "/" + region_ + "/" + service_ + "/aws4_request";
}

std::string SigV4Signer::StringToSign(std::string_view canonical_request,
                                      std::string_view amz_date) const {
  return std::string(kAlgorithm) + "\n" + std::string(amz_date) + "\n" + Scope(amz_date) + "\n" +
         Sha256Hex(canonical_request).ValueOr("");
}

Result<std::string> SigV4Signer::Signature(std::string_view string_to_sign,
                                           std::string_view amz_date) const {
  ASSIGN_OR_RAISE(std::string key,
                  HmacSha256("AWS4" + credentials_.secret_access_key, amz_date.substr(0, 8)));
  ASSIGN_OR_RAISE(key, HmacSha256(key, region_));
  ASSIGN_OR_RAISE(key, HmacSha256(key, service_));
  ASSIGN_OR_RAISE(key, HmacSha256(key, "aws4_request"));
  ASSIGN_OR_RAISE(std::string signature, HmacSha256(key, string_to_sign));
  return ToHex(reinterpret_cast<const unsigned char*>(signature.data()), signature.size());
}

Status SigV4Signer::Sign(SigV4Request* request, Timestamp now) const {
  std::string amz_date;
  for (const auto& [name, value] : request->headers) {
    if (Lowercase(name) == "x-amz-date") amz_date = value;
  }
  if (amz_date.empty()) {
    amz_date = FormatAmzDate(now);
    request->headers.emplace_back("x-amz-date", amz_date);
  }
  if (!credentials_.session_token.empty()) {
    request->headers.emplace_back("x-amz-security-token", credentials_.session_token);
  }
  std::string canonical = CanonicalRequest(*request);
  ASSIGN_OR_RAISE(std::string signature, Signature(StringToSign(canonical, amz_date), amz_date));
  request->headers.emplace_back(
      "Authorization", std::string(kAlgorithm) + " Credential=" + credentials_.access_key_id + "/" +
                           Scope(amz_date) + ", SignedHeaders=" + SignedHeaders(*request) +
                           ", Signature=" + signature);
  return Status::OK();
}

}  // namespace mesh
