#include "governance/policy_loader.h"

#include <algorithm>

#include "governance/policy_parser.h"
#include "yaml/loader.h"

namespace mesh::governance {
namespace {

std::string JoinPath(const std::string& root, const std::string& relative) {
  if (root.empty() || root == ".") return relative;
  return root.back() == '/' ? root + relative : root + "/" + relative;
}

// Parses one policy file; a YAML syntax error becomes a policy.syntax finding.
std::optional<Policy> LoadOne(FileSystem& fs, const std::string& root, const std::string& relative,
                              const std::string& domain, std::vector<Finding>* findings) {
  std::string path = JoinPath(root, relative);
  Result<std::string> text = fs.ReadFile(path);
  FindingSink sink(relative);
  if (!text.ok()) {
    sink.Error("policy.syntax", {1, 1}, "cannot read the policy: " + text.status().message());
  } else {
    yaml::SyntaxError error;
    Result<yaml::Document> document = yaml::LoadYaml(*text, relative, {}, &error);
    if (!document.ok()) {
      sink.Error("policy.syntax", error.mark.line ? error.mark : yaml::Mark{1, 1},
                 error.message.empty() ? document.status().message() : error.message);
    } else {
      Policy policy = ParsePolicy(*document, domain, &sink);
      for (Finding& finding : sink.Take()) findings->push_back(std::move(finding));
      return policy;
    }
  }
  for (Finding& finding : sink.Take()) findings->push_back(std::move(finding));
  return std::nullopt;
}

}  // namespace

Result<LoadedPolicies> LoadPolicies(FileSystem& fs, const std::string& root) {
  LoadedPolicies loaded;
  const std::string global = "governance/global.yaml";
  if (fs.Exists(JoinPath(root, global))) {
    loaded.global = LoadOne(fs, root, global, "", &loaded.findings);
  }
  const std::string domains_dir = "governance/domains";
  if (!fs.IsDirectory(JoinPath(root, domains_dir))) return loaded;
  ASSIGN_OR_RAISE(std::vector<DirEntry> entries, fs.ListDir(JoinPath(root, domains_dir)));
  std::vector<std::string> names;
  for (const DirEntry& entry : entries) {
    if (entry.is_directory) continue;
    const std::string& name = entry.name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string domain = name.substr(0, name.size() - 5);
    if (auto policy = LoadOne(fs, root, domains_dir + "/" + name, domain, &loaded.findings)) {
      loaded.domains.push_back(std::move(*policy));
    }
  }
  return loaded;
}

}  // namespace mesh::governance
