#include "quality/engine.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace mesh::quality {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// A closable FIFO of batch pointers. Safe for concurrent use.
class BatchQueue {
 public:
  void Push(format::Batch* batch) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(batch);
    }
    ready_.notify_one();
  }
  // Blocks until an item is there (returns it) or the queue is closed and empty (nullptr).
  format::Batch* Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return nullptr;
    format::Batch* batch = items_.front();
    items_.pop_front();
    return batch;
  }
  void Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<format::Batch*> items_;
  bool closed_ = false;
};

// One worker's states, one per kernel.
struct WorkerStates {
  std::vector<std::unique_ptr<KernelState>> states;
};

WorkerStates NewStates(const CheckPlan& plan) {
  WorkerStates worker;
  for (const auto& kernel : plan.kernels()) worker.states.push_back(kernel->NewState());
  return worker;
}

void ConsumeBatch(const CheckPlan& plan, const format::Batch& batch, WorkerStates* worker) {
  for (size_t k = 0; k < plan.kernels().size(); ++k) {
    const SteadyClock::time_point start = SteadyClock::now();
    plan.kernels()[k]->Consume(batch, worker->states[k].get());
    worker->states[k]->seconds += SecondsSince(start);
  }
}

Status CheckShape(const CheckPlan& plan, const format::Batch& batch) {
  if (static_cast<int>(batch.columns.size()) != plan.num_fields()) {
    return Status::Internal("reader produced a batch of " + std::to_string(batch.columns.size()) +
                            " columns for a schema of " + std::to_string(plan.num_fields()));
  }
  for (const format::Column& column : batch.columns) {
    if (column.size() != batch.num_rows) {
      return Status::Internal("reader produced a column of " + std::to_string(column.size()) +
                              " rows in a batch of " + std::to_string(batch.num_rows));
    }
  }
  return Status::OK();
}

struct PassOutcome {
  int64_t rows = 0;
  std::vector<WorkerStates> workers;
};

Status ReadOnCallingThread(const CheckPlan& plan, format::BatchReader* reader,
                           const EngineOptions& options, PassOutcome* outcome) {
  outcome->workers.push_back(NewStates(plan));
  format::Batch batch;
  while (true) {
    ASSIGN_OR_RAISE(bool more, reader->Next(&batch));
    if (!more) return Status::OK();
    RETURN_NOT_OK(CheckShape(plan, batch));
    if (options.on_batch) RETURN_NOT_OK(options.on_batch(batch));
    outcome->rows += static_cast<int64_t>(batch.num_rows);
    ConsumeBatch(plan, batch, &outcome->workers[0]);
    if (options.progress) options.progress(reader->bytes_read(), reader->bytes_total());
  }
}

Status ReadWithWorkers(const CheckPlan& plan, format::BatchReader* reader,
                       const EngineOptions& options, PassOutcome* outcome) {
  const int threads = options.threads;
  for (int t = 0; t < threads; ++t) outcome->workers.push_back(NewStates(plan));
  std::vector<format::Batch> pool(static_cast<size_t>(threads) + 2);
  BatchQueue work;
  BatchQueue free_batches;
  for (format::Batch& batch : pool) free_batches.Push(&batch);

  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      while (format::Batch* batch = work.Pop()) {
        ConsumeBatch(plan, *batch, &outcome->workers[t]);
        free_batches.Push(batch);
      }
    });
  }
  Status status;
  while (true) {
    format::Batch* batch = free_batches.Pop();
    Result<bool> more = reader->Next(batch);
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    status = CheckShape(plan, *batch);
    if (status.ok() && options.on_batch) status = options.on_batch(*batch);
    if (!status.ok()) break;
    outcome->rows += static_cast<int64_t>(batch->num_rows);
    work.Push(batch);
    if (options.progress) options.progress(reader->bytes_read(), reader->bytes_total());
  }
  work.Close();
  for (std::thread& worker : workers) worker.join();
  return status;
}

