// NullKernel: counts rows in which at least one of the listed columns is null (or, with no
// columns... never used: the planner always lists at least one). Serves `required`,
// `not_null`, `pk.not_null`, quality and SLA `completeness`. Works on validity bitmaps only:
// 64 rows per step. Output 0: the failing rows, examples naming the null columns.
#pragma once

#include <string>
#include <vector>

#include "quality/kernel.h"

namespace mesh::quality {

class NullKernel final : public CountingKernel<> {
 public:
  // `columns`: schema indexes; `names`: their field names (for examples).
  NullKernel(std::vector<int> columns, std::vector<std::string> names);

 protected:
  void ConsumeBatch(const format::Batch& batch, CountState* state) const override;

 private:
  std::string DescribeNulls(const format::Batch& batch, size_t row) const;

  std::vector<int> columns_;
  std::vector<std::string> names_;
};

}  // namespace mesh::quality
