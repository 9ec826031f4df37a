// DictionaryBuilder: the dictionary of one column chunk for RLE_DICTIONARY encoding. Values are
// given in their PLAIN encoding (so one builder serves every physical type); each distinct value
// gets the next index, and the dictionary page body is the PLAIN values in index order.
// Insertion is refused once the dictionary page would exceed `max_bytes`, which tells the column
// writer to fall back to PLAIN for the rest of the chunk. External synchronization required.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mesh::format::parquet {

class DictionaryBuilder {
 public:
  explicit DictionaryBuilder(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The index of `plain_value`, inserting it when new; nullopt when inserting would make the
  // dictionary larger than max_bytes (the dictionary is then left unchanged).
  std::optional<uint32_t> IndexOf(std::string_view plain_value);

  size_t num_entries() const { return indexes_.size(); }
  // The dictionary page body: the PLAIN values in index order.
  const std::string& page_body() const { return page_body_; }
  void Clear();

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view value) const { return std::hash<std::string_view>{}(value); }
  };

  size_t max_bytes_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> indexes_;
  std::string page_body_;
};

}  // namespace mesh::format::parquet
