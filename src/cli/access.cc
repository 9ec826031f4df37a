// mesh access request|approve|deny|grant|revoke|list: who may read which product's data
// (docs/access.md). Locally `--as PERSON` names who acts: the CLI trusts the local user, like git
// does. In client mode (--server URL or MESH_SERVER) a `mesh serve` does the same operations as
// the person of MESH_TOKEN and the verb prints its answers exactly as local mode would. Every
// change and every refusal is audited. Exit codes: 0 done, 1 refused (not allowed, already
// decided or revoked), 2 usage or input error (unknown product, person, team or level, missing
// purpose or reason, a token the server does not accept, a server that cannot be reached).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "access/access_json.h"
#include "access/access_service.h"
#include "cli/access_context.h"
#include "cli/server_option.h"
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
  RemoteOptions remote;
};

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

int Fail(const Status& status, bool remote) {
  std::cerr << "mesh access: " << status.message() << "\n";
  // A token the server does not accept is an input error, as in every verb's client mode.
  if (remote && status.code() == StatusCode::kUnauthenticated) return kExitUsage;
  return AccessExitCode(status);
}

// The access operations, done here (the AccessService on the local catalog, acting as --as) or
// by a `mesh serve` (acting as the token's person). Both judge and audit the same way; only
// where the rules run differs.
class AccessOperations {
 public:
  virtual ~AccessOperations() = default;
  virtual Timestamp Now() const = 0;
  virtual Result<AccessRequestRecord> Request(const access::AccessRequestInput& input) = 0;
  // `expires` as --expires takes it; empty: the default for the level.
  virtual Result<AccessRequestRecord> Decide(int64_t id, bool approve, const std::string& expires,
                                             const std::string& note) = 0;
  virtual Result<GrantRecord> Grant(const client::GrantAsked& grant) = 0;
  virtual Result<GrantRecord> Revoke(int64_t id, const std::string& reason) = 0;
  virtual Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) = 0;
  virtual Result<std::vector<AccessRequestRecord>> ListRequests(
      const AccessRequestFilter& filter) = 0;
};

class LocalAccess final : public AccessOperations {
 public:
  // `needs_person`: the verb acts (every verb but list), so --as must name a person.
  static Result<std::unique_ptr<LocalAccess>> Open(const GlobalOptions& global,
                                                   const AccessOptions& options,
                                                   bool needs_person) {
    if (needs_person && options.person.empty()) {
      return Status::InvalidArgument(
          "say who acts: --as PERSON (a person of mesh.yaml), or --server URL with that "
          "person's MESH_TOKEN");
    }
    auto local = std::unique_ptr<LocalAccess>(new LocalAccess());
    ASSIGN_OR_RAISE(local->context_, OpenAccessContext(global, options.stores));
    AccessContext& c = *local->context_;
    if (needs_person) {
      ASSIGN_OR_RAISE(local->who_, c.authorizer->PrincipalFor(options.person));
    }
    local->service_ =
        std::make_unique<access::AccessService>(c.authorizer.get(), c.catalog.get(), c.clock.get());
    return local;
  }

  Timestamp Now() const override { return context_->clock->Now(); }
  Result<AccessRequestRecord> Request(const access::AccessRequestInput& input) override {
    return service_->Request(who_, input);
  }
  Result<AccessRequestRecord> Decide(int64_t id, bool approve, const std::string& expires,
                                     const std::string& note) override {
    if (!approve) return service_->Deny(who_, id, note);
    ASSIGN_OR_RAISE(std::optional<Timestamp> until, Expiry(expires));
    return service_->Approve(who_, id, until, note);
  }
  Result<GrantRecord> Grant(const client::GrantAsked& grant) override {
    ASSIGN_OR_RAISE(std::optional<Timestamp> until, Expiry(grant.expires));
    return service_->Grant(who_, {grant.product, grant.team, grant.level, grant.pii, until});
  }
  Result<GrantRecord> Revoke(int64_t id, const std::string& reason) override {
    return service_->Revoke(who_, id, reason);
  }
  Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) override {
    return context_->catalog->ListGrants(filter);
  }
  Result<std::vector<AccessRequestRecord>> ListRequests(
      const AccessRequestFilter& filter) override {
    return context_->catalog->ListAccessRequests(filter);
  }

 private:
  LocalAccess() = default;
  Result<std::optional<Timestamp>> Expiry(const std::string& text) const {
    if (text.empty()) return std::optional<Timestamp>();
    ASSIGN_OR_RAISE(Timestamp at, ParseExpiry(text, Now(), "--expires"));
    return std::optional<Timestamp>(at);
  }

  std::unique_ptr<AccessContext> context_;
  access::Principal who_;
  std::unique_ptr<access::AccessService> service_;
};

