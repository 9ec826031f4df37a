// The audit hash chain: the hash covers every field, and AuditChainVerifier finds an entry edited,
// removed or reordered directly in the SQLite file (the append-only triggers dropped first, as an
// attacker with the file would).
#include "catalog/audit_chain.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/catalog_contract_test.h"
#include "catalog/sqlite_catalog.h"
#include "catalog/sqlite_connection.h"

namespace mesh {
namespace {

AuditEntry Entry(int i) {
  return AuditEntry{0,
                    Timestamp{1'000'000 + i},
                    i % 2 ? "alice" : "bob",
                    "read",
                    "product_" + std::to_string(i),
                    "ok",
                    "{}",
                    "",
                    ""};
}

std::vector<AuditEntry> Chain(int count) {
  std::vector<AuditEntry> entries;
  for (int i = 0; i < count; ++i) {
    AuditEntry entry = Entry(i);
    EXPECT_TRUE(ChainAuditEntry(entries.empty() ? 0 : entries.back().sequence,
                                entries.empty() ? "" : entries.back().hash, &entry)
                    .ok());
    entries.push_back(entry);
  }
  return entries;
}

AuditChainVerifier Verify(const std::vector<AuditEntry>& entries) {
  AuditChainVerifier verifier;
  for (const AuditEntry& entry : entries) EXPECT_TRUE(verifier.Add(entry).ok());
  return verifier;
}

TEST(AuditChainTest, HashCoversEveryFieldButItself) {
  AuditEntry base = Chain(1).front();
  const std::string hash = AuditEntryHash(base).ValueOr("");
  EXPECT_EQ(hash, base.hash);
  std::vector<AuditEntry> changed(8, base);
  changed[0].sequence = 2;
  changed[1].at = Timestamp{base.at.micros + 1};
  changed[2].actor = "mallory";
  changed[3].action = "grant";
  changed[4].target = "product_x";
  changed[5].outcome = "denied";
  changed[6].details = "{} ";
  changed[7].prev_hash = std::string(64, '1');
  for (const AuditEntry& entry : changed) EXPECT_NE(AuditEntryHash(entry).ValueOr(""), hash);
  AuditEntry rehashed = base;
  rehashed.hash = "anything";
  EXPECT_EQ(AuditEntryHash(rehashed).ValueOr(""), hash);
  // Length prefixes: moving a character between fields changes the bytes hashed.
  AuditEntry shifted = base;
  shifted.actor = base.actor + "r";
  shifted.action = base.action.substr(1);
  EXPECT_NE(AuditEntryCanonicalBytes(shifted), AuditEntryCanonicalBytes(base));
}

TEST(AuditChainTest, IntactChainVerifiesAndNamesItsHead) {
  auto entries = Chain(5);
  EXPECT_EQ(entries.front().prev_hash, kAuditGenesisHash);
  AuditChainVerifier verifier = Verify(entries);
  EXPECT_TRUE(verifier.intact());
  EXPECT_EQ(verifier.entries(), 5);
  EXPECT_EQ(verifier.head_sequence(), 5);
  EXPECT_EQ(verifier.head_hash(), entries.back().hash);
  EXPECT_TRUE(Verify({}).intact());
}

TEST(AuditChainTest, EditedEntryIsFoundEvenWhenItsHashIsRecomputed) {
  auto entries = Chain(5);
  entries[2].outcome = "denied";
  AuditChainVerifier edited = Verify(entries);
  ASSERT_FALSE(edited.intact());
  EXPECT_EQ(edited.problems().front().sequence, 3);
  EXPECT_NE(edited.problems().front().message.find("was changed after it was written"),
            std::string::npos);
  entries[2].hash = AuditEntryHash(entries[2]).ValueOr("");
  AuditChainVerifier rehashed = Verify(entries);
  ASSERT_FALSE(rehashed.intact());
  EXPECT_EQ(rehashed.problems().front().sequence, 4) << "the next entry no longer links";
}

TEST(AuditChainTest, RemovedAndReorderedEntriesAreFound) {
  auto removed = Chain(5);
  removed.erase(removed.begin() + 1);
  AuditChainVerifier gap = Verify(removed);
  ASSERT_FALSE(gap.intact());
  EXPECT_EQ(gap.problems().front().sequence, 3);
  auto first_removed = Chain(3);
  first_removed.erase(first_removed.begin());
  EXPECT_FALSE(Verify(first_removed).intact());
  auto swapped = Chain(5);
  std::swap(swapped[1], swapped[2]);
  EXPECT_FALSE(Verify(swapped).intact());
  auto renumbered = Chain(5);
  std::swap(renumbered[1], renumbered[2]);
  std::swap(renumbered[1].sequence, renumbered[2].sequence);
  EXPECT_FALSE(Verify(renumbered).intact()) << "sequence numbers are hashed too";
}

class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = MakeCatalogScratchDir();
    ASSERT_FALSE(scratch_.empty());
    path_ = scratch_ + "/catalog.db";
    auto catalog = SqliteCatalog::Open(path_);
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    for (int i = 0; i < 5; ++i) ASSERT_TRUE((*catalog)->AppendAudit(Entry(i)).ok());
    auto raw = SqliteConnection::Open(path_, 1000);
    ASSERT_TRUE(raw.ok());
    raw_ = std::move(*raw);
    ASSERT_TRUE(raw_->Exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete",
                           "tamper: drop the append-only triggers")
                    .ok());
  }
  void TearDown() override {
    raw_.reset();
    std::filesystem::remove_all(scratch_);
  }

  AuditChainVerifier VerifyFile() {
    auto catalog = SqliteCatalog::Open(path_);
    EXPECT_TRUE(catalog.ok()) << catalog.status();
    AuditChainVerifier verifier;
    for (const AuditEntry& entry : (*catalog)->ListAudit({}).ValueOr({})) {
      EXPECT_TRUE(verifier.Add(entry).ok());
    }
    return verifier;
  }

  void Tamper(const std::string& sql) { ASSERT_TRUE(raw_->Exec(sql, "tamper").ok()) << sql; }

  std::string scratch_;
  std::string path_;
  std::unique_ptr<SqliteConnection> raw_;
};

