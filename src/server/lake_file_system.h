// LakeFileSystem: a read-only FileSystem view of the lake, where a path is an object key
// ("sha256/<hex>"), so that the format readers can read stored versions straight from the lake
// without copying them. Writes are NotSupported. Safe for concurrent use (the lake is).
#pragma once

#include <memory>

#include "base/filesystem.h"
#include "lake/object_store.h"

namespace mesh::server {

std::shared_ptr<FileSystem> LakeFileSystem(ObjectStore* lake);

}  // namespace mesh::server
