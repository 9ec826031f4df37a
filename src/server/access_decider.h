// AccessDecider: the questions the server asks about a principal's rights: may it do this
// (Check), and which fields must be left out of what it reads (Withheld). The production
// implementation is access::Authorizer (authorizer_decider.h); tests may substitute one with
// fixed rules. Implementations are safe for concurrent use.
#pragma once

#include <vector>

#include "access/authorizer.h"
#include "access/permission.h"
#include "access/principal.h"
#include "base/result.h"
#include "base/status.h"

namespace mesh::server {

class AccessDecider {
 public:
  virtual ~AccessDecider() = default;
  // OK or PermissionDenied saying what is missing.
  virtual Status Check(const access::Principal& principal, access::Permission permission,
                       const access::Resource& resource) const = 0;
  virtual Result<std::vector<access::WithheldField>> Withheld(
      const access::Principal& principal, const access::Resource& resource) const = 0;
};

}  // namespace mesh::server
