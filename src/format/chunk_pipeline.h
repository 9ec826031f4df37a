// ChunkPipeline: the parallel engine under the text readers. A ChunkSource cuts the file into
// chunks of whole rows (on the consumer's thread, in file order); a ChunkParser turns one chunk
// into one Batch (on `threads` worker threads at once); the pipeline hands the batches back in
// file order. At most threads + 2 chunks are in flight, so memory stays flat whatever the file
// size. With threads <= 1 everything runs on the consumer's thread, with identical results.
// External synchronization required (one consumer); the parser must be safe to call from
// several workers at once with distinct worker indexes.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"
#include "format/batch.h"
#include "format/reader.h"

namespace mesh::format {

// A run of whole rows (the last one may be cut short, see `truncated`).
struct TextChunk {
  std::string data;  // the bytes; may hold padding after `size`
  size_t size = 0;
  int64_t first_row = 1;    // 1-based data row number of the chunk's first row
  int64_t first_line = 1;   // 1-based line of the file where that row starts
  uint64_t end_offset = 0;  // file offset just after the chunk
  // The source stopped because a row grew longer than its limit: the chunk ends inside that
  // row, and the parser must report it.
  bool truncated = false;
};

class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  // Fills `chunk` with the next rows; false at the end of the file.
  virtual Result<bool> NextChunk(TextChunk* chunk) = 0;
};

class ChunkParser {
 public:
  virtual ~ChunkParser() = default;
  // Parses all rows of `chunk` into `batch` (whose old contents it replaces). `worker` is in
  // [0, threads) and never used by two calls at once.
  virtual Status Parse(const TextChunk& chunk, int worker, Batch* batch) = 0;
};

// Empties `batch` for reuse as `types.size()` columns of `types` (keeping capacity where the
// types match) and reserves room for `rows` rows.
void ResetBatch(const std::vector<FieldType>& types, size_t rows, Batch* batch);

class ChunkPipeline {
 public:
  ChunkPipeline(ChunkSource* source, ChunkParser* parser, int threads);
  ~ChunkPipeline();
  ChunkPipeline(const ChunkPipeline&) = delete;
  ChunkPipeline& operator=(const ChunkPipeline&) = delete;

  // The next batch in file order; false at the end. An error is returned once every earlier
  // batch has been handed out, and again on every later call.
  Result<bool> Next(Batch* batch);
  // File offset after the last chunk handed out.
  uint64_t bytes_done() const { return bytes_done_; }

 private:
  struct Task {
    TextChunk chunk;
    Batch batch;
    Status status;
    bool parsed = false;
  };

  void FillPipeline();
  std::unique_ptr<Task> TakeFreeTask();
  void WorkerLoop(int worker);

  ChunkSource* source_;
  ChunkParser* parser_;
  const int threads_;
  const size_t max_in_flight_;
  bool source_done_ = false;
  Status sticky_error_;
  uint64_t bytes_done_ = 0;

  std::deque<std::unique_ptr<Task>> in_flight_;  // file order; guarded by mu_ for `parsed`
  std::vector<std::unique_ptr<Task>> free_tasks_;
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable task_parsed_;
  std::deque<Task*> work_queue_;  // guarded by mu_
  bool stopping_ = false;         // guarded by mu_
  std::vector<std::thread> workers_;
};

// The BatchReader of a text format (CSV, JSONL): owns the format's chunk source and parser and
// reads through a ChunkPipeline over them.
class PipelinedReader final : public BatchReader {
 public:
  PipelinedReader(std::unique_ptr<ChunkSource> source, std::unique_ptr<ChunkParser> parser,
                  int threads, uint64_t file_size)
      : source_(std::move(source)),
        parser_(std::move(parser)),
        file_size_(file_size),
        pipeline_(std::make_unique<ChunkPipeline>(source_.get(), parser_.get(), threads)) {}

  Result<bool> Next(Batch* batch) override { return pipeline_->Next(batch); }
  uint64_t bytes_read() const override { return pipeline_->bytes_done(); }
  uint64_t bytes_total() const override { return file_size_; }

 private:
  std::unique_ptr<ChunkSource> source_;
  std::unique_ptr<ChunkParser> parser_;
  uint64_t file_size_;
  std::unique_ptr<ChunkPipeline> pipeline_;  // last: stopped before the source and parser go
};

}  // namespace mesh::format
