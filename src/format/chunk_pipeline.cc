#include "format/chunk_pipeline.h"

#include <system_error>

namespace mesh::format {

void ResetBatch(const std::vector<FieldType>& types, size_t rows, Batch* batch) {
  batch->first_row = 1;
  batch->num_rows = 0;
  batch->type_errors.clear();
  batch->columns.resize(types.size());
  for (size_t i = 0; i < types.size(); ++i) {
    Column& column = batch->columns[i];
    if (column.type() == types[i]) {
      column.Clear();
    } else {
      column = Column(types[i]);
    }
    column.Reserve(rows);
  }
}

ChunkPipeline::ChunkPipeline(ChunkSource* source, ChunkParser* parser, int threads)
    : source_(source),
      parser_(parser),
      threads_(threads < 1 ? 1 : threads),
      max_in_flight_(static_cast<size_t>(threads_) + 2) {
  if (threads_ < 2) return;
  try {
    for (int i = 0; i < threads_; ++i) workers_.emplace_back([this, i] { WorkerLoop(i); });
  } catch (const std::system_error&) {
    // No threads to be had: the workers that did start share the work; with none, Next()
    // parses on the consumer's thread.
  }
}

ChunkPipeline::~ChunkPipeline() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ChunkPipeline::WorkerLoop(int worker) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    work_ready_.wait(lock, [this] { return stopping_ || !work_queue_.empty(); });
    if (stopping_) return;
    Task* task = work_queue_.front();
    work_queue_.pop_front();
    lock.unlock();
    Status status = parser_->Parse(task->chunk, worker, &task->batch);
    lock.lock();
    task->status = std::move(status);
    task->parsed = true;
    task_parsed_.notify_all();
  }
}

std::unique_ptr<ChunkPipeline::Task> ChunkPipeline::TakeFreeTask() {
  if (free_tasks_.empty()) return std::make_unique<Task>();
  std::unique_ptr<Task> task = std::move(free_tasks_.back());
  free_tasks_.pop_back();
  task->status = Status::OK();
  task->parsed = false;
  task->chunk.truncated = false;
  return task;
}

void ChunkPipeline::FillPipeline() {
  while (!source_done_ && in_flight_.size() < max_in_flight_) {
    std::unique_ptr<Task> task = TakeFreeTask();
    Result<bool> more = source_->NextChunk(&task->chunk);
    if (!more.ok() || !*more) {
      source_done_ = true;
      if (!more.ok()) {
        // Delivered in order, after the batches before it.
        task->status = more.status();
        task->parsed = true;
        in_flight_.push_back(std::move(task));
      }
      return;
    }
    Task* raw = task.get();
    in_flight_.push_back(std::move(task));
    if (!workers_.empty()) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        work_queue_.push_back(raw);
      }
      work_ready_.notify_one();
    }
  }
}

Result<bool> ChunkPipeline::Next(Batch* batch) {
  if (!sticky_error_.ok()) return sticky_error_;
  FillPipeline();
  if (in_flight_.empty()) {
    *batch = Batch();
    return false;
  }
  Task* front = in_flight_.front().get();
  if (workers_.empty()) {
    if (!front->parsed) {
      front->status = parser_->Parse(front->chunk, 0, &front->batch);
      front->parsed = true;
    }
  } else {
    std::unique_lock<std::mutex> lock(mu_);
    task_parsed_.wait(lock, [front] { return front->parsed; });
  }
  if (!front->status.ok()) {
    sticky_error_ = front->status;
    return sticky_error_;
  }
  std::swap(*batch, front->batch);  // the caller's old batch is recycled with its capacity
  bytes_done_ = front->chunk.end_offset;
  free_tasks_.push_back(std::move(in_flight_.front()));
  in_flight_.pop_front();
  FillPipeline();  // keep the workers busy while the caller works on this batch
  return true;
}

}  // namespace mesh::format
