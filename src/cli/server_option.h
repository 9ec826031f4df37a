// Client mode of the verbs that have a server equivalent: --server URL (default $MESH_SERVER)
// makes a verb ask `mesh serve` (src/client/mesh_client.h) instead of opening the catalog and
// lake itself; the token comes from MESH_TOKEN. An explicit --catalog or --lake means local
// mode (with MESH_SERVER set they win; with --server they are a usage error). Thread-compatible.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/filesystem.h"
#include "base/result.h"
#include "cli/catalog_option.h"
#include "cli/verb.h"
#include "client/mesh_client.h"

namespace mesh::cli {

struct RemoteOptions {
  std::string server;  // --server URL
};

// Adds --server to `command`.
void AddServerOption(CLI::App* command, RemoteOptions* options);

// The server the verb talks to; nullopt: local mode. InvalidArgument when --server comes with
// --catalog or --lake.
Result<std::optional<std::string>> ChosenServer(const RemoteOptions& remote,
                                                const StoreOptions& stores);

// A client for `url` with the token of MESH_TOKEN (InvalidArgument saying how to get one when
// it is unset).
Result<std::unique_ptr<client::MeshClient>> OpenVerbClient(const std::string& url);

// Checks that `--as person` (when given) is the token's person; the token's person otherwise.
// Also proves the token before any upload (401 comes back here, not halfway through one).
Result<std::string> RemotePerson(client::MeshClient& client, const std::string& as_person);

// The exit code of a failed server request: 1 when the server refused (403, or a lost race), 2
// for usage and input errors (a rejected token, an unknown product, an unreachable server).
int RemoteFailureExitCode(const Status& status);

// A descriptor file read for a server: its text and the product it names (the URL's {name}).
struct DescriptorUpload {
  std::string text;
  std::string product;
};

// InvalidArgument naming `path` when it is not YAML with a name (the server judges the rest).
Result<DescriptorUpload> ReadDescriptorUpload(FileSystem& fs, const std::string& path);

}  // namespace mesh::cli
