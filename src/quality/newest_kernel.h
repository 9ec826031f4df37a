// NewestKernel: the newest non-null value of the `event_time` column (a timestamp, or a date
// taken as midnight UTC), for `freshness` and the SLA lag. Type errors are null, so only
// readable values count. Output 0: `newest` (absent when the column has no value).
#pragma once

#include <optional>

#include "quality/kernel.h"

namespace mesh::quality {

struct NewestState : KernelState {
  std::optional<int64_t> newest_micros;
};

class NewestKernel final : public TypedKernel<NewestState> {
 public:
  explicit NewestKernel(int column) : column_(column) {}

 protected:
  void ConsumeBatch(const format::Batch& batch, NewestState* state) const override;
  void MergeStates(NewestState* into, NewestState* from) const override;
  std::vector<Measure> FinishState(NewestState* state) const override;

 private:
  int column_;
};

}  // namespace mesh::quality
