// TokenService: API tokens of people (governance.md "Identity and access"). A token is ≥128 bits
// from the OS's CSPRNG, shown once at creation and stored only as its SHA-256; lookups compare in
// constant time; tokens may expire and may be revoked. Authenticate is the only way a request
// becomes a person: headers such as X-User or unsigned JWTs mean nothing to the platform.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "base/clock.h"
#include "base/result.h"
#include "base/time.h"
#include "model/organisation.h"

namespace mesh::access {

struct TokenInfo {
  std::string id;  // public, short: names the token in list/revoke and in the audit log
  std::string person;
  Timestamp created_at;
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> revoked_at;
};

struct CreatedToken {
  TokenInfo info;
  std::string secret;  // "mesh_<id>_<random>"; shown once, never stored
};

class TokenService {
 public:
  virtual ~TokenService() = default;

  // InvalidArgument when the person is not in mesh.yaml or the expiry is not in the future.
  virtual Result<CreatedToken> Create(std::string_view person, std::optional<Timestamp> expires_at,
                                      std::string_view created_by) = 0;
  virtual Status Revoke(std::string_view token_id, std::string_view revoked_by) = 0;
  virtual Result<std::vector<TokenInfo>> List(std::optional<std::string> person) = 0;
  // Unauthenticated (never saying which check failed) for a malformed, unknown, expired or
  // revoked token, and for one whose person has left mesh.yaml.
  virtual Result<Principal> Authenticate(std::string_view secret) = 0;
};

}  // namespace mesh::access
