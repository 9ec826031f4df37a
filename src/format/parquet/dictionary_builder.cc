#include "format/parquet/dictionary_builder.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace mesh::format::parquet {
namespace {

constexpr size_t kInitialSlots = 1024;

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

}  // namespace

DictionaryBuilder::DictionaryBuilder(size_t max_bytes)
    : max_bytes_(std::min<size_t>(max_bytes, std::numeric_limits<uint32_t>::max())),
      slots_(kInitialSlots) {}

uint64_t DictionaryBuilder::Hash(std::string_view value) {
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ value.size();
  size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, value.data() + i, 8);
    hash = Mix(hash ^ word);
  }
  uint64_t tail = 0;
  if (i < value.size()) std::memcpy(&tail, value.data() + i, value.size() - i);
  return Mix(hash ^ tail);
}

std::string_view DictionaryBuilder::ValueOf(const Slot& slot) const {
  return std::string_view(page_body_).substr(slot.offset, slot.length);
}

std::optional<uint32_t> DictionaryBuilder::IndexOf(std::string_view plain_value) {
  uint64_t hash = Hash(plain_value);
  auto tag = static_cast<uint32_t>(hash >> 32);
  size_t mask = slots_.size() - 1;
  size_t position = hash & mask;
  while (slots_[position].index != 0) {
    const Slot& slot = slots_[position];
    if (slot.hash == tag && ValueOf(slot) == plain_value) return slot.index - 1;
    position = (position + 1) & mask;
  }
  if (page_body_.size() + plain_value.size() > max_bytes_) return std::nullopt;
  Slot& slot = slots_[position];
  slot.hash = tag;
  slot.index = static_cast<uint32_t>(++num_entries_);
  slot.offset = static_cast<uint32_t>(page_body_.size());
  slot.length = static_cast<uint32_t>(plain_value.size());
  page_body_.append(plain_value);
  uint32_t index = slot.index - 1;
  if (num_entries_ * 2 > slots_.size()) Grow();
  return index;
}

void DictionaryBuilder::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.index == 0) continue;
    size_t position = Hash(ValueOf(slot)) & mask;
    while (slots_[position].index != 0) position = (position + 1) & mask;
    slots_[position] = slot;
  }
}

void DictionaryBuilder::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot());
  num_entries_ = 0;
  page_body_.clear();
}

}  // namespace mesh::format::parquet
