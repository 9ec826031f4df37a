#include "server/openapi_document.h"

namespace mesh::server {

std::string_view OpenApiDocument() {
  return R"json({"openapi": "3.1.0", "info": {"title": "Meshwork", "version": "1"},
 "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
 "security": [{"bearer": []}],
 "paths": {
  "/api/v1/me": {"get": {"summary": "Who the token belongs to: person, teams, roles",
    "responses": {"200": {"description": "{person, teams, roles}"}}}},
  "/api/v1/products/{name}/contract": {"get": {
    "summary": "A product's current contract, with the fields withheld from the caller",
    "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "the contract (docs/api.md)"},
                  "404": {"description": "never published"}}}},
  "/api/v1/governance/findings": {"get": {
    "summary": "Lint findings of every descriptor and policy of the mesh",
    "responses": {"200": {"description": "{files_checked, findings}"}}}},
  "/api/v1/domains": {"get": {"summary": "Domains with their owners and health",
    "responses": {"200": {"description": "[{id, description, owners, health}]"}}}},
  "/api/v1/domains/{id}": {"get": {"summary": "A domain: owners, policy and health",
    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "{id, description, owners, health, policy}"},
                  "404": {"description": "not a domain of mesh.yaml"}}}}
 }})json";
}

}  // namespace mesh::server
