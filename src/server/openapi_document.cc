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
  "/api/v1/access/requests": {
   "get": {
    "summary": "List access requests (default: the pending ones), as mesh access list --json's requests",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "pending (default), approved, denied or all",
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "approved",
        "denied",
        "all"
       ]
      }
     },
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Only this product's",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "team",
      "in": "query",
      "required": false,
      "description": "Only this team's",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "person",
      "in": "query",
      "required": false,
      "description": "Only those this person asked",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "decidable",
      "in": "query",
      "required": false,
      "description": "true: only those the caller may decide (products they manage, asked by someone else)",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/AccessRequest"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Ask the owners of a product for access to its data, saying why (mesh access request)",
    "description": "Needs: request_access (any valid token). Audited as access.request.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "product": {
          "type": "string"
         },
         "purpose": {
          "type": "string"
         },
         "team": {
          "type": "string",
          "description": "One of the caller's teams (default: their only team)"
         },
         "level": {
          "type": "string",
          "description": "Default: the level reading every field needs"
         },
         "pii": {
          "type": "boolean"
         }
        },
        "required": [
         "product",
         "purpose"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Recorded (status pending)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/access/requests/{id}": {
   "get": {
    "summary": "One access request",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Access request id",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/access/requests/{id}/approve": {
   "post": {
    "summary": "Approve a pending access request; the grant is created in the same transaction (mesh access approve)",
    "description": "Needs: manage_access on the product (its owners, or an admin). A denial is audited as the CLI's (action access.approve, target the product, outcome denied) and changes nothing. Never by the person who asked. A request-only level's grant expires after 90 days unless expires says otherwise.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Access request id",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string",
          "description": "A remark kept with the decision"
         },
         "expires": {
          "type": "string",
          "description": "When the grant ends: a duration from now (90d, 12h, 30m), a date (2027-03-31) or an instant (2027-03-31T00:00:00Z)"
         }
        },
        "required": []
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Approved: the request, with grant_id",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
       }
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
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/access/requests/{id}/deny": {
   "post": {
    "summary": "Deny a pending access request, saying why (mesh access deny)",
    "description": "Needs: manage_access on the product (its owners, or an admin). A denial is audited as the CLI's (action access.deny, target the product, outcome denied) and changes nothing.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Access request id",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string",
          "description": "Why (required; \"note\" is accepted in its place)"
         },
         "note": {
          "type": "string"
         }
        },
        "required": []
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Denied: the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
       }
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
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/access/grants": {
   "get": {
    "summary": "List grants (default: the active ones), as mesh access list --json's grants",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Only this product's",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "team",
      "in": "query",
      "required": false,
      "description": "Only this team's",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "all",
      "in": "query",
      "required": false,
      "description": "true: also revoked and expired grants",
      "schema": {
       "type": "string",
       "enum": [
        "true",
        "false"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Grant"
         }
        }
       }
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
  "/api/v1/products/{name}/grants": {
   "post": {
    "summary": "Grant a team a product's data up to a level below the request-only ones (mesh access grant)",
    "description": "Needs: manage_access on the product (its owners, or an admin). A denial is audited as the CLI's (action access.grant, target the product, outcome denied) and changes nothing. Request-only levels (restricted) are refused: they come only from an approved request.",
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
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "team": {
          "type": "string"
         },
         "level": {
          "type": "string"
         },
         "pii": {
          "type": "boolean"
         },
         "expires": {
          "type": "string",
          "description": "When the grant ends: a duration from now (90d, 12h, 30m), a date (2027-03-31) or an instant (2027-03-31T00:00:00Z)"
         }
        },
        "required": [
         "team",
         "level"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Granted",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Grant"
        }
       }
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
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/access/grants/{id}/revoke": {
   "post": {
    "summary": "Revoke a grant (mesh access revoke)",
    "description": "Needs: manage_access on the product (its owners, or an admin). A denial is audited as the CLI's (action access.revoke, target the product, outcome denied) and changes nothing.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Grant id",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string",
          "description": "Kept in the audit log"
         }
        },
        "required": []
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Revoked: the grant",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Grant"
        }
       }
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
     },
     "413": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },

  "/api/v1/products/{name}/diff": {
   "post": {
    "summary": "What publishing the descriptor in the body would change against the current version, and the bump it needs (mesh diff)",
    "description": "Needs: any valid token. Nothing is written. The body is the descriptor's YAML; it is judged with the server's mesh.yaml and policies. 200 whether or not the declared schema_version suffices (see ok).",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "description": "Product name (the descriptor's name)",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/yaml": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "As mesh diff --json: {product, file, current, current_version, proposed_version, required_bump, declared_bump, least_version, ok, affected_teams, changes: [{kind, path, before, after, message, line, column, affects}], findings}",
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
     "413": {
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
  "/api/v1/products/{name}/sla": {
   "get": {
    "summary": "A product's SLA status now, compliance and breaches over a window",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (YYYY-MM-DD, UTC); default: 29 days before 'to'",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (YYYY-MM-DD, UTC); default: today",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh sla status NAME --json, with status (met, breached, none), target, window, report (one product of mesh sla report --json) and history [{period, periods, met, compliance}] per UTC day",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad date"
     },
     "404": {
      "description": "no published product of that name"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/sla": {
   "get": {
    "summary": "SLA compliance, breaches and worst offenders of every product over a window",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (YYYY-MM-DD, UTC); default: 29 days before 'to'",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (YYYY-MM-DD, UTC); default: today",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "description": "Only this domain's products",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh sla report --json: {from, to, now, totals, products, worst_offenders}",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad date"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/sla/status": {
   "get": {
    "summary": "Every published product's SLA status now (within its SLA? next deadline?)",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "description": "Only this domain's products",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh sla status --json, each with status (none, met or breached) and target: [{product, sla, within_sla, next_deadline, newest, open_incidents, ...}]",
      "content": {
       "application/json": {}
      }
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "description": "an unknown domain"
     }
    }
   }
  },
  "/api/v1/sla/tick": {
   "post": {
    "summary": "Evaluate deadlines passed since the last tick, open incidents, send webhooks (admins; the server also ticks on its own)",
    "description": "Needs: admin. No body. mesh serve ticks every --sla-tick-interval seconds by itself; this runs one now.",
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
      "description": "as mesh sla tick --json: {now, products: [{product, periods_recorded, periods_missed, incidents_opened}], webhooks: {attempted, delivered, failed}}",
      "content": {
       "application/json": {}
      }
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "description": "not an admin"
     },
     "404": {
      "description": "an unknown product"
     }
    }
   }
  },
  "/api/v1/incidents": {
   "get": {
    "summary": "Incidents opened by SLA breaches that concern the caller",
    "description": "Needs: any valid token; only incidents of products the caller's teams own or consume (governance and admins: all).",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Only this product's incidents",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "open, acknowledged, closed, active (open or acknowledged; default) or all",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh incident list --json: [{id, product, kind, status, breach_at, breach_key, summary, opened_at, acknowledged_by, acknowledged_at, closed_by, closed_at, note}], newest first",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "an unknown status"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/incidents/{id}": {
   "get": {
    "summary": "One incident",
    "description": "Needs: any valid token; the incident must concern the caller (governance and admins: any).",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh incident show --json",
      "content": {
       "application/json": {}
      }
     },
     "403": {
      "description": "the incident does not concern the caller"
     },
     "404": {
      "description": "no such incident"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/incidents/{id}/acknowledge": {
   "post": {
    "summary": "Acknowledge an open incident (owners)",
    "description": "Needs: any valid token; owners of the incident's product (publish permission on it) change it.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "description": "{note?}",
        "properties": {
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the incident, acknowledged",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a malformed body"
     },
     "403": {
      "description": "not an owner of the product"
     },
     "404": {
      "description": "no such incident"
     },
     "409": {
      "description": "the incident is not open"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/incidents/{id}/close": {
   "post": {
    "summary": "Close an incident (owners); tells the owner and consumer teams",
    "description": "Needs: any valid token; owners of the incident's product (publish permission on it) change it.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "description": "{note?}",
        "properties": {
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the incident, closed",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a malformed body"
     },
     "403": {
      "description": "not an owner of the product"
     },
     "404": {
      "description": "no such incident"
     },
     "409": {
      "description": "the incident is already closed"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/reports": {
   "get": {
    "summary": "Consumer reports that concern the caller, with each product's support",
    "description": "Needs: any valid token; only reports on products the caller's teams own or consume, or that the caller opened (governance and admins: all).",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "description": "Only this product's reports",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "open, resolved or all (default)",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh report list --json ([{id, product, title, body, status, opened_by, opened_at, resolved_by, resolved_at, comments, support}]) with summary, description, person and at repeating title, body, opened_by and opened_at",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "an unknown status"
     },
     "404": {
      "description": "no such product"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "Report a problem with a product",
    "description": "Needs: any valid token.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "description": "{product, title (or summary), body? (or description)}",
        "properties": {
         "product": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "summary": {
          "type": "string"
         },
         "body": {
          "type": "string"
         },
         "description": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "201 with the report; the owner and consumer teams are told",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "no product or title, or a member that is not a string"
     },
     "404": {
      "description": "no published product of that name"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/reports/{id}": {
   "get": {
    "summary": "One report with its comments",
    "description": "Needs: any valid token; the report must concern the caller.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the report, as in the listing",
      "content": {
       "application/json": {}
      }
     },
     "403": {
      "description": "the report does not concern the caller"
     },
     "404": {
      "description": "no such report"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/reports/{id}/comments": {
   "post": {
    "summary": "Comment on a report",
    "description": "Needs: any valid token; the report must concern the caller.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "description": "{body}",
        "properties": {
         "body": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "201 with the report and its comments",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "no body"
     },
     "403": {
      "description": "the report does not concern the caller"
     },
     "404": {
      "description": "no such report"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/reports/{id}/resolve": {
   "post": {
    "summary": "Resolve a report (owners); tells the owner and consumer teams",
    "description": "Needs: any valid token; owners of the report's product (publish permission on it).",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the report, resolved",
      "content": {
       "application/json": {}
      }
     },
     "403": {
      "description": "not an owner of the product"
     },
     "404": {
      "description": "no such report"
     },
     "409": {
      "description": "already resolved"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/notifications": {
   "get": {
    "summary": "What the caller's teams were told about incidents and reports",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "At most this many (1-1000, default 50)",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh notifications --json: [{id, team, product, subject, subject_id, event, message, at, webhook}], newest first",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad limit"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/usage": {
   "get": {
    "summary": "Metered usage and charge-back per domain or team over a window",
    "description": "Needs: governance (role governance or admin).",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "First day (YYYY-MM-DD, UTC); default: 29 days before 'to'",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Last day (YYYY-MM-DD, UTC); default: today",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "by",
      "in": "query",
      "required": false,
      "description": "domain (default) or team",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "json (default) or csv (as mesh usage report --csv, text/csv)",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh usage report --json (or --csv with format=csv), at the prices of the workspace's governance/prices.yaml (usage only without it)",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad date, view or format, or a prices file with errors"
     },
     "403": {
      "description": "not governance"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/maturity": {
   "get": {
    "summary": "The organisation's phase of the data mesh path, with the evidence",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "window_days",
      "in": "query",
      "required": false,
      "description": "Days of recent activity to judge by (default 30)",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh maturity --json",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad window"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/doctor": {
   "get": {
    "summary": "What is degrading in the mesh, with evidence and suggested actions",
    "description": "Needs: any valid token.",
    "parameters": [
     {
      "name": "window_days",
      "in": "query",
      "required": false,
      "description": "Length of the recent window compared with the one before (default 14)",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh doctor --json: {measured_at, window_days, findings: [{kind, subject, evidence, action, measures}], warnings}",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad window"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    }
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
   "AccessRequest": {
    "type": "object",
    "required": [
     "id",
     "product",
     "team",
     "person",
     "purpose",
     "level",
     "pii",
     "status",
     "requested_at",
     "decided_by",
     "decided_at",
     "note",
     "grant_id"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "product": {
      "type": "string"
     },
     "team": {
      "type": "string"
     },
     "person": {
      "type": "string"
     },
     "purpose": {
      "type": "string"
     },
     "level": {
      "type": "string"
     },
     "pii": {
      "type": "boolean"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "approved",
       "denied"
      ]
     },
     "requested_at": {
      "type": "string",
      "format": "date-time"
     },
     "decided_by": {
      "type": "string"
     },
     "decided_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "note": {
      "type": "string"
     },
     "grant_id": {
      "type": [
       "integer",
       "null"
      ]
     }
    }
   },
   "Grant": {
    "type": "object",
    "required": [
     "id",
     "product",
     "team",
     "level",
     "pii",
     "granted_by",
     "granted_at",
     "expires_at",
     "request_id",
     "revoked_at",
     "revoked_by",
     "active"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "product": {
      "type": "string"
     },
     "team": {
      "type": "string"
     },
     "level": {
      "type": "string"
     },
     "pii": {
      "type": "boolean"
     },
     "granted_by": {
      "type": "string"
     },
     "granted_at": {
      "type": "string",
      "format": "date-time"
     },
     "expires_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "request_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "revoked_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "revoked_by": {
      "type": "string"
     },
     "active": {
      "type": "boolean"
     }
    }
   },
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
