// The OpenAPI 3.1 document of the REST API, kept by hand beside the route table (api_routes.h);
// openapi_document_test.cc fails when a route is missing here or a path here has no route.
#include "server/openapi_document.h"

namespace mesh::server {

std::string_view OpenApiDocument() {
  static constexpr std::string_view kDocument = R"json({
 "openapi": "3.1.0",
 "info": {
  "title": "Meshwork REST API",
  "version": "1",
  "description": "The mesh's catalog, data and access over HTTP. Authenticate with 'Authorization: Bearer <token>' (mesh token create). Errors are {\"error\":{\"code\",\"message\"}} with stable codes; see docs/api.md."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8080"
  }
 ],
 "security": [
  {
   "bearer": []
  }
 ],
 "paths": {
  "/healthz": {
   "get": {
    "summary": "The process answers",
    "description": "No token needed.",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "500": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/readyz": {
   "get": {
    "summary": "The catalog is reachable (503 otherwise)",
    "description": "No token needed.",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "500": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/metrics": {
   "get": {
    "summary": "Prometheus metrics: requests by route and status, latency histogram, in flight",
    "description": "Needs: admin.",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "text/plain": {}
      }
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "summary": "This document",
    "description": "No token needed.",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "500": {
      "$ref": "#/components/responses/Error"
     }
    },
    "security": []
   }
  },
  "/api/v1/products": {
   "get": {
    "summary": "List published products",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "description": "Only this domain",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "owner",
      "in": "query",
      "required": false,
      "description": "Only this owner team",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/products/{name}": {
   "get": {
    "summary": "Show a snapshot of a product (mesh show --json)",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "Product name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "version",
      "in": "query",
      "required": false,
      "description": "Schema version MAJOR.MINOR[.PATCH]; default the current one",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "snapshot",
      "in": "query",
      "required": false,
      "description": "Snapshot number",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/products/{name}/versions": {
   "get": {
    "summary": "List a product's snapshots, newest first (mesh versions --json)",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "Product name",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Publish a version: multipart/form-data with parts 'descriptor' (YAML, first) and 'data' (streamed). 201 published, 422 refused or rejected (body: mesh publish --json)",
    "description": "Needs: owner of the product's domain.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "Product name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "Data format csv|jsonl|parquet; default from the data part's file name",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "properties": {
         "descriptor": {
          "type": "string"
         },
         "data": {
          "type": "string",
          "contentEncoding": "binary"
         }
        },
        "required": [
         "descriptor",
         "data"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Published",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "408": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/products/{name}/data": {
   "get": {
    "summary": "Read a snapshot's data, streamed; withheld fields are left out and named in X-Mesh-Withheld-Fields",
    "description": "Needs: read_data: public/internal any token; confidential/restricted a grant to the reader's team.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "Product name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "csv|jsonl|parquet; default the stored format",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "version",
      "in": "query",
      "required": false,
      "description": "Schema version MAJOR.MINOR[.PATCH]; default the current one",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "snapshot",
      "in": "query",
      "required": false,
      "description": "Snapshot number",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The rows, chunked. Headers: X-Mesh-Ref (name@version#snapshot), X-Mesh-Status, X-Mesh-Rows, X-Mesh-Columns (delivered fields, comma-separated), X-Mesh-Withheld-Fields (comma-separated), X-Mesh-Withheld-Reasons (JSON [{field, reason}])",
      "content": {
       "application/octet-stream": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/search": {
   "get": {
    "summary": "Full-text search of the catalog",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": true,
      "description": "Words; each must match (prefix)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "description": "Only this domain",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "tag",
      "in": "query",
      "required": false,
      "description": "Only this tag",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "At most this many hits (1-1000, default 20)",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/lineage": {
   "get": {
    "summary": "Upstream, downstream or impact of a product or source",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "node",
      "in": "query",
      "required": true,
      "description": "Product name or source:<system>/<object>",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "direction",
      "in": "query",
      "required": false,
      "description": "upstream (default), downstream or impact",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "depth",
      "in": "query",
      "required": false,
      "description": "Depth limit, 0 none",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/quarantine": {
   "get": {
    "summary": "List quarantined publish attempts, newest first",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Only this product",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/quarantine/{id}": {
   "get": {
    "summary": "Show a quarantined attempt with its quality report",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Quarantine id",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/audit": {
   "get": {
    "summary": "The audit log",
    "description": "Needs: governance.",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Targets starting with this",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "person",
      "in": "query",
      "required": false,
      "description": "Only this actor",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "since",
      "in": "query",
      "required": false,
      "description": "ISO-8601 timestamp",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "after",
      "in": "query",
      "required": false,
      "description": "Entries after this sequence",
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "At most this many (1-10000)",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/tokens": {
   "get": {
    "summary": "List API tokens (never their secrets)",
    "description": "Needs: admin.",
    "parameters": [
     {
      "name": "person",
      "in": "query",
      "required": false,
      "description": "Only this person's",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Create a token; the secret is in the answer, once",
    "description": "Needs: admin.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "person": {
          "type": "string"
         },
         "expires": {
          "type": "string",
          "format": "date-time"
         }
        },
        "required": [
         "person"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/tokens/{id}": {
   "delete": {
    "summary": "Revoke a token",
    "description": "Needs: admin.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Token id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/me": {
   "get": {
    "summary": "Who the token belongs to: person, teams, roles",
    "responses": {
     "200": {
      "description": "{person, teams, roles}"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "description": "Needs: any valid token."
   }
  },
  "/api/v1/products/{name}/contract": {
   "get": {
    "summary": "A product's current contract, with the fields withheld from the caller",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the contract (docs/api.md)"
     },
     "404": {
      "description": "never published"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "description": "Needs: any valid token."
   }
  },
  "/api/v1/governance/findings": {
   "get": {
    "summary": "Lint findings of every descriptor and policy of the mesh",
    "responses": {
     "200": {
      "description": "{files_checked, findings}"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "description": "Needs: any valid token."
   }
  },
  "/api/v1/domains": {
   "get": {
    "summary": "Domains with their owners and health",
    "responses": {
     "200": {
      "description": "[{id, description, owners, health}]"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "description": "Needs: any valid token."
   }
  },
  "/api/v1/domains/{id}": {
   "get": {
    "summary": "A domain: owners, policy and health",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "{id, description, owners, health, policy}"
     },
     "404": {
      "description": "not a domain of mesh.yaml"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "description": "Needs: any valid token."
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer",
    "description": "A token from mesh token create"
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string",
        "enum": [
         "bad_request",
         "invalid_argument",
         "unauthenticated",
         "permission_denied",
         "not_found",
         "method_not_allowed",
         "request_timeout",
         "conflict",
         "already_exists",
         "failed_precondition",
         "payload_too_large",
         "uri_too_long",
         "unsupported_media_type",
         "not_supported",
         "unavailable",
         "internal"
        ]
       },
       "message": {
        "type": "string"
       }
      }
     }
    }
   }
  },
  "responses": {
   "Error": {
    "description": "An error",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  }
 }
}
)json";
  return kDocument;
}

}  // namespace mesh::server
