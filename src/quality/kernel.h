// Kernel: one measurement over a data set, computed batch by batch in one pass (a null count, a
// range count, a unique key table...). The engine gives every worker thread its own State, feeds
// each batch to every kernel once, and merges the states at the end, so a kernel never locks.
// Several checks may read one kernel's outputs (field.x.required and pk.not_null share a null
// count; field and primary key uniqueness share a key table).
// Kernels are immutable after planning and safe for concurrent use with distinct states.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "format/batch.h"
#include "quality/report.h"

namespace mesh::quality {

inline constexpr size_t kMaxExamples = 5;

// Keeps the examples with the smallest row numbers. Within one state rows arrive in increasing
// order (each worker takes batches in file order), so Add only needs to stop when full; Merge
// keeps the smallest of both, which makes the result independent of the thread count.
class ExampleList {
 public:
  bool full() const { return examples_.size() >= kMaxExamples; }
  void Add(int64_t row, std::string value, int64_t occurrences = 0) {
    if (!full()) examples_.push_back({row, std::move(value), occurrences});
  }
  void Merge(ExampleList&& other);
  std::vector<Example> Take() { return std::move(examples_); }

 private:
  std::vector<Example> examples_;
};

// One output of a kernel, read by the checks that use it.
struct Measure {
  int64_t failing_rows = 0;
  std::vector<Example> examples;
  std::optional<Timestamp> newest;  // newest-value kernels
  int64_t memory_bytes = 0;         // unique checks: peak bytes of the key tables
};

class KernelState {
 public:
  virtual ~KernelState() = default;
  double seconds = 0;  // time spent in Consume
};

class Kernel {
 public:
  virtual ~Kernel() = default;
  virtual std::unique_ptr<KernelState> NewState() const = 0;
  virtual void Consume(const format::Batch& batch, KernelState* state) const = 0;
  // Folds `from` into `into`; `from` is left unusable.
  virtual void Merge(KernelState* into, KernelState* from) const = 0;
  // The outputs, in the order the kernel documents.
  virtual std::vector<Measure> Finish(KernelState* state) const = 0;
};

// Base for kernels with a concrete state type.
template <typename State>
class TypedKernel : public Kernel {
 public:
  std::unique_ptr<KernelState> NewState() const override { return std::make_unique<State>(); }
  void Consume(const format::Batch& batch, KernelState* state) const final {
    ConsumeBatch(batch, static_cast<State*>(state));
  }
  void Merge(KernelState* into, KernelState* from) const final {
    MergeStates(static_cast<State*>(into), static_cast<State*>(from));
  }
  std::vector<Measure> Finish(KernelState* state) const final {
    return FinishState(static_cast<State*>(state));
  }

 protected:
  virtual void ConsumeBatch(const format::Batch& batch, State* state) const = 0;
  virtual void MergeStates(State* into, State* from) const = 0;
  virtual std::vector<Measure> FinishState(State* state) const = 0;
};

// State of kernels that count failing rows and keep examples.
struct CountState : KernelState {
  int64_t failing = 0;
  ExampleList examples;
};

// Base for kernels with one output: failing rows and examples (CountState).
template <typename State = CountState>
class CountingKernel : public TypedKernel<State> {
 protected:
  void MergeStates(State* into, State* from) const override {
    into->failing += from->failing;
    into->examples.Merge(std::move(from->examples));
  }
  std::vector<Measure> FinishState(State* state) const override {
    Measure measure;
    measure.failing_rows = state->failing;
    measure.examples = state->examples.Take();
    return {std::move(measure)};
  }
};

// The text of one cell for examples: numbers as written by the shortest round trip, decimals
// with their scale, ISO dates and timestamps, strings as they are; "null" for a null.
std::string FormatCell(const format::Column& column, size_t row);

// Calls `on_failing(row_in_batch)` for the failing rows of one column: `fails(i)` is evaluated
// for every row (make it cheap and branch-free), then masked with validity, so nulls never fail.
// Returns the number of failing rows.
template <typename Fails, typename OnFailing>
int64_t CountFailingValid(const format::Column& column, size_t num_rows, Fails fails,
                          OnFailing on_failing) {
  const uint64_t* validity = column.validity().data();
  int64_t failing = 0;
  for (size_t base = 0; base < num_rows; base += 64) {
    const size_t end = std::min(num_rows, base + 64);
    uint64_t bits = 0;
    for (size_t i = base; i < end; ++i) bits |= static_cast<uint64_t>(fails(i)) << (i - base);
    bits &= validity[base >> 6];
    if (bits == 0) continue;
    failing += std::popcount(bits);
    on_failing(base, bits);
  }
  return failing;
}

// As CountFailingValid, but `fails(i)` runs only for non-null rows (for costly tests such as a
// regular expression or a set lookup).
template <typename Fails, typename OnFailing>
int64_t CountFailingSparse(const format::Column& column, size_t num_rows, Fails fails,
                           OnFailing on_failing) {
  const uint64_t* validity = column.validity().data();
  int64_t failing = 0;
  for (size_t base = 0; base < num_rows; base += 64) {
    uint64_t valid = validity[base >> 6];
    if (num_rows - base < 64) valid &= (uint64_t{1} << (num_rows - base)) - 1;
    uint64_t bits = 0;
    while (valid != 0) {
      const int bit = std::countr_zero(valid);
      valid &= valid - 1;
      if (fails(base + bit)) bits |= uint64_t{1} << bit;
    }
    if (bits == 0) continue;
    failing += std::popcount(bits);
    on_failing(base, bits);
  }
  return failing;
}

// Adds the rows of `bits` (offset `base` in `batch`) to `examples` until it is full.
template <typename ValueOf>
void AddExamples(const format::Batch& batch, size_t base, uint64_t bits, ExampleList* examples,
                 ValueOf value_of) {
  while (bits != 0 && !examples->full()) {
    const size_t row = base + std::countr_zero(bits);
    bits &= bits - 1;
    examples->Add(batch.first_row + static_cast<int64_t>(row), value_of(row));
  }
}

}  // namespace mesh::quality
