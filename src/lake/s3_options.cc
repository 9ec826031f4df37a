#include "lake/s3_options.h"

#include <cstdlib>

namespace mesh {
namespace {

constexpr uint64_t kMinPartSize = 5ull << 20;
constexpr uint64_t kMaxPartSize = 5ull << 30;

bool ValidBucketName(std::string_view name) {
  if (name.size() < 3 || name.size() > 63) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return name.front() != '-' && name.front() != '.' && name.back() != '-' && name.back() != '.';
}

std::optional<std::string> NonEmpty(const EnvironmentLookup& lookup, const char* name) {
  std::optional<std::string> value = lookup(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string S3Location::Uri() const {
  return "s3://" + bucket + (prefix.empty() ? "" : "/" + prefix);
}

std::string S3Location::Key(std::string_view relative) const {
  return prefix.empty() ? std::string(relative) : prefix + "/" + std::string(relative);
}

Result<S3Location> ParseS3Uri(std::string_view uri) {
  constexpr std::string_view kScheme = "s3://";
  if (uri.substr(0, kScheme.size()) != kScheme) {
    return Status::InvalidArgument("--lake '" + std::string(uri) +
                                   "' is not an S3 URI: write s3://BUCKET/PREFIX");
  }
  std::string_view rest = uri.substr(kScheme.size());
  size_t slash = rest.find('/');
  S3Location location;
  location.bucket = std::string(rest.substr(0, slash));
  if (!ValidBucketName(location.bucket)) {
    return Status::InvalidArgument(
        "--lake '" + std::string(uri) + "': '" + location.bucket +
        "' is not a valid S3 bucket name (3 to 63 characters: lowercase letters, digits, '-' "
        "and '.', starting and ending with a letter or digit)");
  }
  std::string_view prefix = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
  while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
  if (prefix.find("//") != std::string_view::npos || prefix.find('?') != std::string_view::npos ||
      prefix.find('#') != std::string_view::npos) {
    return Status::InvalidArgument("--lake '" + std::string(uri) +
                                   "': the prefix may not contain '//', '?' or '#'");
  }
  location.prefix = std::string(prefix);
  return location;
}

std::optional<std::string> ProcessEnvironment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

Result<S3Options> S3OptionsFromEnvironment(const EnvironmentLookup& lookup) {
  S3Options options;
  if (auto endpoint = NonEmpty(lookup, "AWS_ENDPOINT_URL_S3")) {
    options.endpoint = *endpoint;
  } else if (auto generic = NonEmpty(lookup, "AWS_ENDPOINT_URL")) {
    options.endpoint = *generic;
  }
  while (!options.endpoint.empty() && options.endpoint.back() == '/') options.endpoint.pop_back();
  if (!options.endpoint.empty() && options.endpoint.rfind("http://", 0) != 0 &&
      options.endpoint.rfind("https://", 0) != 0) {
    return Status::InvalidArgument("AWS_ENDPOINT_URL(_S3) '" + options.endpoint +
                                   "' is not an http:// or https:// URL");
  }
  if (auto region = NonEmpty(lookup, "AWS_REGION")) {
    options.region = *region;
  } else if (auto fallback = NonEmpty(lookup, "AWS_DEFAULT_REGION")) {
    options.region = *fallback;
  }
  auto key_id = NonEmpty(lookup, "AWS_ACCESS_KEY_ID");
  auto secret = NonEmpty(lookup, "AWS_SECRET_ACCESS_KEY");
  if (!key_id || !secret) {
    return Status::InvalidArgument(
        "an s3:// lake needs credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
        "AWS_SESSION_TOKEN for temporary credentials)");
  }
  options.credentials.access_key_id = *key_id;
  options.credentials.secret_access_key = *secret;
  options.credentials.session_token = NonEmpty(lookup, "AWS_SESSION_TOKEN").value_or("");
  return options;
}

Status ValidateS3Options(const S3Options& options) {
  if (options.part_size < kMinPartSize || options.part_size > kMaxPartSize) {
    return Status::InvalidArgument("S3 part size " + std::to_string(options.part_size) +
                                   " is outside S3's limits (5 MiB to 5 GiB)");
  }
  if (options.copy_part_size < kMinPartSize || options.copy_part_size > kMaxPartSize) {
    return Status::InvalidArgument("S3 copy part size " + std::to_string(options.copy_part_size) +
                                   " is outside S3's limits (5 MiB to 5 GiB)");
  }
  if (options.max_attempts < 1) {
    return Status::InvalidArgument("S3 max_attempts must be at least 1");
  }
  if (options.region.empty()) return Status::InvalidArgument("S3 region is empty");
  return Status::OK();
}

}  // namespace mesh
