#include "quality/type_error_kernel.h"

#include <algorithm>

namespace mesh::quality {
namespace {

bool ByRowThenColumn(const format::TypeError* a, const format::TypeError* b) {
  return a->row != b->row ? a->row < b->row : a->column < b->column;
}

}  // namespace

std::unique_ptr<KernelState> TypeErrorKernel::NewState() const {
  auto state = std::make_unique<TypeErrorState>();
  state->failing.assign(num_fields_ + 1, 0);
  state->examples.resize(num_fields_ + 1);
  return state;
}

void TypeErrorKernel::ConsumeBatch(const format::Batch& batch, TypeErrorState* state) const {
  if (batch.type_errors.empty()) return;
  std::vector<const format::TypeError*> errors;
  errors.reserve(batch.type_errors.size());
  for (const format::TypeError& error : batch.type_errors) errors.push_back(&error);
  std::sort(errors.begin(), errors.end(), ByRowThenColumn);
  int64_t previous_row = -1;
  int previous_column = -1;
  for (const format::TypeError* error : errors) {
    if (error->column < 0 || error->column >= num_fields_) continue;
    const bool same_cell = error->row == previous_row && error->column == previous_column;
    const std::string text = error->raw + " (" + error->reason + ")";
    if (!same_cell) {
      ++state->failing[error->column];
      state->examples[error->column].Add(error->row, text);
    }
    if (error->row != previous_row) {
      ++state->failing[num_fields_];
      state->examples[num_fields_].Add(error->row, text);
    }
    previous_row = error->row;
    previous_column = error->column;
  }
}

void TypeErrorKernel::MergeStates(TypeErrorState* into, TypeErrorState* from) const {
  for (int i = 0; i <= num_fields_; ++i) {
    into->failing[i] += from->failing[i];
    into->examples[i].Merge(std::move(from->examples[i]));
  }
}

std::vector<Measure> TypeErrorKernel::FinishState(TypeErrorState* state) const {
  std::vector<Measure> measures(num_fields_ + 1);
  for (int i = 0; i <= num_fields_; ++i) {
    measures[i].failing_rows = state->failing[i];
    measures[i].examples = state->examples[i].Take();
  }
  return measures;
}

}  // namespace mesh::quality