TEST_F(AuditTamperTest, UntouchedFileVerifies) { EXPECT_TRUE(VerifyFile().intact()); }

TEST_F(AuditTamperTest, EditedEntryIsDetected) {
  Tamper("UPDATE audit_log SET actor = 'mallory' WHERE sequence = 2");
  AuditChainVerifier verifier = VerifyFile();
  ASSERT_FALSE(verifier.intact());
  EXPECT_EQ(verifier.problems().front().sequence, 2);
}

TEST_F(AuditTamperTest, RemovedEntryIsDetected) {
  Tamper("DELETE FROM audit_log WHERE sequence = 3");
  AuditChainVerifier verifier = VerifyFile();
  ASSERT_FALSE(verifier.intact());
  EXPECT_EQ(verifier.problems().front().sequence, 4);
}

TEST_F(AuditTamperTest, ReorderedEntriesAreDetected) {
  // Swap the contents of entries 2 and 3, hashes included, keeping the sequence numbers.
  Tamper(
      "UPDATE audit_log SET sequence = -2 WHERE sequence = 2;"
      "UPDATE audit_log SET sequence = 2 WHERE sequence = 3;"
      "UPDATE audit_log SET sequence = 3 WHERE sequence = -2;");
  AuditChainVerifier verifier = VerifyFile();
  ASSERT_FALSE(verifier.intact());
  EXPECT_EQ(verifier.problems().front().sequence, 2);
}

TEST_F(AuditTamperTest, RemovedTailLeavesAShorterChainThatTheRecordedHeadExposes) {
  const std::string head = VerifyFile().head_hash();
  Tamper("DELETE FROM audit_log WHERE sequence = 5");
  AuditChainVerifier verifier = VerifyFile();
  EXPECT_TRUE(verifier.intact());
  EXPECT_EQ(verifier.head_sequence(), 4);
  EXPECT_NE(verifier.head_hash(), head);
}

TEST_F(AuditTamperTest, AppendsAfterTamperingDoNotHealTheChain) {
  Tamper("UPDATE audit_log SET details = 'nothing to see' WHERE sequence = 1");
  auto catalog = SqliteCatalog::Open(path_);
  ASSERT_TRUE(catalog.ok());
  ASSERT_TRUE((*catalog)->AppendAudit(Entry(9)).ok());
  AuditChainVerifier verifier = VerifyFile();
  ASSERT_FALSE(verifier.intact());
  EXPECT_EQ(verifier.problems().front().sequence, 1);
  EXPECT_EQ(verifier.entries(), 6);
}

}  // namespace
}  // namespace mesh
