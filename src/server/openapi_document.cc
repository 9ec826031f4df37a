#include "server/openapi_document.h"

namespace mesh::server {

std::string_view OpenApiDocument() {
  return R"json({"openapi": "3.1.0", "info": {"title": "Meshwork", "version": "1"}, "paths": {}})json";
}

}  // namespace mesh::server
