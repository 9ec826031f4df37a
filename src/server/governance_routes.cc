// The mesh as governance sees it, for the web UI's governance and domain pages: lint findings of
// every descriptor and policy in the served workspace (what `mesh lint` reports), and each domain
// with its owners, policy file and health. Computed from the workspace on each request (a few
// milliseconds for a mesh of dozens of products). Any valid token may read them.
#include <map>
#include <set>

#include "governance/governance.h"
#include "governance/policy_loader.h"
#include "server/api_json.h"
#include "server/api_routes.h"
#include "server/request_context.h"

namespace mesh::server {
namespace {

using Json = nlohmann::ordered_json;

struct MeshLint {
  WorkspaceContents contents;
  governance::LoadedPolicies policies;
  std::vector<Finding> findings;
  std::map<std::string, std::string, std::less<>> domain_of_file;  // descriptor and policy files
};

Result<MeshLint> LintServedWorkspace(const RequestContext& context) {
  const Workspace& workspace = *context.services().workspace;
  MeshLint lint;
  ASSIGN_OR_RAISE(lint.contents, workspace.Load());
  ASSIGN_OR_RAISE(lint.policies, governance::LoadPolicies(workspace.fs(), workspace.root()));
  lint.findings = lint.contents.findings;
  lint.findings.insert(lint.findings.end(), lint.policies.findings.begin(),
                       lint.policies.findings.end());
  if (lint.contents.org) {
    governance::GovernanceInput input;
    input.org = &*lint.contents.org;
    std::set<std::string_view> names;
    for (const Descriptor& descriptor : lint.contents.descriptors) {
      if (!descriptor.name.empty() && names.insert(descriptor.name).second) {
        input.products.push_back(&descriptor);
      }
    }
    input.global_policy = lint.policies.global ? &*lint.policies.global : nullptr;
    input.domain_policies = lint.policies.domains;
    input.now = context.services().clock->Now();
    std::vector<Finding> governed = governance::Govern(input);
    lint.findings.insert(lint.findings.end(), governed.begin(), governed.end());
  }
  SortFindings(&lint.findings);
  for (const Descriptor& descriptor : lint.contents.descriptors) {
    lint.domain_of_file[descriptor.file] = descriptor.domain;
  }
  for (const governance::Policy& policy : lint.policies.domains) {
    lint.domain_of_file[policy.file] = policy.domain;
  }
  return lint;
}

std::string DomainOf(const MeshLint& lint, const std::string& file) {
  auto it = lint.domain_of_file.find(file);
  return it == lint.domain_of_file.end() ? "" : it->second;
}

void ListFindings(RequestContext& context) {
  Result<MeshLint> lint = LintServedWorkspace(context);
  if (!lint.ok()) return context.Fail(lint.status());
  Json findings = Json::array();
  for (const Finding& finding : lint->findings) {
    Json json = FindingJson(finding);
    json["domain"] = DomainOf(*lint, finding.file);
    const Descriptor* descriptor = lint->contents.FindByFile(finding.file);
    json["product"] = descriptor ? descriptor->name : "";
    findings.push_back(std::move(json));
  }
  context.Json(200, {{"files_checked", lint->contents.files.size()}, {"findings", findings}});
}

Json FindingCounts(const MeshLint& lint, std::string_view domain) {
  Json counts = {{"error", 0}, {"warn", 0}, {"info", 0}};
  for (const Finding& finding : lint.findings) {
    if (DomainOf(lint, finding.file) != domain) continue;
    const std::string severity(SeverityName(finding.severity));
    counts[severity] = counts.value(severity, 0) + 1;
  }
  return counts;
}

Result<int64_t> PublishedCount(const RequestContext& context, const std::string& domain) {
  ProductFilter filter;
  filter.domain = domain;
  ASSIGN_OR_RAISE(std::vector<ProductRecord> products,
                  context.services().catalog->ListProducts(filter));
  int64_t published = 0;
  for (const ProductRecord& product : products) published += product.current_snapshot > 0;
  return published;
}

Result<Json> DomainJson(const RequestContext& context, const MeshLint& lint, const Domain& domain,
                        bool with_policy) {
  Json json;
  json["id"] = domain.id;
  json["description"] = domain.description;
  json["owners"] = domain.owners;
  int64_t declared = 0;
  for (const Descriptor& descriptor : lint.contents.descriptors)
    declared += descriptor.domain == domain.id;
  ASSIGN_OR_RAISE(int64_t published, PublishedCount(context, domain.id));
  json["health"] = {{"products", declared},
                    {"published", published},
                    {"findings", FindingCounts(lint, domain.id)}};
  if (!with_policy) return json;
  json["policy"] = nullptr;
  for (const governance::Policy& policy : lint.policies.domains) {
    if (policy.domain != domain.id) continue;
    const Workspace& workspace = *context.services().workspace;
    ASSIGN_OR_RAISE(std::string text,
                    workspace.fs().ReadFile(workspace.root() + "/" + policy.file, 1 << 20));
    json["policy"] = {{"file", policy.file}, {"text", text}};
  }
  return json;
}

void ListDomains(RequestContext& context) {
  Result<MeshLint> lint = LintServedWorkspace(context);
  if (!lint.ok()) return context.Fail(lint.status());
  Json domains = Json::array();
  if (lint->contents.org) {
    for (const Domain& domain : lint->contents.org->domains) {
      Result<Json> json = DomainJson(context, *lint, domain, false);
      if (!json.ok()) return context.Fail(json.status());
      domains.push_back(std::move(*json));
    }
  }
  context.Json(200, domains);
}

void ShowDomain(RequestContext& context) {
  Result<MeshLint> lint = LintServedWorkspace(context);
  if (!lint.ok()) return context.Fail(lint.status());
  const Domain* domain =
      lint->contents.org ? lint->contents.org->FindDomain(context.Param("id")) : nullptr;
  if (domain == nullptr) {
    return context.Fail(Status::NotFound("no domain '" + context.Param("id") + "' in mesh.yaml"));
  }
  Result<Json> json = DomainJson(context, *lint, *domain, true);
  if (!json.ok()) return context.Fail(json.status());
  context.Json(200, *json);
}

Route Get(std::string pattern, RouteHandler handler, std::string summary) {
  Route route;
  route.method = "GET";
  route.pattern = std::move(pattern);
  route.permission = access::Permission::kAuthenticated;
  route.handler = std::move(handler);
  route.summary = std::move(summary);
  return route;
}

}  // namespace

void AddGovernanceRoutes(RouteTable* routes) {
  routes->Add(Get("/api/v1/governance/findings", ListFindings,
                  "Lint findings of every descriptor and policy of the mesh"));
  routes->Add(Get("/api/v1/domains", ListDomains, "Domains with their owners and health"));
  routes->Add(Get("/api/v1/domains/{id}", ShowDomain, "A domain: owners, policy and health"));
}

}  // namespace mesh::server
