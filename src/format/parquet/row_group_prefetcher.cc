#include "format/parquet/row_group_prefetcher.h"

namespace mesh::format::parquet {

RowGroupPrefetcher::RowGroupPrefetcher(const ParquetFile& file, std::vector<int> columns,
                                       int threads, int lookahead)
    : file_(file),
      columns_(std::move(columns)),
      lookahead_(std::max(lookahead, 0)),
      total_tasks_(static_cast<size_t>(file.num_row_groups()) * columns_.size()) {
  slots_.resize(static_cast<size_t>(file.num_row_groups()));
  for (auto& slot : slots_) {
    slot = std::make_unique<Slot>();
    slot->columns.resize(columns_.size());
    slot->statuses.resize(columns_.size());
    slot->pending = columns_.size();
  }
  if (threads > 1) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
}

RowGroupPrefetcher::~RowGroupPrefetcher() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  task_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

size_t RowGroupPrefetcher::TaskLimit() const {
  const size_t groups = static_cast<size_t>(next_group_) + 1 + static_cast<size_t>(lookahead_);
  return std::min(total_tasks_, groups * columns_.size());
}

void RowGroupPrefetcher::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    task_ready_.wait(lock, [this] { return stopping_ || next_task_ < TaskLimit(); });
    if (stopping_) return;
    const size_t task = next_task_++;
    const size_t group = task / columns_.size();
    const size_t index = task % columns_.size();
    Slot* slot = slots_[group].get();
    lock.unlock();
    Status status =
        file_.ReadColumnChunk(static_cast<int>(group), columns_[index], &slot->columns[index]);
    lock.lock();
    slot->statuses[index] = std::move(status);
    if (--slot->pending == 0) slot_done_.notify_all();
  }
}

Result<std::vector<ColumnValues>> RowGroupPrefetcher::TakeNext() {
  const size_t group = static_cast<size_t>(next_group_);
  if (group >= slots_.size()) return Status::Internal("no row group left to take");
  std::unique_ptr<Slot> slot;
  if (workers_.empty()) {
    slot = std::move(slots_[group]);
    for (size_t i = 0; i < columns_.size(); ++i) {
      slot->statuses[i] =
          file_.ReadColumnChunk(static_cast<int>(group), columns_[i], &slot->columns[i]);
    }
    ++next_group_;
  } else {
    std::unique_lock<std::mutex> lock(mutex_);
    slot_done_.wait(lock, [&] { return slots_[group]->pending == 0; });
    slot = std::move(slots_[group]);
    ++next_group_;
    lock.unlock();
    task_ready_.notify_all();  // the window moved
  }
  for (const Status& status : slot->statuses) RETURN_NOT_OK(status);
  return std::move(slot->columns);
}

}  // namespace mesh::format::parquet
