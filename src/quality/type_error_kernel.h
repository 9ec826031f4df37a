// TypeErrorKernel: the `type` checks, from the type errors the readers list in each batch (a
// value that cannot be read as its field's type; it is null in the column, so every other check
// sees a null). Outputs: one per schema field (`type.<field>`: rows with a type error in that
// field), then one for `type` (rows with at least one type error). Examples: the raw text and
// the reason.
#pragma once

#include <vector>

#include "quality/kernel.h"

namespace mesh::quality {

struct TypeErrorState : KernelState {
  std::vector<int64_t> failing;  // per field, then any
  std::vector<ExampleList> examples;
};

class TypeErrorKernel final : public TypedKernel<TypeErrorState> {
 public:
  explicit TypeErrorKernel(int num_fields) : num_fields_(num_fields) {}

  std::unique_ptr<KernelState> NewState() const override;

 protected:
  void ConsumeBatch(const format::Batch& batch, TypeErrorState* state) const override;
  void MergeStates(TypeErrorState* into, TypeErrorState* from) const override;
  std::vector<Measure> FinishState(TypeErrorState* state) const override;

 private:
  int num_fields_;
};

}  // namespace mesh::quality
