#include "format/batch_writer.h"

namespace mesh::format {

Status BufferedFile::Flush() {
  if (buffer_.empty()) return Status::OK();
  RETURN_NOT_OK(file_->Append(buffer_));
  buffer_.clear();
  return Status::OK();
}

Status BufferedFile::Finish() {
  if (finished_) return Status::FailedPrecondition("the writer was already finished");
  finished_ = true;
  RETURN_NOT_OK(Flush());
  RETURN_NOT_OK(file_->Sync());
  return file_->Close();
}

}  // namespace mesh::format
