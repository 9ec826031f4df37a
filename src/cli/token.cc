// mesh token create --person P [--expires D] [--json] | mesh token revoke ID |
// mesh token list [--person P] [--json]: API tokens of people (docs/access.md). Local admin
// verbs: whoever can write the catalog runs them; the audit log names the actor "local-admin".
// The secret is printed once, at creation; the catalog keeps only its SHA-256.
// Exit codes: 0 done, 1 refused (already revoked), 2 usage or input error.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "access/catalog_token_service.h"
#include "cli/access_context.h"
#include "cli/verb.h"

namespace mesh::cli {
namespace {

constexpr std::string_view kLocalAdmin = "local-admin";

struct TokenOptions {
  std::string person;
  std::string expires;
  std::string id;
  bool json = false;
  StoreOptions stores;
};

nlohmann::ordered_json OptionalTime(const std::optional<Timestamp>& at) {
  return at ? nlohmann::ordered_json(FormatTimestamp(*at)) : nlohmann::ordered_json(nullptr);
}

std::string StateOf(const access::TokenInfo& token, Timestamp now) {
  if (token.revoked_at) return "revoked";
  if (token.expires_at && *token.expires_at <= now) return "expired";
  return "active";
}

int Fail(const Status& status) {
  std::cerr << "mesh token: " << status.message() << "\n";
  return AccessExitCode(status);
}

int RunCreate(const GlobalOptions& global, const TokenOptions& options) {
  Result<std::unique_ptr<AccessContext>> context = OpenAccessContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  AccessContext& c = **context;
  std::optional<Timestamp> expires;
  if (!options.expires.empty()) {
    Result<Timestamp> parsed = ParseExpiry(options.expires, c.clock->Now(), "--expires");
    if (!parsed.ok()) return Fail(parsed.status());
    expires = *parsed;
  }
  access::CatalogTokenService service(&c.organisation, c.catalog.get(), c.clock.get());
  Result<access::CreatedToken> created = service.Create(options.person, expires, kLocalAdmin);
  if (!created.ok()) return Fail(created.status());
  const access::TokenInfo& info = created->info;
  if (options.json) {
    nlohmann::ordered_json json{{"id", info.id},
                                {"person", info.person},
                                {"created_at", FormatTimestamp(info.created_at)},
                                {"expires_at", OptionalTime(info.expires_at)},
                                {"secret", created->secret}};
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "created token " << info.id << " for " << info.person << ", expires "
            << (info.expires_at ? FormatTimestamp(*info.expires_at) : std::string("never"))
            << "\nsecret (shown only now; give it to " << info.person
            << ", who sets MESH_TOKEN): " << created->secret << "\n";
  return kExitOk;
}

int RunRevoke(const GlobalOptions& global, const TokenOptions& options) {
  Result<std::unique_ptr<AccessContext>> context = OpenAccessContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  AccessContext& c = **context;
  access::CatalogTokenService service(&c.organisation, c.catalog.get(), c.clock.get());
  Status revoked = service.Revoke(options.id, kLocalAdmin);
  if (!revoked.ok()) return Fail(revoked);
  std::cout << "revoked token " << options.id << "\n";
  return kExitOk;
}

int RunList(const GlobalOptions& global, const TokenOptions& options) {
  Result<std::unique_ptr<AccessContext>> context = OpenAccessContext(global, options.stores);
  if (!context.ok()) return Fail(context.status());
  AccessContext& c = **context;
  access::CatalogTokenService service(&c.organisation, c.catalog.get(), c.clock.get());
  std::optional<std::string> person;
  if (!options.person.empty()) person = options.person;
  Result<std::vector<access::TokenInfo>> tokens = service.List(person);
  if (!tokens.ok()) return Fail(tokens.status());
  const Timestamp now = c.clock->Now();
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const access::TokenInfo& token : *tokens) {
      json.push_back({{"id", token.id},
                      {"person", token.person},
                      {"created_at", FormatTimestamp(token.created_at)},
                      {"expires_at", OptionalTime(token.expires_at)},
                      {"revoked_at", OptionalTime(token.revoked_at)},
                      {"state", StateOf(token, now)}});
    }
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const access::TokenInfo& token : *tokens) {
    std::cout << token.id << "  " << token.person << "  " << StateOf(token, now) << "  created "
              << FormatTimestamp(token.created_at) << "  expires "
              << (token.expires_at ? FormatTimestamp(*token.expires_at) : std::string("never"))
              << "\n";
  }
  if (tokens->empty()) std::cout << "no tokens\n";
  return kExitOk;
}

void SetupToken(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "token", "Create, revoke and list the API tokens people use with `mesh serve`");
  command->require_subcommand(1);
  auto options = std::make_shared<TokenOptions>();
  CLI::App* create = command->add_subcommand(
      "create", "Make a token for a person of mesh.yaml; its secret is shown once");
  create->add_option("--person", options->person, "Whose token (a person of mesh.yaml)")
      ->required();
  create->add_option("--expires", options->expires,
                     "When it stops working: 90d, 12h, 30m, a date or an instant (default: "
                     "never)");
  create->add_flag("--json", options->json, "Print {id, person, created_at, expires_at, secret}");
  AddStoreOptions(create, &options->stores);
  create->callback([&global, options, exit_code] { *exit_code = RunCreate(global, *options); });

  CLI::App* revoke = command->add_subcommand("revoke", "Stop a token from working, for good");
  revoke->add_option("id", options->id, "The token's id (from mesh token list)")->required();
  AddStoreOptions(revoke, &options->stores);
  revoke->callback([&global, options, exit_code] { *exit_code = RunRevoke(global, *options); });

  CLI::App* list = command->add_subcommand("list", "List tokens (never their secrets)");
  list->add_option("--person", options->person, "Only this person's tokens");
  list->add_flag("--json", options->json,
                 "Print [{id, person, created_at, expires_at, revoked_at, state}]");
  AddStoreOptions(list, &options->stores);
  list->callback([&global, options, exit_code] { *exit_code = RunList(global, *options); });
  command->footer(
      "Local admin verbs: the audit log records them as actor local-admin. Time comes from "
      "MESH_NOW when set.\nExit codes: 0 done, 1 refused (the token was already revoked), 2 "
      "usage or input error (unknown person or token, expiry not in the future, no workspace).");
}

}  // namespace

MESH_REGISTER_VERB("token", 80, SetupToken);

}  // namespace mesh::cli
