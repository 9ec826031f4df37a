// DictionaryBuilder: the dictionary of one column chunk for RLE_DICTIONARY encoding. Values are
// given in their PLAIN encoding (so one builder serves every physical type); each distinct value
// gets the next index, and the dictionary page body is the PLAIN values in index order.
// Insertion is refused once the dictionary page would exceed `max_bytes` (at most 4 GiB), which
// tells the column writer to fall back to PLAIN for the rest of the chunk.
// The index is an open-addressing table of 16-byte slots pointing into the page body (no
// allocation per value), kept at most half full: memory is the page body plus 32 bytes per entry
// at worst. External synchronization required.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mesh::format::parquet {

class DictionaryBuilder {
 public:
  explicit DictionaryBuilder(size_t max_bytes);

  // The index of `plain_value`, inserting it when new; nullopt when inserting would make the
  // dictionary larger than max_bytes (the dictionary is then left unchanged).
  std::optional<uint32_t> IndexOf(std::string_view plain_value);

  size_t num_entries() const { return num_entries_; }
  // The dictionary page body: the PLAIN values in index order.
  const std::string& page_body() const { return page_body_; }
  // Forgets every entry; keeps the table's capacity for the next chunk.
  void Clear();

 private:
  struct Slot {
    uint32_t hash = 0;    // high half of the value's hash
    uint32_t index = 0;   // entry index + 1; 0 marks an empty slot
    uint32_t offset = 0;  // into page_body_
    uint32_t length = 0;
  };
  static uint64_t Hash(std::string_view value);
  std::string_view ValueOf(const Slot& slot) const;
  void Grow();

  size_t max_bytes_;
  std::vector<Slot> slots_;  // size is a power of two
  size_t num_entries_ = 0;
  std::string page_body_;
};

}  // namespace mesh::format::parquet
