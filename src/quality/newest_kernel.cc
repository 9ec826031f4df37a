#include "quality/newest_kernel.h"

#include <limits>

namespace mesh::quality {
namespace {

template <typename T>
std::optional<int64_t> NewestValid(const format::Column& column, size_t rows, const T* values,
                                   int64_t scale) {
  int64_t newest = std::numeric_limits<int64_t>::min();
  bool any = false;
  const uint64_t* validity = column.validity().data();
  for (size_t row = 0; row < rows; ++row) {
    const bool valid = (validity[row >> 6] >> (row & 63)) & 1;
    const int64_t value = static_cast<int64_t>(values[row]) * scale;
    newest = valid && value > newest ? value : newest;
    any |= valid;
  }
  if (!any) return std::nullopt;
  return newest;
}

}  // namespace

void NewestKernel::ConsumeBatch(const format::Batch& batch, NewestState* state) const {
  const format::Column& column = batch.columns[column_];
  std::optional<int64_t> newest;
  if (column.type().id == TypeId::kDate) {
    newest = NewestValid(column, batch.num_rows, column.i32().data(), kMicrosPerDay);
  } else {
    newest = NewestValid(column, batch.num_rows, column.i64().data(), 1);
  }
  if (newest && (!state->newest_micros || *newest > *state->newest_micros)) {
    state->newest_micros = newest;
  }
}

void NewestKernel::MergeStates(NewestState* into, NewestState* from) const {
  if (from->newest_micros &&
      (!into->newest_micros || *from->newest_micros > *into->newest_micros)) {
    into->newest_micros = from->newest_micros;
  }
}

std::vector<Measure> NewestKernel::FinishState(NewestState* state) const {
  Measure measure;
  if (state->newest_micros) measure.newest = Timestamp{*state->newest_micros};
  return {std::move(measure)};
}

}  // namespace mesh::quality
