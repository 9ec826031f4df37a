// The routes of the REST API, one function per area; ApiServer adds them all to its table.
// docs/api.md and openapi_document.cc describe the same routes (a test compares them).
#pragma once

#include "server/metrics.h"
#include "server/route_table.h"

namespace mesh::server {

void AddOperationalRoutes(RouteTable* routes, const Metrics* metrics);  // healthz, readyz, metrics
void AddCatalogRoutes(RouteTable* routes);     // products, versions, search, lineage, quarantine
void AddDataRoutes(RouteTable* routes);        // read data
void AddPublishRoutes(RouteTable* routes);     // publish
void AddAdminRoutes(RouteTable* routes);       // audit, tokens
void AddContractRoutes(RouteTable* routes);    // a product's contract, who am I (web UI)
void AddGovernanceRoutes(RouteTable* routes);  // mesh-wide findings, domains (web UI)
void AddAccessRoutes(RouteTable* routes);      // access requests, approvals, grants, revocations
void AddDiffRoutes(RouteTable* routes);        // what publishing a descriptor would change
// Service levels, incidents, consumer reports, notifications.
void AddSlaRoutes(RouteTable* routes);
// Usage and billing, maturity, doctor.
void AddUsageRoutes(RouteTable* routes);
// Every route group above: what ApiServer serves and what the OpenAPI test checks.
void AddAllApiRoutes(RouteTable* routes, const Metrics* metrics);

}  // namespace mesh::server
