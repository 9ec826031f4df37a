// mesh access request|approve|deny|grant|revoke|list: who may read which product's data
// (docs/access.md). `--as PERSON` names who acts: the CLI trusts the local user, like git does;
// the server takes the person from a token instead. Every change and every refusal is audited.
// Exit codes: 0 done, 1 refused (not allowed, already decided or revoked), 2 usage or input
// error (unknown product, person, team or level, missing purpose or reason).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "access/access_json.h"
#include "access/access_service.h"
#include "cli/access_context.h"
#include "cli/verb.h"

namespace mesh::cli {
namespace {

using Json = nlohmann::ordered_json;

struct AccessOptions {
  std::string person;  // --as
  std::string product;
  int64_t id = 0;
  std::string team;
  std::string level;
  bool pii = false;
  std::string purpose;
  std::string expires;
  std::string note;
  std::string status;
  bool all = false;
  bool json = false;
  StoreOptions stores;
};

Json GrantJson(const GrantRecord& grant, Timestamp now) { return access::GrantJson(grant, now); }

Json RequestJson(const AccessRequestRecord& request) { return access::AccessRequestJson(request); }

std::string GrantLine(const GrantRecord& grant, Timestamp now) {
  std::string state = grant.revoked_at      ? "revoked by " + grant.revoked_by
                      : grant.IsActive(now) ? "active"
                                            : "expired";
  return "grant " + std::to_string(grant.id) + "  " + grant.product + " -> " + grant.team + "  " +
         grant.level + (grant.pii ? " +pii" : "") + "  " + state + "  expires " +
         (grant.expires_at ? FormatTimestamp(*grant.expires_at) : std::string("never")) + "  by " +
         grant.granted_by;
}

std::string RequestLine(const AccessRequestRecord& request) {
  std::string line = "request " + std::to_string(request.id) + "  " + request.product + " for " +
                     request.team + " by " + request.person + "  " + request.level +
                     (request.pii ? " +pii" : "") + "  " +
                     std::string(AccessRequestStatusName(request.status));
  if (!request.decided_by.empty()) line += " by " + request.decided_by;
  line += "\n  purpose: " + request.purpose;
  if (!request.decision_note.empty()) line += "\n  note: " + request.decision_note;
  return line;
}

int Fail(const Status& status) {
  std::cerr << "mesh access: " << status.message() << "\n";
  return AccessExitCode(status);
}

// Opens the context and builds the acting principal from --as.
struct Acting {
  std::unique_ptr<AccessContext> context;
  access::Principal who;
  std::unique_ptr<access::AccessService> service;
};

Result<Acting> Act(const GlobalOptions& global, const AccessOptions& options) {
  Acting acting;
  ASSIGN_OR_RAISE(acting.context, OpenAccessContext(global, options.stores));
  AccessContext& c = *acting.context;
  ASSIGN_OR_RAISE(acting.who, c.authorizer->PrincipalFor(options.person));
  acting.service =
      std::make_unique<access::AccessService>(c.authorizer.get(), c.catalog.get(), c.clock.get());
  return acting;
}

Result<std::optional<Timestamp>> Expiry(const AccessOptions& options, const AccessContext& c) {
  if (options.expires.empty()) return std::optional<Timestamp>();
  ASSIGN_OR_RAISE(Timestamp at, ParseExpiry(options.expires, c.clock->Now(), "--expires"));
  return std::optional<Timestamp>(at);
}

int PrintRequest(const AccessRequestRecord& request, const AccessOptions& options,
                 std::string_view verb) {
  if (options.json) {
    std::cout << RequestJson(request).dump(2) << "\n";
  } else {
    std::cout << verb << " " << RequestLine(request) << "\n";
  }
  return kExitOk;
}

int PrintGrant(const GrantRecord& grant, const AccessOptions& options, Timestamp now,
               std::string_view verb) {
  if (options.json) {
    std::cout << GrantJson(grant, now).dump(2) << "\n";
  } else {
    std::cout << verb << " " << GrantLine(grant, now) << "\n";
  }
  return kExitOk;
}

int RunRequest(const GlobalOptions& global, const AccessOptions& options) {
  Result<Acting> acting = Act(global, options);
  if (!acting.ok()) return Fail(acting.status());
  access::AccessRequestInput input;
  input.product = options.product;
  if (!options.team.empty()) input.team = options.team;
  input.purpose = options.purpose;
  if (!options.level.empty()) input.level = options.level;
  input.pii = options.pii;
  Result<AccessRequestRecord> request = acting->service->Request(acting->who, input);
  if (!request.ok()) return Fail(request.status());
  return PrintRequest(*request, options, "recorded");
}

int RunDecide(const GlobalOptions& global, const AccessOptions& options, bool approve) {
  Result<Acting> acting = Act(global, options);
  if (!acting.ok()) return Fail(acting.status());
  Result<std::optional<Timestamp>> expires = Expiry(options, *acting->context);
  if (!expires.ok()) return Fail(expires.status());
  Result<AccessRequestRecord> decided =
      approve ? acting->service->Approve(acting->who, options.id, *expires, options.note)
              : acting->service->Deny(acting->who, options.id, options.note);
  if (!decided.ok()) return Fail(decided.status());
  PrintRequest(*decided, options, approve ? "approved" : "denied");
  if (approve && decided->grant_id && !options.json) {
    Result<GrantRecord> grant = acting->context->catalog->GetGrant(*decided->grant_id);
    if (grant.ok()) std::cout << "  " << GrantLine(*grant, acting->context->clock->Now()) << "\n";
  }
  return kExitOk;
}

int RunGrant(const GlobalOptions& global, const AccessOptions& options) {
  Result<Acting> acting = Act(global, options);
  if (!acting.ok()) return Fail(acting.status());
  Result<std::optional<Timestamp>> expires = Expiry(options, *acting->context);
  if (!expires.ok()) return Fail(expires.status());
  access::GrantInput input{options.product, options.team, options.level, options.pii, *expires};
  Result<GrantRecord> grant = acting->service->Grant(acting->who, input);
  if (!grant.ok()) return Fail(grant.status());
  return PrintGrant(*grant, options, acting->context->clock->Now(), "recorded");
}

int RunRevoke(const GlobalOptions& global, const AccessOptions& options) {
  Result<Acting> acting = Act(global, options);
  if (!acting.ok()) return Fail(acting.status());
  Result<GrantRecord> grant = acting->service->Revoke(acting->who, options.id, options.note);
  if (!grant.ok()) return Fail(grant.status());
  return PrintGrant(*grant, options, acting->context->clock->Now(), "revoked");
}

int RunList(const GlobalOptions& global, const AccessOptions& options) {
  Result<std::unique_ptr<AccessContext>> context = OpenAccessContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  AccessContext& c = **context;
  const Timestamp now = c.clock->Now();
  GrantFilter grant_filter;
  AccessRequestFilter request_filter;
  if (!options.product.empty()) grant_filter.product = request_filter.product = options.product;
  if (!options.team.empty()) grant_filter.team = request_filter.team = options.team;
  grant_filter.include_revoked = options.all;
  if (!options.status.empty()) {
    request_filter.status = ParseAccessRequestStatus(options.status);
    if (!request_filter.status) {
      return Fail(Status::InvalidArgument("--status '" + options.status +
                                          "': use pending, approved or denied"));
    }
  } else if (!options.all) {
    request_filter.status = AccessRequestStatus::kPending;
  }
  Result<std::vector<GrantRecord>> grants = c.catalog->ListGrants(grant_filter);
  if (!grants.ok()) return Fail(grants.status());
  Result<std::vector<AccessRequestRecord>> requests = c.catalog->ListAccessRequests(request_filter);
  if (!requests.ok()) return Fail(requests.status());
  std::erase_if(*grants, [&](const GrantRecord& g) { return !options.all && !g.IsActive(now); });
  if (options.json) {
    Json json{{"grants", Json::array()}, {"requests", Json::array()}};
    for (const GrantRecord& grant : *grants) json["grants"].push_back(GrantJson(grant, now));
    for (const AccessRequestRecord& request : *requests) {
      json["requests"].push_back(RequestJson(request));
    }
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const GrantRecord& grant : *grants) std::cout << GrantLine(grant, now) << "\n";
  for (const AccessRequestRecord& request : *requests) std::cout << RequestLine(request) << "\n";
  if (grants->empty() && requests->empty()) {
    std::cout << (options.all ? "no grants and no requests\n"
                              : "no active grants and no pending requests\n");
  }
  return kExitOk;
}

void AddAs(CLI::App* command, AccessOptions* options) {
  command->add_option("--as", options->person, "Who acts: a person of mesh.yaml")->required();
  command->add_flag("--json", options->json, "Print the record as JSON (docs/cli.md)");
  AddStoreOptions(command, &options->stores);
}

void SetupAccess(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "access", "Request, approve, deny, grant, revoke and list access to products' data");
  command->require_subcommand(1);
  auto o = std::make_shared<AccessOptions>();

