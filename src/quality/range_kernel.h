// RangeKernel: counts non-null values outside inclusive bounds (`min`/`max` of a field or a
// `range` check; one check for both bounds). Numbers compare as numbers: integer columns against
// integer bounds (min rounded up, max down), float/double as doubles, decimals as integers
// scaled to the column's scale, dates as days and timestamps as microseconds. Bounds are
// converted once at planning. Output 0: failing rows, examples with the value.
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "model/descriptor.h"
#include "quality/kernel.h"

namespace mesh::quality {

class RangeKernel final : public CountingKernel<> {
 public:
  // `column` is the schema index of `field`. InvalidArgument when a bound cannot be read as a
  // value of the field's type (a string bound on a number, a number on a date, a boolean field).
  static Result<std::unique_ptr<RangeKernel>> Make(const Field& field, int column,
                                                   const std::optional<Literal>& min,
                                                   const std::optional<Literal>& max);

  // "value in [1, 12]", "value >= 0".
  const std::string& detail() const { return detail_; }

 protected:
  void ConsumeBatch(const format::Batch& batch, CountState* state) const override;

 private:
  RangeKernel() = default;
  Status SetBound(const Field& field, const Literal& literal, bool is_min);

  int column_ = 0;
  TypeId type_ = TypeId::kInt64;
  int64_t min_int_ = std::numeric_limits<int64_t>::min();
  int64_t max_int_ = std::numeric_limits<int64_t>::max();
  double min_double_ = -std::numeric_limits<double>::infinity();
  double max_double_ = std::numeric_limits<double>::infinity();
  format::int128 min_decimal_ = -(format::int128{1} << 126);
  format::int128 max_decimal_ = format::int128{1} << 126;
  std::string detail_;
};

}  // namespace mesh::quality
