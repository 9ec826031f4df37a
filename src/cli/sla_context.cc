#include "cli/sla_context.h"

#include <iostream>

#include "cli/workspace_option.h"
#include "model/descriptor_parser.h"
#include "model/organisation_parser.h"
#include "sla/notifier.h"
#include "sla/sla_actions.h"

namespace mesh::cli {

Result<SlaContext> OpenSlaContext(const GlobalOptions& global, const StoreOptions& stores) {
  SlaContext context;
  ASSIGN_OR_RAISE(context.clock, ClockFromEnvironment());
  ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
  context.workspace = std::make_unique<Workspace>(std::move(workspace));
  std::string file(kOrganisationFile);
  ASSIGN_OR_RAISE(std::string text,
                  context.workspace->fs().ReadFile(context.workspace->PathOf(file)));
  FindingSink sink(file);
  std::optional<Organisation> org = ParseOrganisationText(text, file, &sink);
  if (!org || sink.HasErrors()) {
    std::string first = sink.findings().empty() ? "" : ": " + sink.findings()[0].message;
    return Status::InvalidArgument(file + " has errors" + first + " (run `mesh validate`)");
  }
  context.org = std::move(*org);
  ASSIGN_OR_RAISE(context.catalog, OpenVerbCatalog(stores, *context.workspace));
  return context;
}

Status RequirePerson(const SlaContext& context, const std::string& person) {
  if (person.empty()) return Status::InvalidArgument("say who you are with --as PERSON");
  if (context.org.HasPerson(person)) return Status::OK();
  return Status::InvalidArgument("'" + person + "' is not a member of any team in " +
                                 std::string(kOrganisationFile) + ": add them to a team's members");
}

Status RequireOwner(const SlaContext& context, const ProductRecord& product,
                    const std::string& person, std::string_view action) {
  RETURN_NOT_OK(RequirePerson(context, person));
  if (context.org.IsMember(person, product.owner)) return Status::OK();
  return Status::PermissionDenied("'" + person + "' may not " + std::string(action) + ": only " +
                                  "members of " + product.name + "'s owning team '" +
                                  product.owner + "' (mesh.yaml) may");
}

AuditEntry PersonAudit(const SlaContext& context, const std::string& person, std::string action,
                       std::string target, std::string details) {
  AuditEntry audit;
  audit.at = context.clock->Now();
  audit.actor = person;
  audit.action = std::move(action);
  audit.target = std::move(target);
  audit.outcome = "ok";
  audit.details = std::move(details);
  return audit;
}

Result<std::string> SupportOf(Catalog& catalog, const std::string& product) {
  ASSIGN_OR_RAISE(VersionRecord version, catalog.GetVersion(product, VersionSelector{}));
  FindingSink sink(version.Ref());
  std::optional<Descriptor> descriptor =
      ParseDescriptorText(version.descriptor_yaml, version.Ref(), &sink);
  if (!descriptor || !descriptor->support) return std::string();
  std::vector<std::string> parts;
  const Support& support = *descriptor->support;
  if (support.channel) parts.push_back("channel " + *support.channel);
  if (support.email) parts.push_back("email " + *support.email);
  if (support.issues_url) parts.push_back("issues " + *support.issues_url);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

Result<std::vector<std::string>> TeamsOfProduct(Catalog& catalog, const ProductRecord& product) {
  return sla::TeamsOfProduct(catalog, product);
}

void DeliverWebhooksNow(const SlaContext& context) {
  std::unique_ptr<sla::WebhookSender> sender = sla::MakeHttpWebhookSender();
  Result<sla::DeliveryRun> run =
      sla::DeliverPendingWebhooks(*context.catalog, *sender, *context.clock);
  if (!run.ok()) {
    std::cerr << "webhooks: " << run.status().message() << " (retried at the next tick)\n";
    return;
  }
  for (const std::string& failure : run->failures) {
    std::cerr << failure << " (kept; retried at the next tick)\n";
  }
}

int FailWith(std::string_view verb, const Status& status) {
  std::cerr << "mesh " << verb << ": " << status.message() << "\n";
  bool refused = status.code() == StatusCode::kPermissionDenied ||
                 status.code() == StatusCode::kFailedPrecondition;
  return refused ? kExitFindings : kExitUsage;
}

}  // namespace mesh::cli
