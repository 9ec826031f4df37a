// CatalogTokenService: the TokenService over the Catalog's token records. Secrets are
// "mesh_<id>_<secret>" with a 12-hex-digit id and 256 random bits (64 hex digits) from OpenSSL's
// CSPRNG (RAND_bytes); only the SHA-256 of the whole secret is stored, and Authenticate compares
// digests with CRYPTO_memcmp. Creation and revocation are audited ("token.create",
// "token.revoke"). Thread-safe (the Catalog is; the organisation and clock are read-only).
#pragma once

#include "access/token_service.h"
#include "catalog/catalog.h"

namespace mesh::access {

class CatalogTokenService final : public TokenService {
 public:
  CatalogTokenService(const Organisation* organisation, Catalog* catalog, const Clock* clock)
      : organisation_(organisation), catalog_(catalog), clock_(clock) {}

  Result<CreatedToken> Create(std::string_view person, std::optional<Timestamp> expires_at,
                              std::string_view created_by) override;
  Status Revoke(std::string_view token_id, std::string_view revoked_by) override;
  Result<std::vector<TokenInfo>> List(std::optional<std::string> person) override;
  Result<Principal> Authenticate(std::string_view secret) override;

 private:
  const Organisation* organisation_;
  Catalog* catalog_;
  const Clock* clock_;
};

// Random bytes from the OS's CSPRNG as lowercase hex (2 digits per byte).
Result<std::string> RandomHex(size_t bytes);

// The id part of a well-formed secret "mesh_<12 hex>_<64 hex>"; nullopt for anything else.
std::optional<std::string> TokenIdOfSecret(std::string_view secret);

}  // namespace mesh::access
