#include "demo/former_workspace.h"

#include <algorithm>

namespace mesh::demo {
namespace {

// The byte offset of a 1-based line and column in `text`; npos when outside it.
size_t OffsetOf(const std::string& text, yaml::Mark mark) {
  size_t offset = 0;
  for (int line = 1; line < mark.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string::npos) return std::string::npos;
    ++offset;
  }
  offset += static_cast<size_t>(mark.column - 1);
  return offset < text.size() ? offset : std::string::npos;
}

// mesh.yaml with each emptied team's `[]` replaced by its former member.
Result<std::string> FormerMeshYaml(std::string text, const Organisation& organisation,
                                   const std::vector<std::string>& emptied_teams) {
  std::vector<std::pair<size_t, std::string>> edits;  // offset of `[]`, team
  for (const std::string& id : emptied_teams) {
    const Team* team = organisation.FindTeam(id);
    size_t offset = std::string::npos;
    if (team != nullptr) {
      auto mark = team->value_marks.find("members");
      if (mark != team->value_marks.end()) offset = OffsetOf(text, mark->second);
    }
    if (offset == std::string::npos || text.compare(offset, 2, "[]") != 0) {
      return Status::InvalidArgument(
          "mesh.yaml: team '" + id +
          "' has no members but is not written `members: []`; the demo's history cannot tell "
          "who published its products before; write its members as `members: []`");
    }
    edits.emplace_back(offset, id);
  }
  std::sort(edits.rbegin(), edits.rend());  // from the end, so that earlier offsets hold
  for (const auto& [offset, team] : edits) {
    text.replace(offset, 2, "[" + FormerMemberOf(team) + "]");
  }
  return text;
}

Status CopyFolder(const Workspace& workspace, const std::string& folder, const std::string& dir) {
  FileSystem& fs = workspace.fs();
  const std::string from = workspace.PathOf(folder);
  if (!fs.IsDirectory(from)) return Status::OK();
  ASSIGN_OR_RAISE(std::vector<std::string> files, fs.ListFilesRecursive(from, ".yaml"));
  for (const std::string& file : files) {
    const std::string relative = folder + file.substr(from.size());
    ASSIGN_OR_RAISE(std::string text, fs.ReadFile(file));
    const std::string to = JoinPath(dir, relative);
    RETURN_NOT_OK(fs.CreateDirs(DirName(to)));
    RETURN_NOT_OK(fs.WriteFileAtomically(to, text));
  }
  return Status::OK();
}

}  // namespace

std::string FormerMemberOf(const std::string& team) { return team + "-former-member"; }

Result<Workspace> WriteFormerWorkspace(const Workspace& workspace, const Organisation& organisation,
                                       const std::vector<std::string>& emptied_teams,
                                       const std::string& dir) {
  FileSystem& fs = workspace.fs();
  ASSIGN_OR_RAISE(std::string mesh_yaml, fs.ReadFile(workspace.PathOf("mesh.yaml")));
  ASSIGN_OR_RAISE(std::string former,
                  FormerMeshYaml(std::move(mesh_yaml), organisation, emptied_teams));
  RETURN_NOT_OK(fs.CreateDirs(dir));
  RETURN_NOT_OK(fs.WriteFileAtomically(JoinPath(dir, "mesh.yaml"), former));
  RETURN_NOT_OK(CopyFolder(workspace, "products", dir));
  RETURN_NOT_OK(CopyFolder(workspace, "governance", dir));
  return Workspace::Open(workspace.shared_fs(), dir);
}

}  // namespace mesh::demo
