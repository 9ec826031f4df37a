// Hash tables that count occurrences of keys for unique checks, exactly: keys are stored and
// compared in full, so a hash collision can never merge two different keys. Each distinct key
// keeps its count and its first row number (for examples). Open addressing, linear probing,
// at most 70% full, capacity a power of two.
// Memory: Int64KeyTable 16 bytes per slot, BytesKeyTable 32 bytes per slot plus the key bytes;
// with the growth policy that is 23–46 bytes (resp. 46–92 + key bytes) per distinct key.
// Row numbers and counts are kept in 32 bits (files of up to 4,294,967,295 rows).
// External synchronization required; the engine keeps one table per worker and merges them.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace mesh::quality {

inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint64_t HashBytes(std::string_view bytes);

// The least power-of-two capacity, from `capacity` up, that holds `keys` at most 70% full.
size_t CapacityFor(size_t keys, size_t capacity);

inline uint32_t ClampRow(int64_t row) {
  return row > int64_t{UINT32_MAX} ? UINT32_MAX : static_cast<uint32_t>(row);
}

class Int64KeyTable {
 public:
  struct Slot {
    int64_t key;
    uint32_t count;  // 0: empty
    uint32_t first_row;
  };

  Int64KeyTable() { Reset(1024); }

  void Add(int64_t key, uint32_t row) { AddCount(key, 1, row); }
  void AddCount(int64_t key, uint32_t count, uint32_t first_row) {
    size_t i = MixHash(static_cast<uint64_t>(key)) & mask_;
    while (true) {
      Slot& slot = slots_[i];
      if (slot.count == 0) {
        slot = Slot{key, count, first_row};
        if (++size_ > grow_at_) Grow();
        return;
      }
      if (slot.key == key) {
        slot.count += count;
        if (first_row < slot.first_row) slot.first_row = first_row;
        return;
      }
      i = (i + 1) & mask_;
    }
  }
  // Folds `other` into this table; `other` is left empty.
  void Absorb(Int64KeyTable* other);

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  void Reset(size_t capacity);
  void Grow() { Rehash(slots_.size() * 2); }
  void Rehash(size_t capacity);

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
  size_t grow_at_ = 0;
};

class BytesKeyTable {
 public:
  struct Slot {
    uint64_t hash;
    const char* data;  // into the arena; null: empty
    uint32_t length;
    uint32_t count;
    uint32_t first_row;
    uint32_t unused;
  };

  BytesKeyTable() { Reset(1024); }

  void Add(std::string_view key, uint32_t row) { AddCount(key, HashBytes(key), 1, row); }
  void AddCount(std::string_view key, uint64_t hash, uint32_t count, uint32_t first_row);
  void Absorb(BytesKeyTable* other);

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot) + arena_bytes_; }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  void Reset(size_t capacity);
  void Grow() { Rehash(slots_.size() * 2); }
  void Rehash(size_t capacity);
  const char* Store(std::string_view key);

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
  size_t grow_at_ = 0;
  std::vector<std::unique_ptr<char[]>> arena_;
  size_t block_used_ = 0;
  size_t block_size_ = 0;
  size_t arena_bytes_ = 0;
};

}  // namespace mesh::quality
