// A throw-away copy of tests/scenario-workspaces/basic for the end-to-end tests that run the
// `mesh` binary, with data/orders.csv holding two valid orders (one with a pii e-mail each).
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace mesh::testing {

// Copies the basic workspace to <fresh temporary folder named after `prefix`>/ws, writes
// data/orders.csv and returns the workspace's path; empty when no temporary folder can be made.
inline std::filesystem::path MakeBasicWorkspaceWithOrders(const std::string& prefix) {
  std::string pattern = "/tmp/" + prefix + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) return {};
  const std::filesystem::path workspace = std::filesystem::path(pattern) / "ws";
  std::filesystem::copy(std::filesystem::path(MESH_SOURCE_DIR) / "tests/scenario-workspaces/basic",
                        workspace, std::filesystem::copy_options::recursive);
  std::filesystem::create_directories(workspace / "data");
  std::ofstream(workspace / "data/orders.csv") << "order_id,ordered_at,amount,customer_email\n"
                                                  "1,2026-11-20T06:00:00Z,10.50,a@example.org\n"
                                                  "2,2026-11-20T07:00:00Z,3.00,b@example.org\n";
  return workspace;
}

}  // namespace mesh::testing
