#include "access/catalog_token_service.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>

#include "base/sha256.h"

namespace mesh::access {
namespace {

constexpr std::string_view kPrefix = "mesh_";
constexpr size_t kIdBytes = 6;       // 12 hex digits: names a token, not a secret
constexpr size_t kSecretBytes = 32;  // 256 bits
constexpr int kIdAttempts = 4;

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

TokenInfo InfoOf(const TokenRecord& record) {
  return TokenInfo{record.id, record.person, record.created_at, record.expires_at,
                   record.revoked_at};
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

Status Unauthenticated() {
  return Status::Unauthenticated(
      "the token is not valid (malformed, unknown, expired or revoked): ask an admin for a new "
      "one with `mesh token create`");
}

}  // namespace

Result<std::string> RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    return Status::Internal("the system's random number generator failed: no token was made");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xf];
  }
  return out;
}

std::optional<std::string> TokenIdOfSecret(std::string_view secret) {
  constexpr size_t kIdDigits = kIdBytes * 2;
  constexpr size_t kSecretDigits = kSecretBytes * 2;
  if (secret.size() != kPrefix.size() + kIdDigits + 1 + kSecretDigits) return std::nullopt;
  if (secret.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view id = secret.substr(kPrefix.size(), kIdDigits);
  if (secret[kPrefix.size() + kIdDigits] != '_') return std::nullopt;
  std::string_view random = secret.substr(kPrefix.size() + kIdDigits + 1);
  if (!IsLowerHex(id) || !IsLowerHex(random)) return std::nullopt;
  return std::string(id);
}

Result<CreatedToken> CatalogTokenService::Create(std::string_view person,
                                                 std::optional<Timestamp> expires_at,
                                                 std::string_view created_by) {
  if (!organisation_->HasPerson(person)) {
    return Status::InvalidArgument("person '" + std::string(person) +
                                   "' is not a member of any team in mesh.yaml: a token is for "
                                   "a person of the organisation");
  }
  const Timestamp now = clock_->Now();
  if (expires_at && *expires_at <= now) {
    return Status::InvalidArgument("the expiry " + FormatTimestamp(*expires_at) +
                                   " is not in the future (now is " + FormatTimestamp(now) + ")");
  }
  for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
    TokenRecord record;
    ASSIGN_OR_RAISE(record.id, RandomHex(kIdBytes));
    ASSIGN_OR_RAISE(std::string random, RandomHex(kSecretBytes));
    std::string secret = std::string(kPrefix) + record.id + "_" + random;
    ASSIGN_OR_RAISE(record.secret_sha256, Sha256Hex(secret));
    record.person = std::string(person);
    record.created_by = std::string(created_by);
    record.created_at = now;
    record.expires_at = expires_at;
    std::string details = "{\"person\":" + JsonString(person) + ",\"expires_at\":" +
                          (expires_at ? JsonString(FormatTimestamp(*expires_at)) : "null") + "}";
    AuditEntry audit{
        0,  now, std::string(created_by), "token.create", "token:" + record.id, "ok", details,
        "", ""};
    Status added = catalog_->AddToken(record, audit);
    if (added.code() == StatusCode::kAlreadyExists) continue;
    RETURN_NOT_OK(added);
    return CreatedToken{InfoOf(record), std::move(secret)};
  }
  return Status::Internal("could not find a free token id after " + std::to_string(kIdAttempts) +
                          " attempts");
}

Status CatalogTokenService::Revoke(std::string_view token_id, std::string_view revoked_by) {
  const Timestamp now = clock_->Now();
  AuditEntry audit{
      0,  now, std::string(revoked_by), "token.revoke", "token:" + std::string(token_id), "ok", "",
      "", ""};
  return catalog_->RevokeToken(token_id, revoked_by, now, audit);
}

Result<std::vector<TokenInfo>> CatalogTokenService::List(std::optional<std::string> person) {
  ASSIGN_OR_RAISE(std::vector<TokenRecord> records, catalog_->ListTokens(person));
  std::vector<TokenInfo> out;
  out.reserve(records.size());
  for (const TokenRecord& record : records) out.push_back(InfoOf(record));
  return out;
}

Result<Principal> CatalogTokenService::Authenticate(std::string_view secret) {
  std::optional<std::string> id = TokenIdOfSecret(secret);
  if (!id) return Unauthenticated();
  Result<TokenRecord> record = catalog_->GetToken(*id);
  if (record.status().IsNotFound()) return Unauthenticated();
  RETURN_NOT_OK(record.status());
  ASSIGN_OR_RAISE(std::string digest, Sha256Hex(secret));
  const std::string& stored = record->secret_sha256;
  const bool same = stored.size() == digest.size() &&
                    CRYPTO_memcmp(stored.data(), digest.data(), digest.size()) == 0;
  if (!same || !record->IsUsable(clock_->Now())) return Unauthenticated();
  Result<Principal> principal = MakePrincipal(*organisation_, record->person);
  if (!principal.ok()) return Unauthenticated();
  return principal;
}

}  // namespace mesh::access
