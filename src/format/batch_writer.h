// BatchWriter: writes Batches of a schema to a file in a text format (CSV, JSONL), with every
// value in its canonical text (value_formatter.h) so that the readers read back the same values.
// Output is buffered and appended to a WritableFile; nothing is durable before Finish() returns
// OK. A value the format cannot hold (NaN, a year beyond 9999, a string that is not UTF-8) is
// an InvalidArgument error naming the file, row and column; the file is then incomplete.
// External synchronization required.
#pragma once

#include <memory>
#include <string>

#include "base/filesystem.h"
#include "base/result.h"
#include "format/batch.h"
#include "model/descriptor.h"

namespace mesh::format {

class BatchWriter {
 public:
  virtual ~BatchWriter() = default;
  // Appends the batch's rows; its columns must be the schema's fields, in order.
  virtual Status Write(const Batch& batch) = 0;
  // Flushes, syncs and closes the file.
  virtual Status Finish() = 0;
};

// The output buffer the text writers share: appends go to memory and reach the file in pieces of
// about 1 MiB.
class BufferedFile {
 public:
  explicit BufferedFile(std::unique_ptr<WritableFile> file) : file_(std::move(file)) {}
  std::string& buffer() { return buffer_; }
  // Writes the buffer out when it is large.
  Status MaybeFlush() { return buffer_.size() >= kFlushBytes ? Flush() : Status::OK(); }
  Status Flush();
  // Flush, Sync and Close.
  Status Finish();

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  std::unique_ptr<WritableFile> file_;
  std::string buffer_;
  bool finished_ = false;
};

}  // namespace mesh::format
