// mesh report open NAME --as P --title T [--body B] | list [NAME] [--status S] | show ID |
// comment ID --as P --body B | resolve ID --as P: consumer reports, the error reporting channel
// of a product (docs/sla.md "Consumer reports"). Reports are kept on the product and visible to
// its owners and consumers; each listing shows the product's `support` channel. Opening and
// resolving tell the owner and consumer teams; only owners resolve.
// Exit codes: 0 done, 1 refused (not an owner, already resolved), 2 usage error, unknown
// person, product or report.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "cli/sla_context.h"
#include "cli/verb.h"
#include "sla/sla_actions.h"
#include "sla/sla_json.h"

namespace mesh::cli {
namespace {

using sla::Json;
using sla::ReportJson;

struct ReportOptions {
  std::string product;
  std::string person;
  std::string title;
  std::string body;
  std::string status = "all";
  int64_t id = 0;
  bool json = false;
  StoreOptions stores;
};

void PrintReport(const ConsumerReport& report) {
  std::cout << "#" << report.id << "  " << report.product << "  " << ReportStatusName(report.status)
            << "  " << FormatTimestamp(report.opened_at) << "  " << report.opened_by << "\n  "
            << report.title << "\n";
}

void PrintDetails(const ConsumerReport& report, const std::string& support) {
  PrintReport(report);
  if (!report.body.empty()) std::cout << "  " << report.body << "\n";
  for (const ReportComment& comment : report.comments) {
    std::cout << "  - " << FormatTimestamp(comment.at) << " " << comment.person << ": "
              << comment.body << "\n";
  }
  if (report.resolved_at) {
    std::cout << "  resolved by " << report.resolved_by << " at "
              << FormatTimestamp(*report.resolved_at) << "\n";
  }
  std::cout << "  support: " << (support.empty() ? "none declared" : support) << "\n";
}

Json WithSupport(Json json, const std::string& support) {
  json["support"] = support.empty() ? Json(nullptr) : Json(support);
  return json;
}

Result<ConsumerReport> Open(SlaContext& context, const ReportOptions& options) {
  RETURN_NOT_OK(RequirePerson(context, options.person));
  if (options.title.empty()) return Status::InvalidArgument("give the report a --title");
  sla::ActionContext action{context.catalog.get(), &context.org, context.clock->Now()};
  return sla::OpenReport(action, {options.product, options.title, options.body, options.person});
}

Result<ConsumerReport> Resolve(SlaContext& context, const ReportOptions& options) {
  sla::ActionContext action{context.catalog.get(), &context.org, context.clock->Now()};
  return sla::ResolveReport(action, options.id, options.person, [&](const ProductRecord& product) {
    return RequireOwner(context, product, options.person,
                        "resolve report " + std::to_string(options.id));
  });
}

int RunOpen(const GlobalOptions& global, const ReportOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("report open", context.status());
  Result<ConsumerReport> report = Open(*context, options);
  if (!report.ok()) return FailWith("report open", report.status());
  DeliverWebhooksNow(*context);
  Result<std::string> support = SupportOf(*context->catalog, report->product);
  if (!support.ok()) return FailWith("report open", support.status());
  if (options.json) {
    std::cout << WithSupport(ReportJson(*report), *support).dump(2) << "\n";
  } else {
    std::cout << "report #" << report->id << " opened on " << report->product
              << "; its owners and consumers are told\n  support: "
              << (support->empty() ? "none declared" : *support) << "\n";
  }
  return kExitOk;
}

int RunList(const GlobalOptions& global, const ReportOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("report list", context.status());
  std::optional<ReportStatus> status;
  if (options.status != "all") {
    status = ParseReportStatus(options.status);
    if (!status) {
      return FailWith("report list", Status::InvalidArgument("--status '" + options.status +
                                                             "': use open, resolved or all"));
    }
  }
  if (!options.product.empty()) {
    Result<ProductRecord> product = context->catalog->GetProduct(options.product);
    if (!product.ok()) return FailWith("report list", product.status());
  }
  Result<std::vector<ConsumerReport>> reports =
      context->catalog->ListConsumerReports(options.product);
  if (!reports.ok()) return FailWith("report list", reports.status());
  if (status) std::erase_if(*reports, [&](const ConsumerReport& r) { return r.status != *status; });
  std::map<std::string, std::string> support;
  for (const ConsumerReport& report : *reports) {
    if (support.count(report.product)) continue;
    Result<std::string> channel = SupportOf(*context->catalog, report.product);
    support[report.product] = channel.ok() ? *channel : "";
  }
  if (options.json) {
    Json json = Json::array();
    for (const ConsumerReport& report : *reports) {
      json.push_back(WithSupport(ReportJson(report), support[report.product]));
    }
    std::cout << json.dump(2) << "\n";
    return kExitOk;
  }
  for (const ConsumerReport& report : *reports) {
    PrintReport(report);
    std::cout << "  support: "
              << (support[report.product].empty() ? "none declared" : support[report.product])
              << "\n";
  }
  if (reports->empty()) std::cout << "no reports\n";
  return kExitOk;
}

int RunShow(const GlobalOptions& global, const ReportOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("report show", context.status());
  Result<ConsumerReport> report = context->catalog->GetConsumerReport(options.id);
  if (!report.ok()) return FailWith("report show", report.status());
  Result<std::string> support = SupportOf(*context->catalog, report->product);
  if (!support.ok()) return FailWith("report show", support.status());
  if (options.json) {
    std::cout << WithSupport(ReportJson(*report), *support).dump(2) << "\n";
  } else {
    PrintDetails(*report, *support);
  }
  return kExitOk;
}

int RunComment(const GlobalOptions& global, const ReportOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("report comment", context.status());
  Status person = RequirePerson(*context, options.person);
  if (!person.ok()) return FailWith("report comment", person);
  sla::ActionContext action{context->catalog.get(), &context->org, context->clock->Now()};
  Result<ReportComment> added =
      sla::CommentOnReport(action, options.id, options.person, options.body);
  if (!added.ok()) return FailWith("report comment", added.status());
  std::cout << "comment added to report #" << options.id << "\n";
  return kExitOk;
}

int RunResolve(const GlobalOptions& global, const ReportOptions& options) {
  Result<SlaContext> context = OpenSlaContext(global, options.stores);
  if (!context.ok()) return FailWith("report resolve", context.status());
  Result<ConsumerReport> report = Resolve(*context, options);
  if (!report.ok()) return FailWith("report resolve", report.status());
  DeliverWebhooksNow(*context);
  if (options.json) {
    std::cout << ReportJson(*report).dump(2) << "\n";
  } else {
    std::cout << "report #" << report->id << " resolved by " << options.person << "\n";
  }
  return kExitOk;
}

void SetupReport(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  CLI::App* command = app.add_subcommand(
      "report",
      "Consumer reports (the error reporting channel): open, list, show, comment, resolve");
  command->require_subcommand(1);
  auto options = std::make_shared<ReportOptions>();

  CLI::App* open = command->add_subcommand("open", "Report a problem with a product");
  open->add_option("product", options->product, "The product")->required();
  open->add_option("--as", options->person, "Who you are (a person of mesh.yaml)")->required();
  open->add_option("--title", options->title, "The problem in one line")->required();
  open->add_option("--body", options->body, "Details");
  open->add_flag("--json", options->json, "Print the report with the product's support channel");
  AddStoreOptions(open, &options->stores);
  open->callback([&global, options, exit_code] { *exit_code = RunOpen(global, *options); });

  CLI::App* list = command->add_subcommand("list", "List reports, newest first");
  list->add_option("product", options->product, "Only this product's reports");
  list->add_option("--status", options->status, "open, resolved or all (default)");
  list->add_flag("--json", options->json, "Print [{id, product, title, status, support, ...}]");
  AddStoreOptions(list, &options->stores);
  list->callback([&global, options, exit_code] { *exit_code = RunList(global, *options); });

  CLI::App* show = command->add_subcommand("show", "Show a report with its comments");
  show->add_option("id", options->id, "The report's id")->required();
  show->add_flag("--json", options->json, "Print the report");
  AddStoreOptions(show, &options->stores);
  show->callback([&global, options, exit_code] { *exit_code = RunShow(global, *options); });

  CLI::App* comment = command->add_subcommand("comment", "Add a comment to a report");
  comment->add_option("id", options->id, "The report's id")->required();
  comment->add_option("--as", options->person, "Who you are")->required();
  comment->add_option("--body", options->body, "The comment")->required();
  AddStoreOptions(comment, &options->stores);
  comment->callback([&global, options, exit_code] { *exit_code = RunComment(global, *options); });

  CLI::App* resolve = command->add_subcommand("resolve", "Resolve a report (owners)");
  resolve->add_option("id", options->id, "The report's id")->required();
  resolve->add_option("--as", options->person, "Who you are (a member of the owning team)")
      ->required();
  resolve->add_flag("--json", options->json, "Print the resolved report");
  AddStoreOptions(resolve, &options->stores);
  resolve->callback([&global, options, exit_code] { *exit_code = RunResolve(global, *options); });
  command->footer(
      "Exit codes: 0 done, 1 refused (not an owner, already resolved), 2 usage error or unknown "
      "person, product or report.");
}

}  // namespace

MESH_REGISTER_VERB("report", 73, SetupReport);

}  // namespace mesh::cli
