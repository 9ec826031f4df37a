// RowGroupPrefetcher: decodes the selected columns of a ParquetFile's row groups, in order, on
// `threads` worker threads (one column chunk per task), staying at most `lookahead` row groups
// ahead of the consumer so that memory stays bounded. With threads <= 1 it decodes on the
// caller's thread when asked. Take() hands out each row group exactly once, in order.
// External synchronization required for Take (one consumer); workers synchronize internally.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "format/parquet/parquet_file.h"

namespace mesh::format::parquet {

class RowGroupPrefetcher {
 public:
  RowGroupPrefetcher(const ParquetFile& file, std::vector<int> columns, int threads,
                     int lookahead = 1);
  ~RowGroupPrefetcher();
  RowGroupPrefetcher(const RowGroupPrefetcher&) = delete;
  RowGroupPrefetcher& operator=(const RowGroupPrefetcher&) = delete;

  // The decoded columns (in the order given) of the next row group; blocks until ready.
  // Precondition: row groups remain (the caller counts them).
  Result<std::vector<ColumnValues>> TakeNext();

 private:
  struct Slot {
    std::vector<ColumnValues> columns;
    std::vector<Status> statuses;
    size_t pending = 0;
  };
  void Work();
  size_t TaskLimit() const;  // tasks allowed to start (lock held)

  const ParquetFile& file_;
  const std::vector<int> columns_;
  const int lookahead_;
  const size_t total_tasks_;

  std::mutex mutex_;
  std::condition_variable task_ready_;        // workers wait for tasks
  std::condition_variable slot_done_;         // consumer waits for its row group
  std::vector<std::unique_ptr<Slot>> slots_;  // one per row group (freed when taken)
  size_t next_task_ = 0;
  int next_group_ = 0;  // next row group the consumer takes
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace mesh::format::parquet
