// mesh audit [--product P] [--person P] [--action A] [--since T] [--json]: the audit log, oldest
// first. mesh audit verify [--expect-head SEQUENCE:HASH] [--json]: walks the hash chain
// (catalog/audit_chain.h) and reports every entry that was edited, removed or moved.
// Both take --catalog URI or --server URL (the server's audit log; needs the governance role).
// Exit codes: 0 shown / chain intact, 1 chain broken or the expected head is missing,
// 2 usage or input error.
#include <charconv>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "catalog/audit_chain.h"
#include "cli/access_context.h"
#include "cli/server_option.h"
#include "cli/verb.h"
#include "cli/workspace_option.h"
#include "server/api_json.h"

namespace mesh::cli {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kPage = 1000;

struct AuditOptions {
  std::string product;
  std::string person;
  std::string action;
  std::string since;
  std::string expect_head;
  bool json = false;
  StoreOptions stores;
  RemoteOptions remote;
};

int Fail(const Status& status, int code = kExitUsage) {
  std::cerr << "mesh audit: " << status.message() << "\n";
  return code;
}

// One page of entries after `query.after_sequence`, from the local catalog or a server.
using PageSource = std::function<Result<std::vector<AuditEntry>>(const AuditQuery&)>;

struct AuditSource {
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<client::MeshClient> client;
  PageSource pages;
};

Result<AuditSource> Open(const GlobalOptions& global, const AuditOptions& options,
                         const std::optional<std::string>& server) {
  AuditSource source;
  if (server) {
    ASSIGN_OR_RAISE(source.client, OpenVerbClient(*server));
    client::MeshClient* client = source.client.get();
    source.pages = [client](const AuditQuery& query) {
      client::AuditPage page;
      page.product = query.target_prefix;
      page.person = query.actor;
      page.after_sequence = query.after_sequence;
      page.limit = query.limit;
      return client->ListAudit(page);
    };
  } else {
    ASSIGN_OR_RAISE(Workspace workspace, OpenWorkspace(global));
    ASSIGN_OR_RAISE(source.catalog, OpenVerbCatalog(options.stores, workspace));
    Catalog* catalog = source.catalog.get();
    source.pages = [catalog](const AuditQuery& query) { return catalog->ListAudit(query); };
  }
  return source;
}

// Calls `visit` with every entry matching `query`, page by page, in sequence order.
template <typename Visit>
Status ForEachEntry(const PageSource& pages, AuditQuery query, Visit visit) {
  query.limit = kPage;
  while (true) {
    ASSIGN_OR_RAISE(std::vector<AuditEntry> page, pages(query));
    for (const AuditEntry& entry : page) RETURN_NOT_OK(visit(entry));
    if (static_cast<int>(page.size()) < kPage) return Status::OK();
    query.after_sequence = page.back().sequence;
  }
}

// The product an entry is about: its target up to '@' or '#' ("orders@1.2.0#3" -> "orders").
bool IsAboutProduct(const AuditEntry& entry, const std::string& product) {
  const std::string& target = entry.target;
  if (target.compare(0, product.size(), product) != 0) return false;
  return target.size() == product.size() || target[product.size()] == '@' ||
         target[product.size()] == '#';
}

int RunList(const GlobalOptions& global, const AuditOptions& options) {
  std::optional<Timestamp> since;
  if (!options.since.empty()) {
    Result<Timestamp> parsed = ParseSince(options.since, "--since");
    if (!parsed.ok()) return Fail(parsed.status());
    since = *parsed;
  }
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  Result<AuditSource> source = Open(global, options, *server);
  if (!source.ok()) return Fail(source.status());
  AuditQuery query;
  if (!options.person.empty()) query.actor = options.person;
  if (!options.product.empty()) query.target_prefix = options.product;
  Json json = Json::array();
  size_t shown = 0;
  Status listed = ForEachEntry(source->pages, query, [&](const AuditEntry& entry) {
    if (!options.product.empty() && !IsAboutProduct(entry, options.product)) return Status::OK();
    if (since && entry.at < *since) return Status::OK();
    if (!options.action.empty() && entry.action != options.action) return Status::OK();
    ++shown;
    if (options.json) {
      json.push_back(server::AuditJson(entry));
    } else {
      std::cout << "#" << entry.sequence << "  " << FormatTimestamp(entry.at) << "  " << entry.actor
                << "  " << entry.action << "  " << entry.target << "  " << entry.outcome
                << (entry.details.empty() ? "" : "  " + entry.details) << "\n";
    }
    return Status::OK();
  });
  if (!listed.ok()) return Fail(listed, *server ? RemoteFailureExitCode(listed) : kExitUsage);
  if (options.json) {
    std::cout << json.dump(2) << "\n";
  } else if (shown == 0) {
    std::cout << "no audit entries match\n";
  }
  return kExitOk;
}

int RunVerify(const GlobalOptions& global, const AuditOptions& options) {
  std::optional<std::pair<int64_t, std::string>> expected;
  if (!options.expect_head.empty()) {
    const std::string& text = options.expect_head;
    const size_t colon = text.find(':');
    int64_t sequence = 0;
    const char* end = text.data() + (colon == std::string::npos ? 0 : colon);
    auto [ptr, error] = std::from_chars(text.data(), end, sequence);
    if (colon == std::string::npos || error != std::errc() || ptr != end || sequence <= 0) {
      return Fail(Status::InvalidArgument("--expect-head '" + options.expect_head +
                                          "': give SEQUENCE:HASH as printed by an earlier "
                                          "`mesh audit verify`"));
    }
    expected.emplace(sequence, options.expect_head.substr(colon + 1));
  }
  Result<std::optional<std::string>> server = ChosenServer(options.remote, options.stores);
  if (!server.ok()) return Fail(server.status());
  Result<AuditSource> source = Open(global, options, *server);
  if (!source.ok()) return Fail(source.status());
  AuditChainVerifier verifier;
  std::optional<std::string> hash_at_expected;
  Status walked = ForEachEntry(source->pages, AuditQuery{}, [&](const AuditEntry& entry) {
    if (expected && entry.sequence == expected->first) hash_at_expected = entry.hash;
    return verifier.Add(entry);
  });
  if (!walked.ok()) return Fail(walked, *server ? RemoteFailureExitCode(walked) : kExitUsage);
  std::vector<std::string> problems;
  for (const AuditChainProblem& problem : verifier.problems()) problems.push_back(problem.message);
  if (expected && hash_at_expected != expected->second) {
    problems.push_back(
        "the recorded head " + options.expect_head + " is " +
        (hash_at_expected
             ? "now entry " + std::to_string(expected->first) + " with hash " + *hash_at_expected
             : "gone: the log ends at entry " + std::to_string(verifier.head_sequence())) +
        " (entries were changed or removed from the end)");
  }
  const bool intact = problems.empty();
  if (options.json) {
    Json json{{"intact", intact},
              {"entries", verifier.entries()},
              {"head_sequence", verifier.head_sequence()},
              {"head_hash", verifier.head_hash()},
              {"problems", problems}};
    std::cout << json.dump(2) << "\n";
  } else {
    for (const std::string& problem : problems) std::cout << problem << "\n";
    std::cout << (intact ? "audit chain intact: " : "audit chain BROKEN: ") << verifier.entries()
              << " entries, head " << verifier.head_sequence() << ":" << verifier.head_hash()
              << "\n";
  }
  return intact ? kExitOk : kExitFindings;
}

void SetupAudit(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "audit", "Show the audit log (who did what, when, how it ended) or verify its hash chain");
  command->require_subcommand(0, 1);
  auto options = std::make_shared<AuditOptions>();
  command->add_option("--product", options->product, "Only entries about this product");
  command->add_option("--person", options->person, "Only entries by this person (the actor)");
  command->add_option("--action", options->action, "Only this action (publish, access.grant, ...)");
  command->add_option("--since", options->since, "Only entries at or after a date or instant");
  command->add_flag("--json", options->json,
                    "Print [{sequence, at, actor, action, target, outcome, details, prev_hash, "
                    "hash}]");
  AddStoreOptions(command, &options->stores);
  AddServerOption(command, &options->remote);
  CLI::App* verify = command->add_subcommand(
      "verify", "Check that no entry was edited, removed or reordered (exit 1 when one was)");
  verify->add_option("--expect-head", options->expect_head,
                     "SEQUENCE:HASH printed by an earlier verify: also detects entries removed "
                     "from the end");
  verify->add_flag("--json", options->json,
                   "Print {intact, entries, head_sequence, head_hash, problems}");
  AddStoreOptions(verify, &options->stores);
  AddServerOption(verify, &options->remote);
  verify->callback([&global, options, exit_code] { *exit_code = RunVerify(global, *options); });
  command->callback([&global, command, options, exit_code] {
    if (command->get_subcommands().empty()) *exit_code = RunList(global, *options);
  });
  command->footer(
      "Exit codes: 0 shown, or the chain is intact; 1 the chain is broken (each problem is "
      "printed); 2 usage or input error (bad --since, no workspace, unreadable catalog).");
}

}  // namespace

MESH_REGISTER_VERB("audit", 75, SetupAudit);

}  // namespace mesh::cli
