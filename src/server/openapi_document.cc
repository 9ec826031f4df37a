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
      "description": "OK",
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
     }
    ],
    "responses": {
     "200": {
      "description": "as mesh usage report --json, at the prices of the workspace's governance/prices.yaml (usage only without it)",
      "content": {
       "application/json": {}
      }
     },
     "400": {
      "description": "a bad date or view, or a prices file with errors"
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