  CLI::App* request = command->add_subcommand(
      "request", "Ask the owners of a product for access to its data, saying why");
  request->add_option("product", o->product, "The product")->required();
  request->add_option("--purpose", o->purpose, "Why the data is needed")->required();
  request->add_option("--team", o->team, "For which of your teams (default: your only team)");
  request->add_option("--level", o->level,
                      "Up to which classification level (default: what reading every field "
                      "needs)");
  request->add_flag("--pii", o->pii, "Also ask for the fields tagged pii");
  AddAs(request, o.get());
  request->callback([&global, o, exit_code] { *exit_code = RunRequest(global, *o); });

  CLI::App* approve = command->add_subcommand(
      "approve", "Approve a pending request (owners of the product, or an admin)");
  approve->add_option("id", o->id, "The request's id (mesh access list)")->required();
  approve->add_option("--expires", o->expires,
                      "When the grant ends: 90d, a date or an instant (default: 90d for "
                      "restricted, never otherwise)");
  approve->add_option("--note", o->note, "A remark kept with the decision");
  AddAs(approve, o.get());
  approve->callback([&global, o, exit_code] { *exit_code = RunDecide(global, *o, true); });

  CLI::App* deny = command->add_subcommand("deny", "Deny a pending request, saying why");
  deny->add_option("id", o->id, "The request's id (mesh access list)")->required();
  deny->add_option("--reason", o->note, "Why it is denied")->required();
  AddAs(deny, o.get());
  deny->callback([&global, o, exit_code] { *exit_code = RunDecide(global, *o, false); });

