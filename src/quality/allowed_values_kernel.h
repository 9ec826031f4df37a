// AllowedValuesKernel: counts non-null values that are not among the allowed ones. Strings
// compare exactly (case-sensitive, byte for byte); numbers as numbers (5 == 5.0, a decimal at its
// scale); dates and timestamps as instants; a literal that cannot be a value of the column's type
// simply never matches. Output 0: failing rows, examples with the value.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "model/descriptor.h"
#include "quality/kernel.h"

namespace mesh::quality {

class AllowedValuesKernel final : public CountingKernel<> {
 public:
  static Result<std::unique_ptr<AllowedValuesKernel>> Make(const Field& field, int column,
                                                           const std::vector<Literal>& values);

  const std::string& detail() const { return detail_; }

 protected:
  void ConsumeBatch(const format::Batch& batch, CountState* state) const override;

 private:
  AllowedValuesKernel() = default;
  bool StringAllowed(std::string_view value) const;
  template <typename T>
  static bool Contains(const std::vector<T>& sorted, T value);

  int column_ = 0;
  TypeId type_ = TypeId::kString;
  std::vector<std::string> strings_;
  std::unordered_set<std::string_view> string_set_;  // over strings_, when there are many
  std::vector<int64_t> ints_;                        // sorted: ints, dates, timestamps, booleans
  std::vector<double> doubles_;                      // sorted
  std::vector<format::int128> decimals_;             // sorted
  std::string detail_;
};

}  // namespace mesh::quality
