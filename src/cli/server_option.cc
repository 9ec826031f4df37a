#include "cli/server_option.h"

#include <cstdlib>

#include "yaml/loader.h"

namespace mesh::cli {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

void AddServerOption(CLI::App* command, RemoteOptions* options) {
  command->add_option("--server", options->server,
                      "Ask the `mesh serve` at this URL, http(s)://HOST[:PORT], instead of the "
                      "local catalog and lake; the token comes from MESH_TOKEN (default: "
                      "$MESH_SERVER unless --catalog or --lake is given)");
}

Result<std::optional<std::string>> ChosenServer(const RemoteOptions& remote,
                                                const StoreOptions& stores) {
  const bool local_flags = !stores.catalog.empty() || !stores.lake.empty();
  if (!remote.server.empty()) {
    if (local_flags) {
      return Status::InvalidArgument(
          "--server talks to a server's catalog and lake; leave out --catalog and --lake, or "
          "--server");
    }
    return std::optional<std::string>(remote.server);
  }
  const std::string from_environment = Environment("MESH_SERVER");
  if (local_flags || from_environment.empty()) return std::optional<std::string>();
  return std::optional<std::string>(from_environment);
}

Result<std::unique_ptr<client::MeshClient>> OpenVerbClient(const std::string& url) {
  client::ClientOptions options;
  options.server_url = url;
  options.token = Environment("MESH_TOKEN");
  return client::MeshClient::Make(options);
}

Result<std::string> RemotePerson(client::MeshClient& client, const std::string& as_person) {
  ASSIGN_OR_RAISE(client::Identity identity, client.WhoAmI());
  if (!as_person.empty() && as_person != identity.person) {
    return Status::InvalidArgument("--as " + as_person + ", but MESH_TOKEN is the token of " +
                                   identity.person + " at " + client.url().ToString() +
                                   ": leave out --as (the token says who acts) or use " +
                                   as_person + "'s token");
  }
  return identity.person;
}

int RemoteFailureExitCode(const Status& status) {
  if (status.code() == StatusCode::kPermissionDenied || status.IsConflict()) return kExitFindings;
  return kExitUsage;
}

Result<DescriptorUpload> ReadDescriptorUpload(FileSystem& fs, const std::string& path) {
  ASSIGN_OR_RAISE(std::string text, fs.ReadFile(path, yaml::Limits{}.max_bytes));
  Result<yaml::Document> document = yaml::LoadYaml(text, path);
  const yaml::Node* name = document.ok() && document->root && document->root->IsMap()
                               ? document->root->Get("name")
                               : nullptr;
  if (name == nullptr || !name->IsScalar() || name->scalar.empty()) {
    return Status::InvalidArgument(path +
                                   ": not a descriptor with a name (run `mesh validate` on it)");
  }
  DescriptorUpload upload;
  upload.product = name->scalar;
  upload.text = std::move(text);
  return upload;
}

}  // namespace mesh::cli
