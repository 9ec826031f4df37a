#include "format/parquet/dictionary_builder.h"

namespace mesh::format::parquet {

std::optional<uint32_t> DictionaryBuilder::IndexOf(std::string_view plain_value) {
  auto found = indexes_.find(plain_value);
  if (found != indexes_.end()) return found->second;
  if (page_body_.size() + plain_value.size() > max_bytes_) return std::nullopt;
  auto index = static_cast<uint32_t>(indexes_.size());
  indexes_.emplace(std::string(plain_value), index);
  page_body_.append(plain_value);
  return index;
}

void DictionaryBuilder::Clear() {
  indexes_.clear();
  page_body_.clear();
}

}  // namespace mesh::format::parquet
