// What `mesh serve` serves (the workspace, catalog, lake, identity) and its limits. Plain values;
// the pointed-to services must outlive the server and be safe for concurrent use.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "access/access_service.h"
#include "access/token_service.h"
#include "base/clock.h"
#include "catalog/catalog.h"
#include "lake/object_store.h"
#include "model/workspace.h"
#include "server/access_decider.h"

namespace mesh::server {

struct ServerServices {
  const Workspace* workspace = nullptr;  // mesh.yaml, policies, descriptors
  Catalog* catalog = nullptr;
  ObjectStore* lake = nullptr;
  access::TokenService* tokens = nullptr;
  const AccessDecider* decider = nullptr;
  const Clock* clock = nullptr;
  // Requests, approvals, grants and revocations (the access routes), over the same catalog.
  access::AccessService* access = nullptr;
  // Called after an API action queued notifications (incident and report changes), so that their
  // webhooks leave now; `mesh serve` wakes its SlaTicker. Empty: they wait for the next tick.
  std::function<void()> notifications_queued;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: an ephemeral port (tests)
  int threads = 8;
  size_t max_json_body_bytes = 1 << 20;       // JSON request bodies
  size_t max_descriptor_bytes = 1 << 20;      // the descriptor part of a publish
  size_t max_upload_bytes = size_t{4} << 30;  // the data part of a publish
  int read_timeout_seconds = 20;              // per read from a client socket
  int write_timeout_seconds = 20;
  int body_deadline_seconds = 600;  // a whole request body (408 after)
  // Where uploads are spooled on the way to the lake (a folder of the local file system).
  std::string spool_dir;
  // One JSON line per request; empty: no access log.
  std::function<void(const std::string&)> access_log;
  int publish_threads = 2;
  // The built web UI (web/dist) served at / (static_routes.h); empty: no UI (non-API paths 404).
  std::string web_root;
};

}  // namespace mesh::server
