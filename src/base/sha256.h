// Sha256: streaming SHA-256 (OpenSSL EVP) for content addressing in the lake and content hashes
// in the catalog. Feed bytes with Update, then Finish once to get the digest as 64 lowercase hex
// characters. External synchronization required (one hasher per stream).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace mesh {

class Sha256 {
 public:
  // Fails only when OpenSSL cannot set up a digest context.
  static Result<Sha256> Make();

  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  ~Sha256();

  Status Update(std::string_view data);
  // The digest as lowercase hex. After Finish the hasher is spent: Update and Finish fail.
  Result<std::string> Finish();

 private:
  struct Context;
  explicit Sha256(std::unique_ptr<Context> context);
  std::unique_ptr<Context> context_;
};

// The SHA-256 of `data` as lowercase hex.
Result<std::string> Sha256Hex(std::string_view data);

// Whether `text` is 64 lowercase hex characters.
bool IsSha256Hex(std::string_view text);

}  // namespace mesh
