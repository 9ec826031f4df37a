#include "quality/key_table.h"

#include <functional>
#include <utility>

namespace mesh::quality {
namespace {

constexpr size_t kArenaBlock = size_t{1} << 20;

}  // namespace

size_t CapacityFor(size_t keys, size_t capacity) {
  while (keys > capacity / 10 * 7) capacity *= 2;
  return capacity;
}

uint64_t HashBytes(std::string_view bytes) {
  return MixHash(std::hash<std::string_view>{}(bytes) ^ bytes.size());
}

void Int64KeyTable::Reset(size_t capacity) {
  slots_.assign(capacity, Slot{0, 0, 0});
  size_ = 0;
  mask_ = capacity - 1;
  grow_at_ = capacity / 10 * 7;
}

void Int64KeyTable::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  Reset(capacity);
  for (const Slot& slot : old) {
    if (slot.count != 0) AddCount(slot.key, slot.count, slot.first_row);
  }
}

void Int64KeyTable::Absorb(Int64KeyTable* other) {
  if (other->size_ > size_) std::swap(*this, *other);
  // Room for both first: `other` is walked in slot order, i.e. in the order of its keys' home
  // slots, so into a table of the same capacity its keys would pile onto one ever-growing
  // cluster wherever the two tables' loads add up above 100% (quadratic probing time; the 10M-key
  // merge took minutes). With the capacity for the union, that region is never over-full.
  const size_t capacity = CapacityFor(size_ + other->size_, slots_.size());
  if (capacity != slots_.size()) Rehash(capacity);
  for (const Slot& slot : other->slots_) {
    if (slot.count != 0) AddCount(slot.key, slot.count, slot.first_row);
  }
  other->Reset(1);
}

void BytesKeyTable::Reset(size_t capacity) {
  slots_.assign(capacity, Slot{0, nullptr, 0, 0, 0, 0});
  size_ = 0;
  mask_ = capacity - 1;
  grow_at_ = capacity / 10 * 7;
}

void BytesKeyTable::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  const size_t size = size_;
  slots_.assign(capacity, Slot{0, nullptr, 0, 0, 0, 0});
  mask_ = slots_.size() - 1;
  grow_at_ = slots_.size() / 10 * 7;
  for (const Slot& slot : old) {
    if (slot.data == nullptr) continue;
    size_t i = slot.hash & mask_;
    while (slots_[i].data != nullptr) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  size_ = size;
}

const char* BytesKeyTable::Store(std::string_view key) {
  if (arena_.empty() || block_used_ + key.size() > block_size_) {
    block_size_ = std::max(kArenaBlock, key.size());
    arena_.push_back(std::make_unique<char[]>(block_size_));
    arena_bytes_ += block_size_;
    block_used_ = 0;
  }
  char* data = arena_.back().get() + block_used_;
  if (!key.empty()) std::memcpy(data, key.data(), key.size());
  block_used_ += key.size();
  return data;
}

void BytesKeyTable::AddCount(std::string_view key, uint64_t hash, uint32_t count,
                             uint32_t first_row) {
  size_t i = hash & mask_;
  while (true) {
    Slot& slot = slots_[i];
    if (slot.data == nullptr) {
      slot = Slot{hash, Store(key), static_cast<uint32_t>(key.size()), count, first_row, 0};
      if (++size_ > grow_at_) Grow();
      return;
    }
    if (slot.hash == hash && slot.length == key.size() &&
        std::memcmp(slot.data, key.data(), key.size()) == 0) {
      slot.count += count;
      if (first_row < slot.first_row) slot.first_row = first_row;
      return;
    }
    i = (i + 1) & mask_;
  }
}

void BytesKeyTable::Absorb(BytesKeyTable* other) {
  if (other->size_ > size_) std::swap(*this, *other);
  // Room for both first, as Int64KeyTable::Absorb (walking `other` in slot order clusters).
  const size_t capacity = CapacityFor(size_ + other->size_, slots_.size());
  if (capacity != slots_.size()) Rehash(capacity);
  for (const Slot& slot : other->slots_) {
    if (slot.data != nullptr) {
      AddCount(std::string_view(slot.data, slot.length), slot.hash, slot.count, slot.first_row);
    }
  }
  other->Reset(1);
  other->arena_.clear();
  other->arena_bytes_ = 0;
}

}  // namespace mesh::quality
