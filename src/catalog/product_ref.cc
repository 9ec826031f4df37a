#include "catalog/product_ref.h"

#include <charconv>

namespace mesh {
namespace {

Status NotARef(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("'" + std::string(text) + "' is not a product reference (" +
                                 std::string(why) +
                                 "): write NAME, NAME@VERSION, NAME#SNAPSHOT or "
                                 "NAME@VERSION#SNAPSHOT, e.g. mission_completion_rate@2.1.0#17");
}

}  // namespace

std::string ProductRef::ToString() const {
  std::string out = name;
  if (selector.version) out += "@" + FormatSchemaVersion(*selector.version);
  if (selector.snapshot) out += "#" + std::to_string(*selector.snapshot);
  return out;
}

Result<ProductRef> ParseProductRef(std::string_view text) {
  ProductRef ref;
  std::string_view rest = text;
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    std::string_view digits = rest.substr(hash + 1);
    int64_t snapshot = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), snapshot);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        snapshot < 1) {
      return NotARef(text, "the snapshot must be a whole number from 1");
    }
    ref.selector.snapshot = snapshot;
    rest = rest.substr(0, hash);
  }
  size_t at = rest.find('@');
  if (at != std::string_view::npos) {
    std::optional<SchemaVersion> version = SchemaVersion::Parse(rest.substr(at + 1));
    if (!version) return NotARef(text, "the version must be MAJOR.MINOR[.PATCH]");
    ref.selector.version = *version;
    rest = rest.substr(0, at);
  }
  if (rest.empty()) return NotARef(text, "the name is missing");
  ref.name = std::string(rest);
  return ref;
}

}  // namespace mesh