  CLI::App* grant = command->add_subcommand(
      "grant", "Grant a team a product's data up to a level below restricted");
  grant->add_option("product", o->product, "The product")->required();
  grant->add_option("--team", o->team, "The team that may read")->required();
  grant->add_option("--level", o->level, "Up to which classification level")->required();
  grant->add_flag("--pii", o->pii, "Also the fields tagged pii up to that level");
  grant->add_option("--expires", o->expires, "When it ends: 90d, a date or an instant");
  AddAs(grant, o.get());
  grant->callback([&global, o, exit_code] { *exit_code = RunGrant(global, *o); });

  CLI::App* revoke = command->add_subcommand("revoke", "Revoke a grant");
  revoke->add_option("id", o->id, "The grant's id (mesh access list)")->required();
  revoke->add_option("--reason", o->note, "Why (kept in the audit log)");
  AddAs(revoke, o.get());
  revoke->callback([&global, o, exit_code] { *exit_code = RunRevoke(global, *o); });

  CLI::App* list = command->add_subcommand(
      "list", "List active grants and pending requests (--all: every grant and request)");
  list->add_option("--product", o->product, "Only this product");
  list->add_option("--team", o->team, "Only this team");
  list->add_option("--status", o->status, "Only requests with this status");
  list->add_flag("--all", o->all, "Also revoked and expired grants and decided requests");
  list->add_flag("--json", o->json, "Print {grants: [...], requests: [...]}");
  AddStoreOptions(list, &o->stores);
  list->callback([&global, o, exit_code] { *exit_code = RunList(global, *o); });
  command->footer(
      "Time comes from MESH_NOW when set.\nExit codes: 0 done, 1 refused (not an owner, own "
      "request, restricted without a request, already decided or revoked), 2 usage or input "
      "error (unknown product, person, team or level; no purpose or reason; no workspace).");
}

}  // namespace

MESH_REGISTER_VERB("access", 70, SetupAccess);

}  // namespace mesh::cli
