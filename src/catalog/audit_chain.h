// The audit log's hash chain: each entry carries the hash of the one before it (prev_hash) and its
// own hash over its contents and that prev_hash, so that editing, removing or reordering any
// entry breaks the chain from there on. Every Catalog implementation chains entries with
// ChainAuditEntry inside the transaction that appends them (so concurrent appends stay one
// chain), and `mesh audit verify` walks the log with AuditChainVerifier.
//
// What is hashed (docs/access.md "Audit chain"): SHA-256, as lowercase hex, of
//   "mesh-audit-v1\n" followed by, for sequence, at (microseconds), actor, action, target,
//   outcome, details and prev_hash in that order: the value's byte length in decimal, ':', the
//   value's bytes, '\n'.
// The first entry's prev_hash is kAuditGenesisHash.
// Pure functions; AuditChainVerifier is thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"

namespace mesh {

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes an entry's hash covers (see the header comment).
std::string AuditEntryCanonicalBytes(const AuditEntry& entry);

// SHA-256 hex of AuditEntryCanonicalBytes(entry); `entry.hash` itself is not covered.
Result<std::string> AuditEntryHash(const AuditEntry& entry);

// Makes `entry` the successor of the entry (`previous_sequence`, `previous_hash`); pass 0 and ""
// when the log is empty. Sets sequence, prev_hash and hash.
Status ChainAuditEntry(int64_t previous_sequence, std::string_view previous_hash,
                       AuditEntry* entry);

struct AuditChainProblem {
  int64_t sequence = 0;  // the entry where the chain breaks
  std::string message;
};

// Walks the log in sequence order and reports every place where the chain breaks: a changed entry
// (its hash no longer matches its contents), a removed or moved one (a gap in the sequence, or a
// prev_hash that is not the hash of the entry before it).
// Removing entries from the end leaves a shorter chain that is intact: compare the head
// (sequence, hash) with one recorded earlier to detect that.
class AuditChainVerifier {
 public:
  // Entries must come in the order the catalog lists them (ascending sequence).
  Status Add(const AuditEntry& entry);

  bool intact() const { return problems_.empty(); }
  const std::vector<AuditChainProblem>& problems() const { return problems_; }
  int64_t entries() const { return entries_; }
  int64_t head_sequence() const { return head_sequence_; }
  const std::string& head_hash() const { return head_hash_; }

 private:
  void Report(int64_t sequence, std::string message);

  std::vector<AuditChainProblem> problems_;
  int64_t entries_ = 0;
  int64_t head_sequence_ = 0;
  std::string head_hash_;
};

}  // namespace mesh
