// The server's workspace as a publish from a client sees it: mesh.yaml, policies and every other
// descriptor come from the server's workspace, and the uploaded descriptor text stands in for the
// file that holds the product (or is added under products/ when the product is new). Nothing is
// written to the server's files. The view is a value; its FileSystem is safe for concurrent use.
#pragma once

#include <string>

#include "base/result.h"
#include "model/workspace.h"

namespace mesh::server {

struct UploadWorkspace {
  Workspace workspace;
  std::string descriptor_file;  // relative to the root: where the uploaded text appears
};

// `name` and `domain` are the uploaded descriptor's; they choose where it appears.
Result<UploadWorkspace> WorkspaceWithUpload(const Workspace& base, const std::string& name,
                                            const std::string& domain, std::string text);

}  // namespace mesh::server
