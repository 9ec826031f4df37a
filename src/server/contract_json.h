// ContractJson: a product's descriptor as the JSON the web UI and API clients read (docs/api.md,
// GET /api/v1/products/{name}/contract): every key of the contract in typed form, each field with
// its effective classification and whether it is withheld from the caller (and why), plus the
// caller's right to read the data and the latest quality report. Pure function; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "access/authorizer.h"
#include "model/descriptor.h"

namespace mesh::server {

struct ContractAccess {
  bool can_read_data = false;
  std::string read_denied_reason;               // when !can_read_data
  std::vector<access::WithheldField> withheld;  // when can_read_data
};

// `report_json`: the quality report stored with the current snapshot ("" when none).
nlohmann::ordered_json ContractJson(const Descriptor& descriptor, const ContractAccess& access,
                                    const std::string& report_json);

}  // namespace mesh::server