class RemoteAccess final : public AccessOperations {
 public:
  static Result<std::unique_ptr<RemoteAccess>> Open(const std::string& server,
                                                    const AccessOptions& options) {
    auto remote = std::unique_ptr<RemoteAccess>(new RemoteAccess());
    ASSIGN_OR_RAISE(remote->clock_, ClockFromEnvironment());
    ASSIGN_OR_RAISE(remote->client_, OpenVerbClient(server));
    // The server takes the person from the token; --as, when given, must be that person. (A
    // token it does not accept is refused by the operation itself, with the same message.)
    if (!options.person.empty()) {
      RETURN_NOT_OK(RemotePerson(*remote->client_, options.person).status());
    }
    return remote;
  }

  Timestamp Now() const override { return clock_->Now(); }
  Result<AccessRequestRecord> Request(const access::AccessRequestInput& input) override {
    return client_->RequestAccess(input);
  }
  Result<AccessRequestRecord> Decide(int64_t id, bool approve, const std::string& expires,
                                     const std::string& note) override {
    return approve ? client_->ApproveRequest(id, expires, note) : client_->DenyRequest(id, note);
  }
  Result<GrantRecord> Grant(const client::GrantAsked& grant) override {
    return client_->Grant(grant);
  }
  Result<GrantRecord> Revoke(int64_t id, const std::string& reason) override {
    return client_->RevokeGrant(id, reason);
  }
  Result<std::vector<GrantRecord>> ListGrants(const GrantFilter& filter) override {
    return client_->ListGrants(filter);
  }
  Result<std::vector<AccessRequestRecord>> ListRequests(
      const AccessRequestFilter& filter) override {
    return client_->ListAccessRequests(filter);
  }

 private:
  RemoteAccess() = default;
  std::shared_ptr<Clock> clock_;
  std::unique_ptr<client::MeshClient> client_;
};

// The operations of the server the verb talks to (--server, MESH_SERVER), or the local ones.
// `*remote` tells which, also when opening fails (for the exit code).
Result<std::unique_ptr<AccessOperations>> OpenOperations(const GlobalOptions& global,
                                                         const AccessOptions& options,
                                                         bool needs_person, bool* remote) {
  ASSIGN_OR_RAISE(std::optional<std::string> server, ChosenServer(options.remote, options.stores));
  *remote = server.has_value();
  if (server) {
    ASSIGN_OR_RAISE(std::unique_ptr<RemoteAccess> operations, RemoteAccess::Open(*server, options));
    return std::unique_ptr<AccessOperations>(std::move(operations));
  }
  ASSIGN_OR_RAISE(std::unique_ptr<LocalAccess> operations,
                  LocalAccess::Open(global, options, needs_person));
  return std::unique_ptr<AccessOperations>(std::move(operations));
}

int PrintRequest(const AccessRequestRecord& request, const AccessOptions& options,
                 std::string_view verb) {
  if (options.json) {
    std::cout << access::AccessRequestJson(request).dump(2) << "\n";
  } else {
    std::cout << verb << " " << RequestLine(request) << "\n";
  }
  return kExitOk;
}

int PrintGrant(const GrantRecord& grant, const AccessOptions& options, Timestamp now,
               std::string_view verb) {
  if (options.json) {
    std::cout << access::GrantJson(grant, now).dump(2) << "\n";
  } else {
    std::cout << verb << " " << GrantLine(grant, now) << "\n";
  }
  return kExitOk;
}

int RunRequest(const GlobalOptions& global, const AccessOptions& options) {
  bool remote = false;
  Result<std::unique_ptr<AccessOperations>> operations =
      OpenOperations(global, options, true, &remote);
  if (!operations.ok()) return Fail(operations.status(), remote);
  access::AccessRequestInput input;
  input.product = options.product;
  if (!options.team.empty()) input.team = options.team;
  input.purpose = options.purpose;
  if (!options.level.empty()) input.level = options.level;
  input.pii = options.pii;
  Result<AccessRequestRecord> request = (*operations)->Request(input);
  if (!request.ok()) return Fail(request.status(), remote);
  return PrintRequest(*request, options, "recorded");
}

// The grant an approval created, for its second line.
std::optional<GrantRecord> GrantOf(AccessOperations& access, const AccessRequestRecord& request) {
  GrantFilter filter;
  filter.product = request.product;
  filter.team = request.team;
  filter.include_revoked = true;
  Result<std::vector<GrantRecord>> grants = access.ListGrants(filter);
  if (!grants.ok()) return std::nullopt;
  for (GrantRecord& grant : *grants) {
    if (grant.id == *request.grant_id) return std::move(grant);
  }
  return std::nullopt;
}

