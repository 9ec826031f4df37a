// Workspace: a mesh as files (governance.md "A mesh workspace"): the folder holding mesh.yaml,
// with product descriptors under products/ (any layout, every *.yaml file, sorted) and policies
// under governance/. Loading parses mesh.yaml and the descriptors and runs every model check
// (descriptor.*, org.*); governance adds its own checks on top, using root() and fs() to read
// governance/global.yaml and governance/domains/*.yaml.
// Paths in findings and Descriptor::file are relative to the root ("products/ops/x.yaml").
// Thread-compatible: a Workspace is a value; Load may run concurrently (the FileSystem is safe).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/filesystem.h"
#include "base/result.h"
#include "model/descriptor.h"
#include "model/descriptor_parser.h"
#include "model/finding.h"
#include "model/organisation.h"

namespace mesh {

inline constexpr std::string_view kOrganisationFile = "mesh.yaml";
inline constexpr std::string_view kProductsDir = "products";

// What a load found. Descriptors that could be read are kept even when they have findings
// (callers decide by the findings whether to trust them).
struct WorkspaceContents {
  std::optional<Organisation> org;      // absent when mesh.yaml is not a mapping
  std::vector<Descriptor> descriptors;  // in file order
  std::vector<Finding> findings;        // sorted (SortFindings)
  std::vector<std::string> files;       // every file checked, relative to the root

  size_t CountErrors() const;
  size_t CountWarnings() const;
  // The descriptor read from `file` (relative path); nullptr when none.
  const Descriptor* FindByFile(std::string_view file) const;
  const Descriptor* FindByName(std::string_view name) const;
};

class Workspace {
 public:
  // The nearest folder at or above `start` holding mesh.yaml. NotFound when there is none; the
  // message says how to create one (mesh init) or point at one (-C DIR).
  static Result<std::string> FindRoot(FileSystem& fs, const std::string& start);

  // A workspace rooted at `root`, which must hold mesh.yaml (NotFound otherwise).
  static Result<Workspace> Open(std::shared_ptr<FileSystem> fs, std::string root);

  const std::string& root() const { return root_; }
  FileSystem& fs() const { return *fs_; }
  const std::shared_ptr<FileSystem>& shared_fs() const { return fs_; }

  // `relative` joined to the root.
  std::string PathOf(std::string_view relative) const;
  // Every *.yaml below products/, relative to the root, sorted; empty when there is no products/.
  Result<std::vector<std::string>> ProductFiles() const;

  // Loads mesh.yaml and the descriptors in `product_files` (relative to the root, or absolute;
  // all of ProductFiles() when empty) and validates them, also against mesh.yaml and against
  // the names of every other product of the workspace. An unreadable file is an error Status;
  // a file that is not valid YAML or too large is a descriptor.syntax finding.
  Result<WorkspaceContents> Load(const std::vector<std::string>& product_files = {},
                                 const DescriptorParseOptions& options = {}) const;

 private:
  Workspace(std::shared_ptr<FileSystem> fs, std::string root)
      : fs_(std::move(fs)), root_(std::move(root)) {}

  Result<std::string> ReadText(const std::string& relative) const;
  Status LoadOrganisation(WorkspaceContents* contents) const;
  Status LoadDescriptor(const std::string& relative, const DescriptorParseOptions& options,
                        WorkspaceContents* contents) const;
  Status CheckNamesAgainstOtherProducts(const std::vector<std::string>& selected,
                                        WorkspaceContents* contents) const;

  std::shared_ptr<FileSystem> fs_;
  std::string root_;
};

}  // namespace mesh