// Merges the workers' states and returns each kernel's outputs and its time.
std::vector<std::vector<Measure>> FinishKernels(const CheckPlan& plan,
                                                std::vector<WorkerStates>* workers,
                                                std::vector<double>* seconds) {
  std::vector<std::vector<Measure>> measures;
  for (size_t k = 0; k < plan.kernels().size(); ++k) {
    const Kernel& kernel = *plan.kernels()[k];
    KernelState* merged = (*workers)[0].states[k].get();
    double spent = merged->seconds;
    for (size_t w = 1; w < workers->size(); ++w) {
      KernelState* other = (*workers)[w].states[k].get();
      spent += other->seconds;
      kernel.Merge(merged, other);
      (*workers)[w].states[k].reset();
    }
    measures.push_back(kernel.Finish(merged));
    seconds->push_back(spent);
  }
  return measures;
}

void FillAge(const Measure& measure, Timestamp now, CheckResult* result) {
  result->newest = measure.newest;
  if (!measure.newest) {
    result->passed = false;
    return;
  }
  const double hours = static_cast<double>(now.micros - measure.newest->micros) /
                       static_cast<double>(kMicrosPerHour);
  result->age_hours = RoundHours(hours);
  result->passed = hours <= result->max_age_hours;
}

CheckResult Evaluate(const PlannedCheck& check, const std::vector<std::vector<Measure>>& measures,
                     const std::vector<double>& seconds, int64_t rows, Timestamp now) {
  CheckResult result;
  result.name = check.name;
  result.kind = check.kind;
  result.detail = check.detail;
  result.shape = check.shape;
  result.severity = check.severity;
  result.max_failing = check.max_failing;
  result.min = check.min;
  result.max = check.max;
  result.max_age_hours = check.max_age_hours;
  const Measure empty;
  const Measure& measure = check.kernel >= 0 ? measures[check.kernel][check.output] : empty;
  if (check.kernel >= 0) result.seconds = seconds[check.kernel];
  result.failing_rows = measure.failing_rows;
  result.fraction = rows == 0 ? 0 : static_cast<double>(measure.failing_rows) / rows;
  result.examples = measure.examples;
  result.memory_bytes = measure.memory_bytes;
  const double n = static_cast<double>(rows);
  switch (check.shape) {
    case ResultShape::kRows:
      result.passed = static_cast<double>(measure.failing_rows) <= check.max_failing * n;
      break;
    case ResultShape::kCompleteness:
      result.value = rows == 0 ? 0 : (n - static_cast<double>(measure.failing_rows)) / n;
      result.passed = *result.value >= check.min.value_or(1.0);
      break;
    case ResultShape::kRowCount:
      result.value = n;
      result.passed = (!check.min || n >= *check.min) && (!check.max || n <= *check.max);
      break;
    case ResultShape::kFreshness:
    case ResultShape::kLag:
      FillAge(measure, now, &result);
      break;
  }
  return result;
}

SlaMeasures MeasureSla(const CheckPlan& plan, const std::vector<std::vector<Measure>>& measures,
                       int64_t rows, Timestamp now) {
  SlaMeasures sla;
  if (plan.completeness_kernel() >= 0) {
    sla.complete_rows = rows - measures[plan.completeness_kernel()][0].failing_rows;
    sla.completeness = rows == 0 ? 0 : static_cast<double>(sla.complete_rows) / rows;
  }
  if (plan.newest_kernel() >= 0) {
    sla.newest_event_time = measures[plan.newest_kernel()][0].newest;
    if (sla.newest_event_time) {
      sla.lag_hours = RoundHours(static_cast<double>(now.micros - sla.newest_event_time->micros) /
                                 static_cast<double>(kMicrosPerHour));
    }
  }
  return sla;
}

}  // namespace

Result<QualityReport> RunChecks(const CheckPlan& plan, format::BatchReader* reader,
                                const EngineOptions& options) {
  const SteadyClock::time_point start = SteadyClock::now();
  PassOutcome outcome;
  if (options.threads <= 1) {
    RETURN_NOT_OK(ReadOnCallingThread(plan, reader, options, &outcome));
  } else {
    RETURN_NOT_OK(ReadWithWorkers(plan, reader, options, &outcome));
  }
  std::vector<double> seconds;
  const std::vector<std::vector<Measure>> measures =
      FinishKernels(plan, &outcome.workers, &seconds);

  QualityReport report;
  report.rows = outcome.rows;
  report.now = options.now;
  report.threads = std::max(1, options.threads);
  for (const PlannedCheck& check : plan.checks()) {
    report.checks.push_back(Evaluate(check, measures, seconds, outcome.rows, options.now));
  }
  report.sla = MeasureSla(plan, measures, outcome.rows, options.now);
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace mesh::quality
