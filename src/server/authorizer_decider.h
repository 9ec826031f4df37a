// AuthorizerDecider: the production AccessDecider, asking access::Authorizer. Thread-safe (the
// Authorizer is).
#pragma once

#include "access/authorizer.h"
#include "server/access_decider.h"

namespace mesh::server {

class AuthorizerDecider final : public AccessDecider {
 public:
  explicit AuthorizerDecider(const access::Authorizer* authorizer) : authorizer_(authorizer) {}

  Status Check(const access::Principal& principal, access::Permission permission,
               const access::Resource& resource) const override {
    return authorizer_->Check(principal, permission, resource);
  }
  Result<std::vector<access::WithheldField>> Withheld(
      const access::Principal& principal, const access::Resource& resource) const override {
    return authorizer_->Withheld(principal, resource);
  }

 private:
  const access::Authorizer* authorizer_;
};

}  // namespace mesh::server
