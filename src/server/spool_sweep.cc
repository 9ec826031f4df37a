#include "server/spool_sweep.h"

#include <system_error>

namespace mesh::server {

Result<SweepResult> SweepStaleUploads(const std::string& spool_dir,
                                      std::filesystem::file_time_type now,
                                      std::chrono::seconds min_age) {
  namespace fs = std::filesystem;
  SweepResult result;
  std::error_code error;
  fs::directory_iterator entries(spool_dir, error);
  if (error) {
    return Status::IOError("cannot list the upload spool folder " + spool_dir + ": " +
                           error.message());
  }
  for (const fs::directory_entry& entry : entries) {
    if (entry.path().filename().string().rfind("upload-", 0) != 0) continue;
    if (!entry.is_regular_file(error) || error) continue;
    const fs::file_time_type written = entry.last_write_time(error);
    if (error || now - written < min_age) continue;
    const uintmax_t size = entry.file_size(error);
    const uint64_t bytes = error ? 0 : size;
    if (fs::remove(entry.path(), error) && !error) {
      ++result.removed;
      result.bytes += bytes;
    }
  }
  return result;
}

}  // namespace mesh::server
