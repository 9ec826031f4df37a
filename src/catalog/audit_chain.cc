#include "catalog/audit_chain.h"

#include "base/sha256.h"

namespace mesh {
namespace {

void AppendField(std::string_view value, std::string* out) {
  *out += std::to_string(value.size());
  *out += ':';
  *out += value;
  *out += '\n';
}

}  // namespace

std::string AuditEntryCanonicalBytes(const AuditEntry& entry) {
  std::string out = "mesh-audit-v1\n";
  AppendField(std::to_string(entry.sequence), &out);
  AppendField(std::to_string(entry.at.micros), &out);
  AppendField(entry.actor, &out);
  AppendField(entry.action, &out);
  AppendField(entry.target, &out);
  AppendField(entry.outcome, &out);
  AppendField(entry.details, &out);
  AppendField(entry.prev_hash, &out);
  return out;
}

Result<std::string> AuditEntryHash(const AuditEntry& entry) {
  return Sha256Hex(AuditEntryCanonicalBytes(entry));
}

Status ChainAuditEntry(int64_t previous_sequence, std::string_view previous_hash,
                       AuditEntry* entry) {
  entry->sequence = previous_sequence + 1;
  entry->prev_hash =
      previous_sequence == 0 ? std::string(kAuditGenesisHash) : std::string(previous_hash);
  ASSIGN_OR_RAISE(entry->hash, AuditEntryHash(*entry));
  return Status::OK();
}

void AuditChainVerifier::Report(int64_t sequence, std::string message) {
  problems_.push_back({sequence, std::move(message)});
}

Status AuditChainVerifier::Add(const AuditEntry& entry) {
  const std::string name = "audit entry " + std::to_string(entry.sequence);
  const int64_t expected_sequence = head_sequence_ + 1;
  if (entry.sequence != expected_sequence) {
    Report(entry.sequence, name + " follows entry " + std::to_string(head_sequence_) +
                               ": expected entry " + std::to_string(expected_sequence) +
                               " there (an entry was removed or moved)");
  }
  const std::string expected_prev = entries_ == 0 ? std::string(kAuditGenesisHash) : head_hash_;
  if (entry.prev_hash != expected_prev) {
    Report(entry.sequence, name + " has prev_hash " + entry.prev_hash + " but the entry before it" +
                               (entries_ == 0 ? " (none: the chain's start)" : "") + " hashes to " +
                               expected_prev + " (an earlier entry was changed, removed or moved)");
  }
  ASSIGN_OR_RAISE(std::string recomputed, AuditEntryHash(entry));
  if (entry.hash != recomputed) {
    Report(entry.sequence, name + " (" + entry.action + " " + entry.target + " by " + entry.actor +
                               ") was changed after it was written: its contents " + "hash to " +
                               recomputed + ", not to the recorded " + entry.hash);
  }
  ++entries_;
  head_sequence_ = entry.sequence;
  head_hash_ = entry.hash;
  return Status::OK();
}

}  // namespace mesh
