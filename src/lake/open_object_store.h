// OpenObjectStore: chooses the lake from the `--lake` flag (or MESH_LAKE): "file:PATH" (a local
// directory, the default `<workspace>/.mesh/lake`) or "s3://bucket/prefix" (an S3 bucket; endpoint,
// region and credentials from the AWS_* environment variables, see lake/s3_options.h).
#pragma once

#include <memory>
#include <string_view>

#include "base/filesystem.h"
#include "lake/object_store.h"

namespace mesh {

Result<std::unique_ptr<ObjectStore>> OpenObjectStore(std::string_view uri,
                                                     std::shared_ptr<FileSystem> fs);

// The lake URI used when no flag is given: "file:<workspace>/.mesh/lake".
std::string DefaultLakeUri(std::string_view workspace);

}  // namespace mesh