int RunDecide(const GlobalOptions& global, const AccessOptions& options, bool approve) {
  bool remote = false;
  Result<std::unique_ptr<AccessOperations>> operations =
      OpenOperations(global, options, true, &remote);
  if (!operations.ok()) return Fail(operations.status(), remote);
  AccessOperations& access = **operations;
  Result<AccessRequestRecord> decided =
      access.Decide(options.id, approve, approve ? options.expires : "", options.note);
  if (!decided.ok()) return Fail(decided.status(), remote);
  PrintRequest(*decided, options, approve ? "approved" : "denied");
  if (approve && decided->grant_id && !options.json) {
    std::optional<GrantRecord> grant = GrantOf(access, *decided);
    if (grant) std::cout << "  " << GrantLine(*grant, access.Now()) << "\n";
  }
  return kExitOk;
}

int RunGrant(const GlobalOptions& global, const AccessOptions& options) {
  bool remote = false;
  Result<std::unique_ptr<AccessOperations>> operations =
      OpenOperations(global, options, true, &remote);
  if (!operations.ok()) return Fail(operations.status(), remote);
  Result<GrantRecord> grant =
      (*operations)
          ->Grant({options.product, options.team, options.level, options.pii, options.expires});
  if (!grant.ok()) return Fail(grant.status(), remote);
  return PrintGrant(*grant, options, (*operations)->Now(), "recorded");
}

int RunRevoke(const GlobalOptions& global, const AccessOptions& options) {
  bool remote = false;
  Result<std::unique_ptr<AccessOperations>> operations =
      OpenOperations(global, options, true, &remote);
  if (!operations.ok()) return Fail(operations.status(), remote);
  Result<GrantRecord> grant = (*operations)->Revoke(options.id, options.note);
  if (!grant.ok()) return Fail(grant.status(), remote);
  return PrintGrant(*grant, options, (*operations)->Now(), "revoked");
}

int RunList(const GlobalOptions& global, const AccessOptions& options) {
  bool remote = false;
  Result<std::unique_ptr<AccessOperations>> operations =
      OpenOperations(global, options, false, &remote);
  if (!operations.ok()) return Fail(operations.status(), remote);
  AccessOperations& access = **operations;
  const Timestamp now = access.Now();
  GrantFilter grant_filter;
  AccessRequestFilter request_filter;
  if (!options.product.empty()) grant_filter.product = request_filter.product = options.product;
  if (!options.team.empty()) grant_filter.team = request_filter.team = options.team;
  grant_filter.include_revoked = options.all;
  if (!options.status.empty()) {
    request_filter.status = ParseAccessRequestStatus(options.status);
    if (!request_filter.status) {
      return Fail(Status::InvalidArgument("--status '" + options.status +
                                          "': use pending, approved or denied"),
                  remote);
    }
  } else if (!options.all) {
    request_filter.status = AccessRequestStatus::kPending;
  }
  Result<std::vector<GrantRecord>> grants = access.ListGrants(grant_filter);
  if (!grants.ok()) return Fail(grants.status(), remote);
  Result<std::vector<AccessRequestRecord>> requests = access.ListRequests(request_filter);
  if (!requests.ok()) return Fail(requests.status(), remote);
  std::erase_if(*grants, [&](const GrantRecord& g) { return !options.all && !g.IsActive(now); });
  if (options.json) {
    Json json{{"grants", Json::array()}, {"requests", Json::array()}};
    for (const GrantRecord& grant : *grants)
      json["grants"].push_back(access::GrantJson(grant, now));
    for (const AccessRequestRecord& request : *requests) {
      json["requests"].push_back(access::AccessRequestJson(request));
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
  command->add_option(
      "--as", options->person,
      "Who acts: a person of mesh.yaml (required locally; with --server the token's "
      "person acts, and --as, when given, must be that person)");
  command->add_flag("--json", options->json, "Print the record as JSON (docs/cli.md)");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
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
  AddServerOption(list, &o->remote);
  list->callback([&global, o, exit_code] { *exit_code = RunList(global, *o); });
  command->footer(
      "Time comes from MESH_NOW when set.\nClient mode: with --server URL (or MESH_SERVER) the "
      "server does the operation as the person of MESH_TOKEN; --as may be left out.\nExit codes: "
      "0 done, 1 refused (not an owner, own request, restricted without a request, already "
      "decided or revoked), 2 usage or input error (unknown product, person, team or level; no "
      "purpose or reason; no workspace; a token or server that does not answer).");
}

}  // namespace

MESH_REGISTER_VERB("access", 70, SetupAccess);

}  // namespace mesh::cli
