// The quality engine: runs every check of a CheckPlan over a data set in ONE pass. The calling
// thread pulls batches from the BatchReader (which may parse on threads of its own) and hands
// them to `threads` workers; each worker runs every kernel on whole batches with its own
// per-kernel states, which are merged when the data ends. Memory is bounded by the batches in
// flight (threads + 2) plus the unique checks' key tables. Results, including which examples are
// kept (the smallest row numbers), are identical for any thread count.
// RunChecks is safe to call concurrently with different readers.
#pragma once

#include <cstdint>
#include <functional>

#include "base/result.h"
#include "base/time.h"
#include "format/reader.h"
#include "quality/check_plan.h"
#include "quality/report.h"

namespace mesh::quality {

struct EngineOptions {
  int threads = 2;  // workers running kernels; 1 runs them on the calling thread
  Timestamp now;    // the publish time standing in for freshness and lag (from the Clock)
  // Called on the calling thread after each batch is read: bytes read so far, bytes in all.
  std::function<void(uint64_t done, uint64_t total)> progress;
  // Called on the calling thread with each batch, in file order, before the kernels see it (a
  // publish writes the data out in the same pass). An error stops the pass and is returned.
  std::function<Status(const format::Batch&)> on_batch;
};

// Reads `reader` to its end. Errors of the reader (an unreadable file, a malformed line) are
// returned as they are; a batch whose shape does not match the plan is an Internal error.
Result<QualityReport> RunChecks(const CheckPlan& plan, format::BatchReader* reader,
                                const EngineOptions& options);

}  // namespace mesh::quality
