// What publishing a descriptor would change, over HTTP: the body is the descriptor's YAML, judged
// like `mesh diff` judges a local file (the server's workspace with the uploaded text standing
// in for the product's file, its policies' taxonomy, the catalog's current version) by the same
// PlanVersion the publish gate uses. Nothing is written. The answer is `mesh diff --json`'s.
#include "governance/effective_policy.h"
#include "governance/policy_loader.h"
#include "model/descriptor_parser.h"
#include "publish/version_plan_json.h"
#include "server/api_routes.h"
#include "server/request_context.h"
#include "server/upload_workspace.h"

namespace mesh::server {
namespace {

// The whole body, up to the route's limit.
Result<std::string> ReadText(RequestContext& context) {
  std::string text;
  bool too_large = false;
  const size_t limit = context.route().max_body_bytes;
  if (context.body() != nullptr) {
    const bool read = (*context.body())([&](const char* data, size_t length) {
      too_large = text.size() + length > limit;
      if (!too_large) text.append(data, length);
      return !too_large;
    });
    if (too_large) {
      return Status::ResourceExhausted("the descriptor is larger than " + std::to_string(limit) +
                                       " bytes");
    }
    if (!read) return Status::InvalidArgument("the request body could not be read");
  }
  if (text.empty()) return Status::InvalidArgument("send the descriptor's YAML as the body");
  return text;
}

// The uploaded descriptor as the server's workspace sees it; InvalidArgument quoting its errors.
Result<Descriptor> LoadProposed(const RequestContext& context, std::string text,
                                Workspace* workspace) {
  FindingSink sink("descriptor");
  std::optional<Descriptor> parsed = ParseDescriptorText(text, "descriptor", &sink);
  if (!parsed || parsed->name.empty() || parsed->domain.empty()) {
    return Status::InvalidArgument("the body is not a descriptor with a name and a domain");
  }
  if (parsed->name != context.Param("name")) {
    return Status::InvalidArgument("the descriptor names '" + parsed->name + "', the path '" +
                                   context.Param("name") + "'");
  }
  ASSIGN_OR_RAISE(UploadWorkspace upload,
                  WorkspaceWithUpload(*context.services().workspace, parsed->name, parsed->domain,
                                      std::move(text)));
  *workspace = std::move(upload.workspace);
  ASSIGN_OR_RAISE(WorkspaceContents contents, workspace->Load({upload.descriptor_file}));
  std::string errors;
  for (const Finding& finding : contents.findings) {
    if (finding.severity == Severity::kError && finding.file == upload.descriptor_file) {
      errors += (errors.empty() ? "" : "; ") + finding.ToString();
    }
  }
  const Descriptor* descriptor = contents.FindByFile(upload.descriptor_file);
  if (descriptor == nullptr || !errors.empty()) {
    return Status::InvalidArgument("the descriptor has errors (fix them with mesh validate): " +
                                   errors);
  }
  return *descriptor;
}

Result<nlohmann::ordered_json> Diff(RequestContext& context) {
  ASSIGN_OR_RAISE(std::string text, ReadText(context));
  Workspace workspace = *context.services().workspace;
  ASSIGN_OR_RAISE(Descriptor proposed, LoadProposed(context, std::move(text), &workspace));
  ASSIGN_OR_RAISE(governance::LoadedPolicies policies,
                  governance::LoadPolicies(workspace.fs(), workspace.root()));
  VersionCheckOptions options;
  options.diff.classification_levels =
      governance::ResolveGlobalPolicy(policies.global ? &*policies.global : nullptr)
          .classification_levels;
  ASSIGN_OR_RAISE(VersionPlan plan, PlanVersion(*context.services().catalog, proposed, options));
  return VersionPlanJson(proposed, plan);
}

void DiffProduct(RequestContext& context) {
  Result<nlohmann::ordered_json> diff = Diff(context);
  if (!diff.ok()) return context.Fail(diff.status());
  context.Json(200, *diff);
}

}  // namespace

void AddDiffRoutes(RouteTable* routes) {
  Route diff;
  diff.method = "POST";
  diff.pattern = "/api/v1/products/{name}/diff";
  diff.permission = access::Permission::kAuthenticated;
  diff.max_body_bytes = 1 << 20;
  diff.handler = DiffProduct;
  diff.summary = "What publishing the descriptor in the body would change (mesh diff)";
  routes->Add(std::move(diff));
}

}  // namespace mesh::server
