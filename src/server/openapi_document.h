// The OpenAPI 3.1 document of the REST API, served at /api/v1/openapi.json. Written by hand in
// openapi_document.cc; openapi_document_test.cc checks it against the route table both ways.
#pragma once

#include <string_view>

namespace mesh::server {

std::string_view OpenApiDocument();

}  // namespace mesh::server
