// SweepStaleUploads: removes the uploads a stopped server left in its spool folder. An upload is
// spooled to `<spool>/upload-<random>` and removed when its request ends, so only a server that
// was killed mid-upload leaves one behind, and nothing else ever removes it. `mesh serve` sweeps
// at start. Each server should have its own spool folder (docs/operations.md), but one shared by
// mistake must not lose an upload in flight, so only files older than `min_age` are removed.
// Files not named upload-* and folders are never touched.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "base/result.h"

namespace mesh::server {

struct SweepResult {
  int removed = 0;
  uint64_t bytes = 0;
};

// IOError naming the folder when it cannot be listed; a file that vanishes meanwhile is skipped.
Result<SweepResult> SweepStaleUploads(const std::string& spool_dir,
                                      std::filesystem::file_time_type now,
                                      std::chrono::seconds min_age);

}  // namespace mesh::server
