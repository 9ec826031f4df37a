#include "model/workspace.h"

#include <algorithm>
#include <map>

#include "model/organisation_checks.h"
#include "model/organisation_parser.h"
#include "yaml/loader.h"

namespace mesh {
namespace {

size_t CountSeverity(const std::vector<Finding>& findings, Severity severity) {
  return static_cast<size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

void Append(std::vector<Finding> from, std::vector<Finding>* to) {
  for (Finding& f : from) to->push_back(std::move(f));
}

}  // namespace

size_t WorkspaceContents::CountErrors() const { return CountSeverity(findings, Severity::kError); }

size_t WorkspaceContents::CountWarnings() const { return CountSeverity(findings, Severity::kWarn); }

const Descriptor* WorkspaceContents::FindByFile(std::string_view file) const {
  for (const Descriptor& d : descriptors) {
    if (d.file == file) return &d;
  }
  return nullptr;
}

const Descriptor* WorkspaceContents::FindByName(std::string_view name) const {
  for (const Descriptor& d : descriptors) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

Result<std::string> Workspace::FindRoot(FileSystem& fs, const std::string& start) {
  std::string dir = start;
  while (true) {
    if (fs.Exists(JoinPath(dir, kOrganisationFile))) return dir;
    std::string parent = DirName(dir);
    if (parent == dir || dir.empty() || dir == ".") break;
    dir = parent;
  }
  return Status::NotFound("no mesh workspace (a folder holding mesh.yaml) at or above " + start +
                          ": run 'mesh init' to create one, or pass -C <workspace folder>");
}

Result<Workspace> Workspace::Open(std::shared_ptr<FileSystem> fs, std::string root) {
  if (!fs->Exists(JoinPath(root, kOrganisationFile))) {
    return Status::NotFound(root +
                            " holds no mesh.yaml, so it is not a mesh workspace: run "
                            "'mesh init " +
                            root +
                            "' to create one, or pass -C <workspace "
                            "folder>");
  }
  return Workspace(std::move(fs), std::move(root));
}

std::string Workspace::PathOf(std::string_view relative) const {
  if (!relative.empty() && relative.front() == '/') return std::string(relative);
  return JoinPath(root_, relative);
}

Result<std::vector<std::string>> Workspace::ProductFiles() const {
  std::string dir = PathOf(kProductsDir);
  if (!fs_->IsDirectory(dir)) return std::vector<std::string>{};
  ASSIGN_OR_RAISE(std::vector<std::string> files, fs_->ListFilesRecursive(dir, ".yaml"));
  for (std::string& file : files) {
    file = JoinPath(kProductsDir, std::string_view(file).substr(dir.size() + 1));
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::string> Workspace::ReadText(const std::string& relative) const {
  return fs_->ReadFile(PathOf(relative), yaml::Limits{}.max_bytes);
}

Status Workspace::LoadOrganisation(WorkspaceContents* contents) const {
  const std::string file(kOrganisationFile);
  contents->files.push_back(file);
  FindingSink sink(file);
  Result<std::string> text = ReadText(file);
  if (text.ok()) {
    contents->org = ParseOrganisationText(*text, file, &sink);
  } else if (text.status().code() == StatusCode::kResourceExhausted) {
    sink.Error("org.syntax", yaml::Mark{1, 1}, text.status().message());
  } else {
    return text.status();
  }
  Append(sink.Take(), &contents->findings);
  return Status::OK();
}

Status Workspace::LoadDescriptor(const std::string& relative, const DescriptorParseOptions& options,
                                 WorkspaceContents* contents) const {
  contents->files.push_back(relative);
  FindingSink sink(relative);
  Result<std::string> text = ReadText(relative);
  std::optional<Descriptor> descriptor;
  if (text.ok()) {
    descriptor = ParseDescriptorText(*text, relative, &sink, options);
  } else if (text.status().code() == StatusCode::kResourceExhausted) {
    sink.Error("descriptor.syntax", yaml::Mark{1, 1}, text.status().message());
  } else {
    return text.status();
  }
  if (descriptor && contents->org) {
    CheckDescriptorAgainstOrganisation(*descriptor, *contents->org, &sink);
  }
  Append(sink.Take(), &contents->findings);
  if (descriptor) contents->descriptors.push_back(std::move(*descriptor));
  return Status::OK();
}

// With a selection of files, a name clash with any other product of the workspace is reported
// in the selected file (the other file is only read for its name).
Status Workspace::CheckNamesAgainstOtherProducts(const std::vector<std::string>& selected,
                                                 WorkspaceContents* contents) const {
  ASSIGN_OR_RAISE(std::vector<std::string> all, ProductFiles());
  std::map<std::string, std::string, std::less<>> other_names;  // name -> file:line
  for (const std::string& file : all) {
    if (std::find(selected.begin(), selected.end(), file) != selected.end()) continue;
    Result<std::string> text = ReadText(file);
    if (!text.ok()) continue;  // reported when that file itself is validated
    Result<yaml::Document> document = yaml::LoadYaml(*text, file);
    if (!document.ok() || !document->root->IsMap()) continue;
    const yaml::Node* name = document->root->Get("name");
    if (!name || !name->IsScalar()) continue;
    other_names.emplace(name->scalar, file + ":" + std::to_string(name->mark.line));
  }
  for (const Descriptor& d : contents->descriptors) {
    auto other = other_names.find(d.name);
    if (d.name.empty() || other == other_names.end()) continue;
    FindingSink sink(d.file);
    sink.Error("org.duplicate_id", d.ValueMarkOf("name"),
               "product name '" + d.name + "' is already used by " + other->second +
                   ": product names are unique across the mesh; rename one of them");
    Append(sink.Take(), &contents->findings);
  }
  return Status::OK();
}

Result<WorkspaceContents> Workspace::Load(const std::vector<std::string>& product_files,
                                          const DescriptorParseOptions& options) const {
  WorkspaceContents contents;
  RETURN_NOT_OK(LoadOrganisation(&contents));
  std::vector<std::string> files = product_files;
  if (files.empty()) {
    ASSIGN_OR_RAISE(files, ProductFiles());
  }
  for (const std::string& file : files) RETURN_NOT_OK(LoadDescriptor(file, options, &contents));
  std::vector<const Descriptor*> loaded;
  for (const Descriptor& d : contents.descriptors) loaded.push_back(&d);
  CheckUniqueProductNames(loaded, &contents.findings);
  if (!product_files.empty()) RETURN_NOT_OK(CheckNamesAgainstOtherProducts(files, &contents));
  SortFindings(&contents.findings);
  return contents;
}

}  // namespace mesh
