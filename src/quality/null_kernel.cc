#include "quality/null_kernel.h"

namespace mesh::quality {

NullKernel::NullKernel(std::vector<int> columns, std::vector<std::string> names)
    : columns_(std::move(columns)), names_(std::move(names)) {}

void NullKernel::ConsumeBatch(const format::Batch& batch, CountState* state) const {
  const size_t rows = batch.num_rows;
  for (size_t base = 0; base < rows; base += 64) {
    uint64_t all_valid = rows - base >= 64 ? ~uint64_t{0} : (uint64_t{1} << (rows - base)) - 1;
    uint64_t in_range = all_valid;
    for (int column : columns_) all_valid &= batch.columns[column].validity()[base >> 6];
    const uint64_t nulls = in_range & ~all_valid;
    if (nulls == 0) continue;
    state->failing += std::popcount(nulls);
    AddExamples(batch, base, nulls, &state->examples,
                [&](size_t row) { return DescribeNulls(batch, row); });
  }
}

std::string NullKernel::DescribeNulls(const format::Batch& batch, size_t row) const {
  if (columns_.size() == 1) return "null";
  std::string text = "null:";
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (batch.columns[columns_[i]].IsValid(row)) continue;
    text += text.size() > 5 ? ", " : " ";
    text += names_[i];
  }
  return text;
}

}  // namespace mesh::quality
