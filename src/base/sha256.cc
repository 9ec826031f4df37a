#include "base/sha256.h"

#include <openssl/evp.h>

namespace mesh {

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
  bool finished = false;
  ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256(std::unique_ptr<Context> context) : context_(std::move(context)) {}
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;
Sha256::~Sha256() = default;

Result<Sha256> Sha256::Make() {
  auto context = std::make_unique<Context>();
  context->md = EVP_MD_CTX_new();
  if (context->md == nullptr) return Status::Internal("sha256: cannot allocate a digest context");
  if (EVP_DigestInit_ex(context->md, EVP_sha256(), nullptr) != 1) {
    return Status::Internal("sha256: cannot initialise the digest");
  }
  return Sha256(std::move(context));
}

Status Sha256::Update(std::string_view data) {
  if (!context_ || context_->finished) {
    return Status::FailedPrecondition("sha256: Update after Finish");
  }
  if (data.empty()) return Status::OK();
  if (EVP_DigestUpdate(context_->md, data.data(), data.size()) != 1) {
    return Status::Internal("sha256: digest update failed");
  }
  return Status::OK();
}

Result<std::string> Sha256::Finish() {
  if (!context_ || context_->finished) {
    return Status::FailedPrecondition("sha256: Finish called twice");
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  context_->finished = true;
  if (EVP_DigestFinal_ex(context_->md, digest, &length) != 1) {
    return Status::Internal("sha256: digest finalisation failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0f]);
  }
  return hex;
}

Result<std::string> Sha256Hex(std::string_view data) {
  ASSIGN_OR_RAISE(Sha256 hasher, Sha256::Make());
  RETURN_NOT_OK(hasher.Update(data));
  return hasher.Finish();
}

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    bool digit = c >= '0' && c <= '9';
    bool lower = c >= 'a' && c <= 'f';
    if (!digit && !lower) return false;
  }
  return true;
}

}  // namespace mesh
